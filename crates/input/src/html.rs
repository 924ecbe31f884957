//! HTML pages: the article's main text, title and publication date.
//!
//! Extraction uses a readability port (`dom_smoothie`), which drops scripts, navigation and
//! boilerplate and keeps paragraphs apart. Offsets of everything downstream refer to the
//! extracted text, which `annotate` prints. The publication date comes from the page's
//! metadata (`article:published_time`, JSON-LD `datePublished`) and falls back to `--date`.

use crate::{parse_date, InputError, RawDocument};
use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};

/// Extract the main text of an HTML page as a [`RawDocument`] with id `id`.
pub fn extract_html(
    id: &str,
    html: &str,
    default_date: Option<NaiveDate>,
) -> Result<RawDocument, InputError> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let err = |e: dom_smoothie::ReadabilityError| InputError {
        doc_id: id.to_string(),
        reason: format!("HTML extraction failed: {e}"),
    };
    let mut reader = Readability::new(html, None, Some(cfg)).map_err(err)?;
    let article = reader.parse().map_err(err)?;
    let text = tidy(&article.text_content);
    if text.trim().is_empty() {
        return Err(InputError {
            doc_id: id.to_string(),
            reason: "HTML page has no article text".into(),
        });
    }
    let date = article
        .published_time
        .as_deref()
        .and_then(parse_date)
        .or(default_date);
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    Ok(RawDocument {
        id: id.to_string(),
        text,
        extracted: true,
        date,
        title,
        url: article.url,
    })
}

/// One paragraph per line: trim each line, drop empty ones, separate paragraphs by a blank line.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_article_text_title_and_date() {
        let html = r#"<!doctype html><html><head><title>Talks in Moscow | News</title>
<meta property="article:published_time" content="2023-03-21T10:00:00Z">
<script>var tracking = "Do not read me";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Moscow</h1>
<p>Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday, the Kremlin said, as the two leaders discussed a peace plan.</p>
<p>The talks lasted several hours and covered trade, energy and the war in Ukraine, officials from both sides told reporters afterwards.</p>
<p>Western governments have warned Beijing against supplying weapons to Moscow, and said they would watch the meeting closely.</p>
</article><footer>Copyright 2023. All rights reserved.</footer></body></html>"#;
        let d = extract_html("page", html, None).unwrap();
        assert!(d.extracted);
        assert!(
            d.text.contains("Xi Jinping met Russian President"),
            "{}",
            d.text
        );
        assert!(!d.text.contains("Do not read me"));
        assert!(!d.text.contains("Copyright"));
        assert!(d.text.contains("\n\n"), "paragraphs kept apart");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2023, 3, 21));
        assert!(d.title.unwrap().contains("Talks in Moscow"));
    }
}
