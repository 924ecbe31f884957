//! The entities of the knowledge base: countries, organisations, people with their tenures,
//! places and role nouns, and the references the lookup indexes hand out.

use chrono::NaiveDate;

/// What kind of entity an [`EntryRef`] points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A country or territory (`countries.tsv`).
    Country,
    /// An organisation (`organizations.tsv`).
    Organization,
    /// A person with one or more tenures (`people*.tsv`).
    Person,
    /// A gazetteer place (`places.tsv`).
    Place,
    /// A role noun (`roles.tsv`).
    Role,
    /// An actor imported from a PETRARCH/TABARI dictionary.
    PetrarchActor,
}

/// How a surface form names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Via {
    /// The canonical name.
    Name,
    /// An alternative name, abbreviation or spelling.
    Alias,
    /// A demonym or national adjective ("Russian", "Russians").
    Demonym,
    /// A seat of government or metonym ("Kremlin"); the sector is on the country's seat list.
    Metonym,
    /// A form of a role noun ("soldiers").
    RoleForm,
}

/// A reference to one entity, as returned by lookups. Cheap to copy; resolve it with
/// [`crate::KnowledgeBase::entity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryRef {
    /// Kind of the entity.
    pub kind: EntityKind,
    /// Index into the kind's table.
    pub index: u32,
    /// How the looked-up surface form names the entity.
    pub via: Via,
}

/// A seat of government or metonym of a country: "Kremlin" → GOV, "Pentagon" → MIL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// Surface form as written in the data.
    pub name: String,
    /// CAMEO sector code (GOV, MIL, LEG, SPY, ...).
    pub sector: String,
}

/// A country or territory. `code` is its ISO 3166 alpha-3 code (Kosovo XKX); CAMEO 1.1b3's
/// older codes (ROM, MTN, TMP) are among `alt_codes`.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// CAMEO country code.
    pub code: String,
    /// ISO 3166-1 alpha-3 code (XKX for Kosovo).
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code.
    pub iso2: String,
    /// Canonical English name.
    pub name: String,
    /// Alternative, short and historical names.
    pub aliases: Vec<String>,
    /// Demonyms and national adjectives.
    pub demonyms: Vec<String>,
    /// Capital city.
    pub capital: String,
    /// Seats of government and metonyms with their sector.
    pub seats: Vec<Seat>,
    /// Other codes dictionaries use for the country (ISO code where CAMEO differs, KSV).
    pub alt_codes: Vec<String>,
}

/// A CAMEO code valid over an optional date range (both ends inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePeriod {
    /// CAMEO actor code.
    pub code: String,
    /// First day the code applies; `None` = since ever.
    pub start: Option<NaiveDate>,
    /// Last day the code applies; `None` = still applies.
    pub end: Option<NaiveDate>,
}

impl CodePeriod {
    /// Whether `date` falls inside the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        !matches!(self.start, Some(s) if s > date) && !matches!(self.end, Some(e) if date > e)
    }
}

/// Kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    /// Inter-governmental organisation (and quasi-state bodies such as the PLO).
    Igo,
    /// Non-governmental organisation or think tank.
    Ngo,
    /// Armed, militant or criminal group.
    ArmedGroup,
    /// Political party.
    Party,
    /// News agency, broadcaster or newspaper.
    Media,
    /// Company.
    Company,
}

impl OrgKind {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "igo" => OrgKind::Igo,
            "ngo" => OrgKind::Ngo,
            "armed_group" => OrgKind::ArmedGroup,
            "party" => OrgKind::Party,
            "media" => OrgKind::Media,
            "company" => OrgKind::Company,
            _ => return None,
        })
    }
}

/// An organisation with the CAMEO code(s) it is coded as over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Organization {
    /// Stable id, e.g. `org:nato`.
    pub kb_id: String,
    /// Canonical name.
    pub name: String,
    /// Aliases and abbreviations.
    pub aliases: Vec<String>,
    /// Kind of organisation.
    pub kind: OrgKind,
    /// Country code for national organisations.
    pub country: Option<String>,
    /// Code periods in file order (at least one).
    pub codes: Vec<CodePeriod>,
    /// Free-text note from the data file.
    pub note: String,
}

