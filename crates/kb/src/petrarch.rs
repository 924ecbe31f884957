//! Importer for PETRARCH/TABARI actor and agent dictionaries (the Phoenix `.actors.txt` and
//! `agents.txt` files), so that the field's dictionaries can be layered on top of the built-in
//! knowledge base with [`crate::KnowledgeBase::extend_with_petrarch_actors`].
//!
//! Actor format, as read here:
//! - a *root* line (not starting with `+`, `[` or whitespace) names an actor; `+` lines add
//!   synonyms; underscores stand for spaces (a trailing `_` marks a whole-word match and is
//!   dropped); `#` starts a comment;
//! - codes are in brackets, on the root line or on indented lines: `[CODE]` (always),
//!   `[CODE >YYMMDD]` (from the day after... as PETRARCH: on or after), `[CODE <YYMMDD]`
//!   (before), `[CODE YYMMDD-YYMMDD]` (range, inclusive); dates have 6 digits (`YY` 00–30 is
//!   20YY, else 19YY, as in TABARI) or 8 digits; `[---]` is a null code;
//! - root lines without codes that follow each other form one block with the next codes;
//! - lines starting with `<` and everything after `---STOP---` are ignored.
//!
//! Agent format: `NOUN {PLURAL, ...} [~CODE]` (suffix: appended to the actor code) or
//! `[CODE~]` (prefix); `{}` means no plural; without braces an English plural is formed.
//! `!MACRO! = A, B, C` lines define substitutions used inside nouns (`BUSINESS!PERSON!`).

use chrono::NaiveDate;

/// When a dictionary code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRestriction {
    /// No restriction: the default code.
    Always,
    /// Strictly before the date (`<`).
    Before(NaiveDate),
    /// On or after the date (`>`).
    After(NaiveDate),
    /// Between the two dates, inclusive (`-`).
    Between(NaiveDate, NaiveDate),
}

impl DateRestriction {
    /// Whether the restriction admits `date`.
    pub fn admits(&self, date: NaiveDate) -> bool {
        match *self {
            DateRestriction::Always => true,
            DateRestriction::Before(d) => date < d,
            DateRestriction::After(d) => date >= d,
            DateRestriction::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// One code of an actor with its date restriction. `code` is `None` for the null code `---`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The CAMEO code, `None` for `[---]`.
    pub code: Option<String>,
    /// When it applies.
    pub restriction: DateRestriction,
}

/// One actor block: its names and codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// Surface forms, underscores replaced by spaces, root name first.
    pub names: Vec<String>,
    /// Codes in file order.
    pub codes: Vec<DatedCode>,
    /// 1-based line of the root name.
    pub line: usize,
}

impl ActorEntry {
    /// The code valid on `date`: the first dated code admitting it, else the first undated
    /// code. With `None`, the first undated code, else the last code listed.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        let undated = self
            .codes
            .iter()
            .find(|c| c.restriction == DateRestriction::Always);
        let hit = match date {
            Some(d) => self
                .codes
                .iter()
                .find(|c| c.restriction != DateRestriction::Always && c.restriction.admits(d))
                .or(undated),
            None => undated.or(self.codes.last()),
        };
        hit.and_then(|c| c.code.as_deref())
    }
}

/// A line the importer could not use, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line number.
    pub line: usize,
    /// Why it was skipped.
    pub reason: String,
}

/// A parsed actor dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDictionary {
    /// Actor blocks with at least one code.
    pub entries: Vec<ActorEntry>,
    /// Lines skipped (malformed codes, blocks without codes).
    pub skipped: Vec<Skipped>,
}

fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

