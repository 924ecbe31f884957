//! Input readers: plain text files, JSONL document streams, HTML pages and standard input.
//!
//! Every reader yields [`RawDocument`]s or [`InputError`]s one at a time, so a long JSONL
//! stream is never held in memory and one bad document never stops a batch: its error names
//! the document (or the file and line) and the reason, and reading goes on.
//!
//! | input | document id | text | date |
//! |---|---|---|---|
//! | `story.txt` | file stem (`story`) | the file | `--date` |
//! | `docs.jsonl` | the `id` field | the `text` field | `date` field, else `--date` |
//! | `page.html` | file stem | the article's main text (scripts, navigation, boilerplate dropped) | page metadata, else `--date` |
//! | `-` | `stdin` (JSONL and HTML sniffed from the first character) | | |

use chrono::NaiveDate;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

mod html;
pub use html::extract_html;

/// One input document before any pipeline stage ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDocument {
    /// Document id.
    pub id: String,
    /// The text all offsets will refer to.
    pub text: String,
    /// True when `text` was extracted from markup (HTML) rather than given as is.
    pub extracted: bool,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// Title, when given separately from the text.
    pub title: Option<String>,
    /// Source URL.
    pub url: Option<String>,
}

/// A document that could not be read, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[error("{doc_id}: {reason}")]
pub struct InputError {
    /// The document's id, or `FILE:LINE` where no id could be read.
    pub doc_id: String,
    /// Why it could not be read.
    pub reason: String,
}

impl InputError {
    fn new(doc_id: impl Into<String>, reason: impl Into<String>) -> InputError {
        InputError {
            doc_id: doc_id.into(),
            reason: reason.into(),
        }
    }
}

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the whole input is one document.
    Text,
    /// One JSON document per line.
    Jsonl,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format a path's extension implies.
    pub fn of_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("jsonl" | "ndjson" | "json") => Format::Jsonl,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }

    fn sniff(first: &[u8]) -> Format {
        match first.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::Jsonl,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Options shared by all readers.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Publication date for documents that do not carry one (`--date`).
    pub date: Option<NaiveDate>,
}

/// A stream of documents from one input.
pub type DocumentStream = Box<dyn Iterator<Item = Result<RawDocument, InputError>> + Send>;

/// Open `input` (a path, or `-` for standard input) as a stream of documents.
///
/// An input that cannot be opened at all yields a single error naming it.
pub fn open(input: &str, opts: &ReadOptions) -> DocumentStream {
    if input == "-" {
        let mut reader = BufReader::new(std::io::stdin());
        let format = match reader.fill_buf() {
            Ok(buf) => Format::sniff(buf),
            Err(e) => return one_error("stdin", format!("cannot read standard input: {e}")),
        };
        return from_reader("stdin", Box::new(reader), format, opts);
    }
    let path = Path::new(input);
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(input)
        .to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return one_error(input, format!("cannot open {input}: {e}")),
    };
    from_reader(
        &id,
        Box::new(BufReader::new(file)),
        Format::of_path(path),
        opts,
    )
}

fn one_error(id: &str, reason: String) -> DocumentStream {
    Box::new(std::iter::once(Err(InputError::new(id, reason))))
}

/// Read documents of `format` from `reader`; `id` names the input (file stem or `stdin`).
pub fn from_reader(
    id: &str,
    mut reader: Box<dyn BufRead + Send>,
    format: Format,
    opts: &ReadOptions,
) -> DocumentStream {
    match format {
        Format::Jsonl => Box::new(JsonlReader {
            source: id.to_string(),
            lines: reader,
            line_no: 0,
            default_date: opts.date,
            buf: String::new(),
        }),
        Format::Text | Format::Html => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                return one_error(id, format!("read error: {e}"));
            }
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    return one_error(
                        id,
                        format!(
                            "not valid UTF-8 (first bad byte at offset {})",
                            e.utf8_error().valid_up_to()
                        ),
                    )
                }
            };
            let doc = if format == Format::Html {
                extract_html(id, &text, opts.date)
            } else {
                Ok(RawDocument {
                    id: id.to_string(),
                    text,
                    extracted: false,
                    date: opts.date,
                    title: None,
                    url: None,
                })
            };
            Box::new(std::iter::once(doc))
        }
    }
}

/// Parse a date as the first ten characters of an ISO 8601 date or timestamp.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

struct JsonlReader {
    source: String,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
    default_date: Option<NaiveDate>,
    buf: String,
}

#[derive(serde::Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    title: Option<String>,
    url: Option<String>,
}

