//! Unit tests on sentences written for them. Publication dates: 2023-03-21 (a Tuesday),
//! 2025-03-14 (a Friday), 2024-01-02 (a Tuesday, for year boundaries).

use super::*;

const TUE: (i32, u32, u32) = (2023, 3, 21);
const FRI: (i32, u32, u32) = (2025, 3, 14);
const NEW_YEAR: (i32, u32, u32) = (2024, 1, 2);

fn run(text: &str, date: Option<(i32, u32, u32)>) -> Document {
    let mut doc = Document::new("t", text);
    doc.date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    eventwire_text::analyze(&mut doc);
    annotate(&mut doc);
    doc
}

/// (text, value) of every timex.
fn timexes(text: &str, date: (i32, u32, u32)) -> Vec<(String, String)> {
    let doc = run(text, Some(date));
    doc.timexes
        .iter()
        .map(|t| {
            (
                doc.slice(t.span).to_string(),
                t.value.clone().unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

/// Assert the timexes of `text` published on `date` are exactly `want` (text, value).
#[track_caller]
fn check(text: &str, date: (i32, u32, u32), want: &[(&str, &str)]) {
    let got = timexes(text, date);
    let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got, want, "in {text:?}");
}

/// The single timex of `text`: kind, value, basis.
#[track_caller]
fn one(text: &str, date: Option<(i32, u32, u32)>) -> (TimexKind, Option<String>, TimexBasis) {
    let doc = run(text, date);
    assert_eq!(doc.timexes.len(), 1, "in {text:?}: {:?}", doc.timexes);
    let t = &doc.timexes[0];
    (t.kind, t.value.clone(), t.basis)
}

#[test]
fn explicit_dates() {
    check(
        "The council voted on March 17, 2023, and again on 17 March 2022.",
        TUE,
        &[
            ("March 17, 2023", "2023-03-17"),
            ("17 March 2022", "2022-03-17"),
        ],
    );
    check(
        "The filing is dated 2023-03-17.",
        TUE,
        &[("2023-03-17", "2023-03-17")],
    );
    check("Troops withdrew in 2019.", TUE, &[("2019", "2019")]);
    check(
        "Talks collapsed in March 2022.",
        TUE,
        &[("March 2022", "2022-03")],
    );
    check("Tensions grew in the 1990s.", TUE, &[("1990s", "199")]);
    check("Trade grew in the 1800s.", TUE, &[("1800s", "18")]);
    check("Trade grew in the '70s.", TUE, &[("'70s", "197")]);
    check(
        "A vote is expected by mid-2024.",
        TUE,
        &[("mid-2024", "2024")],
    );
    check(
        "The accord signed Jan. 5, 2021 lapsed.",
        TUE,
        &[("Jan. 5, 2021", "2021-01-05")],
    );
    assert_eq!(
        one("The ceasefire began on March 17, 2023.", Some(TUE)).2,
        TimexBasis::Explicit
    );
    assert_eq!(one("It began in 2023.", Some(TUE)).2, TimexBasis::Explicit);
}

#[test]
fn month_days_take_the_nearest_sensible_year() {
    check(
        "Rebels attacked on March 17.",
        TUE,
        &[("March 17", "2023-03-17")],
    );
    check(
        "The envoy left Mar. 17 for talks.",
        TUE,
        &[("Mar. 17", "2023-03-17")],
    );
    check("Voting is set for May 5.", TUE, &[("May 5", "2023-05-05")]);
    // More than two months ahead: last year.
    check(
        "The raid on June 10 killed four.",
        TUE,
        &[("June 10", "2022-06-10")],
    );
    check(
        "Talks on December 28 failed.",
        NEW_YEAR,
        &[("December 28", "2023-12-28")],
    );
    // A future cue: the coming one.
    check(
        "Leaders will meet on June 10.",
        TUE,
        &[("June 10", "2023-06-10")],
    );
    assert_eq!(
        one("Rebels attacked on March 17.", Some(TUE)).2,
        TimexBasis::Relative
    );
}

#[test]
fn months_alone() {
    check("Fighting resumed in March.", TUE, &[("March", "2023-03")]);
    check(
        "Fighting resumed in February.",
        TUE,
        &[("February", "2023-02")],
    );
    check("Fighting resumed in April.", TUE, &[("April", "2022-04")]);
    check(
        "Elections will be held in April.",
        TUE,
        &[("April", "2023-04")],
    );
    check(
        "He visited last February.",
        TUE,
        &[("last February", "2022-02")],
    );
    check(
        "He won in July last year.",
        TUE,
        &[("July last year", "2022-07")],
    );
    check(
        "He won in January of this year.",
        TUE,
        &[("January of this year", "2023-01")],
    );
    check("He visited last March.", TUE, &[("last March", "2022-03")]);
    check(
        "He visits this February.",
        TUE,
        &[("this February", "2023-02")],
    );
    check("He visits next March.", TUE, &[("next March", "2024-03")]);
    check(
        "Prices rose in early March.",
        TUE,
        &[("early March", "2023-03")],
    );
    check(
        "Prices rose in mid-March.",
        TUE,
        &[("mid-March", "2023-03")],
    );
    check(
        "Prices fell at the end of January.",
        TUE,
        &[("the end of January", "2023-01")],
    );
    check(
        "Talks ran from January to March.",
        TUE,
        &[("January", "2023-01"), ("March", "2023-03")],
    );
}

#[test]
fn month_names_that_are_also_words() {
    check("China may provide weapons.", TUE, &[]);
    check("May God protect them, she said.", TUE, &[]);
    check("Theresa May resigned.", TUE, &[]);
    check("Those who arrived in May be warned.", TUE, &[]);
    check("Protesters march to the capital.", TUE, &[]);
    check("The march drew thousands.", TUE, &[]);
    check("March organizers said thousands came.", TUE, &[]);
    check("April Ryan asked a question.", TUE, &[]);
    check("The law passed in May.", TUE, &[("May", "2022-05")]);
    check("The law passed on May 3.", TUE, &[("May 3", "2023-05-03")]);
    check(
        "It has been quiet since March.",
        TUE,
        &[("March", "2023-03")],
    );
    check(
        "He resigned in March 2021.",
        TUE,
        &[("March 2021", "2021-03")],
    );
}

#[test]
fn weekdays() {
    // 2023-03-21 is a Tuesday.
    check(
        "The minister spoke on Tuesday.",
        TUE,
        &[("Tuesday", "2023-03-21")],
    );
    check(
        "Rockets hit the city on Friday.",
        TUE,
        &[("Friday", "2023-03-17")],
    );
    check(
        "Rockets hit the city Sunday.",
        TUE,
        &[("Sunday", "2023-03-19")],
    );
    check(
        "They meet next Tuesday.",
        TUE,
        &[("next Tuesday", "2023-03-28")],
    );
    check(
        "They meet next Friday.",
        TUE,
        &[("next Friday", "2023-03-24")],
    );
    check(
        "They meet this coming Tuesday.",
        TUE,
        &[("this coming Tuesday", "2023-03-28")],
    );
    check(
        "They met last Tuesday.",
        TUE,
        &[("last Tuesday", "2023-03-14")],
    );
    check(
        "They met last Monday.",
        TUE,
        &[("last Monday", "2023-03-20")],
    );
    check(
        "Talks will resume on Thursday.",
        TUE,
        &[("Thursday", "2023-03-23")],
    );
    check(
        "He is due to fly out Thursday.",
        TUE,
        &[("Thursday", "2023-03-23")],
    );
    check(
        "He was due in court Thursday.",
        TUE,
        &[("Thursday", "2023-03-16")],
    );
    // 2025-03-14 is a Friday.
    check(
        "The vote took place Friday.",
        FRI,
        &[("Friday", "2025-03-14")],
    );
    check(
        "The vote took place Wednesday.",
        FRI,
        &[("Wednesday", "2025-03-12")],
    );
    check(
        "He arrived Tuesday, March 21, 2023.",
        TUE,
        &[("Tuesday, March 21, 2023", "2023-03-21")],
    );
    check("Voters went to the polls on Super Tuesday.", TUE, &[]);
    check(
        "He spoke on \"This Week\" on Sunday.",
        TUE,
        &[("Sunday", "2023-03-19")],
    );
    check(
        "He was on \"Sunday Morning Futures\".",
        TUE,
        &[("Sunday", "2023-03-19")],
    );
    check(
        "Migrants slated for removal in late January were moved.",
        TUE,
        &[("late January", "2023-01")],
    );
}

#[test]
fn weekday_with_part_of_day_is_a_time() {
    assert_eq!(
        one("Shelling began Monday night.", Some(TUE)),
        (
            TimexKind::Time,
            Some("2023-03-20TNI".into()),
            TimexBasis::Relative
        )
    );
    check(
        "Sirens sounded Tuesday morning.",
        TUE,
        &[("Tuesday morning", "2023-03-21TMO")],
    );
    check(
        "Sirens sounded yesterday evening.",
        TUE,
        &[("yesterday evening", "2023-03-20TEV")],
    );
    check(
        "Sirens sounded last night.",
        TUE,
        &[("last night", "2023-03-20TNI")],
    );
    check("He speaks tonight.", TUE, &[("tonight", "2023-03-21TNI")]);
    check(
        "He spoke this morning.",
        TUE,
        &[("this morning", "2023-03-21TMO")],
    );
}

#[test]
fn relative_days_weeks_months_years() {
    check("He spoke today.", TUE, &[("today", "2023-03-21")]);
    check("He spoke yesterday.", TUE, &[("yesterday", "2023-03-20")]);
    check("He speaks tomorrow.", TUE, &[("tomorrow", "2023-03-22")]);
    check(
        "He spoke two days ago.",
        TUE,
        &[("two days ago", "2023-03-19")],
    );
    check(
        "He spoke three weeks ago.",
        TUE,
        &[("three weeks ago", "2023-W09")],
    );
    check("He spoke a year ago.", TUE, &[("a year ago", "2022")]);
    check(
        "He spoke earlier this week.",
        TUE,
        &[("earlier this week", "2023-W12")],
    );
    check("He spoke this week.", TUE, &[("this week", "2023-W12")]);
    check("He spoke last week.", TUE, &[("last week", "2023-W11")]);
    check("He speaks next week.", TUE, &[("next week", "2023-W13")]);
    check(
        "He speaks this weekend.",
        TUE,
        &[("this weekend", "2023-W12-WE")],
    );
    check("He spoke this month.", TUE, &[("this month", "2023-03")]);
    check(
        "He spoke earlier this month.",
        TUE,
        &[("earlier this month", "2023-03")],
    );
    check(
        "He speaks later this month.",
        TUE,
        &[("later this month", "2023-03")],
    );
    check("He spoke last month.", TUE, &[("last month", "2023-02")]);
    check("He speaks next month.", TUE, &[("next month", "2023-04")]);
    check("He spoke this year.", TUE, &[("this year", "2023")]);
    check("He spoke last year.", TUE, &[("last year", "2022")]);
    check("He speaks next year.", TUE, &[("next year", "2024")]);
    check(
        "Growth slowed late last year.",
        TUE,
        &[("late last year", "2022")],
    );
    check(
        "Growth slowed last quarter.",
        TUE,
        &[("last quarter", "2022-Q4")],
    );
    check(
        "A deal is due by the end of the year.",
        TUE,
        &[("the end of the year", "2023")],
    );
}

#[test]
fn typos_of_last() {
    check("He spoke Lat month.", TUE, &[("Lat month", "2023-02")]);
    check("He spoke lst month.", TUE, &[("lst month", "2023-02")]);
    check("He spoke lsat week.", TUE, &[("lsat week", "2023-W11")]);
    check(
        "It took at least a month.",
        TUE,
        &[("at least a month", "P1M")],
    );
    check("The list grew.", TUE, &[]);
}

#[test]
fn year_boundaries() {
    // 2024-01-02 is a Tuesday in ISO week 2024-W01; the week before is 2023-W52.
    check(
        "He spoke last month.",
        NEW_YEAR,
        &[("last month", "2023-12")],
    );
    check(
        "He spoke last week.",
        NEW_YEAR,
        &[("last week", "2023-W52")],
    );
    check("He spoke last year.", NEW_YEAR, &[("last year", "2023")]);
    check(
        "He spoke last December.",
        NEW_YEAR,
        &[("last December", "2023-12")],
    );
    check(
        "He spoke in December.",
        NEW_YEAR,
        &[("December", "2023-12")],
    );
    check("He spoke on Friday.", NEW_YEAR, &[("Friday", "2023-12-29")]);
    check(
        "He spoke on January 1.",
        NEW_YEAR,
        &[("January 1", "2024-01-01")],
    );
    // 2021-01-01 is in ISO week 2020-W53.
    check(
        "He spoke this week.",
        (2021, 1, 1),
        &[("this week", "2020-W53")],
    );
    // In December, "January 5" is the coming one.
    check(
        "A vote is set for January 5.",
        (2023, 12, 20),
        &[("January 5", "2024-01-05")],
    );
}

#[test]
fn seasons() {
    check(
        "Fighting eased last spring.",
        TUE,
        &[("last spring", "2022-SP")],
    );
    check(
        "Fighting will ease this summer.",
        TUE,
        &[("this summer", "2023-SU")],
    );
    check(
        "Fighting eased last winter.",
        TUE,
        &[("last winter", "2022-WI")],
    );
    check(
        "Fighting eased in spring 2021.",
        TUE,
        &[("spring 2021", "2021-SP")],
    );
    check("The fall of the city shocked many.", TUE, &[]);
}

#[test]
fn reference_values() {
    check("He is now in Kyiv.", TUE, &[("now", "PRESENT_REF")]);
    check(
        "He currently lives there.",
        TUE,
        &[("currently", "PRESENT_REF")],
    );
    check("He recently moved.", TUE, &[("recently", "PRESENT_REF")]);
    check(
        "There is no plan at the moment.",
        TUE,
        &[("at the moment", "PRESENT_REF")],
    );
    check(
        "Attacks rose in recent weeks.",
        TUE,
        &[("recent weeks", "PAST_REF")],
    );
    check(
        "Attacks may rise in the coming days.",
        TUE,
        &[("the coming days", "FUTURE_REF")],
    );
    check("He had said so earlier.", TUE, &[]);
    check("Shots rang out soon after the vote.", TUE, &[]);
    check("The now-banned paper closed.", TUE, &[]);
    check(
        "The town fell years ago.",
        TUE,
        &[("years ago", "PAST_REF")],
    );
}

#[test]
fn durations() {
    check(
        "The siege lasted three days.",
        TUE,
        &[("three days", "P3D")],
    );
    check("He began a three-day trip.", TUE, &[("three-day", "P3D")]);
    check("He served two years.", TUE, &[("two years", "P2Y")]);
    check(
        "The war has lasted more than a decade.",
        TUE,
        &[("more than a decade", "P10Y")],
    );
    check("Talks dragged on for months.", TUE, &[("months", "PXM")]);
    check("Talks took 18 months.", TUE, &[("18 months", "P18M")]);
    check(
        "It took twenty-five years.",
        TUE,
        &[("twenty-five years", "P25Y")],
    );
    check("The raid took 45 minutes.", TUE, &[("45 minutes", "PT45M")]);
    check("It took several weeks.", TUE, &[("several weeks", "PXW")]);
    check("It took a few days.", TUE, &[("a few days", "PXD")]);
    check(
        "Prices rose over the past three years.",
        TUE,
        &[("the past three years", "P3Y")],
    );
    check(
        "Prices rose in the past week.",
        TUE,
        &[("the past week", "P1W")],
    );
    check("The war entered its second day.", TUE, &[]);
    check("Three-quarters of voters agreed.", TUE, &[]);
    check(
        "Gaming is banned between the hours of 10 p.m. and 8 a.m.",
        TUE,
        &[
            ("10 p.m.", "2023-03-21T22:00"),
            ("8 a.m.", "2023-03-21T08:00"),
        ],
    );
    check("A second round is planned.", TUE, &[]);
    check("A 20-year-old man was hurt.", TUE, &[]);
    assert_eq!(
        one("The siege lasted three days.", Some(TUE)),
        (
            TimexKind::Duration,
            Some("P3D".into()),
            TimexBasis::Explicit
        )
    );
}

#[test]
fn sets() {
    check("They meet every week.", TUE, &[("every week", "P1W")]);
    check("They publish daily.", TUE, &[("daily", "P1D")]);
    check("They vote each year.", TUE, &[("each year", "P1Y")]);
    check(
        "They vote every two years.",
        TUE,
        &[("every two years", "P2Y")],
    );
    check("They meet twice a year.", TUE, &[("twice a year", "P1Y")]);
    check(
        "They meet every Tuesday.",
        TUE,
        &[("every Tuesday", "XXXX-WXX-2")],
    );
    assert_eq!(one("They meet every week.", Some(TUE)).0, TimexKind::Set);
    check("They helped each other.", TUE, &[]);
    check("Rent rose by $69 a month.", TUE, &[("a month", "P1M")]);
    check("It pays $116 million a year.", TUE, &[("a year", "P1Y")]);
    assert_eq!(
        one("It pays $116 million a year.", Some(TUE)).0,
        TimexKind::Set
    );
}

#[test]
fn clock_times() {
    check(
        "The blast came at 3 p.m.",
        TUE,
        &[("3 p.m.", "2023-03-21T15:00")],
    );
    check(
        "The blast came at 3:30 p.m. local time.",
        TUE,
        &[("3:30 p.m. local time", "2023-03-21T15:30")],
    );
    check(
        "On Friday, the blast came at 10 a.m.",
        TUE,
        &[("Friday", "2023-03-17"), ("10 a.m.", "2023-03-17T10:00")],
    );
    check(
        "The blast came at 0600 GMT on March 17, 2023.",
        TUE,
        &[
            ("0600 GMT", "2023-03-17T06:00"),
            ("March 17, 2023", "2023-03-17"),
        ],
    );
    check(
        "Polls close at 20:00.",
        TUE,
        &[("20:00", "2023-03-21T20:00")],
    );
    check(
        "The score was 3:2 after ten minutes.",
        TUE,
        &[("ten minutes", "PT10M")],
    );
    assert_eq!(
        one("The blast came at 3 p.m.", None),
        (
            TimexKind::Time,
            Some("T15:00".into()),
            TimexBasis::Unresolved
        )
    );
}

#[test]
fn anchored_to_the_last_date() {
    check(
        "Troops entered on March 10. The day before, shelling stopped.",
        TUE,
        &[("March 10", "2023-03-10"), ("The day before", "2023-03-09")],
    );
}

#[test]
fn numbers_in_digits_and_years() {
    check("Some 2000 troops were deployed.", TUE, &[]);
    check("The 2024 election looms.", TUE, &[("2024", "2024")]);
    check(
        "Between 2019 and 2021 prices rose.",
        TUE,
        &[("2019", "2019"), ("2021", "2021")],
    );
    check("It grew 5% in 2022.", TUE, &[("2022", "2022")]);
    check("It cost $2023 to file.", TUE, &[]);
}

#[test]
fn without_a_publication_date() {
    assert_eq!(
        one("He spoke last week.", None),
        (TimexKind::Date, None, TimexBasis::Unresolved)
    );
    assert_eq!(
        one("He spoke on Friday.", None),
        (TimexKind::Date, None, TimexBasis::Unresolved)
    );
    assert_eq!(
        one("He spoke on March 17.", None),
        (TimexKind::Date, None, TimexBasis::Unresolved)
    );
    assert_eq!(
        one("He spoke on March 17, 2023.", None),
        (
            TimexKind::Date,
            Some("2023-03-17".into()),
            TimexBasis::Explicit
        )
    );
    assert_eq!(
        one("He is now in Kyiv.", None),
        (
            TimexKind::Date,
            Some("PRESENT_REF".into()),
            TimexBasis::Relative
        )
    );
}

#[test]
fn spans_are_token_aligned_ordered_and_valid() {
    let text = "On Friday, “three days” after the March 17 raid, talks began at 3 p.m. and will run every week until next year.";
    let doc = run(text, Some(TUE));
    assert!(doc.timexes.len() >= 5);
    let mut last_end = 0;
    for t in &doc.timexes {
        assert!(t.span.start >= last_end);
        last_end = t.span.end;
        assert_eq!(t.span.start, doc.tokens.span(t.tokens.start).start);
        assert_eq!(t.span.end, doc.tokens.span(t.tokens.end - 1).end);
        let value = t.value.as_deref().unwrap_or("");
        assert!(is_timex_value(t.kind, value), "{value:?} for {:?}", t.kind);
    }
    assert_eq!(doc.slice(doc.timexes[1].span), "three days");
}

#[test]
fn value_grammar() {
    use TimexKind::*;
    for (k, v) in [
        (Date, "2023"),
        (Date, "2023-03"),
        (Date, "2023-03-21"),
        (Date, "199"),
        (Date, "20"),
        (Date, "2023-W11"),
        (Date, "2023-W12-WE"),
        (Date, "2022-SP"),
        (Date, "2023-Q1"),
        (Date, "PAST_REF"),
        (Time, "2023-03-21T15:00"),
        (Time, "2023-03-21TMO"),
        (Time, "T15:00"),
        (Duration, "P3D"),
        (Duration, "PT2.5H"),
        (Duration, "PXDE"),
        (Set, "XXXX-WXX-2"),
    ] {
        assert!(is_timex_value(k, v), "{v}");
    }
    for (k, v) in [
        (Date, "2023-13"),
        (Date, "2023-02-30"),
        (Date, "P3D"),
        (Time, "2023-03-21T25:00"),
        (Duration, "P3"),
        (Duration, "3D"),
        (Set, "XXXX-WXX-9"),
        (Date, ""),
    ] {
        assert!(!is_timex_value(k, v), "{v}");
    }
}

#[test]
fn never_panics_on_odd_token_sequences() {
    // Fragments cut at every point a pattern looks ahead, combined pseudo-randomly.
    let vocab = [
        "the",
        "end",
        "of",
        "mid",
        "-",
        "early",
        "last",
        "lst",
        "next",
        "this",
        "coming",
        "past",
        "every",
        "each",
        "other",
        "a",
        "few",
        "couple",
        "twenty",
        "-",
        "five",
        "3",
        "31",
        "2023",
        "1990s",
        "'",
        "70s",
        "March",
        "May",
        "Feb.",
        "February",
        "30",
        ",",
        "Tuesday",
        "night",
        "morning",
        "day",
        "days",
        "second",
        "year",
        "ago",
        "old",
        "p.m.",
        "24:00",
        "99:99",
        "0600",
        "GMT",
        "local",
        "time",
        "at",
        "in",
        "will",
        "due",
        "to",
        "times",
        "per",
        "$",
        "million",
        "spring",
        "of",
        "recent",
        "more",
        "than",
        "soon",
        "now",
        "yesterday",
        ".",
        "17-18",
        "2023-02-30",
        "12pm",
        "decades",
        "long",
        "quarter",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for k in 0..3000 {
        let len = 1 + next(8);
        let words: Vec<&str> = (0..len).map(|_| vocab[next(vocab.len())]).collect();
        let text = words.join(" ");
        let date = [None, Some(TUE), Some(NEW_YEAR)][k % 3];
        let doc = run(&text, date);
        let mut last_end = 0;
        for t in &doc.timexes {
            assert!(
                t.span.start >= last_end && t.span.end <= doc.char_len(),
                "{text:?}"
            );
            last_end = t.span.end;
            if let Some(v) = &t.value {
                assert!(is_timex_value(t.kind, v), "{text:?}: {v:?} ({:?})", t.kind);
            }
        }
    }
}
