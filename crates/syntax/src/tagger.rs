//! Part-of-speech tagger: greedy left-to-right averaged perceptron over joint `UPOS|XPOS` labels.
//!
//! Each word is first reduced to a few hashes ([`Lexical`]): normalized form, lowercase, prefixes
//! 1–3, suffixes 1–4, shape and spelling flags. The tag of word *i* is predicted from those of words
//! *i−2 … i+2*, the two previously predicted tags, and the *ambiguity class* of the current and next
//! two words (the set of tags each word form had in training), which gives the greedy tagger a view
//! of what is coming. Frequent, practically unambiguous forms are tagged straight from a tag
//! dictionary. Predicting the joint label lets the tagger learn, e.g., that `IN` is `SCONJ` before a
//! clause and `ADP` before a noun phrase.

use crate::binfmt::{Reader, Writer};
use crate::hashing::{f1, f2, f3, hash_chars, normalized_chars, shape_hash, spelling_flags};
use crate::perceptron::{FeatureMap, Scorer, WeightTable};
use crate::SyntaxError;

/// The 17 universal part-of-speech tags.
pub const UPOS_TAGS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Maps a UPOS string to its `'static` spelling (`"X"` for anything unknown).
pub fn static_upos(s: &str) -> &'static str {
    UPOS_TAGS.iter().find(|&&u| u == s).copied().unwrap_or("X")
}

/// Precomputed spelling hashes of one word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lexical {
    pub(crate) w: u64,
    pub(crate) lw: u64,
    pub(crate) pre: [u64; 3],
    pub(crate) suf: [u64; 4],
    pub(crate) shape: u64,
    pub(crate) flags: u64,
}

const NONE: u64 = 0xDEAD_BEEF;

impl Lexical {
    /// What the parser sees of the spelling: last-three-letters hash and spelling flags.
    pub(crate) fn spelling(&self) -> (u64, u64) {
        (self.suf[2], self.flags)
    }

    /// Computes the hashes of `form`; `buf` is scratch space.
    pub(crate) fn of(form: &str, buf: &mut Vec<char>) -> Lexical {
        normalized_chars(form, false, buf);
        let w = hash_chars(buf);
        let shape = shape_hash(buf);
        let flags = spelling_flags(buf);
        for c in buf.iter_mut() {
            if c.is_uppercase() {
                *c = c.to_lowercase().next().unwrap_or(*c);
            }
        }
        let lw = hash_chars(buf);
        let n = buf.len();
        let mut pre = [NONE; 3];
        let mut suf = [NONE; 4];
        for (k, p) in pre.iter_mut().enumerate() {
            if k < n {
                *p = hash_chars(&buf[..=k]);
            }
        }
        for (k, s) in suf.iter_mut().enumerate() {
            if k < n {
                *s = hash_chars(&buf[n - k - 1..]);
            }
        }
        Lexical {
            w,
            lw,
            pre,
            suf,
            shape,
            flags,
        }
    }
}

/// What the training data says about word forms: tag dictionary and ambiguity classes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TagLexicon {
    /// Normalized form hash → tag, for frequent forms that (almost) always have one tag.
    pub(crate) tagdict: FeatureMap<u16>,
    /// Lowercase form hash → hash of the set of tags seen with it.
    pub(crate) ambig: FeatureMap<u64>,
}

impl TagLexicon {
    /// Builds the lexicon from tagged words `(lexical, tag)`.
    pub(crate) fn build<'a>(words: impl Iterator<Item = (&'a Lexical, u16)>, ntags: usize) -> Self {
        let mut by_form: FeatureMap<Vec<u32>> = FeatureMap::default();
        let mut by_lower: FeatureMap<Vec<u32>> = FeatureMap::default();
        for (lex, tag) in words {
            by_form.entry(lex.w).or_insert_with(|| vec![0; ntags])[tag as usize] += 1;
            by_lower.entry(lex.lw).or_insert_with(|| vec![0; ntags])[tag as usize] += 1;
        }
        let mut tagdict = FeatureMap::default();
        for (&k, counts) in &by_form {
            let total: u32 = counts.iter().sum();
            let (best, &n) = counts
                .iter()
                .enumerate()
                .max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))
                .unwrap_or((0, &0));
            if total >= 20 && n as f64 / total as f64 >= 0.97 {
                tagdict.insert(k, best as u16);
            }
        }
        let mut ambig = FeatureMap::default();
        for (&k, counts) in &by_lower {
            let total: u32 = counts.iter().sum();
            let mut h = 0xA5A5_0000_u64;
            for (t, &c) in counts.iter().enumerate() {
                if c > 0 && c as f64 / total as f64 >= 0.05 {
                    h = crate::hashing::mix(h, t as u64 + 1);
                }
            }
            ambig.insert(k, h);
        }
        TagLexicon { tagdict, ambig }
    }

    #[inline]
    fn amb(&self, lex: Option<&Lexical>) -> u64 {
        match lex {
            Some(l) => self.ambig.get(&l.lw).copied().unwrap_or(1),
            None => 2,
        }
    }

    fn write(&self, w: &mut Writer) {
        let mut d: Vec<(u64, u16)> = self.tagdict.iter().map(|(&k, &v)| (k, v)).collect();
        d.sort_unstable();
        w.len(d.len());
        for (k, v) in d {
            w.u64(k);
            w.u16(v);
        }
        let mut a: Vec<(u64, u64)> = self.ambig.iter().map(|(&k, &v)| (k, v)).collect();
        a.sort_unstable();
        w.len(a.len());
        for (k, v) in a {
            w.u64(k);
            w.u64(v);
        }
    }

    fn read(r: &mut Reader, ntags: usize) -> Result<Self, SyntaxError> {
        let n = r.len(10)?;
        let mut tagdict = FeatureMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u16()?;
            if v as usize >= ntags {
                return Err(SyntaxError::Format(format!(
                    "tag dictionary entry {v} out of range"
                )));
            }
            tagdict.insert(k, v);
        }
        let n = r.len(16)?;
        let mut ambig = FeatureMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            ambig.insert(k, r.u64()?);
        }
        Ok(TagLexicon { tagdict, ambig })
    }
}

