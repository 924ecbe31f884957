//! Parsers for the TSV files of `data/kb/` (format: `data/kb/README.md`).
//!
//! Every file is UTF-8, tab-separated, `#` starts a comment line, the first non-comment line
//! is the header. Columns are found by header name, so columns may be reordered or added.

use crate::error::KbError;
use crate::model::*;

/// One data row with its 1-based line number.
pub(crate) struct Row<'a> {
    pub line: usize,
    cells: Vec<&'a str>,
}

/// A parsed TSV file: header plus rows.
pub(crate) struct Table<'a> {
    pub file: String,
    header: Vec<&'a str>,
    pub rows: Vec<Row<'a>>,
}

impl<'a> Table<'a> {
    pub fn parse(file: &str, text: &'a str) -> Result<Self, KbError> {
        let mut header: Option<Vec<&str>> = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            match &header {
                None => header = Some(cells),
                Some(h) => {
                    if cells.len() > h.len() {
                        return Err(KbError::parse(
                            file,
                            i + 1,
                            format!("{} cells, header has {}", cells.len(), h.len()),
                        ));
                    }
                    rows.push(Row { line: i + 1, cells });
                }
            }
        }
        let header = header.ok_or_else(|| KbError::parse(file, 1, "no header line"))?;
        Ok(Table {
            file: file.to_string(),
            header,
            rows,
        })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.trim() == name)
    }

    pub fn require(&self, name: &str) -> Result<usize, KbError> {
        self.col(name)
            .ok_or_else(|| KbError::parse(&self.file, 1, format!("missing column {name:?}")))
    }

    pub fn err(&self, row: &Row, message: impl Into<String>) -> KbError {
        KbError::parse(&self.file, row.line, message)
    }
}

impl<'a> Row<'a> {
    pub fn get(&self, col: usize) -> &'a str {
        self.cells.get(col).map(|s| s.trim()).unwrap_or("")
    }

    pub fn get_opt(&self, col: Option<usize>) -> &'a str {
        col.map(|c| self.get(c)).unwrap_or("")
    }
}

pub(crate) fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn check_code(t: &Table, row: &Row, code: &str) -> Result<(), KbError> {
    if is_well_formed_code(code) {
        Ok(())
    } else {
        Err(t.err(row, format!("malformed CAMEO code {code:?}")))
    }
}

fn date_cell(t: &Table, row: &Row, s: &str, end: bool) -> Result<Option<NaiveDateOpt>, KbError> {
    if s.is_empty() {
        return Ok(None);
    }
    parse_partial_date(s, end).map(Some).ok_or_else(|| {
        t.err(
            row,
            format!("bad date {s:?} (want YYYY-MM-DD, YYYY-MM or YYYY)"),
        )
    })
}

type NaiveDateOpt = chrono::NaiveDate;

pub(crate) fn countries(file: &str, text: &str) -> Result<Vec<Country>, KbError> {
    let t = Table::parse(file, text)?;
    let (c_code, c_iso3, c_iso2, c_name) = (
        t.require("code")?,
        t.require("iso3")?,
        t.require("iso2")?,
        t.require("name")?,
    );
    let (c_alias, c_dem, c_cap, c_seats, c_alt) = (
        t.col("aliases"),
        t.col("demonyms"),
        t.col("capital"),
        t.col("seats"),
        t.col("alt_codes"),
    );
    let mut out = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let code = row.get(c_code);
        if code.len() != 3 || !is_well_formed_code(code) {
            return Err(t.err(row, format!("country code {code:?} is not 3 letters")));
        }
        let mut seats = Vec::new();
        for item in split_list(row.get_opt(c_seats)) {
            let (name, sector) = item
                .rsplit_once('=')
                .ok_or_else(|| t.err(row, format!("seat {item:?} lacks =SECTOR")))?;
            let sector = sector.trim();
            check_code(&t, row, sector)?;
            seats.push(Seat {
                name: name.trim().to_string(),
                sector: sector.to_string(),
            });
        }
        out.push(Country {
            code: code.to_string(),
            iso3: row.get(c_iso3).to_string(),
            iso2: row.get(c_iso2).to_string(),
            name: row.get(c_name).to_string(),
            aliases: split_list(row.get_opt(c_alias)),
            demonyms: split_list(row.get_opt(c_dem)),
            capital: row.get_opt(c_cap).to_string(),
            seats,
            alt_codes: split_list(row.get_opt(c_alt)),
        });
    }
    Ok(out)
}

