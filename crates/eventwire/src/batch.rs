//! Batch processing: many documents, in parallel, with output in input order.
//!
//! Documents are read lazily and processed in bounded chunks on a thread pool of `jobs`
//! threads; each chunk's results are written in input order before the next chunk is read,
//! so output is byte-identical for every `jobs` and memory stays flat on a long stream.
//! Every input document ends up either in the output or in the error report.

use eventwire_input::{InputError, RawDocument};
use rayon::prelude::*;

/// What a batch run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Documents processed.
    pub documents: usize,
    /// Documents that failed (reported through `on_error`).
    pub failed: usize,
    /// Sentences in the processed documents.
    pub sentences: usize,
}

/// The result of processing one document: its output text and its sentence count.
pub type DocOutput = Result<(String, usize), InputError>;

/// Run `process` over `docs` on `jobs` threads. `on_output` receives each document's output in
/// input order, `on_error` each failure, `on_progress` the running summary after each chunk.
pub fn run<I, P, O, E, G>(
    docs: I,
    jobs: usize,
    process: P,
    mut on_output: O,
    mut on_error: E,
    mut on_progress: G,
) -> std::io::Result<BatchSummary>
where
    I: Iterator<Item = Result<RawDocument, InputError>>,
    P: Fn(RawDocument) -> DocOutput + Sync,
    O: FnMut(&str) -> std::io::Result<()>,
    E: FnMut(&InputError) -> std::io::Result<()>,
    G: FnMut(&BatchSummary),
{
    let jobs = jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(std::io::Error::other)?;
    let chunk_size = jobs * 32;
    let mut summary = BatchSummary::default();
    let mut docs = docs.peekable();
    let mut chunk: Vec<Result<RawDocument, InputError>> = Vec::with_capacity(chunk_size);
    while docs.peek().is_some() {
        chunk.clear();
        chunk.extend(docs.by_ref().take(chunk_size));
        let results: Vec<DocOutput> = pool.install(|| {
            chunk
                .par_drain(..)
                .map(|d| d.and_then(|d| catch(&process, d)))
                .collect()
        });
        for r in results {
            match r {
                Ok((out, n)) => {
                    summary.documents += 1;
                    summary.sentences += n;
                    on_output(&out)?;
                }
                Err(e) => {
                    summary.failed += 1;
                    on_error(&e)?;
                }
            }
        }
        on_progress(&summary);
    }
    Ok(summary)
}

/// Run `process`, turning a panic inside one document into that document's error so the
/// batch goes on.
fn catch<P: Fn(RawDocument) -> DocOutput>(process: &P, d: RawDocument) -> DocOutput {
    let id = d.id.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(d))).unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(InputError {
            doc_id: id,
            reason: format!("internal error: {msg}"),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Result<RawDocument, InputError> {
        Ok(RawDocument {
            id: id.into(),
            text: text.into(),
            extracted: false,
            date: None,
            title: None,
            url: None,
        })
    }

    fn go(jobs: usize) -> (String, Vec<String>, BatchSummary) {
        let mut docs: Vec<_> = (0..500)
            .map(|i| doc(&format!("d{i}"), &"x ".repeat(i % 7)))
            .collect();
        docs.insert(
            3,
            Err(InputError {
                doc_id: "in:4".into(),
                reason: "not JSON".into(),
            }),
        );
        docs.push(doc("boom", "panic"));
        let mut out = String::new();
        let mut errs = Vec::new();
        let s = run(
            docs.into_iter(),
            jobs,
            |d| {
                assert!(d.text != "panic", "stage failed");
                Ok((format!("{}:{}\n", d.id, d.text.len()), 1))
            },
            |o| {
                out.push_str(o);
                Ok(())
            },
            |e| {
                errs.push(e.doc_id.clone());
                Ok(())
            },
            |_| {},
        )
        .unwrap();
        (out, errs, s)
    }

    #[test]
    fn output_is_in_input_order_and_identical_for_every_job_count() {
        let (a, ea, sa) = go(1);
        let (b, eb, sb) = go(4);
        assert_eq!(a, b);
        assert_eq!(ea, eb);
        assert_eq!(sa, sb);
        assert!(a.starts_with("d0:0\nd1:2\nd2:4\nd3:6\nd4:"));
        assert_eq!(
            ea,
            ["in:4", "boom"],
            "bad input and a panicking document are both reported"
        );
        assert_eq!((sa.documents, sa.failed), (500, 2));
    }
}
