//! # eventwire-kb: the knowledge base of the event coder
//!
//! Who and where the actors of political news are, as CAMEO codes: countries with their
//! names, demonyms and seats of government ("the Kremlin" → RUS GOV), organisations
//! (NATO → IGOWSTNAT, the Taliban → AFGREB until 2021-08-14, AFGGOV after), people with dated
//! tenures (Jens Stoltenberg → NORGOV, IGOWSTNAT, NORGOV again), role nouns ("troops" → MIL)
//! and a gazetteer of ~34,000 places with coordinates.
//!
//! ## Design
//! - **Data lives in plain TSV files** under `data/kb/` (documented in `data/kb/README.md`),
//!   readable and diffable; generated files (`countries.tsv`, `places.tsv`) come from scripts
//!   in `scripts/kb_*.py` that merge hand-written files, so hand edits survive reruns.
//! - **Compiled in**: [`KnowledgeBase::builtin`] parses the files embedded with
//!   `include_str!` once (a `OnceLock`) and hands out a `&'static` reference; a directory of
//!   files can be loaded with [`KnowledgeBase::from_dir`] instead.
//! - **Lookups by surface form** go through two keys built by [`normalize`]: an exact key
//!   (case kept, curly apostrophes, dashes and Latin diacritics folded: "Élysée" = "Elysee")
//!   and a case-folded key ("Nato" = "NATO"). [`KnowledgeBase::lookup`] returns the exact
//!   matches if there are any, otherwise the case-folded ones. Possessives ("Kyiv's") and
//!   determiners are the caller's business.
//! - **No matcher here**: [`KnowledgeBase::names`] lists every surface form with its entry, so
//!   the mentions stage can compile its own longest-match automaton.
//! - **Dates decide codes**: [`KnowledgeBase::resolve_person`] gives the code of the office held
//!   on a date (after the last tenure: country + `ELI`), [`KnowledgeBase::resolve_organization`]
//!   the code of an organisation on a date.
//! - **The field's dictionaries can be layered on top**: [`petrarch`] reads PETRARCH/TABARI
//!   actor and agent files; [`KnowledgeBase::extend_with_petrarch_actors`] adds them.
//!
//! ## Example
//! ```
//! use eventwire_kb::{KnowledgeBase, EntityKind};
//! use chrono::NaiveDate;
//!
//! let kb = KnowledgeBase::builtin().expect("built-in data parses");
//! assert_eq!(kb.metonym("Kremlin"), Some(("RUS", "GOV")));
//! assert_eq!(kb.demonym("Ukrainian"), Some("UKR"));
//! assert_eq!(kb.role("soldiers"), Some("MIL"));
//! let day = NaiveDate::from_ymd_opt(2023, 3, 21);
//! let t = kb.resolve_person("person:jens-stoltenberg", day).expect("in the data");
//! assert_eq!(t.code, "IGOWSTNAT");
//! let kyiv = &kb.place("Kiev")[0];
//! assert_eq!(kyiv.country, "UKR");
//! assert!(kb.lookup("Nato").iter().any(|r| r.kind == EntityKind::Organization));
//! ```

mod error;
mod fold_table;
mod load;
mod model;
pub mod normalize;
pub mod petrarch;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;

pub use error::KbError;
pub use model::{
    is_well_formed_code, parse_partial_date, CodePeriod, Country, Entity, EntityKind, EntryRef,
    Gender, OrgKind, Organization, Person, Place, Role, Seat, Tenure, Via,
};
use normalize::{exact_key, folded_key};

/// The data files compiled into the crate, by file name.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../../../data/kb/countries.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../../data/kb/organizations.tsv"),
    ),
    ("roles.tsv", include_str!("../../../data/kb/roles.tsv")),
    ("places.tsv", include_str!("../../../data/kb/places.tsv")),
    (
        "people_africa.tsv",
        include_str!("../../../data/kb/people_africa.tsv"),
    ),
    (
        "people_americas.tsv",
        include_str!("../../../data/kb/people_americas.tsv"),
    ),
    (
        "people_asia.tsv",
        include_str!("../../../data/kb/people_asia.tsv"),
    ),
    (
        "people_eurasia.tsv",
        include_str!("../../../data/kb/people_eurasia.tsv"),
    ),
    (
        "people_europe.tsv",
        include_str!("../../../data/kb/people_europe.tsv"),
    ),
    (
        "people_international.tsv",
        include_str!("../../../data/kb/people_international.tsv"),
    ),
    (
        "people_middle_east.tsv",
        include_str!("../../../data/kb/people_middle_east.tsv"),
    ),
];

