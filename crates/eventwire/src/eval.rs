//! Scoring event records against gold annotations, by the rules of the project's reference
//! scorer (`tools/score_events.py` in the shared specification): a prediction matches a gold
//! event when its sentence overlaps the gold anchor, its code is the gold code, an alternative
//! code or shares a root with one of them, and its actors match at country level (IGO and NGO
//! codes by their last group; symmetric events may swap). Matching is greedy, required gold
//! events and exact codes first. Precision and recall count required gold events; optional
//! ones count neither way; extra predictions absorbed by a compound gold actor are not false
//! positives. Attribute accuracies are over matched events.

use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

const GENERIC: [&str; 7] = ["IGO", "NGO", "IMG", "NGM", "MNC", "INT", "UIS"];
const PLOVER_OLD: [(&str, &str); 5] = [
    ("DEMAND", "REQUEST"),
    ("DISAPPROVE", "ACCUSE"),
    ("FIGHT", "ASSAULT"),
    ("INVESTIGATE", "ACCUSE"),
    ("YIELD", "CONCEDE"),
];
const ATTRIBUTES: [&str; 8] = [
    "code_exact",
    "code_acceptable",
    "source_code",
    "target_code",
    "factuality",
    "attribution",
    "date",
    "location",
];

/// A gold document: id, publication date, text and gold events (raw JSON objects).
#[derive(Clone, Debug)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// Publication date, as given.
    pub date: Option<String>,
    /// The text.
    pub text: String,
    /// Gold events.
    pub events: Vec<Value>,
}

/// Why gold or predictions could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct EvalError {
    /// The file.
    pub path: String,
    /// What went wrong.
    pub reason: String,
}

fn err(path: &Path, reason: impl std::fmt::Display) -> EvalError {
    EvalError {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

/// Read gold files: a JSON document, or a JSONL set of them; `text_file` is resolved beside
/// the gold file.
pub fn load_gold(paths: &[impl AsRef<Path>]) -> Result<Vec<GoldDoc>, EvalError> {
    let mut out = Vec::new();
    for p in paths {
        let p = p.as_ref();
        let content = std::fs::read_to_string(p).map_err(|e| err(p, e))?;
        let items: Vec<Value> = if p.extension().is_some_and(|e| e == "jsonl") {
            content
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(serde_json::from_str)
                .collect::<Result<_, _>>()
                .map_err(|e| err(p, e))?
        } else {
            vec![serde_json::from_str(&content).map_err(|e| err(p, e))?]
        };
        for d in items {
            let text = match d.get("text").and_then(Value::as_str) {
                Some(t) => t.to_string(),
                None => {
                    let f = d
                        .get("text_file")
                        .and_then(Value::as_str)
                        .ok_or_else(|| err(p, "gold document without text or text_file"))?;
                    let tp = p.parent().unwrap_or(Path::new(".")).join(f);
                    std::fs::read_to_string(&tp).map_err(|e| err(&tp, e))?
                }
            };
            out.push(GoldDoc {
                id: value_string(d.get("id")).unwrap_or_default(),
                date: d.get("date").and_then(Value::as_str).map(str::to_string),
                text,
                events: d
                    .get("events")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default(),
            });
        }
    }
    Ok(out)
}

fn value_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Read predicted records (JSONL) grouped by document id.
pub fn load_pred(path: &Path) -> Result<HashMap<String, Vec<Value>>, EvalError> {
    let content = std::fs::read_to_string(path).map_err(|e| err(path, e))?;
    let mut by_doc: HashMap<String, Vec<Value>> = HashMap::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Value = serde_json::from_str(line)
            .map_err(|e| err(path, format!("line {}: not JSON: {e}", n + 1)))?;
        let id = value_string(r.get("doc_id")).unwrap_or_else(|| "None".into());
        by_doc.entry(id).or_default().push(r);
    }
    Ok(by_doc)
}

fn actor_key(code: &str) -> Option<String> {
    let c = code.trim().to_uppercase();
    if c.is_empty() {
        return None;
    }
    let head: String = c.chars().take(3).collect();
    if GENERIC.contains(&head.as_str()) {
        let tail = if c.chars().count() > 3 {
            format!(
                "/{}",
                c.chars()
                    .skip(c.chars().count().saturating_sub(3))
                    .collect::<String>()
            )
        } else {
            String::new()
        };
        return Some(head + &tail);
    }
    Some(head)
}

fn actor_matches(gold: Option<&Value>, pred_code: Option<&str>) -> bool {
    let golds: Vec<&str> = match gold {
        None | Some(Value::Null) => return true,
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(s)) => vec![s.as_str()],
        Some(_) => return false,
    };
    let Some(pk) = pred_code.and_then(actor_key) else {
        return false;
    };
    golds.iter().filter_map(|g| actor_key(g)).any(|gk| {
        pk == gk || (gk.len() == 3 && GENERIC.contains(&gk.as_str()) && pk.starts_with(&gk))
    })
}

