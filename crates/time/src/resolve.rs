//! Calendar arithmetic: turning a recognised expression ([`Expr`]) into a TIMEX3 value,
//! against the publication date and, for anaphoric expressions, the last date mentioned.

use crate::lexicon::{Count, Unit};
use chrono::{Datelike, Duration, NaiveDate};
use eventwire_document::{TimexBasis, TimexKind};

/// How a month, weekday or season name relates to the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// No modifier, past reading ("on Friday", "in March"): the latest one not after today.
    Bare,
    /// No modifier, but a future cue before it ("will meet on Friday"): the next one from today.
    BareFuture,
    /// "this": the current one if we are in it, else the coming one (months: this year's).
    This,
    /// "last": strictly before the current one (months: last year's).
    Last,
    /// "next", "this coming": strictly after the current one.
    Next,
}

/// A recognised time expression, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A full date written out: "March 17, 2023", "2023-03-17".
    FullDate(NaiveDate),
    /// "2019".
    Year(i32),
    /// "the 1990s": the first three digits of the year.
    Decade(i32),
    /// "the 1800s": the first two digits of the year.
    Century(i32),
    /// "March 2022".
    YearMonth(i32, u32),
    /// "July last year": a month in the year `years` from publication.
    MonthInYear { month: u32, years: i64 },
    /// "spring 2022".
    YearSeason(i32, &'static str),
    /// "March 17": the year comes from the publication date.
    MonthDay { month: u32, day: u32, future: bool },
    /// "in March", "last February".
    Month { month: u32, rel: Rel },
    /// "on Tuesday", "next Tuesday", "Monday night".
    Weekday {
        weekday: u32,
        rel: Rel,
        part: Option<&'static str>,
    },
    /// "today", "last week", "two months ago", "this weekend".
    Shift {
        unit: ShiftUnit,
        n: i64,
        part: Option<&'static str>,
    },
    /// "last spring", "this summer".
    Season { season: &'static str, rel: Rel },
    /// "the day before": days from the last day-precise date mentioned.
    Anchored(i64),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// "three days": `P3D`.
    Duration(String),
    /// "every week": `P1W`.
    Set(String),
    /// "3:30 p.m.".
    Clock { hour: u32, minute: u32 },
}

/// The calendar units a [`Expr::Shift`] moves by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ShiftUnit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl ShiftUnit {
    pub(crate) fn from_unit(u: Unit) -> Option<ShiftUnit> {
        Some(match u {
            Unit::Day => ShiftUnit::Day,
            Unit::Week => ShiftUnit::Week,
            Unit::Month => ShiftUnit::Month,
            Unit::Quarter => ShiftUnit::Quarter,
            Unit::Year => ShiftUnit::Year,
            Unit::Decade => ShiftUnit::Decade,
            Unit::Century => ShiftUnit::Century,
            Unit::Fortnight | Unit::Hour | Unit::Minute | Unit::Second => return None,
        })
    }
}

/// A duration or set value: `P3D`, `PXM`, `PT2H`, `P10Y`.
pub(crate) fn period(count: Count, unit: Unit) -> String {
    let (time, mult, letter) = match unit {
        Unit::Day => (false, 1.0, "D"),
        Unit::Week => (false, 1.0, "W"),
        Unit::Fortnight => (false, 2.0, "W"),
        Unit::Month => (false, 1.0, "M"),
        Unit::Quarter => (false, 3.0, "M"),
        Unit::Year => (false, 1.0, "Y"),
        Unit::Decade => (false, 10.0, "Y"),
        Unit::Century => (false, 100.0, "Y"),
        Unit::Hour => (true, 1.0, "H"),
        Unit::Minute => (true, 1.0, "M"),
        Unit::Second => (true, 1.0, "S"),
    };
    let t = if time { "T" } else { "" };
    match count {
        Count::N(n) => format!("P{t}{}{letter}", n * mult),
        // An unspecified number of decades or centuries keeps its unit (TIMEX3 `PXDE`).
        Count::Vague => match unit {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            _ => format!("P{t}X{letter}"),
        },
    }
}

/// A resolved expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub kind: TimexKind,
    pub value: Option<String>,
    pub basis: TimexBasis,
    /// The day it denotes, when it denotes exactly one day (anchor for "the day before" and
    /// for clock times).
    pub day: Option<NaiveDate>,
}