/// The knowledge base: entity tables plus lookup indexes. Build it once
/// ([`KnowledgeBase::builtin`], [`KnowledgeBase::from_dir`]) and share it; all lookups take
/// `&self`.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    countries: Vec<Country>,
    organizations: Vec<Organization>,
    people: Vec<Person>,
    places: Vec<Place>,
    roles: Vec<Role>,
    actors: Vec<petrarch::ActorEntry>,
    exact: HashMap<String, Vec<EntryRef>>,
    folded: HashMap<String, Vec<EntryRef>>,
    ids: HashMap<String, EntryRef>,
    country_codes: HashMap<String, u32>,
    demonyms: HashMap<String, u32>,
    /// folded seat name → (country index, seat index), exact-case entries first
    metonyms: HashMap<String, Vec<(u32, u32)>>,
    role_forms: HashMap<String, u32>,
    surnames: HashMap<String, Vec<u32>>,
}

static BUILTIN: OnceLock<Result<KnowledgeBase, KbError>> = OnceLock::new();

impl KnowledgeBase {
    /// The knowledge base compiled into the crate, parsed on first use.
    pub fn builtin() -> Result<&'static KnowledgeBase, KbError> {
        BUILTIN
            .get_or_init(|| Self::from_files(BUILTIN_FILES.iter().map(|(n, t)| (*n, *t))))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Load the files of a `data/kb`-style directory: `countries.tsv`, `organizations.tsv`,
    /// `roles.tsv`, `places.tsv` and every `people*.tsv`.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<KnowledgeBase, KbError> {
        let dir = dir.as_ref();
        let io = |path: &Path, e: std::io::Error| KbError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let mut names: Vec<String> = [
            "countries.tsv",
            "organizations.tsv",
            "roles.tsv",
            "places.tsv",
        ]
        .map(String::from)
        .into();
        let mut people: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| io(dir, e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("people") && n.ends_with(".tsv"))
            .collect();
        people.sort();
        names.extend(people);
        let mut texts = Vec::with_capacity(names.len());
        for n in &names {
            let path = dir.join(n);
            texts.push(std::fs::read_to_string(&path).map_err(|e| io(&path, e))?);
        }
        Self::from_files(
            names
                .iter()
                .map(String::as_str)
                .zip(texts.iter().map(String::as_str)),
        )
    }

    /// Build from `(file name, contents)` pairs. Files are recognised by name: `countries*`,
    /// `organizations*`, `roles*`, `places*`, `people*`.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<KnowledgeBase, KbError> {
        let mut kb = KnowledgeBase::default();
        for (name, text) in files {
            if name.starts_with("countries") {
                kb.countries.extend(load::countries(name, text)?);
            } else if name.starts_with("organizations") {
                kb.organizations.extend(load::organizations(name, text)?);
            } else if name.starts_with("roles") {
                kb.roles.extend(load::roles(name, text)?);
            } else if name.starts_with("places") {
                kb.places.extend(load::places(name, text)?);
            } else if name.starts_with("people") {
                load::people(name, text, &mut kb.people)?;
            } else {
                return Err(KbError::Invalid {
                    file: name.to_string(),
                    message: "unknown kind of file".into(),
                });
            }
        }
        let country_set: std::collections::HashSet<String> =
            kb.countries.iter().map(|c| c.code.clone()).collect();
        load::finish_people(&mut kb.people, |c| country_set.contains(c));
        kb.add_short_country_names();
        kb.mark_capitals();
        kb.build_indexes()?;
        Ok(kb)
    }

    /// A country named "X and Y" is also called "X" in news ("a group based in Trinidad",
    /// "Antigua"), unless "X" already names or describes another country ("Turks and Caicos
    /// Islands": "Turks" are Turkey's people).
    fn add_short_country_names(&mut self) {
        let taken: std::collections::HashSet<String> = self
            .countries
            .iter()
            .flat_map(|c| {
                std::iter::once(&c.name)
                    .chain(c.aliases.iter())
                    .chain(c.demonyms.iter())
            })
            .map(|n| folded_key(n))
            .collect();
        for c in &mut self.countries {
            let Some((first, _)) = c.name.split_once(" and ") else {
                continue;
            };
            let first = first.trim();
            let key = folded_key(first);
            if first.is_empty() || first.contains(',') || taken.contains(&key) {
                continue;
            }
            if !c.aliases.iter().any(|a| folded_key(a) == key) {
                c.aliases.push(first.to_string());
            }
        }
    }

    fn mark_capitals(&mut self) {
        let capitals: std::collections::HashSet<(String, String)> = self
            .countries
            .iter()
            .filter(|c| !c.capital.is_empty())
            .map(|c| (c.code.clone(), folded_key(&c.capital)))
            .collect();
        for p in &mut self.places {
            if p.kind == "city" {
                let names = std::iter::once(&p.name).chain(p.aliases.iter());
                p.capital = names
                    .into_iter()
                    .any(|n| capitals.contains(&(p.country.clone(), folded_key(n))));
            }
        }
    }

    fn build_indexes(&mut self) -> Result<(), KbError> {
        let mut ids: HashMap<String, EntryRef> = HashMap::new();
        let mut add_id = |id: String, r: EntryRef, file: &str| -> Result<(), KbError> {
            if ids.insert(id.clone(), r).is_some() {
                return Err(KbError::Invalid {
                    file: file.to_string(),
                    message: format!("duplicate kb_id {id}"),
                });
            }
            Ok(())
        };
        for (i, c) in self.countries.iter().enumerate() {
            let r = EntryRef {
                kind: EntityKind::Country,
                index: i as u32,
                via: Via::Name,
            };
            add_id(format!("country:{}", c.code), r, "countries.tsv")?;
            for code in std::iter::once(&c.code)
                .chain([&c.iso3])
                .chain(c.alt_codes.iter())
            {
                self.country_codes.entry(code.clone()).or_insert(i as u32);
            }
            for d in &c.demonyms {
                self.demonyms.entry(folded_key(d)).or_insert(i as u32);
            }
            for (j, s) in c.seats.iter().enumerate() {
                self.metonyms
                    .entry(folded_key(&s.name))
                    .or_default()
                    .push((i as u32, j as u32));
            }
        }
        for (i, o) in self.organizations.iter().enumerate() {
            add_id(
                o.kb_id.clone(),
                EntryRef {
                    kind: EntityKind::Organization,
                    index: i as u32,
                    via: Via::Name,
                },
                "organizations.tsv",
            )?;
        }
        for (i, p) in self.people.iter().enumerate() {
            add_id(
                p.kb_id.clone(),
                EntryRef {
                    kind: EntityKind::Person,
                    index: i as u32,
                    via: Via::Name,
                },
                "people*.tsv",
            )?;
            for s in &p.surnames {
                self.surnames
                    .entry(folded_key(s))
                    .or_default()
                    .push(i as u32);
            }
        }
        for (i, p) in self.places.iter().enumerate() {
            add_id(
                p.kb_id.clone(),
                EntryRef {
                    kind: EntityKind::Place,
                    index: i as u32,
                    via: Via::Name,
                },
                "places.tsv",
            )?;
        }
        for (i, r) in self.roles.iter().enumerate() {
            add_id(
                format!("role:{}", r.name),
                EntryRef {
                    kind: EntityKind::Role,
                    index: i as u32,
                    via: Via::Name,
                },
                "roles.tsv",
            )?;
            for f in &r.forms {
                self.role_forms.entry(folded_key(f)).or_insert(i as u32);
            }
        }
        self.ids = ids;
        let entries: Vec<(String, EntryRef)> =
            self.names().map(|(s, r)| (s.to_string(), r)).collect();
        for (surface, r) in entries {
            self.index_name(&surface, r);
        }
        Ok(())
    }

    fn index_name(&mut self, surface: &str, r: EntryRef) {
        let exact = exact_key(surface);
        if exact.is_empty() {
            return;
        }
        let folded = exact.to_lowercase();
        for (map, key) in [(&mut self.exact, exact), (&mut self.folded, folded)] {
            let v = map.entry(key).or_default();
            if !v.iter().any(|x| x.kind == r.kind && x.index == r.index) {
                v.push(r);
            }
        }
    }

    /// Every surface form with the entry it names, as written in the data (normalise both the
    /// forms and the text with [`normalize::exact_key`] or [`normalize::folded_key`] when
    /// compiling a matcher). Person surnames are not included (see
    /// [`KnowledgeBase::people_by_surname`]).
    pub fn names(&self) -> impl Iterator<Item = (&str, EntryRef)> + '_ {
        fn r(kind: EntityKind, index: usize, via: Via) -> EntryRef {
            EntryRef {
                kind,
                index: index as u32,
                via,
            }
        }
        let countries = self.countries.iter().enumerate().flat_map(|(i, c)| {
            let k = EntityKind::Country;
            std::iter::once((c.name.as_str(), r(k, i, Via::Name)))
                .chain(
                    c.aliases
                        .iter()
                        .map(move |a| (a.as_str(), r(k, i, Via::Alias))),
                )
                .chain(
                    c.demonyms
                        .iter()
                        .map(move |a| (a.as_str(), r(k, i, Via::Demonym))),
                )
                .chain(
                    c.seats
                        .iter()
                        .map(move |s| (s.name.as_str(), r(k, i, Via::Metonym))),
                )
        });
        let orgs = self.organizations.iter().enumerate().flat_map(|(i, o)| {
            let k = EntityKind::Organization;
            std::iter::once((o.name.as_str(), r(k, i, Via::Name))).chain(
                o.aliases
                    .iter()
                    .map(move |a| (a.as_str(), r(k, i, Via::Alias))),
            )
        });
        let people = self.people.iter().enumerate().flat_map(|(i, p)| {
            let k = EntityKind::Person;
            std::iter::once((p.name.as_str(), r(k, i, Via::Name))).chain(
                p.aliases
                    .iter()
                    .map(move |a| (a.as_str(), r(k, i, Via::Alias))),
            )
        });
        let places = self.places.iter().enumerate().flat_map(|(i, p)| {
            let k = EntityKind::Place;
            std::iter::once((p.name.as_str(), r(k, i, Via::Name))).chain(
                p.aliases
                    .iter()
                    .map(move |a| (a.as_str(), r(k, i, Via::Alias))),
            )
        });
        let roles = self.roles.iter().enumerate().flat_map(|(i, ro)| {
            ro.forms
                .iter()
                .map(move |f| (f.as_str(), r(EntityKind::Role, i, Via::RoleForm)))
        });
        let actors = self.actors.iter().enumerate().flat_map(|(i, a)| {
            a.names.iter().enumerate().map(move |(j, n)| {
                (
                    n.as_str(),
                    r(
                        EntityKind::PetrarchActor,
                        i,
                        if j == 0 { Via::Name } else { Via::Alias },
                    ),
                )
            })
        });
        countries
            .chain(orgs)
            .chain(people)
            .chain(places)
            .chain(roles)
            .chain(actors)
    }

    /// Entries named by `surface`: the exact-key matches (case kept, diacritics and
    /// apostrophes folded) if there are any, otherwise the case-folded matches.
    pub fn lookup(&self, surface: &str) -> &[EntryRef] {
        let exact = self.lookup_exact(surface);
        if exact.is_empty() {
            self.lookup_folded(surface)
        } else {
            exact
        }
    }

    /// Entries whose exact key equals that of `surface`.
    pub fn lookup_exact(&self, surface: &str) -> &[EntryRef] {
        self.exact
            .get(&exact_key(surface))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Entries whose case-folded key equals that of `surface` ("nato" finds NATO).
    pub fn lookup_folded(&self, surface: &str) -> &[EntryRef] {
        self.folded
            .get(&folded_key(surface))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The entity an [`EntryRef`] points to.
    ///
    /// # Panics
    /// If the reference comes from another knowledge base with more entries.
    pub fn entity(&self, r: EntryRef) -> Entity<'_> {
        let i = r.index as usize;
        match r.kind {
            EntityKind::Country => Entity::Country(&self.countries[i]),
            EntityKind::Organization => Entity::Organization(&self.organizations[i]),
            EntityKind::Person => Entity::Person(&self.people[i]),
            EntityKind::Place => Entity::Place(&self.places[i]),
            EntityKind::Role => Entity::Role(&self.roles[i]),
            EntityKind::PetrarchActor => Entity::PetrarchActor(&self.actors[i]),
        }
    }

    /// The entity with a kb_id (`country:RUS`, `org:nato`, `person:...`, `place:...`,
    /// `role:<name>`).
    pub fn get(&self, kb_id: &str) -> Option<Entity<'_>> {
        self.ids.get(kb_id).map(|r| self.entity(*r))
    }

    /// A country by CAMEO code, ISO alpha-3 code or alternative code (ROM → Romania ROU).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_codes
            .get(code)
            .map(|&i| &self.countries[i as usize])
    }

    /// The country of a demonym or national adjective: "Russian" → RUS, "Chinese" → CHN.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms
            .get(&folded_key(word))
            .map(|&i| self.countries[i as usize].code.as_str())
    }

    /// The CAMEO sector of a role noun: "troops" → MIL, "foreign minister" → GOV.
    pub fn role(&self, noun: &str) -> Option<&str> {
        self.role_entry(noun).map(|r| r.sector.as_str())
    }

    /// The role row of a role noun.
    pub fn role_entry(&self, noun: &str) -> Option<&Role> {
        self.role_forms
            .get(&folded_key(noun))
            .map(|&i| &self.roles[i as usize])
    }

    /// The (country code, sector) a seat of government or metonym stands for:
    /// "Kremlin" → (RUS, GOV), "Pentagon" → (USA, MIL). An exact-case match wins over a
    /// case-folded one.
    pub fn metonym(&self, surface: &str) -> Option<(&str, &str)> {
        let hits = self.metonyms.get(&folded_key(surface))?;
        let exact = exact_key(surface);
        let seat = |&(c, s): &(u32, u32)| {
            let country = &self.countries[c as usize];
            (country, &country.seats[s as usize])
        };
        let best = hits
            .iter()
            .map(seat)
            .find(|(_, s)| exact_key(&s.name) == exact)
            .or_else(|| hits.first().map(seat))?;
        Some((best.0.code.as_str(), best.1.sector.as_str()))
    }

    /// Gazetteer candidates for a place name (exact-key matches, else case-folded ones):
    /// countries first, then national capitals, then by population, largest first
    /// ("Georgia": the country, then the US state; "Washington": the US capital first).
    /// Countries appear as places of kind `country`.
    pub fn place(&self, name: &str) -> Vec<&Place> {
        let pick = |refs: &[EntryRef]| -> Vec<&Place> {
            refs.iter()
                .filter(|r| r.kind == EntityKind::Place)
                .map(|r| &self.places[r.index as usize])
                .collect()
        };
        let mut out = pick(self.lookup_exact(name));
        if out.is_empty() {
            out = pick(self.lookup_folded(name));
        }
        out.sort_by_key(|p| {
            (
                p.kind != "country",
                !p.capital,
                std::cmp::Reverse(p.population),
            )
        });
        out
    }

    /// People whose surname (or one of them) is `surname`, compared case-folded.
    pub fn people_by_surname(&self, surname: &str) -> Vec<&Person> {
        self.surnames
            .get(&folded_key(surname))
            .map(|v| v.iter().map(|&i| &self.people[i as usize]).collect())
            .unwrap_or_default()
    }

    /// A person by kb_id.
    pub fn person(&self, kb_id: &str) -> Option<&Person> {
        match self.ids.get(kb_id) {
            Some(r) if r.kind == EntityKind::Person => Some(&self.people[r.index as usize]),
            _ => None,
        }
    }

    /// An organisation by kb_id.
    pub fn organization(&self, kb_id: &str) -> Option<&Organization> {
        match self.ids.get(kb_id) {
            Some(r) if r.kind == EntityKind::Organization => {
                Some(&self.organizations[r.index as usize])
            }
            _ => None,
        }
    }

    /// The tenure (office and CAMEO code) of a person on `date`.
    ///
    /// - inside a tenure: that tenure (the most recently started one if several overlap: a
    ///   general who became head of state is GOV from then on);
    /// - before the first tenure: `None`;
    /// - after the last tenure, or between two: a synthetic tenure with the person's country +
    ///   `ELI` (former official), office `"former <last office>"`;
    /// - `date == None`: the latest tenure.
    pub fn resolve_person(&self, kb_id: &str, date: Option<NaiveDate>) -> Option<Tenure> {
        let p = self.person(kb_id)?;
        let latest = p.tenures.iter().max_by_key(|t| t.start)?;
        let Some(date) = date else {
            return Some(latest.clone());
        };
        // tenures are sorted by start: the last containing one started most recently
        if let Some(t) = p.tenures.iter().rev().find(|t| t.contains(date)) {
            return Some(t.clone());
        }
        let previous = p
            .tenures
            .iter()
            .filter(|t| t.end.is_some_and(|e| e < date))
            .max_by_key(|t| t.end)?;
        let next_start = p
            .tenures
            .iter()
            .filter(|t| t.start > date)
            .map(|t| t.start)
            .min();
        let country = p.country.clone().unwrap_or_default();
        Some(Tenure {
            office: format!("former {}", previous.office),
            code: format!("{country}ELI"),
            start: previous
                .end
                .and_then(|e| e.succ_opt())
                .unwrap_or(previous.start),
            end: next_start.and_then(|s| s.pred_opt()),
        })
    }

    /// The CAMEO code of an organisation on `date` (see [`Organization::code_at`]).
    pub fn resolve_organization(&self, kb_id: &str, date: Option<NaiveDate>) -> Option<&str> {
        self.organization(kb_id)?.code_at(date)
    }

    /// All countries.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// All organisations.
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    /// All people.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// All places.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// All role nouns.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Imported PETRARCH actors.
    pub fn petrarch_actors(&self) -> &[petrarch::ActorEntry] {
        &self.actors
    }

    /// Layer the actors of a PETRARCH/TABARI dictionary on top: their names become lookup
    /// keys (upper-case dictionary names match through the case-folded key). Built-in entries
    /// stay and come first in every lookup.
    pub fn extend_with_petrarch_actors(&mut self, dict: &petrarch::ActorDictionary) {
        for entry in &dict.entries {
            let index = self.actors.len() as u32;
            self.actors.push(entry.clone());
            for (j, n) in entry.names.iter().enumerate() {
                let via = if j == 0 { Via::Name } else { Via::Alias };
                self.index_name(
                    n,
                    EntryRef {
                        kind: EntityKind::PetrarchActor,
                        index,
                        via,
                    },
                );
            }
        }
    }

    /// Layer the agent nouns of a PETRARCH agent dictionary on top as roles (sector = the
    /// agent code; prefix agents such as `IGO~` are marked with level `prefix`). Built-in role
    /// forms keep their sector in [`KnowledgeBase::role`].
    pub fn extend_with_petrarch_agents(&mut self, dict: &petrarch::AgentDictionary) {
        for a in &dict.entries {
            let index = self.roles.len() as u32;
            let mut forms = vec![a.noun.clone()];
            forms.extend(a.plurals.iter().cloned());
            let role = Role {
                name: a.noun.to_lowercase(),
                forms,
                sector: a.code.clone(),
                level: match a.position {
                    petrarch::AgentPosition::Prefix => "prefix".into(),
                    petrarch::AgentPosition::Suffix => String::new(),
                },
                note: format!("PETRARCH agent, line {}", a.line),
            };
            for f in &role.forms {
                self.role_forms.entry(folded_key(f)).or_insert(index);
                self.index_name(
                    f,
                    EntryRef {
                        kind: EntityKind::Role,
                        index,
                        via: Via::RoleForm,
                    },
                );
            }
            self.roles.push(role);
        }
    }

    /// Look up a PETRARCH actor's code on a date, for a name found by [`KnowledgeBase::lookup`].
    pub fn resolve_petrarch_actor(&self, r: EntryRef, date: Option<NaiveDate>) -> Option<&str> {
        match r.kind {
            EntityKind::PetrarchActor => self.actors.get(r.index as usize)?.code_on(date),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
