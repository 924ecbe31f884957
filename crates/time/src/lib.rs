//! The time stage: time expressions in news text, with TIMEX3 values resolved against the
//! publication date.
//!
//! Reads [`Document::tokens`] (normalized forms), [`Document::sentences`] and
//! [`Document::date`]; writes [`Document::timexes`], in text order and never overlapping.
//!
//! # Design
//! Recognition is a single left-to-right pass over each sentence's tokens (module `matcher`).
//! Every token's entry in the lexicons (`data/time/*.tsv`: months, weekdays, number words,
//! units, parts of the day, seasons, fixed phrases) is looked up once; a token can start an
//! expression only if it is a number, a lexicon word or one of a few cue words ("this",
//! "last", "every", "the", "early", …), so most tokens cost one hash lookup. At a possible
//! start, a handful of token-level patterns are tried and the longest match wins; the scan
//! continues after it. Patterns produce an unresolved expression ("the Friday before
//! publication", "two weeks back"), which the module `resolve` turns into a value.
//!
//! # Values
//! | text | kind | value | basis |
//! |---|---|---|---|
//! | "March 17, 2023", "2023-03-17", "in 2019", "March 2022", "the 1990s", "mid-2024" | date | `2023-03-17`, `2019`, `2022-03`, `199`, `2024` | explicit |
//! | "March 17", "in March", "last February", "on Friday", "yesterday" | date | `2023-03-17`, `2023-03`, `2022-02`, `2023-03-17`, `2023-03-20` | relative |
//! | "last week", "this weekend", "last month", "next year", "last spring", "this quarter" | date | `2023-W11`, `2023-W12-WE`, `2023-02`, `2024`, `2022-SP`, `2023-Q1` | relative |
//! | "Monday night", "this morning" | time | `2023-03-20TNI` | relative |
//! | "now", "recently", "in recent weeks", "in the coming days" | date | `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` | relative |
//! | "three days", "a three-day trip", "more than a decade", "for months" | duration | `P3D`, `P10Y`, `PXM` | explicit |
//! | "every week", "daily", "twice a year", "every Tuesday" | set | `P1W`, `P1D`, `P1Y`, `XXXX-WXX-2` | explicit |
//! | "at 3 p.m.", "3:30 p.m. local time" | time | `2023-03-21T15:00` | as its day's |
//!
//! Conventions where TIMEX3 leaves a choice:
//! - **basis**: `explicit` when the text alone gives the value (full dates, years, durations
//!   and sets with a value); `relative` when it needed the publication date (or, for "the day
//!   before", the last date mentioned). Reference values (`PRESENT_REF` …) are kept even
//!   without a publication date, with basis `relative`. Every other relative expression in
//!   a document without a date gets no value and basis `unresolved`.
//! - **weekday + part of day** ("Tuesday morning") is a time: `2023-03-20TMO`.
//! - **clock times** take the day of the closest preceding day-precise date in the sentence,
//!   else of one right after them ("3 p.m. Tuesday"), else the publication date; the basis is
//!   that day's. Without any day the value is the bare time `T15:00`, basis `unresolved`.
//! - **years for a month and day** ("March 17"): the latest year in which the date is at most
//!   two months after publication; **bare months and weekdays** ("in April", "on Friday"):
//!   the latest one not after publication. A future cue earlier in the clause ("will",
//!   "scheduled", "due to", "expected to") turns both to the first one not before publication.
//! - **"last February"** is February of last year (in March 2023: `2022-02`; the February just
//!   past would be "last month" or "in February"); "this February" is this year's; "next
//!   March" the first March after the publication month. "last Tuesday" is strictly before
//!   the publication day, "next Tuesday" strictly after.
//! - **durations** in decades and centuries count years (`P10Y`); unspecified ones keep the
//!   unit (`PXDE`). Spans leave out prepositions ("in", "on", "at", "for") but keep
//!   modifiers ("early", "more than", "the end of").
//!
//! ```
//! use eventwire_document::Document;
//! let mut doc = Document::new("d", "Ministers met on Friday and will meet again next month.");
//! doc.date = chrono::NaiveDate::from_ymd_opt(2023, 3, 21);
//! eventwire_text::analyze(&mut doc);
//! eventwire_time::annotate(&mut doc);
//! let values: Vec<_> = doc.timexes.iter().map(|t| t.value.as_deref()).collect();
//! assert_eq!(values, [Some("2023-03-17"), Some("2023-04")]);
//! ```

mod lexicon;
mod matcher;
mod resolve;

use chrono::NaiveDate;
use eventwire_document::{Document, Span, Timex, TimexBasis, TimexKind};
use resolve::{Context, Expr};