pub(crate) fn organizations(file: &str, text: &str) -> Result<Vec<Organization>, KbError> {
    let t = Table::parse(file, text)?;
    let (c_id, c_code, c_name) = (t.require("kb_id")?, t.require("cameo")?, t.require("name")?);
    let (c_alias, c_kind, c_country, c_start, c_end, c_note) = (
        t.col("aliases"),
        t.require("kind")?,
        t.col("country"),
        t.col("start"),
        t.col("end"),
        t.col("note"),
    );
    let mut out: Vec<Organization> = Vec::new();
    for row in &t.rows {
        let id = row.get(c_id);
        if !id.starts_with("org:") {
            return Err(t.err(row, format!("organisation id {id:?} must start with org:")));
        }
        let code = row.get(c_code);
        check_code(&t, row, code)?;
        let period = CodePeriod {
            code: code.to_string(),
            start: date_cell(&t, row, row.get_opt(c_start), false)?,
            end: date_cell(&t, row, row.get_opt(c_end), true)?,
        };
        if let (Some(s), Some(e)) = (period.start, period.end) {
            if s > e {
                return Err(t.err(row, "start after end"));
            }
        }
        if let Some(prev) = out.last_mut().filter(|o| o.kb_id == id) {
            prev.codes.push(period);
            continue;
        }
        if out.iter().any(|o| o.kb_id == id) {
            return Err(t.err(row, format!("{id} repeats but not on consecutive rows")));
        }
        let kind_s = row.get(c_kind);
        let kind = OrgKind::parse(kind_s)
            .ok_or_else(|| t.err(row, format!("unknown organisation kind {kind_s:?}")))?;
        let name = row.get(c_name);
        if name.is_empty() {
            return Err(t.err(row, "empty name"));
        }
        let country = row.get_opt(c_country);
        if !country.is_empty() && (country.len() != 3 || !is_well_formed_code(country)) {
            return Err(t.err(row, format!("bad country {country:?}")));
        }
        out.push(Organization {
            kb_id: id.to_string(),
            name: name.to_string(),
            aliases: split_list(row.get_opt(c_alias)),
            kind,
            country: (!country.is_empty()).then(|| country.to_string()),
            codes: vec![period],
            note: row.get_opt(c_note).to_string(),
        });
    }
    Ok(out)
}

/// Default surnames of a name: its last word, skipping generational suffixes.
fn default_surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let last = words
        .iter()
        .rev()
        .find(|w| !matches!(**w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"))?;
    Some(last.trim_end_matches(',').to_string())
}

/// Parse one people file, merging its rows into `people` (rows of the same kb_id, in any
/// file, are tenures of one person).
pub(crate) fn people(file: &str, text: &str, people: &mut Vec<Person>) -> Result<(), KbError> {
    let t = Table::parse(file, text)?;
    let (c_id, c_name, c_office, c_code, c_start) = (
        t.require("kb_id")?,
        t.require("name")?,
        t.require("office")?,
        t.require("code")?,
        t.require("start")?,
    );
    let (c_alias, c_surname, c_gender, c_country, c_end) = (
        t.col("aliases"),
        t.col("surname"),
        t.col("gender"),
        t.col("country"),
        t.col("end"),
    );
    let mut by_id: std::collections::HashMap<String, usize> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.kb_id.clone(), i))
        .collect();
    for row in &t.rows {
        let id = row.get(c_id);
        if !id.starts_with("person:") {
            return Err(t.err(row, format!("person id {id:?} must start with person:")));
        }
        let code = row.get(c_code);
        check_code(&t, row, code)?;
        let start = date_cell(&t, row, row.get(c_start), false)?
            .ok_or_else(|| t.err(row, "tenure without start date"))?;
        let end = date_cell(&t, row, row.get_opt(c_end), true)?;
        if end.is_some_and(|e| e < start) {
            return Err(t.err(row, "tenure ends before it starts"));
        }
        let tenure = Tenure {
            office: row.get(c_office).to_string(),
            code: code.to_string(),
            start,
            end,
        };
        let name = row.get(c_name);
        let gender = match row.get_opt(c_gender) {
            "" => None,
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            g => return Err(t.err(row, format!("gender {g:?} is not m or f"))),
        };
        let country = row.get_opt(c_country);
        if !country.is_empty() && (country.len() != 3 || !is_well_formed_code(country)) {
            return Err(t.err(row, format!("bad country {country:?}")));
        }
        let aliases = split_list(row.get_opt(c_alias));
        let surnames = split_list(row.get_opt(c_surname));
        match by_id.get(id) {
            Some(&i) => {
                let p = &mut people[i];
                if !name.is_empty() && name != p.name {
                    return Err(t.err(row, format!("{id} is named {:?} elsewhere", p.name)));
                }
                p.tenures.push(tenure);
                for a in aliases {
                    if !p.aliases.contains(&a) {
                        p.aliases.push(a);
                    }
                }
                for s in surnames {
                    if !p.surnames.contains(&s) {
                        p.surnames.push(s);
                    }
                }
                p.gender = p.gender.or(gender);
                if p.country.is_none() && !country.is_empty() {
                    p.country = Some(country.to_string());
                }
            }
            None => {
                if name.is_empty() {
                    return Err(t.err(row, "empty name on the first row of a person"));
                }
                by_id.insert(id.to_string(), people.len());
                people.push(Person {
                    kb_id: id.to_string(),
                    name: name.to_string(),
                    aliases,
                    surnames,
                    gender,
                    country: (!country.is_empty()).then(|| country.to_string()),
                    tenures: vec![tenure],
                });
            }
        }
    }
    Ok(())
}