impl Organization {
    /// The code valid at `date`; with `None`, the latest period's code. A date outside every
    /// period takes the nearest period (before the first → first, after the last → last).
    pub fn code_at(&self, date: Option<NaiveDate>) -> Option<&str> {
        let latest = self.codes.iter().max_by_key(|p| p.start)?;
        let Some(date) = date else {
            return Some(&latest.code);
        };
        if let Some(p) = self.codes.iter().find(|p| p.contains(date)) {
            return Some(&p.code);
        }
        let earliest = self.codes.iter().min_by_key(|p| p.start)?;
        if earliest.start.is_some_and(|s| date < s) {
            Some(&earliest.code)
        } else {
            Some(&latest.code)
        }
    }
}

/// Grammatical gender, for pronoun coreference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// he/him
    Male,
    /// she/her
    Female,
}

/// One office held by a person over a date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenure {
    /// Office or title as text ("Prime Minister of Norway").
    pub office: String,
    /// CAMEO code for the office (NORGOV, IGOWSTNAT, ...).
    pub code: String,
    /// First day in office (a month-only date starts on the 1st).
    pub start: NaiveDate,
    /// Last day in office (a month-only date ends on the month's last day); `None` = in office.
    pub end: Option<NaiveDate>,
}

impl Tenure {
    /// Whether `date` falls inside the tenure.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && !matches!(self.end, Some(e) if date > e)
    }
}

/// A person and the offices they held.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Stable id, e.g. `person:jens-stoltenberg`.
    pub kb_id: String,
    /// Canonical name.
    pub name: String,
    /// Other spellings and full names.
    pub aliases: Vec<String>,
    /// Surnames used alone in news ("Zelensky", "Xi").
    pub surnames: Vec<String>,
    /// Gender, if recorded.
    pub gender: Option<Gender>,
    /// Country (CAMEO code) the person belongs to, used for the ELI code after their last
    /// tenure.
    pub country: Option<String>,
    /// Tenures sorted by start date.
    pub tenures: Vec<Tenure>,
}

/// A gazetteer place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Stable id: `place:gn:<geonameid>` for GeoNames entries, `place:<kind>:<slug>` otherwise.
    pub kb_id: String,
    /// Canonical (English) name.
    pub name: String,
    /// Alternate names.
    pub aliases: Vec<String>,
    /// Feature kind: country, admin1, city, region, territory, sea, gulf, strait, island,
    /// river, lake, landmark.
    pub kind: String,
    /// CAMEO country code (or region code such as MEA for seas shared by several states).
    pub country: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Population (0 when unknown or not applicable).
    pub population: u64,
    /// GeoNames id, if the place comes from GeoNames.
    pub geonameid: Option<u32>,
    /// Whether the place is the capital of its country (set at load from `countries.tsv`).
    pub capital: bool,
}

/// A role noun and the CAMEO sector it implies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Canonical role name ("defence minister").
    pub name: String,
    /// All surface forms (singular, plural, variants).
    pub forms: Vec<String>,
    /// CAMEO sector code (GOV, MIL, COP, ...).
    pub sector: String,
    /// head, senior, member, body or agent.
    pub level: String,
    /// Free-text note.
    pub note: String,
}