fn phrase(raw: &str) -> String {
    let s = raw.trim().replace('_', " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parse a TABARI date: 6 digits YYMMDD (00–30 → 20YY) or 8 digits YYYYMMDD.
pub fn parse_tabari_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (y, m, d) = match s.len() {
        6 => {
            let yy = n(0..2)? as i32;
            (
                if yy <= 30 { 2000 + yy } else { 1900 + yy },
                n(2..4)?,
                n(4..6)?,
            )
        }
        8 => (n(0..4)? as i32, n(4..6)?, n(6..8)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

fn parse_code(inner: &str) -> Result<DatedCode, String> {
    let mut parts = inner.split_whitespace();
    let code = parts.next().ok_or("empty brackets")?;
    let rest: Vec<&str> = parts.collect();
    let restriction = match rest.as_slice() {
        [] => DateRestriction::Always,
        [r] => {
            if let Some(d) = r.strip_prefix('<') {
                DateRestriction::Before(parse_tabari_date(d).ok_or(format!("bad date {d:?}"))?)
            } else if let Some(d) = r.strip_prefix('>') {
                DateRestriction::After(parse_tabari_date(d).ok_or(format!("bad date {d:?}"))?)
            } else if let Some((a, b)) = r.split_once('-') {
                let a = parse_tabari_date(a).ok_or(format!("bad date {a:?}"))?;
                let b = parse_tabari_date(b).ok_or(format!("bad date {b:?}"))?;
                DateRestriction::Between(a, b)
            } else {
                return Err(format!("bad restriction {r:?}"));
            }
        }
        _ => return Err(format!("too many fields in [{inner}]")),
    };
    let code = if code.chars().all(|c| c == '-') {
        None
    } else {
        Some(code.to_string())
    };
    Ok(DatedCode { code, restriction })
}

/// Split `NAME [A] [B x]` into the name part and the bracket contents.
fn split_codes(s: &str) -> (&str, Vec<&str>) {
    let Some(first) = s.find('[') else {
        return (s, Vec::new());
    };
    let mut codes = Vec::new();
    let mut rest = &s[first..];
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        codes.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    (&s[..first], codes)
}

/// Parse an actor dictionary (`Phoenix.Countries.actors.txt` and the like). Malformed code
/// lines are reported in [`ActorDictionary::skipped`] rather than failing the whole file.
pub fn load_actors(text: &str) -> ActorDictionary {
    let mut dict = ActorDictionary::default();
    let mut cur: Option<ActorEntry> = None;
    let flush = |cur: &mut Option<ActorEntry>, dict: &mut ActorDictionary| {
        if let Some(e) = cur.take() {
            if e.codes.is_empty() {
                dict.skipped.push(Skipped {
                    line: e.line,
                    reason: "actor without code".into(),
                });
            } else {
                dict.entries.push(e);
            }
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        if raw.contains("---STOP---") {
            break;
        }
        let line = strip_comment(raw);
        if line.trim().is_empty() || raw.starts_with('<') {
            continue;
        }
        let trimmed = line.trim();
        let (name_part, code_parts) = split_codes(trimmed);
        let mut codes = Vec::new();
        for c in code_parts {
            match parse_code(c) {
                Ok(dc) => codes.push(dc),
                Err(reason) => dict.skipped.push(Skipped {
                    line: lineno,
                    reason,
                }),
            }
        }
        let name_part = name_part.trim();
        if let Some(syn) = name_part.strip_prefix('+') {
            let entry = cur.get_or_insert_with(|| ActorEntry {
                names: vec![],
                codes: vec![],
                line: lineno,
            });
            let name = phrase(syn);
            if !name.is_empty() {
                entry.names.push(name);
            }
            entry.codes.extend(codes);
        } else if name_part.is_empty() {
            match cur.as_mut() {
                Some(e) => e.codes.extend(codes),
                None => dict.skipped.push(Skipped {
                    line: lineno,
                    reason: "code line without actor".into(),
                }),
            }
        } else {
            if cur.as_ref().is_some_and(|e| !e.codes.is_empty()) {
                flush(&mut cur, &mut dict);
            }
            let entry = cur.get_or_insert_with(|| ActorEntry {
                names: vec![],
                codes: vec![],
                line: lineno,
            });
            entry.names.push(phrase(name_part));
            entry.codes.extend(codes);
        }
    }
    flush(&mut cur, &mut dict);
    dict
}

/// Where an agent code goes relative to the actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPosition {
    /// `[~GOV]`: appended (`RUS` + `GOV`).
    Suffix,
    /// `[IGO~]`: prepended.
    Prefix,
}

/// One agent noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// Singular form, spaces for underscores, macros expanded.
    pub noun: String,
    /// Plural forms (explicit or generated; empty for `{}`).
    pub plurals: Vec<String>,
    /// The agent code without the `~`.
    pub code: String,
    /// Prefix or suffix.
    pub position: AgentPosition,
    /// 1-based line.
    pub line: usize,
}

/// A parsed agent dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentDictionary {
    /// Agent nouns.
    pub entries: Vec<AgentEntry>,
    /// Lines skipped.
    pub skipped: Vec<Skipped>,
}

/// English plural of the last word of a phrase, in the manner of PETRARCH.
pub fn plural(s: &str) -> String {
    let upper = s.chars().last().is_some_and(|c| c.is_uppercase());
    let lower = s.to_lowercase();
    let suffix = |x: &str| {
        if upper {
            x.to_uppercase()
        } else {
            x.to_string()
        }
    };
    if lower.ends_with("man") {
        return format!("{}{}", &s[..s.len() - 2], suffix("en"));
    }
    if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        return format!("{}{}", &s[..s.len() - 1], suffix("ies"));
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return format!("{s}{}", suffix("es"));
    }
    format!("{s}{}", suffix("s"))
}

/// Parse an agent dictionary (`Phoenix.agents.txt`).
pub fn load_agents(text: &str) -> AgentDictionary {
    let mut dict = AgentDictionary::default();
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        if raw.contains("---STOP---") {
            break;
        }
        let line = strip_comment(raw).trim();
        if line.is_empty() || line.starts_with('<') {
            continue;
        }
        if line.starts_with('!') {
            if let Some((name, values)) = line.split_once('=') {
                let vals = values
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty());
                macros.push((name.trim().to_string(), vals.collect()));
                continue;
            }
        }
        let (head, codes) = split_codes(line);
        let [code] = codes.as_slice() else {
            dict.skipped.push(Skipped {
                line: lineno,
                reason: "agent without exactly one code".into(),
            });
            continue;
        };
        let code = code.trim();
        let (code, position) = if let Some(c) = code.strip_prefix('~') {
            (c, AgentPosition::Suffix)
        } else if let Some(c) = code.strip_suffix('~') {
            (c, AgentPosition::Prefix)
        } else {
            dict.skipped.push(Skipped {
                line: lineno,
                reason: format!("agent code {code:?} lacks ~"),
            });
            continue;
        };
        let (noun_raw, explicit_plurals) = match head.find('{') {
            Some(open) => {
                let close = head[open..]
                    .find('}')
                    .map(|c| open + c)
                    .unwrap_or(head.len());
                let inner = &head[open + 1..close];
                let ps: Vec<String> = inner
                    .split(',')
                    .map(phrase)
                    .filter(|p| !p.is_empty())
                    .collect();
                (&head[..open], Some(ps))
            }
            None => (head, None),
        };
        for noun in expand_macros(&phrase(noun_raw), &macros) {
            let plurals = match &explicit_plurals {
                Some(ps) => ps.iter().flat_map(|p| expand_macros(p, &macros)).collect(),
                None if noun.contains('!') => vec![],
                None => vec![plural(&noun)],
            };
            dict.entries.push(AgentEntry {
                noun,
                plurals,
                code: code.to_string(),
                position,
                line: lineno,
            });
        }
    }
    dict
}