/// Finish people after all files are read: default surnames and countries, sorted tenures.
pub(crate) fn finish_people(people: &mut [Person], is_country: impl Fn(&str) -> bool) {
    for p in people {
        p.tenures.sort_by_key(|t| t.start);
        if p.surnames.is_empty() {
            let mut s: Vec<String> = std::iter::once(p.name.as_str())
                .chain(p.aliases.iter().map(String::as_str))
                .filter_map(default_surname)
                .collect();
            s.dedup();
            let mut seen = std::collections::HashSet::new();
            s.retain(|x| seen.insert(x.clone()));
            p.surnames = s;
        }
        if p.country.is_none() {
            p.country = p
                .tenures
                .iter()
                .rev()
                .map(|t| &t.code[..3])
                .find(|c| is_country(c))
                .map(str::to_string);
        }
    }
}

pub(crate) fn places(file: &str, text: &str) -> Result<Vec<Place>, KbError> {
    let t = Table::parse(file, text)?;
    let (c_id, c_name, c_kind, c_country, c_lat, c_lon) = (
        t.require("kb_id")?,
        t.require("name")?,
        t.require("kind")?,
        t.require("country")?,
        t.require("lat")?,
        t.require("lon")?,
    );
    let (c_alias, c_pop, c_gn) = (t.col("aliases"), t.col("population"), t.col("geonameid"));
    let mut out = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let num = |c: usize, what: &str| -> Result<f64, KbError> {
            row.get(c)
                .parse::<f64>()
                .map_err(|_| t.err(row, format!("bad {what} {:?}", row.get(c))))
        };
        let lat = num(c_lat, "lat")?;
        let lon = num(c_lon, "lon")?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(t.err(row, "coordinates out of range"));
        }
        let pop = row.get_opt(c_pop);
        let population = if pop.is_empty() {
            0
        } else {
            pop.parse()
                .map_err(|_| t.err(row, format!("bad population {pop:?}")))?
        };
        let gn = row.get_opt(c_gn);
        let geonameid = if gn.is_empty() {
            None
        } else {
            Some(
                gn.parse()
                    .map_err(|_| t.err(row, format!("bad geonameid {gn:?}")))?,
            )
        };
        out.push(Place {
            kb_id: row.get(c_id).to_string(),
            name: row.get(c_name).to_string(),
            aliases: split_list(row.get_opt(c_alias)),
            kind: row.get(c_kind).to_string(),
            country: row.get(c_country).to_string(),
            lat,
            lon,
            population,
            geonameid,
            capital: false,
        });
    }
    Ok(out)
}

pub(crate) fn roles(file: &str, text: &str) -> Result<Vec<Role>, KbError> {
    let t = Table::parse(file, text)?;
    let (c_role, c_forms, c_sector) = (
        t.require("role")?,
        t.require("forms")?,
        t.require("sector")?,
    );
    let (c_level, c_note) = (t.col("level"), t.col("note"));
    let mut out = Vec::with_capacity(t.rows.len());
    for row in &t.rows {
        let sector = row.get(c_sector);
        check_code(&t, row, sector)?;
        let name = row.get(c_role).to_string();
        let mut forms = split_list(row.get(c_forms));
        if !forms.contains(&name) {
            forms.insert(0, name.clone());
        }
        out.push(Role {
            name,
            forms,
            sector: sector.to_string(),
            level: row.get_opt(c_level).to_string(),
            note: row.get_opt(c_note).to_string(),
        });
    }
    Ok(out)
}
