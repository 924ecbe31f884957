//! Recognition: a left-to-right scan over each sentence's tokens that tries a handful of
//! token-level patterns at every token that can start a time expression, and keeps the
//! longest match.

use crate::lexicon::{lexicon, Count, PhraseMeaning, Unit, Word};
use crate::resolve::{period, Expr, Rel, ShiftUnit};
use chrono::NaiveDate;
use eventwire_document::{Document, TokenId};

/// A recognised expression over tokens `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub start: TokenId,
    pub end: TokenId,
    pub expr: Expr,
}

/// Words that may precede a year ("in 2019", "the 2024 election").
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "to", "through", "before", "after", "during",
    "of", "early", "late", "mid", "the", "fiscal", "between", "around", "circa", "for", "that",
    "this", "year", "summer", "spring", "autumn", "fall", "winter",
];

/// Words that may precede a month name standing alone ("in May", "since March").
const MONTH_CUES: &[&str] = &[
    "in", "by", "since", "until", "till", "from", "through", "before", "after", "during", "of",
    "early", "late", "mid", "last", "next", "this", "and", "or", "to",
];

/// Words after "May" that show it is the modal verb ("May be", "May not").
const MODAL_NEXT: &[&str] = &[
    "be", "have", "not", "also", "still", "well", "never", "soon", "need", "take", "face", "help",
    "become", "lead", "want", "seek", "try",
];

/// Words in front of a weekday that make it part of a name ("Super Tuesday").
const WEEKDAY_NAMES: &[&str] = &[
    "super", "black", "good", "bloody", "ash", "holy", "easter", "palm", "cyber", "shrove",
    "maundy", "fat", "giving",
];

/// Words that show the expression after them is in the future ("will meet on Friday").
const FUTURE_CUES: &[&str] = &["will", "'ll", "shall", "scheduled", "upcoming"];

/// Words that show the future when "to" follows ("due to travel on Tuesday"); not alone
/// ("migrants slated for deportation in January").
const FUTURE_TO_CUES: &[&str] = &[
    "due",
    "set",
    "expected",
    "slated",
    "plans",
    "planning",
    "going",
    "scheduled",
];

/// Words that end the clause searched for a future cue, looking back.
const CLAUSE_BREAKS: &[&str] = &[
    ",",
    ";",
    ":",
    "said",
    "says",
    "told",
    "announced",
    "\"",
    ".",
];

/// Words before a bare plural unit that make it a duration ("for months").
const VAGUE_DURATION_CUES: &[&str] = &[
    "for", "in", "within", "after", "over", "lasting", "lasted", "took", "spent", "taking",
];

/// Time-zone words after a clock time.
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "cet", "cest", "bst",
    "ist", "jst", "eet", "eest", "msk",
];

/// Real words one edit away from "last" that must not be read as a typo of it.
const NOT_LAST: &[&str] = &[
    "least", "list", "lost", "lust", "lest", "lass", "lash", "lasts", "late", "lase",
];

/// Words that widen a duration ("more than a decade").
const APPROX: &[(&str, Option<&str>)] = &[
    ("more", Some("than")),
    ("less", Some("than")),
    ("fewer", Some("than")),
    ("at", Some("least")),
    ("up", Some("to")),
    ("nearly", None),
    ("almost", None),
    ("about", None),
    ("around", None),
    ("roughly", None),
    ("some", None),
];

/// Words that narrow a date ("early 2024", "mid-March", "earlier this week").
const DATE_PREFIXES: &[&str] = &["early", "late", "mid", "earlier", "later"];

/// Phrases that narrow a date to part of it ("the end of March").
const PART_OF: &[&str] = &["end", "beginning", "start", "middle"];

fn one_of(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// True for a misspelling of "last" one edit away ("lst", "Lat", "lsat"), starting with `l`.
fn is_last_typo(w: &str) -> bool {
    if !(3..=5).contains(&w.len()) || !w.is_ascii() || one_of(NOT_LAST, w) {
        return false;
    }
    let w = w.to_ascii_lowercase();
    w.starts_with('l') && edit_distance_at_most_one(w.as_bytes(), b"last")
}

/// Optimal string alignment distance ≤ 1 (one insertion, deletion, substitution or swap).
fn edit_distance_at_most_one(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[p..], &b[p..]);
    match a.len() as isize - b.len() as isize {
        0 => a[1..] == b[1..] || (a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..]),
        1 => a[1..] == *b,
        -1 => *a == b[1..],
        _ => false,
    }
}

fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A day of the month: "17", "17th", "1st".
fn parse_day(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !suffix.is_empty() && !one_of(&["st", "nd", "rd", "th"], suffix) {
        return None;
    }
    parse_digits(digits)
        .filter(|d| (1..=31).contains(d))
        .filter(|_| digits.len() <= 2)
}