fn code_of(actor: Option<&Value>) -> Option<&str> {
    match actor? {
        Value::Object(o) => o.get("code").and_then(Value::as_str),
        Value::String(s) => Some(s),
        _ => None,
    }
}

fn pred_span(p: &Value) -> Option<(i64, i64)> {
    for key in ["sentence", "trigger"] {
        if let Some(s) = p.get(key) {
            if let (Some(a), Some(b)) = (
                s.get("start").and_then(Value::as_i64),
                s.get("end").and_then(Value::as_i64),
            ) {
                return Some((a, b));
            }
        }
    }
    None
}

fn pred_type(p: &Value, g: &Value) -> String {
    if g.get("plover").is_some() {
        let pl = match p.get("plover") {
            Some(Value::Object(o)) => o.get("event").and_then(Value::as_str),
            Some(Value::String(s)) => Some(s.as_str()),
            _ => None,
        };
        return pl.unwrap_or("").to_uppercase();
    }
    value_string(p.get("cameo")).unwrap_or_default()
}

fn strs(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn type_quality(g: &Value, pt: &str) -> u8 {
    if let Some(pl) = g.get("plover").and_then(Value::as_str) {
        let up = pl.to_uppercase();
        let want = PLOVER_OLD
            .iter()
            .find(|(o, _)| *o == up)
            .map_or(up.as_str(), |(_, n)| n);
        return if pt == want { 2 } else { 0 };
    }
    if pt.is_empty() {
        return 0;
    }
    let code = g.get("code").and_then(Value::as_str).unwrap_or("");
    if pt == code {
        return 2;
    }
    let alts = strs(g.get("alt_codes"));
    if alts.iter().any(|a| a == pt) {
        return 1;
    }
    let root = |c: &str| c.chars().take(2).collect::<String>();
    let roots: HashSet<String> = std::iter::once(root(code))
        .chain(alts.iter().map(|a| root(a)))
        .collect();
    u8::from(roots.contains(&root(pt)))
}

fn is_true(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Bool(true)))
}

fn compound(g: &Value) -> bool {
    ["source", "target"].iter().any(|s| {
        g.get(*s)
            .and_then(Value::as_array)
            .is_some_and(|a| a.len() > 1)
    })
}

/// Find `needle` in `hay` and return code-point offsets (as Python's `str.find`).
fn find_chars(hay: &str, needle: &str) -> Option<(i64, i64)> {
    let b = hay.find(needle)?;
    let start = hay[..b].chars().count() as i64;
    Some((start, start + needle.chars().count() as i64))
}

type Pairs = (Vec<(usize, usize)>, HashSet<usize>);

