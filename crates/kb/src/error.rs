//! Errors raised while loading knowledge-base files or PETRARCH dictionaries.

/// An error loading or parsing knowledge-base data. Every parse error names the file and the
/// 1-based line it comes from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KbError {
    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path that failed.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// A line of a data file is malformed.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// File name (e.g. `people_europe.tsv`).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The data is well-formed line by line but inconsistent (e.g. a duplicate id).
    #[error("{file}: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// What is wrong.
        message: String,
    },
}

impl KbError {
    pub(crate) fn parse(file: &str, line: usize, message: impl Into<String>) -> Self {
        KbError::Parse {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