/// A range of days: "17-18".
fn parse_day_range(s: &str) -> Option<u32> {
    let (a, b) = s.split_once('-')?;
    let a = parse_day(a)?;
    parse_day(b).filter(|b| *b > a).map(|_| a)
}

/// A four-digit year in a plausible range.
fn parse_year(s: &str) -> Option<i32> {
    if s.len() != 4 {
        return None;
    }
    parse_digits(s)
        .filter(|y| (1000..=2999).contains(y))
        .map(|y| y as i32)
}

fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 || s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return None;
    }
    let y = parse_year(&s[..4])?;
    NaiveDate::from_ymd_opt(y, parse_digits(&s[5..7])?, parse_digits(&s[8..10])?)
}

/// A number written in digits: "3", "1,000", "2.5".
fn parse_number(s: &str) -> Option<f64> {
    let first = s.as_bytes().first()?;
    if !first.is_ascii_digit()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let n: f64 = s.replace(',', "").parse().ok()?;
    (n > 0.0 && n < 100_000.0).then_some(n)
}

/// A clock time written as one token: "15:00", "3:30", "3pm", "3:30pm"; returns
/// (hour, minute, had am/pm, is pm).
fn parse_clock(s: &str) -> Option<(u32, u32, Option<bool>)> {
    let lower = s.to_ascii_lowercase();
    let (body, ampm) = if let Some(b) = lower.strip_suffix("pm") {
        (b, Some(true))
    } else if let Some(b) = lower.strip_suffix("am") {
        (b, Some(false))
    } else {
        (lower.as_str(), None)
    };
    let (h, m) = match body.split_once(':') {
        Some((h, m)) if m.len() == 2 => (parse_digits(h)?, parse_digits(m)?),
        Some(_) => return None,
        None if ampm.is_some() => (parse_digits(body)?, 0),
        None => return None,
    };
    let hour_digits = body.split(':').next().map_or(0, str::len);
    (hour_digits <= 2 && h <= 24 && m < 60).then_some((h, m, ampm))
}

fn to_24h(h: u32, pm: Option<bool>) -> Option<u32> {
    match pm {
        None => (h < 24).then_some(h),
        Some(_) if !(1..=12).contains(&h) => None,
        Some(true) => Some(if h == 12 { 12 } else { h + 12 }),
        Some(false) => Some(if h == 12 { 0 } else { h }),
    }
}

fn is_ampm(w: &str) -> Option<bool> {
    match w.to_ascii_lowercase().as_str() {
        "p.m." | "p.m" | "pm" => Some(true),
        "a.m." | "a.m" | "am" => Some(false),
        _ => None,
    }
}

/// Words a scan may begin at without being in the lexicon.
const STARTERS: &[&str] = &[
    "this",
    "last",
    "next",
    "past",
    "the",
    "every",
    "each",
    "once",
    "twice",
    "per",
    "recent",
    "coming",
    "end",
    "beginning",
    "start",
    "middle",
];

/// The per-document matcher: the lexicon entry of every token, looked up once.
pub(crate) struct Matcher<'d> {
    doc: &'d Document,
    words: Vec<Option<&'static Word>>,
}

impl<'d> Matcher<'d> {
    pub(crate) fn new(doc: &'d Document) -> Matcher<'d> {
        let lex = lexicon();
        let mut buf = String::new();
        let words = (0..doc.tokens.len() as TokenId)
            .map(|t| {
                let w = doc.tokens.norm(t);
                if w.len() > 12 || !w.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
                    return None;
                }
                buf.clear();
                buf.extend(w.chars().map(|c| c.to_ascii_lowercase()));
                lex.get(&buf)
            })
            .collect();
        Matcher { doc, words }
    }