fn candidates(doc: &GoldDoc, golds: &[&Value], preds: &[&Value]) -> Result<Pairs, EvalError> {
    let mut pairs: Vec<((u8, u8), usize, usize)> = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        let anchor = g.get("anchor").and_then(Value::as_str).unwrap_or("");
        let (a, ae) = if anchor.is_empty() {
            (0, doc.text.chars().count() as i64)
        } else {
            find_chars(&doc.text, anchor).ok_or_else(|| EvalError {
                path: doc.id.clone(),
                reason: format!(
                    "gold {}: anchor not found in text",
                    value_string(g.get("id")).unwrap_or_default()
                ),
            })?
        };
        for (pi, p) in preds.iter().enumerate() {
            let Some(sp) = pred_span(p) else { continue };
            if !(sp.0 < ae && a < sp.1) {
                continue;
            }
            let q = type_quality(g, &pred_type(p, g));
            if q == 0 {
                continue;
            }
            let (src, tgt) = (code_of(p.get("source")), code_of(p.get("target")));
            let direct = actor_matches(g.get("source"), src) && actor_matches(g.get("target"), tgt);
            let swapped = is_true(g.get("symmetric"))
                && actor_matches(g.get("source"), tgt)
                && actor_matches(g.get("target"), src);
            if !(direct || swapped) {
                continue;
            }
            let required = u8::from(!is_true(g.get("optional")));
            pairs.push(((required, q), gi, pi));
        }
    }
    // Python's sort is stable: equal keys keep their order.
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut used_g, mut used_p, mut matches) = (HashSet::new(), HashSet::new(), Vec::new());
    for &(_, gi, pi) in &pairs {
        if used_g.contains(&gi) || used_p.contains(&pi) {
            continue;
        }
        used_g.insert(gi);
        used_p.insert(pi);
        matches.push((gi, pi));
    }
    let absorbed = pairs
        .iter()
        .filter(|(_, gi, pi)| !used_p.contains(pi) && compound(golds[*gi]))
        .map(|&(_, _, pi)| pi)
        .collect();
    Ok((matches, absorbed))
}

fn date_ok(g: &Value, p: &Value) -> bool {
    let gd = g.get("date").and_then(Value::as_str).unwrap_or("");
    let pd = match p.get("date") {
        Some(Value::Object(o)) => value_string(o.get("value")),
        other => value_string(other),
    };
    pd.is_some_and(|d| !d.is_empty() && d.starts_with(gd))
}

fn loc_ok(g: &Value, p: &Value) -> bool {
    let gl = g.get("location").cloned().unwrap_or(Value::Null);
    let pl = p.get("location").cloned().unwrap_or(Value::Null);
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    if let Some(c) = gl
        .get("country")
        .and_then(Value::as_str)
        .filter(|c| !c.is_empty())
    {
        return s(&pl, "country").to_uppercase() == c.to_uppercase();
    }
    s(&pl, "name").to_lowercase() == s(&gl, "name").to_lowercase()
}