/// A borrowed view of any entity, with the accessors they share.
#[derive(Debug, Clone, Copy)]
pub enum Entity<'a> {
    /// A country.
    Country(&'a Country),
    /// An organisation.
    Organization(&'a Organization),
    /// A person.
    Person(&'a Person),
    /// A place.
    Place(&'a Place),
    /// A role noun.
    Role(&'a Role),
    /// An imported PETRARCH actor.
    PetrarchActor(&'a crate::petrarch::ActorEntry),
}

impl<'a> Entity<'a> {
    /// Kind of entity.
    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::Country(_) => EntityKind::Country,
            Entity::Organization(_) => EntityKind::Organization,
            Entity::Person(_) => EntityKind::Person,
            Entity::Place(_) => EntityKind::Place,
            Entity::Role(_) => EntityKind::Role,
            Entity::PetrarchActor(_) => EntityKind::PetrarchActor,
        }
    }

    /// Canonical name.
    pub fn name(&self) -> &'a str {
        match self {
            Entity::Country(c) => &c.name,
            Entity::Organization(o) => &o.name,
            Entity::Person(p) => &p.name,
            Entity::Place(p) => &p.name,
            Entity::Role(r) => &r.name,
            Entity::PetrarchActor(a) => a.names.first().map(String::as_str).unwrap_or(""),
        }
    }

    /// Stable id: `country:RUS`, `org:nato`, `person:...`, `place:...`, `role:<name>`,
    /// `petrarch:<line>`.
    pub fn kb_id(&self) -> String {
        match self {
            Entity::Country(c) => format!("country:{}", c.code),
            Entity::Organization(o) => o.kb_id.clone(),
            Entity::Person(p) => p.kb_id.clone(),
            Entity::Place(p) => p.kb_id.clone(),
            Entity::Role(r) => format!("role:{}", r.name),
            Entity::PetrarchActor(a) => format!("petrarch:{}", a.line),
        }
    }

    /// The country code the entity belongs to, if any.
    pub fn country(&self) -> Option<&'a str> {
        match self {
            Entity::Country(c) => Some(&c.code),
            Entity::Organization(o) => o.country.as_deref(),
            Entity::Person(p) => p.country.as_deref(),
            Entity::Place(p) => Some(&p.country),
            Entity::Role(_) | Entity::PetrarchActor(_) => None,
        }
    }
}

/// Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. A partial date is widened to its first day
/// (`end == false`) or its last day (`end == true`).
pub fn parse_partial_date(s: &str, end: bool) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: Option<u32> = match parts.next() {
        Some(p) => Some(p.parse().ok()?),
        None => None,
    };
    let d: Option<u32> = match parts.next() {
        Some(p) => Some(p.parse().ok()?),
        None => None,
    };
    if parts.next().is_some() || !(1000..=9999).contains(&y) {
        return None;
    }
    match (m, d) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
        (Some(m), None) if end => {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
        }
        (Some(m), None) => NaiveDate::from_ymd_opt(y, m, 1),
        (None, _) if end => NaiveDate::from_ymd_opt(y, 12, 31),
        (None, _) => NaiveDate::from_ymd_opt(y, 1, 1),
    }
}

/// Whether `code` is a well-formed CAMEO actor code: 3 to 15 upper-case ASCII letters in
/// groups of three.
pub fn is_well_formed_code(code: &str) -> bool {
    matches!(code.len(), 3 | 6 | 9 | 12 | 15) && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_widen() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_partial_date("2024-02", true), Some(d(2024, 2, 29)));
        assert_eq!(parse_partial_date("2024-12", true), Some(d(2024, 12, 31)));
        assert_eq!(parse_partial_date("2024-02", false), Some(d(2024, 2, 1)));
        assert_eq!(parse_partial_date("2019", false), Some(d(2019, 1, 1)));
        assert_eq!(parse_partial_date("2019-13", false), None);
        assert_eq!(parse_partial_date("20x9", false), None);
    }

    #[test]
    fn codes() {
        assert!(is_well_formed_code("IGOWSTNAT"));
        assert!(!is_well_formed_code("RUSGO"));
        assert!(!is_well_formed_code("rusgov"));
    }

    #[test]
    fn org_code_by_date() {
        let d = |s| parse_partial_date(s, false);
        let org = Organization {
            kb_id: "org:x".into(),
            name: "X".into(),
            aliases: vec![],
            kind: OrgKind::ArmedGroup,
            country: None,
            codes: vec![
                CodePeriod {
                    code: "AFGREB".into(),
                    start: None,
                    end: d("2021-08-14"),
                },
                CodePeriod {
                    code: "AFGGOV".into(),
                    start: d("2021-08-15"),
                    end: None,
                },
            ],
            note: String::new(),
        };
        assert_eq!(org.code_at(d("2020-01-01")), Some("AFGREB"));
        assert_eq!(org.code_at(d("2021-08-15")), Some("AFGGOV"));
        assert_eq!(org.code_at(None), Some("AFGGOV"));
    }
}