/// Find the time expressions in `doc` and resolve them against `doc.date`, replacing
/// `doc.timexes`. Needs the text stage's tokens and sentences.
pub fn annotate(doc: &mut Document) {
    let matcher = matcher::Matcher::new(doc);
    let mut timexes = Vec::new();
    // The last day-precise date mentioned: the anchor for "the day before".
    let mut anchor: Option<NaiveDate> = None;
    for sentence in &doc.sentences {
        let found = matcher.sentence(sentence.tokens.clone());
        let mut resolved: Vec<Option<resolve::Resolved>> = vec![None; found.len()];
        let base = Context {
            published: doc.date,
            anchor: None,
            clock_day: None,
        };
        // Dates first, in order, so that clock times can take the day of a date after them.
        for (k, f) in found.iter().enumerate() {
            if matches!(f.expr, Expr::Clock { .. }) {
                continue;
            }
            let r = resolve::resolve(&f.expr, &Context { anchor, ..base });
            if let Some(d) = r.day {
                anchor = Some(d);
            }
            resolved[k] = Some(r);
        }
        for k in 0..found.len() {
            if resolved[k].is_some() {
                continue;
            }
            let day_of = |j: usize| {
                resolved[j]
                    .as_ref()
                    .and_then(|r| r.day.map(|d| (d, r.basis)))
            };
            let before = (0..k).rev().find_map(day_of);
            let after = (k + 1 < found.len() && found[k + 1].start <= found[k].end + 2)
                .then(|| day_of(k + 1))
                .flatten();
            let clock_day = before
                .or(after)
                .or(doc.date.map(|d| (d, TimexBasis::Relative)));
            resolved[k] = Some(resolve::resolve(
                &found[k].expr,
                &Context { clock_day, ..base },
            ));
        }
        for (f, r) in found.into_iter().zip(resolved) {
            let Some(r) = r else { continue };
            let span = Span::new(
                doc.tokens.span(f.start).start,
                doc.tokens.span(f.end - 1).end,
            );
            timexes.push(Timex {
                span,
                tokens: f.start..f.end,
                kind: r.kind,
                value: r.value,
                basis: r.basis,
            });
        }
    }
    doc.timexes = timexes;
}

/// True when `value` is one of the forms [`annotate`] produces for `kind`:
/// dates `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYY` (decade), `YY` (century), `YYYY-Www`,
/// `YYYY-Www-WE`, `YYYY-Qn`, `YYYY-SP|SU|FA|WI`, `PRESENT_REF|PAST_REF|FUTURE_REF`; times
/// `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTMO|AF|EV|NI`, `THH:MM`; durations `PnU` / `PTnU` with `n`
/// a number or `X`; sets like durations, or `XXXX-WXX-d`, `XXXX-XX-XXTMO`.
pub fn is_timex_value(kind: TimexKind, value: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range =
        |s: &str, lo: u32, hi: u32| s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v));
    let date = |v: &str| -> bool {
        if matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF") || digits(v, 2) || digits(v, 3) {
            return true;
        }
        let parts: Vec<&str> = v.split('-').collect();
        match parts[..] {
            [y] => digits(y, 4),
            [y, w] if w.starts_with('W') => {
                digits(y, 4) && digits(&w[1..], 2) && in_range(&w[1..], 1, 53)
            }
            [y, q] if q.starts_with('Q') => digits(y, 4) && in_range(&q[1..], 1, 4) && q.len() == 2,
            [y, "SP" | "SU" | "FA" | "WI"] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 1, 12),
            [y, w, "WE"] => digits(y, 4) && w.starts_with('W') && digits(&w[1..], 2),
            [_, _, _] => NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok() && v.len() == 10,
            _ => false,
        }
    };
    let clock = |t: &str| {
        matches!(t, "MO" | "AF" | "EV" | "NI")
            || (t.len() == 5
                && t.as_bytes()[2] == b':'
                && in_range(&t[..2], 0, 23)
                && in_range(&t[3..], 0, 59))
    };
    let period = |v: &str| -> bool {
        let Some(rest) = v.strip_prefix('P') else {
            return false;
        };
        let (rest, units): (&str, &[&str]) = match rest.strip_prefix('T') {
            Some(r) => (r, &["H", "M", "S"]),
            None => (rest, &["Y", "M", "W", "D", "DE", "CE"]),
        };
        let n_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X'))
            .unwrap_or(rest.len());
        let (n, u) = rest.split_at(n_end);
        (n == "X" || n.parse::<f64>().is_ok_and(|x| x > 0.0)) && units.contains(&u)
    };
    match kind {
        TimexKind::Date => date(value),
        TimexKind::Time => match value.split_once('T') {
            Some(("", t)) => clock(t),
            Some((d, t)) => date(d) && d.len() == 10 && clock(t),
            None => false,
        },
        TimexKind::Duration => period(value),
        TimexKind::Set => {
            period(value)
                || value
                    .strip_prefix("XXXX-WXX-")
                    .is_some_and(|d| in_range(d, 1, 7) && d.len() == 1)
                || value
                    .strip_prefix("XXXX-XX-XXT")
                    .is_some_and(|t| matches!(t, "MO" | "AF" | "EV" | "NI"))
        }
    }
}

#[cfg(test)]
mod tests;