/// Scores in the reference scorer's shape.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Scores {
    /// Gold documents.
    pub documents: usize,
    /// Required gold events.
    pub gold_required: usize,
    /// Predictions that matched or were false positives, plus optional matches.
    pub predicted: usize,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
    /// Optional gold events matched.
    pub optional_matched: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Attribute accuracies over matched events (`None` when none was scored).
    pub attributes: BTreeMap<String, Option<f64>>,
    /// How many matched events each attribute was scored on.
    pub attribute_counts: BTreeMap<String, usize>,
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// Score predictions against gold; also returns the error listing.
pub fn score(
    docs: &[GoldDoc],
    preds: &HashMap<String, Vec<Value>>,
    asserted_only: bool,
) -> Result<(Scores, Vec<String>), EvalError> {
    let (mut tp, mut fp, mut fn_, mut opt) = (0usize, 0usize, 0usize, 0usize);
    let mut attr: BTreeMap<&str, [usize; 2]> = ATTRIBUTES.iter().map(|k| (*k, [0, 0])).collect();
    let mut errors = Vec::new();
    let empty = Vec::new();
    for doc in docs {
        let asserted = |v: &&Value| {
            v.get("factuality")
                .and_then(Value::as_str)
                .unwrap_or("asserted")
                == "asserted"
        };
        let golds: Vec<&Value> = doc
            .events
            .iter()
            .filter(|g| !asserted_only || asserted(g))
            .collect();
        let preds: Vec<&Value> = preds
            .get(&doc.id)
            .unwrap_or(&empty)
            .iter()
            .filter(|p| !asserted_only || asserted(p))
            .collect();
        let (matches, absorbed) = candidates(doc, &golds, &preds)?;
        let mg: HashSet<usize> = matches.iter().map(|m| m.0).collect();
        let mp: HashSet<usize> = matches.iter().map(|m| m.1).collect();
        for &(gi, pi) in &matches {
            let (g, p) = (golds[gi], preds[pi]);
            if is_true(g.get("optional")) {
                opt += 1;
            } else {
                tp += 1;
            }
            let mut bump = |k: &str, ok: bool| {
                if let Some(a) = attr.get_mut(k) {
                    a[0] += usize::from(ok);
                    a[1] += 1;
                }
            };
            if let Some(code) = g.get("code").and_then(Value::as_str) {
                let pc = value_string(p.get("cameo")).unwrap_or_default();
                bump("code_exact", pc == code);
                bump(
                    "code_acceptable",
                    pc == code || strs(g.get("alt_codes")).contains(&pc),
                );
            }
            for side in ["source", "target"] {
                if let Some(gc) = g.get(side).and_then(Value::as_str) {
                    if gc.chars().count() > 3
                        && !GENERIC.contains(&gc.chars().take(3).collect::<String>().as_str())
                    {
                        let other = if side == "source" { "target" } else { "source" };
                        let pc = code_of(p.get(side)).unwrap_or("").to_uppercase();
                        let ok = pc == gc.to_uppercase()
                            || (is_true(g.get("symmetric"))
                                && code_of(p.get(other)).unwrap_or("").to_uppercase()
                                    == gc.to_uppercase());
                        bump(&format!("{side}_code"), ok);
                    }
                }
            }
            if let Some(f) = g.get("factuality") {
                bump("factuality", p.get("factuality") == Some(f));
            }
            if let Some(ga) = g.as_object().and_then(|o| o.get("attributed_to")) {
                let pa = code_of(p.get("attributed_to"));
                let ok = if ga.is_null() {
                    pa.is_none()
                } else {
                    actor_matches(Some(ga), pa)
                };
                bump("attribution", ok);
            }
            if g.get("date")
                .and_then(Value::as_str)
                .is_some_and(|d| !d.is_empty())
            {
                bump("date", date_ok(g, p));
            }
            if g.get("location").is_some_and(|l| l.is_object()) {
                bump("location", loc_ok(g, p));
            }
            let mut wrong = Vec::new();
            if let Some(f) = g.get("factuality") {
                if p.get("factuality") != Some(f) {
                    wrong.push(format!(
                        "factuality {} != {}",
                        show(p.get("factuality")),
                        show(Some(f))
                    ));
                }
            }
            if g.get("date")
                .and_then(Value::as_str)
                .is_some_and(|d| !d.is_empty())
                && !date_ok(g, p)
            {
                wrong.push(format!(
                    "date {} !~ {}",
                    show(p.get("date")),
                    show(g.get("date"))
                ));
            }
            if !wrong.is_empty() {
                errors.push(format!(
                    "MATCH {}/{}: {}",
                    doc.id,
                    value_string(g.get("id")).unwrap_or_default(),
                    wrong.join("; ")
                ));
            }
        }
        for (gi, g) in golds.iter().enumerate() {
            if !mg.contains(&gi) && !is_true(g.get("optional")) {
                fn_ += 1;
                let anchor: String = g
                    .get("anchor")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .chars()
                    .take(70)
                    .collect();
                let code = value_string(g.get("code"))
                    .or_else(|| value_string(g.get("plover")))
                    .unwrap_or_default();
                errors.push(format!(
                    "MISS  {}/{}: {} {}->{} «{}»",
                    doc.id,
                    value_string(g.get("id")).unwrap_or_default(),
                    code,
                    show(g.get("source")),
                    show(g.get("target")),
                    anchor
                ));
            }
        }
        for (pi, p) in preds.iter().enumerate() {
            if !mp.contains(&pi) && !absorbed.contains(&pi) {
                fp += 1;
                let (a, b) = pred_span(p).unwrap_or((0, 0));
                let text: String = doc
                    .text
                    .chars()
                    .skip(a.max(0) as usize)
                    .take((b - a).clamp(0, 70) as usize)
                    .collect();
                errors.push(format!(
                    "EXTRA {}: {} {}->{} «{}»",
                    doc.id,
                    show(p.get("cameo")),
                    code_of(p.get("source")).unwrap_or("None"),
                    code_of(p.get("target")).unwrap_or("None"),
                    text
                ));
            }
        }
    }
    let precision = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Ok((
        Scores {
            documents: docs.len(),
            gold_required: tp + fn_,
            predicted: tp + fp + opt,
            tp,
            fp,
            fn_,
            optional_matched: opt,
            precision: round4(precision),
            recall: round4(recall),
            f1: round4(f1),
            attributes: attr
                .iter()
                .map(|(k, v)| {
                    (
                        k.to_string(),
                        (v[1] > 0).then(|| round4(v[0] as f64 / v[1] as f64)),
                    )
                })
                .collect(),
            attribute_counts: attr.iter().map(|(k, v)| (k.to_string(), v[1])).collect(),
        },
        errors,
    ))
}

fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => format!(
            "[{}]",
            a.iter()
                .map(|x| format!("'{}'", x.as_str().unwrap_or("")))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(other) => other.to_string(),
    }
}

/// The scorer's text report.
pub fn report(all: &Scores, asserted: &Scores) -> String {
    let mut out = format!(
        "documents {}  gold events {}  predicted {}\nprecision {:.3}  recall {:.3}  F1 {:.3}   (asserted only: F1 {:.3})\n",
        all.documents, all.gold_required, all.predicted, all.precision, all.recall, all.f1, asserted.f1
    );
    for k in ATTRIBUTES {
        let v = all.attributes.get(k).copied().flatten();
        let n = all.attribute_counts.get(k).copied().unwrap_or(0);
        out.push_str(&format!(
            "  {:16} {}  (n={})\n",
            k,
            v.map_or("-".to_string(), |v| format!("{v:.3}")),
            n
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> GoldDoc {
        GoldDoc {
            id: "d".into(),
            date: None,
            text: "Xi met Putin. Russia attacked Ukraine.".into(),
            events: vec![
                json!({"id": "E1", "anchor": "Xi met Putin", "code": "040", "source": "CHNGOV", "target": "RUSGOV", "symmetric": true, "factuality": "asserted"}),
                json!({"id": "E2", "anchor": "Russia attacked", "code": "190", "alt_codes": ["193"], "source": "RUS", "target": "UKR"}),
            ],
        }
    }

    #[test]
    fn matches_by_sentence_root_and_country_level_actors() {
        let preds: HashMap<String, Vec<Value>> = [(
            "d".to_string(),
            vec![
                json!({"doc_id": "d", "sentence": {"start": 0, "end": 13}, "cameo": "042", "source": {"code": "RUSGOV"}, "target": {"code": "CHN"}, "factuality": "asserted"}),
                json!({"doc_id": "d", "sentence": {"start": 14, "end": 38}, "cameo": "195", "source": {"code": "RUSMIL"}, "target": {"code": "UKR"}}),
                json!({"doc_id": "d", "sentence": {"start": 14, "end": 38}, "cameo": "111", "source": {"code": "RUS"}, "target": {"code": "UKR"}}),
            ],
        )]
        .into();
        let (s, errors) = score(&[doc()], &preds, false).expect("scores");
        assert_eq!((s.tp, s.fp, s.fn_), (2, 1, 0));
        assert_eq!(s.attributes["code_exact"], Some(0.0));
        assert_eq!(
            s.attributes["source_code"],
            Some(0.0),
            "CHNGOV vs RUSGOV swapped is role-wrong"
        );
        assert_eq!(s.attributes["factuality"], Some(1.0));
        assert!(errors.iter().any(|e| e.starts_with("EXTRA d: 111")));
    }
}