impl Resolved {
    fn new(kind: TimexKind, value: String, basis: TimexBasis) -> Resolved {
        Resolved {
            kind,
            value: Some(value),
            basis,
            day: None,
        }
    }

    fn date(d: NaiveDate, basis: TimexBasis) -> Resolved {
        Resolved {
            kind: TimexKind::Date,
            value: Some(ymd(d)),
            basis,
            day: Some(d),
        }
    }

    fn unresolved(kind: TimexKind) -> Resolved {
        Resolved {
            kind,
            value: None,
            basis: TimexBasis::Unresolved,
            day: None,
        }
    }
}

/// What resolution may refer to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The last day-precise date mentioned before the expression, in the document.
    pub anchor: Option<NaiveDate>,
    /// For clock times: the day they fall on and how that day was found.
    pub clock_day: Option<(NaiveDate, TimexBasis)>,
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Months since year 0, for month arithmetic.
fn month_index(year: i32, month: u32) -> i64 {
    year as i64 * 12 + month as i64 - 1
}

fn ym(index: i64) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// The occurrence of `target` (an index modulo `period`) relative to `current`, by `rel`.
fn occurrence(current: i64, target: i64, period: i64, rel: Rel) -> i64 {
    let before = current - (current - target).rem_euclid(period); // latest <= current
    let after = current + (target - current).rem_euclid(period); // earliest >= current
    match rel {
        Rel::Bare => before,
        Rel::BareFuture | Rel::This => after,
        Rel::Last => {
            if before == current {
                current - period
            } else {
                before
            }
        }
        Rel::Next => {
            if after == current {
                current + period
            } else {
                after
            }
        }
    }
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// Seasons since year 0: spring = March–May, …, winter = December–February (named after the
/// year of its December, as TIMEX3 does).
fn season_index(d: NaiveDate) -> i64 {
    let m = d.month() as i64;
    let (year, s) = match m {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year(), 3),
        _ => (d.year() - 1, 3),
    };
    year as i64 * 4 + s
}

/// The year for a month and day given without one: the latest year in which the date is at
/// most about two months after publication (news mostly reports the past, and announces the
/// near future); with a future cue, the first year in which it is not before publication.
fn month_day_year(published: NaiveDate, month: u32, day: u32, future: bool) -> Option<NaiveDate> {
    let y = published.year();
    if future {
        return (y..=y + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .find(|d| *d >= published);
    }
    let limit = published + Duration::days(61);
    (y - 1..=y + 1)
        .rev()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d <= limit)
}