const START: u64 = 0x5754_4152_5400;

/// Writes the features for tagging word `i` into `out`.
#[inline]
pub(crate) fn features(
    toks: &[Lexical],
    i: usize,
    p1: u64,
    p2: u64,
    lex: &TagLexicon,
    first: Option<&[u16]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let t = &toks[i];
    let prev = |k: usize| if i >= k { Some(&toks[i - k]) } else { None };
    let next = |k: usize| toks.get(i + k);
    let lw = |x: Option<&Lexical>| x.map_or(NONE, |l| l.lw);
    let (m1, m2, n1, n2) = (prev(1), prev(2), next(1), next(2));
    let a0 = lex.amb(Some(t));
    let a1 = lex.amb(n1);
    let a2 = lex.amb(n2);
    out.push(f1(1, 0));
    out.push(f1(2, t.w));
    out.push(f1(3, t.lw));
    for k in 0..4 {
        out.push(f1(4 + k as u64, t.suf[k]));
    }
    for k in 0..3 {
        out.push(f1(8 + k as u64, t.pre[k]));
    }
    out.push(f1(11, t.shape));
    out.push(f1(12, t.flags | if i == 0 { 1 << 20 } else { 0 }));
    out.push(f1(13, lw(m1)));
    out.push(f1(14, lw(m2)));
    out.push(f1(15, lw(n1)));
    out.push(f1(16, lw(n2)));
    out.push(f1(17, m1.map_or(NONE, |l| l.suf[2])));
    out.push(f1(18, n1.map_or(NONE, |l| l.suf[2])));
    out.push(f1(19, p1));
    out.push(f2(20, p1, p2));
    out.push(f2(21, p1, t.lw));
    out.push(f1(22, a0));
    out.push(f1(23, a1));
    out.push(f1(24, a2));
    out.push(f2(25, p1, a1));
    out.push(f2(26, t.lw, lw(n1)));
    out.push(f2(27, lw(m1), t.lw));
    out.push(f1(28, m1.map_or(NONE, |l| l.shape)));
    out.push(f1(29, n1.map_or(NONE, |l| l.shape)));
    out.push(f2(30, p1, t.suf[2]));
    out.push(f2(31, a0, a1));
    out.push(f3(32, p1, a0, a1));
    out.push(f2(33, t.suf[1], a1));
    out.push(f2(34, t.shape, n1.map_or(NONE, |l| l.shape)));
    out.push(f1(35, p2));
    out.push(f2(36, p1, lw(n1)));
    let w = |x: Option<&Lexical>| x.map_or(NONE, |l| l.w);
    let flags = |x: Option<&Lexical>| x.map_or(NONE, |l| l.flags);
    out.push(f2(37, p1, t.shape));
    out.push(f1(38, w(n1)));
    out.push(f1(39, w(m1)));
    out.push(f2(40, t.lw, n1.map_or(NONE, |l| l.suf[2])));
    out.push(f1(41, n2.map_or(NONE, |l| l.suf[2])));
    out.push(f3(42, flags(m1), t.flags, flags(n1)));
    out.push(f2(43, lw(m1), lw(n1)));
    out.push(f2(44, t.w, p1));
    out.push(f3(45, p1, p2, t.suf[2]));
    if let Some(first) = first {
        // Second pass: the first pass's tags of the words to the right.
        let r = |k: usize| first.get(i + k).map_or(NONE, |&t| t as u64);
        let (r0, r1, r2) = (r(0), r(1), r(2));
        out.push(f1(60, r1));
        out.push(f1(61, r2));
        out.push(f2(62, r1, r2));
        out.push(f2(63, t.lw, r1));
        out.push(f2(64, p1, r1));
        out.push(f3(65, p1, r0, r1));
        out.push(f2(66, t.suf[2], r1));
        out.push(f1(67, r0));
    }
}