    /// The expressions in the tokens `range` (one sentence), in order, not overlapping.
    pub(crate) fn sentence(&self, range: std::ops::Range<TokenId>) -> Vec<Found> {
        let scan = Scan {
            m: self,
            s: range.start,
            e: range.end,
        };
        let mut out = Vec::new();
        let mut i = range.start;
        // A few patterns reach one token back ("the days ahead", "'70s"): never into the
        // previous expression.
        let mut floor = range.start;
        while i < range.end {
            match scan.can_start(i).then(|| scan.best(i, true)).flatten() {
                Some(f) if f.end > i && f.start >= floor && f.end <= range.end => {
                    floor = f.end;
                    i = f.end;
                    out.push(f);
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// A scan over one sentence's tokens `s..e`.
struct Scan<'a, 'd> {
    m: &'a Matcher<'d>,
    s: TokenId,
    e: TokenId,
}

fn found(start: TokenId, end: TokenId, expr: Expr) -> Option<Found> {
    Some(Found { start, end, expr })
}

fn is_date_like(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::Duration(_) | Expr::Set(_) | Expr::Ref(_) | Expr::Clock { .. }
    )
}

impl Scan<'_, '_> {
    /// Normalized form of token `i`, "" outside the sentence.
    fn n(&self, i: TokenId) -> &str {
        if i >= self.s && i < self.e {
            self.m.doc.tokens.norm(i)
        } else {
            ""
        }
    }

    fn is(&self, i: TokenId, w: &str) -> bool {
        self.n(i).eq_ignore_ascii_case(w)
    }

    fn word(&self, i: TokenId) -> Option<&'static Word> {
        if i >= self.s && i < self.e {
            self.m.words.get(i as usize).copied().flatten()
        } else {
            None
        }
    }

    /// The previous token's form ("" at the sentence start).
    fn prev(&self, i: TokenId) -> &str {
        if i > self.s {
            self.n(i - 1)
        } else {
            ""
        }
    }

    fn capitalized(&self, i: TokenId) -> bool {
        self.n(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn unit(&self, i: TokenId) -> Option<(Unit, bool)> {
        self.word(i).and_then(|w| w.unit)
    }

    fn month(&self, i: TokenId) -> Option<crate::lexicon::MonthWord> {
        self.word(i)
            .and_then(|w| w.month)
            .filter(|_| self.capitalized(i))
    }

    fn weekday(&self, i: TokenId) -> Option<u32> {
        self.word(i)
            .and_then(|w| w.weekday)
            .filter(|_| self.capitalized(i))
    }

    /// A part of the day in lower case (capitalized, it is part of a title: "Sunday Morning
    /// Futures").
    fn part_of_day(&self, i: TokenId) -> Option<&'static str> {
        self.word(i)
            .and_then(|w| w.part_of_day)
            .filter(|_| !self.capitalized(i))
    }

    fn is_last(&self, i: TokenId) -> bool {
        self.is(i, "last") || is_last_typo(self.n(i))
    }

    /// A cheap test: can a time expression begin at token `i`?
    fn can_start(&self, i: TokenId) -> bool {
        let w = self.n(i);
        match w.as_bytes().first() {
            Some(b) if b.is_ascii_digit() => true,
            Some(b) if b.is_ascii_alphabetic() => {
                self.word(i).is_some()
                    || one_of(STARTERS, w)
                    || one_of(DATE_PREFIXES, w)
                    || APPROX.iter().any(|(a, _)| a.eq_ignore_ascii_case(w))
                    || is_last_typo(w)
            }
            _ => false,
        }
    }

    /// Is there a future cue in the clause before token `i`?
    fn future_before(&self, i: TokenId) -> bool {
        let lo = i.saturating_sub(8).max(self.s);
        for k in (lo..i).rev() {
            let w = self.n(k);
            if one_of(CLAUSE_BREAKS, w) {
                return false;
            }
            if one_of(FUTURE_CUES, w) || (one_of(FUTURE_TO_CUES, w) && self.is(k + 1, "to")) {
                return true;
            }
        }
        false
    }

    fn bare(&self, i: TokenId) -> Rel {
        if self.future_before(i) {
            Rel::BareFuture
        } else {
            Rel::Bare
        }
    }

    /// The longest match at `i`; `outer` allows modifiers in front (one level).
    fn best(&self, i: TokenId, outer: bool) -> Option<Found> {
        let candidates = [
            self.phrase(i),
            self.digits(i),
            self.month_name(i, true),
            self.weekday_name(i),
            self.season_name(i),
            self.relative(i),
            self.set(i),
            self.counted(i),
            self.vague(i),
            self.the(i),
            if outer { self.modified(i) } else { None },
        ];
        let mut best: Option<Found> = None;
        for f in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| f.end > b.end) {
                best = Some(f);
            }
        }
        best
    }

    /// A phrase from `data/time/phrases.tsv`, with a following part of the day for days
    /// ("yesterday morning").
    fn phrase(&self, i: TokenId) -> Option<Found> {
        let w = self.word(i)?;
        let p = w.phrases.iter().find(|p| {
            p.rest
                .iter()
                .enumerate()
                .all(|(k, r)| self.is(i + 1 + k as TokenId, r))
        })?;
        let end = i + 1 + p.rest.len() as TokenId;
        let expr = match p.meaning {
            // Not "in the past week", "now-shuttered", "soon after the attack".
            PhraseMeaning::Ref(_)
                if self.unit(end).is_some()
                    || self.word(end).is_some_and(|w| w.count.is_some())
                    || self.is(end, "-")
                    || (self.is(i, "soon")
                        && (self.is(end, "after") || self.is(end, "before"))) =>
            {
                return None
            }
            PhraseMeaning::Ref(v) => Expr::Ref(v),
            PhraseMeaning::Anchor(n) => Expr::Anchored(n),
            PhraseMeaning::Clock(hour, minute) => Expr::Clock { hour, minute },
            PhraseMeaning::Set(v) => {
                if self.capitalized(i) && i > self.s {
                    return None;
                }
                Expr::Set(v.to_string())
            }
            PhraseMeaning::Day(n, part) => {
                if part.is_none() {
                    if let Some(part) = self.part_of_day(end) {
                        let expr = Expr::Shift {
                            unit: ShiftUnit::Day,
                            n,
                            part: Some(part),
                        };
                        return found(i, end + 1, expr);
                    }
                }
                Expr::Shift {
                    unit: ShiftUnit::Day,
                    n,
                    part,
                }
            }
        };
        found(i, end, expr)
    }

    /// Expressions starting with a number: ISO dates, clock times, "17 March 2023",
    /// decades, years and counted units.
    fn digits(&self, i: TokenId) -> Option<Found> {
        let t = self.n(i);
        if !t.as_bytes().first()?.is_ascii_digit() {
            return None;
        }
        if let Some(d) = parse_iso_date(t) {
            return found(i, i + 1, Expr::FullDate(d));
        }
        if let Some(f) = self.clock(i) {
            return Some(f);
        }
        if t.len() == 5 && t.ends_with('s') {
            if let Some(y) = parse_year(&t[..4]) {
                // "the 1800s" is a century, "the 2000s" (usually) a decade.
                if y % 100 == 0 && y < 2000 {
                    return found(i, i + 1, Expr::Century(y / 100));
                }
                return found(i, i + 1, Expr::Decade(y / 10));
            }
        }
        // "'70s"
        if t.len() == 3 && t.ends_with('s') && self.prev(i) == "'" && i > self.s {
            if let Some(y) = parse_digits(&t[..2]).filter(|y| y % 10 == 0) {
                let century = if y >= 20 { 190 } else { 200 };
                return found(i - 1, i + 1, Expr::Decade(century + y as i32 / 10));
            }
        }
        if let Some(day) = parse_day(t) {
            // "17 March 2023", "17th of March"
            let k = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
            if let Some(m) = self.month(k) {
                return self.with_year(i, k + 1, m.number, day);
            }
        }
        if let Some(y) = parse_year(t) {
            if self.year_context(i) {
                return found(i, i + 1, Expr::Year(y));
            }
        }
        None
    }

    /// A month and day from token `i`, with a year at `k` if one follows.
    fn with_year(&self, i: TokenId, k: TokenId, month: u32, day: u32) -> Option<Found> {
        let y = if self.is(k, ",") { k + 1 } else { k };
        if let Some(year) = parse_year(self.n(y)) {
            return NaiveDate::from_ymd_opt(year, month, day)
                .and_then(|d| found(i, y + 1, Expr::FullDate(d)));
        }
        // Validate the day against a leap year: "February 29" is kept.
        NaiveDate::from_ymd_opt(2024, month, day)?;
        let future = self.future_before(i);
        found(i, k, Expr::MonthDay { month, day, future })
    }

    /// Does token `i` (a four-digit number) read as a year here?
    fn year_context(&self, i: TokenId) -> bool {
        let prev = self.prev(i);
        let next = self.n(i + 1);
        let after_year_and = one_of(&["and", "or", "to", "-"], prev)
            && i >= self.s + 2
            && parse_year(self.n(i - 2)).is_some();
        let next_is_punct = next.is_empty()
            || next == "'s"
            || !next.chars().next().is_some_and(char::is_alphanumeric);
        one_of(YEAR_CUES, prev)
            || after_year_and
            || self.month(i.wrapping_sub(1)).is_some()
            || (next_is_punct && next != "%")
    }

    fn clock(&self, i: TokenId) -> Option<Found> {
        let t = self.n(i);
        let (h, m, ampm, mut end) = match (parse_clock(t), is_ampm(self.n(i + 1))) {
            (Some((h, m, None)), Some(pm)) => (h, m, Some(pm), i + 2),
            (Some((h, m, ampm)), _) => (h, m, ampm, i + 1),
            (None, Some(pm)) => (
                parse_digits(t).filter(|_| t.len() <= 2)?,
                0,
                Some(pm),
                i + 2,
            ),
            (None, None) => {
                // "0600 GMT"
                let hm = parse_digits(t).filter(|_| t.len() == 4)?;
                if !one_of(TIME_ZONES, self.n(i + 1)) {
                    return None;
                }
                (hm / 100, hm % 100, None, i + 1)
            }
        };
        let hour = to_24h(h, ampm)?;
        if m >= 60 {
            return None;
        }
        let zone = one_of(TIME_ZONES, self.n(end));
        let local_time = self.is(end + 1, "time")
            && (self.is(end, "local") || self.capitalized(end) && self.word(end).is_none());
        // A bare "10:30" is a time only with a cue: at/by/until…, am/pm or a zone.
        if ampm.is_none()
            && !zone
            && !local_time
            && !one_of(
                &[
                    "at", "by", "until", "till", "from", "around", "since", "before", "after",
                ],
                self.prev(i),
            )
        {
            return None;
        }
        if zone {
            end += 1;
        } else if local_time {
            end += 2;
        }
        found(i, end, Expr::Clock { hour, minute: m })
    }

    /// A month name: "March 17", "March 17, 2023", "March 2022", "in March".
    fn month_name(&self, i: TokenId, alone: bool) -> Option<Found> {
        let m = self.month(i)?;
        let k = i + 1;
        if let Some(day) = parse_day(self.n(k)) {
            return self.with_year(i, k + 1, m.number, day);
        }
        if let Some(day) = parse_day_range(self.n(k)) {
            NaiveDate::from_ymd_opt(2024, m.number, day)?;
            return match parse_year(self.n(k + 1))
                .or_else(|| parse_year(self.n(k + 2)).filter(|_| self.is(k + 1, ",")))
            {
                Some(y) => found(
                    i,
                    if self.is(k + 1, ",") { k + 3 } else { k + 2 },
                    Expr::YearMonth(y, m.number),
                ),
                None => found(
                    i,
                    k + 1,
                    Expr::Month {
                        month: m.number,
                        rel: self.bare(i),
                    },
                ),
            };
        }
        let y = if self.is(k, "of") { k + 1 } else { k };
        if let Some(year) = parse_year(self.n(y)) {
            return found(i, y + 1, Expr::YearMonth(year, m.number));
        }
        if !alone || m.abbr {
            return None;
        }
        // "July last year", "January of this year"
        let r = if self.is(k, "of") { k + 1 } else { k };
        if self.is(r + 1, "year") {
            let years = if self.is(r, "this") {
                Some(0)
            } else if self.is_last(r) {
                Some(-1)
            } else if self.is(r, "next") {
                Some(1)
            } else {
                None
            };
            if let Some(years) = years {
                return found(
                    i,
                    r + 2,
                    Expr::MonthInYear {
                        month: m.number,
                        years,
                    },
                );
            }
        }
        if m.needs_cue {
            let prev = self.prev(i);
            let cued =
                one_of(MONTH_CUES, prev) || (prev == "-" && self.is(i.wrapping_sub(2), "mid"));
            if !cued || (m.number == 5 && one_of(MODAL_NEXT, self.n(k))) {
                return None;
            }
            // "and"/"or"/"to" only between months: "between January and March".
            if one_of(&["and", "or", "to"], prev) && self.month(i.wrapping_sub(2)).is_none() {
                return None;
            }
        }
        found(
            i,
            k,
            Expr::Month {
                month: m.number,
                rel: self.bare(i),
            },
        )
    }

    /// A weekday: "Tuesday", "Tuesday, March 21", "Monday night".
    fn weekday_name(&self, i: TokenId) -> Option<Found> {
        let weekday = self.weekday(i)?;
        if one_of(WEEKDAY_NAMES, self.prev(i)) {
            return None;
        }
        let k = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
        let date = self.month_name(k, false).or_else(|| {
            self.digits(k)
                .filter(|f| matches!(f.expr, Expr::FullDate(_) | Expr::MonthDay { .. }))
        });
        if let Some(f) =
            date.filter(|f| matches!(f.expr, Expr::FullDate(_) | Expr::MonthDay { .. }))
        {
            return found(i, f.end, f.expr);
        }
        let rel = self.bare(i);
        self.weekday_part(i, i + 1, weekday, rel)
    }

    /// A season with a year ("spring 2021", "the summer of 2022") or after "in (the)".
    fn season_name(&self, i: TokenId) -> Option<Found> {
        let season = self.word(i).and_then(|w| w.season)?;
        let y = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        if let Some(year) = parse_year(self.n(y)) {
            return found(i, y + 1, Expr::YearSeason(year, season));
        }
        let after_in = self.is(i.wrapping_sub(1), "in")
            || (self.is(i.wrapping_sub(1), "the") && self.is(i.wrapping_sub(2), "in"));
        if !after_in || self.is(i + 1, "of") || self.capitalized(i) {
            return None;
        }
        found(
            i,
            i + 1,
            Expr::Season {
                season,
                rel: self.bare(i),
            },
        )
    }

    /// A weekday ending before `k`, with a part of the day at `k` if there is one.
    fn weekday_part(&self, i: TokenId, k: TokenId, weekday: u32, rel: Rel) -> Option<Found> {
        match self.part_of_day(k) {
            Some(part) => found(
                i,
                k + 1,
                Expr::Weekday {
                    weekday,
                    rel,
                    part: Some(part),
                },
            ),
            None => found(
                i,
                k,
                Expr::Weekday {
                    weekday,
                    rel,
                    part: None,
                },
            ),
        }
    }

    /// "this/last/next" + a unit, weekday, month, season or part of the day; "this coming",
    /// "this past".
    fn relative(&self, i: TokenId) -> Option<Found> {
        let (rel, k) = if self.is(i, "this") {
            if self.is(i + 1, "coming") {
                (Rel::Next, i + 2)
            } else if self.is(i + 1, "past") {
                (Rel::Last, i + 2)
            } else {
                (Rel::This, i + 1)
            }
        } else if self.is_last(i) {
            (Rel::Last, i + 1)
        } else if self.is(i, "next") {
            (Rel::Next, i + 1)
        } else {
            return None;
        };
        let n = match rel {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        };
        if let Some((u, false)) = self.unit(k) {
            let unit = ShiftUnit::from_unit(u).filter(|_| u.is_calendar())?;
            // A title: "ABC's \"This Week\" program".
            if self.capitalized(k) && self.prev(i) == "\"" {
                return None;
            }
            return found(
                i,
                k + 1,
                Expr::Shift {
                    unit,
                    n,
                    part: None,
                },
            );
        }
        if self.is(k, "weekend") {
            return found(
                i,
                k + 1,
                Expr::Shift {
                    unit: ShiftUnit::Weekend,
                    n,
                    part: None,
                },
            );
        }
        if let Some(weekday) = self.weekday(k) {
            return self.weekday_part(i, k + 1, weekday, rel);
        }
        if let Some(m) = self.month(k).filter(|m| !m.abbr) {
            return found(
                i,
                k + 1,
                Expr::Month {
                    month: m.number,
                    rel,
                },
            );
        }
        if let Some(season) = self.word(k).and_then(|w| w.season) {
            return found(i, k + 1, Expr::Season { season, rel });
        }
        if let Some(part) = self.part_of_day(k) {
            // "this morning", "last night"; "next morning" is anaphoric and left out.
            let n = match (rel, part) {
                (Rel::This, _) => 0,
                (Rel::Last, "NI" | "EV") => -1,
                _ => return None,
            };
            return found(
                i,
                k + 1,
                Expr::Shift {
                    unit: ShiftUnit::Day,
                    n,
                    part: Some(part),
                },
            );
        }
        None
    }

    /// A count at `i`: digits, number words ("twenty-five"), "a few", "several", with an
    /// optional "of" after vague ones. Returns the count, whether it was written in digits,
    /// and the next token.
    fn count(&self, i: TokenId) -> Option<(Count, TokenId)> {
        if let Some(n) = parse_number(self.n(i)) {
            return Some((Count::N(n), i + 1));
        }
        let c = self.word(i)?.count?;
        if self.is(i, "a") || self.is(i, "an") {
            // "a few days", "a couple of weeks", "a dozen years"
            if let Some((c2, k)) = self.word(i + 1).and_then(|w| w.count).map(|c| (c, i + 2)) {
                if matches!(
                    self.n(i + 1).to_ascii_lowercase().as_str(),
                    "few" | "couple" | "dozen"
                ) {
                    let k = if self.is(k, "of") { k + 1 } else { k };
                    return Some((
                        if self.is(i + 1, "few") {
                            Count::Vague
                        } else {
                            c2
                        },
                        k,
                    ));
                }
            }
            return Some((c, i + 1));
        }
        // "twenty-five"
        if let (Count::N(tens), true) = (c, self.is(i + 1, "-")) {
            if let Some(Count::N(ones)) = self.word(i + 2).and_then(|w| w.count) {
                if (20.0..=90.0).contains(&tens)
                    && (1.0..=9.0).contains(&ones)
                    && !self.is(i + 2, "a")
                    && !self.is(i + 2, "an")
                {
                    return Some((Count::N(tens + ones), i + 3));
                }
            }
        }
        let k = if matches!(c, Count::Vague) && self.is(i + 1, "of") {
            i + 2
        } else {
            i + 1
        };
        Some((c, k))
    }

    /// Counted units: "three days", "a three-day trip", "two years ago", "a decade".
    fn counted(&self, i: TokenId) -> Option<Found> {
        let (count, k) = self.count(i)?;
        // "three-day" (a modifier, singular unit)
        if self.is(k, "-") {
            if let Some((unit, false)) = self.unit(k + 1) {
                if self.is(k + 2, "-") && self.is(k + 3, "old") || self.is(k + 2, "old") {
                    return None;
                }
                return found(i, k + 2, Expr::Duration(period(count, unit)));
            }
            return None;
        }
        let (unit, plural) = self.unit(k)?;
        // "a second round", "second day": "second" is a unit only when counted in digits or
        // in the plural.
        if unit == Unit::Second
            && !plural
            && !self.n(i).as_bytes().first().is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        if self.is(k + 1, "old") {
            return None;
        }
        if self.is(k + 1, "ago") {
            let expr = match (count, ShiftUnit::from_unit(unit)) {
                (Count::N(n), Some(su)) if n.fract() == 0.0 => match su {
                    ShiftUnit::Decade => Expr::Shift {
                        unit: ShiftUnit::Year,
                        n: -10 * n as i64,
                        part: None,
                    },
                    ShiftUnit::Century => Expr::Shift {
                        unit: ShiftUnit::Year,
                        n: -100 * n as i64,
                        part: None,
                    },
                    su => Expr::Shift {
                        unit: su,
                        n: -(n as i64),
                        part: None,
                    },
                },
                (Count::N(_), None) if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) => {
                    Expr::Shift {
                        unit: ShiftUnit::Day,
                        n: 0,
                        part: None,
                    }
                }
                (Count::N(n), None) if unit == Unit::Fortnight && n.fract() == 0.0 => Expr::Shift {
                    unit: ShiftUnit::Week,
                    n: -2 * n as i64,
                    part: None,
                },
                _ => Expr::Ref("PAST_REF"),
            };
            return found(i, k + 2, expr);
        }
        found(i, k + 1, Expr::Duration(period(count, unit)))
    }

    /// Sets: "every week", "each year", "every other month", "every Tuesday", "twice a year",
    /// "three times a week", "per day".
    fn set(&self, i: TokenId) -> Option<Found> {
        if self.is(i, "every") || self.is(i, "each") {
            let mut k = i + 1;
            let mut count = Count::N(1.0);
            if self.is(k, "other") {
                count = Count::N(2.0);
                k += 1;
            } else if let Some((c, k2)) = self.count(k).filter(|_| !self.is(k, "a")) {
                if self.unit(k2).is_some() {
                    count = c;
                    k = k2;
                }
            }
            if let Some((unit, _)) = self.unit(k) {
                return found(i, k + 1, Expr::Set(period(count, unit)));
            }
            if let Some(d) = self.weekday(k) {
                return found(i, k + 1, Expr::Set(format!("XXXX-WXX-{d}")));
            }
            if let Some(p) = self.part_of_day(k) {
                return found(i, k + 1, Expr::Set(format!("XXXX-XX-XXT{p}")));
            }
            return None;
        }
        if (self.is(i, "a") || self.is(i, "an")) && self.after_amount(i) {
            let (unit, false) = self.unit(i + 1)? else {
                return None;
            };
            return found(i, i + 2, Expr::Set(period(Count::N(1.0), unit)));
        }
        if self.is(i, "per") {
            let (unit, false) = self.unit(i + 1)? else {
                return None;
            };
            return found(i, i + 2, Expr::Set(period(Count::N(1.0), unit)));
        }
        let k = if self.is(i, "once") || self.is(i, "twice") || self.is(i, "thrice") {
            i + 1
        } else {
            let (_, k) = self.count(i)?;
            if !self.is(k, "times") {
                return None;
            }
            k + 1
        };
        if !(self.is(k, "a")
            || self.is(k, "an")
            || self.is(k, "per")
            || self.is(k, "each")
            || self.is(k, "every"))
        {
            return None;
        }
        let (unit, false) = self.unit(k + 1)? else {
            return None;
        };
        found(i, k + 2, Expr::Set(period(Count::N(1.0), unit)))
    }

    /// Is token `i` right after an amount ("$69", "116 million", "5%")?
    fn after_amount(&self, i: TokenId) -> bool {
        let p = self.prev(i);
        parse_number(p).is_some()
            || p == "%"
            || one_of(
                &[
                    "million", "billion", "trillion", "thousand", "percent", "dollars", "euros",
                ],
                p,
            )
    }

    /// Bare plural units: "for months", "years of war", "years ago"; "recent days",
    /// "coming weeks".
    fn vague(&self, i: TokenId) -> Option<Found> {
        if self.is(i, "recent") || self.is(i, "coming") {
            let (_, true) = self.unit(i + 1)? else {
                return None;
            };
            let v = if self.is(i, "recent") {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            };
            return found(i, i + 2, Expr::Ref(v));
        }
        let (unit, true) = self.unit(i)? else {
            return None;
        };
        // "three-quarters of", "the hours of 10 p.m. and 8 a.m."
        if unit == Unit::Quarter || self.prev(i) == "-" {
            return None;
        }
        if self.is(i + 1, "ago") {
            return found(i, i + 2, Expr::Ref("PAST_REF"));
        }
        if self.is(i + 1, "ahead") && self.is(i.wrapping_sub(1), "the") {
            return found(i - 1, i + 2, Expr::Ref("FUTURE_REF"));
        }
        let next_cue = (self.is(i + 1, "of") && !self.is(i.wrapping_sub(1), "the"))
            || self.is(i + 1, "long")
            || (self.is(i + 1, "-") && self.is(i + 2, "long"));
        if one_of(VAGUE_DURATION_CUES, self.prev(i)) || next_cue {
            return found(i, i + 1, Expr::Duration(period(Count::Vague, unit)));
        }
        None
    }

    /// Expressions with "the": "the past three years", "the next few days", "the past week",
    /// "the coming days", "the coming week", "the days ahead".
    fn the(&self, i: TokenId) -> Option<Found> {
        if !self.is(i, "the") {
            return None;
        }
        let k = i + 1;
        if self.is(k, "coming") {
            let (unit, plural) = self.unit(k + 1)?;
            if plural {
                return found(i, k + 2, Expr::Ref("FUTURE_REF"));
            }
            let unit = ShiftUnit::from_unit(unit).filter(|_| unit.is_calendar())?;
            return found(
                i,
                k + 2,
                Expr::Shift {
                    unit,
                    n: 1,
                    part: None,
                },
            );
        }
        if let Some((_, true)) = self.unit(k) {
            if self.is(k + 1, "ahead") {
                return found(i, k + 2, Expr::Ref("FUTURE_REF"));
            }
            return None;
        }
        if !(self.is(k, "past") || self.is(k, "last") || self.is(k, "next")) {
            return None;
        }
        if let Some((unit, plural)) = self.unit(k + 1) {
            if plural {
                return found(i, k + 2, Expr::Duration(period(Count::Vague, unit)));
            }
            if !unit.is_calendar() {
                return None;
            }
            return found(i, k + 2, Expr::Duration(period(Count::N(1.0), unit)));
        }
        let (count, j) = self.count(k + 1).filter(|_| !self.is(k + 1, "a"))?;
        let (unit, _) = self.unit(j)?;
        found(i, j + 1, Expr::Duration(period(count, unit)))
    }

    /// Modifiers around another expression: "early 2024", "mid-March", "earlier this week",
    /// "the end of the year", "more than a decade".
    fn modified(&self, i: TokenId) -> Option<Found> {
        let w = self.n(i);
        // Approximations of a duration.
        for (a, b) in APPROX {
            if w.eq_ignore_ascii_case(a) {
                let k = match b {
                    Some(b) if self.is(i + 1, b) => i + 2,
                    Some(_) => return None,
                    None => i + 1,
                };
                let inner = self.counted(k)?;
                return matches!(inner.expr, Expr::Duration(_) | Expr::Shift { .. })
                    .then(|| Found { start: i, ..inner });
            }
        }
        // "early", "mid-", "late", "earlier", "later" before a date.
        if one_of(DATE_PREFIXES, w) {
            let k = if self.is(i, "mid") && self.is(i + 1, "-") {
                i + 2
            } else {
                i + 1
            };
            let inner = self.best(k, false)?;
            if inner.start != k || !is_date_like(&inner.expr) {
                return None;
            }
            if matches!(inner.expr, Expr::Anchored(_)) {
                return None;
            }
            return found(i, inner.end, inner.expr);
        }
        // "(the) end of" + a date, or + "the year/month/week".
        let p = if self.is(i, "the") { i + 1 } else { i };
        if !(PART_OF.iter().any(|x| self.is(p, x)) && self.is(p + 1, "of")) {
            return None;
        }
        let k = p + 2;
        if self.is(k, "the") {
            if let Some((unit, false)) = self.unit(k + 1) {
                let unit = ShiftUnit::from_unit(unit).filter(|_| unit.is_calendar())?;
                return found(
                    i,
                    k + 2,
                    Expr::Shift {
                        unit,
                        n: 0,
                        part: None,
                    },
                );
            }
        }
        let inner = self.best(k, false)?;
        (inner.start == k && is_date_like(&inner.expr)).then_some(Found { start: i, ..inner })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_typos() {
        for w in ["lst", "Lat", "lsat", "laast", "lasr", "LAST"] {
            assert!(w.eq_ignore_ascii_case("last") || is_last_typo(w), "{w}");
        }
        for w in ["least", "past", "list", "lot", "fast", "l", "lasting"] {
            assert!(!is_last_typo(w), "{w}");
        }
    }

    #[test]
    fn token_parsers() {
        assert_eq!(parse_day("17th"), Some(17));
        assert_eq!(parse_day("32"), None);
        assert_eq!(parse_day("017"), None);
        assert_eq!(parse_day("1x"), None);
        assert_eq!(parse_day_range("17-18"), Some(17));
        assert_eq!(parse_year("2023"), Some(2023));
        assert_eq!(parse_year("12345"), None);
        assert_eq!(
            parse_iso_date("2023-03-17"),
            NaiveDate::from_ymd_opt(2023, 3, 17)
        );
        assert_eq!(parse_iso_date("2023-02-30"), None);
        assert_eq!(parse_number("1,000"), Some(1000.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_clock("3:30"), Some((3, 30, None)));
        assert_eq!(parse_clock("3pm"), Some((3, 0, Some(true))));
        assert_eq!(parse_clock("3:3"), None);
        assert_eq!(to_24h(12, Some(false)), Some(0));
        assert_eq!(to_24h(3, Some(true)), Some(15));
    }
}