/// Resolve `expr` in `ctx`.
pub(crate) fn resolve(expr: &Expr, ctx: &Context) -> Resolved {
    use TimexBasis::{Explicit, Relative};
    use TimexKind::{Date, Duration as Dur, Set, Time};
    match expr {
        Expr::FullDate(d) => return Resolved::date(*d, Explicit),
        Expr::Year(y) => return Resolved::new(Date, format!("{y:04}"), Explicit),
        Expr::Decade(d) => return Resolved::new(Date, format!("{d:03}"), Explicit),
        Expr::Century(c) => return Resolved::new(Date, format!("{c:02}"), Explicit),
        Expr::YearMonth(y, m) => return Resolved::new(Date, format!("{y:04}-{m:02}"), Explicit),
        Expr::YearSeason(y, s) => return Resolved::new(Date, format!("{y:04}-{s}"), Explicit),
        Expr::Duration(v) => return Resolved::new(Dur, v.clone(), Explicit),
        Expr::Set(v) => return Resolved::new(Set, v.clone(), Explicit),
        // A reference value needs no date to be right.
        Expr::Ref(v) => return Resolved::new(Date, v.to_string(), Relative),
        Expr::Clock { hour, minute } => {
            return match ctx.clock_day {
                Some((d, basis)) => Resolved {
                    kind: Time,
                    value: Some(format!("{}T{hour:02}:{minute:02}", ymd(d))),
                    basis,
                    day: Some(d),
                },
                None => Resolved {
                    kind: Time,
                    value: Some(format!("T{hour:02}:{minute:02}")),
                    basis: TimexBasis::Unresolved,
                    day: None,
                },
            };
        }
        _ => {}
    }
    let kind = match expr {
        Expr::Weekday { part: Some(_), .. } | Expr::Shift { part: Some(_), .. } => Time,
        _ => Date,
    };
    let Some(p) = ctx.published else {
        return Resolved::unresolved(kind);
    };
    let with_part = |d: NaiveDate, part: &Option<&'static str>| match part {
        Some(part) => Resolved {
            kind: Time,
            value: Some(format!("{}T{part}", ymd(d))),
            basis: Relative,
            day: Some(d),
        },
        None => Resolved::date(d, Relative),
    };
    match expr {
        Expr::MonthDay { month, day, future } => match month_day_year(p, *month, *day, *future) {
            Some(d) => Resolved::date(d, Relative),
            None => Resolved::unresolved(Date),
        },
        // "last February": February of last year (in March, February of this year is
        // "last month" or "in February").
        Expr::Month {
            month,
            rel: Rel::Last,
        } => Resolved::new(Date, format!("{:04}-{month:02}", p.year() - 1), Relative),
        Expr::MonthInYear { month, years } => Resolved::new(
            Date,
            format!("{:04}-{month:02}", p.year() as i64 + years),
            Relative,
        ),
        // "this February": this year's.
        Expr::Month {
            month,
            rel: Rel::This,
        } => Resolved::new(Date, format!("{:04}-{month:02}", p.year()), Relative),
        Expr::Month { month, rel } => {
            let i = occurrence(
                month_index(p.year(), p.month()),
                *month as i64 - 1,
                12,
                *rel,
            );
            Resolved::new(Date, ym(i), Relative)
        }
        Expr::Weekday { weekday, rel, part } => {
            let today = p.weekday().number_from_monday() as i64;
            let current = p.num_days_from_ce() as i64;
            // Day numbers from CE are congruent to the weekday: align them.
            let target = (current - today + *weekday as i64).rem_euclid(7);
            let d = occurrence(current, target, 7, *rel);
            match p.checked_add_signed(Duration::days(d - current)) {
                Some(d) => with_part(d, part),
                None => Resolved::unresolved(kind),
            }
        }
        Expr::Shift { unit, n, part } => shift(p, *unit, *n, part, &with_part),
        Expr::Season { season, rel } => {
            let Some(s) = SEASONS.iter().position(|x| x == season) else {
                return Resolved::unresolved(Date);
            };
            let i = occurrence(season_index(p), s as i64, 4, *rel);
            Resolved::new(Date, format!("{:04}-{}", i.div_euclid(4), season), Relative)
        }
        Expr::Anchored(n) => {
            let base = ctx.anchor.unwrap_or(p);
            match base.checked_add_signed(Duration::days(*n)) {
                Some(d) => Resolved::date(d, Relative),
                None => Resolved::unresolved(Date),
            }
        }
        _ => Resolved::unresolved(kind),
    }
}

fn shift(
    p: NaiveDate,
    unit: ShiftUnit,
    n: i64,
    part: &Option<&'static str>,
    with_part: &dyn Fn(NaiveDate, &Option<&'static str>) -> Resolved,
) -> Resolved {
    use TimexBasis::Relative;
    use TimexKind::Date;
    let days = |k: i64| p.checked_add_signed(Duration::days(k));
    let value = match unit {
        ShiftUnit::Day => {
            return match days(n) {
                Some(d) => with_part(d, part),
                None => Resolved::unresolved(Date),
            }
        }
        ShiftUnit::Week => days(7 * n).map(iso_week),
        ShiftUnit::Weekend => days(7 * n).map(|d| format!("{}-WE", iso_week(d))),
        ShiftUnit::Month => Some(ym(month_index(p.year(), p.month()) + n)),
        ShiftUnit::Quarter => {
            let q = p.year() as i64 * 4 + (p.month0() as i64 / 3) + n;
            Some(format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1))
        }
        ShiftUnit::Year => Some(format!("{:04}", p.year() as i64 + n)),
        ShiftUnit::Decade => Some(format!("{:03}", p.year() as i64 / 10 + n)),
        ShiftUnit::Century => Some(format!("{:02}", p.year() as i64 / 100 + n)),
    };
    match value {
        Some(v) => Resolved::new(Date, v, Relative),
        None => Resolved::unresolved(Date),
    }
}