impl Iterator for JsonlReader {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            self.line_no += 1;
            match self.lines.read_line(&mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    let where_ = format!("{}:{}", self.source, self.line_no);
                    // Skip the rest of an unreadable line (bad UTF-8) and go on.
                    let mut skip = Vec::new();
                    let _ = self.lines.read_until(b'\n', &mut skip);
                    return Some(Err(InputError::new(
                        where_,
                        format!("unreadable line: {e}"),
                    )));
                }
            }
            if self.buf.trim().is_empty() {
                continue;
            }
            return Some(self.parse_line());
        }
    }
}

impl JsonlReader {
    fn parse_line(&self) -> Result<RawDocument, InputError> {
        let where_ = format!("{}:{}", self.source, self.line_no);
        let doc: JsonDoc = serde_json::from_str(&self.buf)
            .map_err(|e| InputError::new(&where_, format!("not a JSON document: {e}")))?;
        let id = match doc.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => return Err(InputError::new(where_, "missing \"id\"")),
        };
        let text = match doc.text {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => return Err(InputError::new(id, "\"text\" is not a string")),
            None => return Err(InputError::new(id, "missing \"text\"")),
        };
        let date = match doc.date {
            None | Some(serde_json::Value::Null) => self.default_date,
            Some(serde_json::Value::String(s)) => Some(parse_date(&s).ok_or_else(|| {
                InputError::new(&id, format!("bad \"date\" {s:?}: expected YYYY-MM-DD"))
            })?),
            Some(other) => {
                return Err(InputError::new(
                    id,
                    format!("bad \"date\" {other}: expected a string"),
                ))
            }
        };
        Ok(RawDocument {
            id,
            text,
            extracted: false,
            date,
            title: doc.title,
            url: doc.url,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: Format, input: &'static str) -> Vec<Result<RawDocument, InputError>> {
        let opts = ReadOptions {
            date: NaiveDate::from_ymd_opt(2023, 3, 21),
        };
        from_reader(
            "in",
            Box::new(BufReader::new(input.as_bytes())),
            format,
            &opts,
        )
        .collect()
    }

    #[test]
    fn jsonl_documents_and_errors_are_all_accounted_for() {
        let out = read(
            Format::Jsonl,
            "{\"id\":\"a\",\"text\":\"Xi met Putin.\",\"date\":\"2025-03-14\",\"extra\":1}\n\
             not json\n\n\
             {\"id\":\"b\",\"text\":\"Hi.\"}\n\
             {\"id\":\"c\"}\n\
             {\"id\":\"d\",\"text\":\"x\",\"date\":\"March\"}\n\
             {\"id\":7,\"text\":\"x\",\"date\":\"2025-03-14 20:28:39Z\"}\n",
        );
        assert_eq!(out.len(), 6);
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.date),
            ("a", NaiveDate::from_ymd_opt(2025, 3, 14))
        );
        assert_eq!(out[1].as_ref().unwrap_err().doc_id, "in:2");
        let b = out[2].as_ref().unwrap();
        assert_eq!(
            b.date,
            NaiveDate::from_ymd_opt(2023, 3, 21),
            "falls back to --date"
        );
        assert!(out[3]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("missing \"text\""));
        assert!(out[4].as_ref().unwrap_err().reason.contains("bad \"date\""));
        assert_eq!(out[5].as_ref().unwrap().id, "7");
    }

    #[test]
    fn text_is_one_document_with_the_given_date() {
        let out = read(Format::Text, "Headline\n\nBody text.");
        let d = out[0].as_ref().unwrap();
        assert_eq!(
            (d.id.as_str(), d.text.as_str(), d.extracted),
            ("in", "Headline\n\nBody text.", false)
        );
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_document() {
        let opts = ReadOptions::default();
        let bytes: &'static [u8] = b"ok \xff bad";
        let out: Vec<_> =
            from_reader("bad", Box::new(BufReader::new(bytes)), Format::Text, &opts).collect();
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(e.doc_id, "bad");
        assert!(e.reason.contains("UTF-8"));
    }

    #[test]
    fn formats_by_extension_and_sniffing() {
        assert_eq!(Format::of_path(Path::new("a/b.jsonl")), Format::Jsonl);
        assert_eq!(Format::of_path(Path::new("a/b.HTML")), Format::Html);
        assert_eq!(Format::of_path(Path::new("seed.txt")), Format::Text);
        assert_eq!(Format::sniff(b"  {\"id\""), Format::Jsonl);
        assert_eq!(Format::sniff(b"<!doctype html>"), Format::Html);
        assert_eq!(Format::sniff(b"Nato chief"), Format::Text);
    }
}