fn expand_macros(s: &str, macros: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, values) in macros {
        if let Some(pos) = s.find(name.as_str()) {
            let (before, after) = (&s[..pos], &s[pos + name.len()..]);
            return values
                .iter()
                .flat_map(|v| expand_macros(&format!("{before}{v}{after}"), macros))
                .map(|x| x.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
        }
    }
    vec![s.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const ACTORS: &str = "\
# a comment
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_T._FIREFLY_  # leader
+FIREFLY_
\t[FRDGOV 330101-331231]
\t[FRDELI]
SYLVANIA_ [SYL] [SYLGOV >20200101]
AMBASSADOR_TRENTINO
\t[SYLGOV <19330601]
\t[---]
ORPHAN_NAME
BADDATE_ [XXX 2004017-20061201]
\t[XXXGOV]
---STOP---
IGNORED_ [IGN]
";

    #[test]
    fn parses_blocks_synonyms_and_dates() {
        let dict = load_actors(ACTORS);
        let names: Vec<&str> = dict.entries.iter().map(|e| e.names[0].as_str()).collect();
        assert_eq!(
            names,
            [
                "FREEDONIA",
                "RUFUS T. FIREFLY",
                "SYLVANIA",
                "AMBASSADOR TRENTINO",
                "ORPHAN NAME"
            ]
        );
        assert_eq!(dict.entries[4].names, ["ORPHAN NAME", "BADDATE"]);
        assert_eq!(dict.entries[4].code_on(None), Some("XXXGOV"));
        assert_eq!(dict.entries[0].names, ["FREEDONIA", "FREEDONIAN"]);
        let firefly = &dict.entries[1];
        assert_eq!(firefly.names, ["RUFUS T. FIREFLY", "FIREFLY"]);
        assert_eq!(firefly.code_on(Some(d(1933, 6, 1))), Some("FRDGOV"));
        assert_eq!(firefly.code_on(Some(d(1950, 1, 1))), Some("FRDELI"));
        assert_eq!(firefly.code_on(None), Some("FRDELI"));
        let syl = &dict.entries[2];
        assert_eq!(syl.code_on(Some(d(2020, 1, 1))), Some("SYLGOV"));
        assert_eq!(syl.code_on(Some(d(2019, 12, 31))), Some("SYL"));
        let amb = &dict.entries[3];
        assert_eq!(amb.code_on(Some(d(1933, 5, 31))), Some("SYLGOV"));
        assert_eq!(amb.code_on(Some(d(1934, 1, 1))), None);
        assert!(dict
            .entries
            .iter()
            .all(|e| !e.names.iter().any(|n| n == "IGNORED")));
        assert!(dict.skipped.iter().any(|s| s.reason.contains("2004017")));
    }

    #[test]
    fn tabari_dates() {
        assert_eq!(parse_tabari_date("051017"), Some(d(2005, 10, 17)));
        assert_eq!(parse_tabari_date("770101"), Some(d(1977, 1, 1)));
        assert_eq!(parse_tabari_date("20090120"), Some(d(2009, 1, 20)));
        assert_eq!(parse_tabari_date("2004017"), None);
    }

    const AGENTS: &str = "\
!PERSON! = MAN, WOMAN
FARMER [~AGR]
BUSINESS!PERSON! [~BUS]
THIEF {THIEVES} [~CRM]
POLICE {} [~COP]
PEACEKEEPING_TROOPS {} [IGO~]
ISLAMIC_EXTREMIST
";

    #[test]
    fn parses_agents() {
        let dict = load_agents(AGENTS);
        let nouns: Vec<&str> = dict.entries.iter().map(|e| e.noun.as_str()).collect();
        assert_eq!(
            nouns,
            [
                "FARMER",
                "BUSINESSMAN",
                "BUSINESSWOMAN",
                "THIEF",
                "POLICE",
                "PEACEKEEPING TROOPS"
            ]
        );
        assert_eq!(dict.entries[0].plurals, ["FARMERS"]);
        assert_eq!(dict.entries[3].plurals, ["THIEVES"]);
        assert!(dict.entries[4].plurals.is_empty());
        assert_eq!(dict.entries[5].position, AgentPosition::Prefix);
        assert_eq!(dict.entries[5].code, "IGO");
        assert_eq!(dict.skipped.len(), 1);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("SOLDIER"), "SOLDIERS");
        assert_eq!(plural("MILITIA"), "MILITIAS");
        assert_eq!(plural("EMBASSY"), "EMBASSIES");
        assert_eq!(plural("ATTORNEY"), "ATTORNEYS");
        assert_eq!(plural("POLICEMAN"), "POLICEMEN");
        assert_eq!(plural("church"), "churches");
    }
}