/// Tags a sentence greedily, writing tag ids into `tags`; `first` holds the first pass's tags
/// when this is the second pass.
pub(crate) fn tag_sentence<S: Scorer>(
    scorer: &S,
    lex: &TagLexicon,
    toks: &[Lexical],
    first: Option<&[u16]>,
    tags: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<f32>,
) {
    tag_sentence_forced(scorer, lex, toks, first, &[], tags, feats, scores);
}

/// [`tag_sentence`] with some tags fixed in advance (`forced[i]`, where given): the words
/// after a fixed tag are tagged with it as their history.
#[allow(clippy::too_many_arguments)]
pub(crate) fn tag_sentence_forced<S: Scorer>(
    scorer: &S,
    lex: &TagLexicon,
    toks: &[Lexical],
    first: Option<&[u16]>,
    forced: &[Option<u16>],
    tags: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<f32>,
) {
    tags.clear();
    scores.resize(scorer.nclasses(), 0.0);
    let (mut p1, mut p2) = (START, START + 1);
    for i in 0..toks.len() {
        let tag = match (
            forced.get(i).copied().flatten(),
            lex.tagdict.get(&toks[i].w),
        ) {
            (Some(t), _) => t,
            (None, Some(&t)) => t,
            (None, None) => {
                features(toks, i, p1, p2, lex, first, feats);
                scorer.score(feats, scores);
                argmax(scores) as u16
            }
        };
        tags.push(tag);
        p2 = p1;
        p1 = tag as u64;
    }
}

/// Index of the largest score (first on ties).
#[inline]
pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        if s > best_score {
            best = i;
            best_score = s;
        }
    }
    best
}

/// A trained tagger: label inventory, lexicon and weights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tagger {
    /// Joint labels as `(upos, xpos)`.
    pub(crate) labels: Vec<(String, String)>,
    pub(crate) lexicon: TagLexicon,
    pub(crate) weights: WeightTable,
    /// Second pass that also sees the first pass's tags of the following words.
    pub(crate) second: Option<WeightTable>,
}

impl Tagger {
    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.labels.len());
        for (u, x) in &self.labels {
            w.str(u);
            w.str(x);
        }
        self.lexicon.write(w);
        self.weights.write(w);
        match &self.second {
            Some(t) => {
                w.u8(1);
                t.write(w);
            }
            None => w.u8(0),
        }
    }

    /// Tags a sentence (both passes) with the tags in `forced` fixed; `first` is scratch space.
    pub(crate) fn tag(
        &self,
        toks: &[Lexical],
        forced: &[Option<u16>],
        tags: &mut Vec<u16>,
        first: &mut Vec<u16>,
        feats: &mut Vec<u64>,
        scores: &mut Vec<f32>,
    ) {
        match &self.second {
            Some(second) => {
                tag_sentence_forced(
                    &self.weights,
                    &self.lexicon,
                    toks,
                    None,
                    forced,
                    first,
                    feats,
                    scores,
                );
                tag_sentence_forced(
                    second,
                    &self.lexicon,
                    toks,
                    Some(first),
                    forced,
                    tags,
                    feats,
                    scores,
                );
            }
            None => tag_sentence_forced(
                &self.weights,
                &self.lexicon,
                toks,
                None,
                forced,
                tags,
                feats,
                scores,
            ),
        }
    }

    /// True when the training data had the lower-cased form of `tok` (it has an ambiguity
    /// class).
    pub(crate) fn knows(&self, tok: &Lexical) -> bool {
        self.lexicon.ambig.contains_key(&tok.lw)
    }

    /// The second (or only) pass's scores of every label for word `i` given the final tags
    /// `tags` (history on the left) and the first pass's tags `first` (on the right).
    pub(crate) fn scores_at(
        &self,
        toks: &[Lexical],
        tags: &[u16],
        first: &[u16],
        i: usize,
        feats: &mut Vec<u64>,
        scores: &mut Vec<f32>,
    ) {
        let p1 = if i >= 1 { tags[i - 1] as u64 } else { START };
        let p2 = if i >= 2 {
            tags[i - 2] as u64
        } else if i == 1 {
            START
        } else {
            START + 1
        };
        match &self.second {
            Some(second) => {
                scores.resize(second.nclasses(), 0.0);
                features(toks, i, p1, p2, &self.lexicon, Some(first), feats);
                second.score(feats, scores);
            }
            None => {
                scores.resize(self.weights.nclasses(), 0.0);
                features(toks, i, p1, p2, &self.lexicon, None, feats);
                self.weights.score(feats, scores);
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, SyntaxError> {
        let n = r.len(8)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let u = r.str()?;
            let x = r.str()?;
            labels.push((u, x));
        }
        let lexicon = TagLexicon::read(r, n)?;
        let weights = WeightTable::read(r)?;
        let second = match r.u8()? {
            0 => None,
            _ => Some(WeightTable::read(r)?),
        };
        for t in std::iter::once(&weights).chain(second.as_ref()) {
            if t.nclasses() != n {
                return Err(SyntaxError::Format(format!(
                    "tagger has {n} labels but {} weight classes",
                    t.nclasses()
                )));
            }
        }
        Ok(Tagger {
            labels,
            lexicon,
            weights,
            second,
        })
    }
}
