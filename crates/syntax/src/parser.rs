//! Labelled arc-eager dependency parser with a greedy averaged perceptron.
//!
//! * Transitions: `SHIFT`, `REDUCE`, `LEFT-ARC(label)`, `RIGHT-ARC(label)` over a stack that starts
//!   empty and a buffer of the words 1..=n followed by the artificial root (Ballesteros & Nivre
//!   2013: the root at the end lets the parser choose the root word after reading the whole
//!   sentence). The root takes exactly one dependent, by `LEFT-ARC(root)`, and no other arc is
//!   labelled `root`, so every output is a UD tree with a single root; once the root has its
//!   dependent, words still headless are reduced and hang from the root word (`punct` for
//!   punctuation, `parataxis` otherwise). Every word is pushed and popped once: 2n transitions.
//! * Features: the rich non-local templates of Zhang & Nivre (2011): words and tags of the top of the
//!   stack, the first three buffer words and the second stack item, heads and grand-heads, left- and
//!   right-most children and their labels, distance, valency and label sets; plus the suffix and
//!   spelling flags of S0, N0 and N1, which help when a tag is wrong.
//! * Decoding: beam search (the model's width, 1 = greedy). Hypotheses that reach the end of the
//!   buffer are carried over unchanged until every hypothesis has finished.
//! * Training with a beam: global perceptron with early update (Zhang & Nivre 2011). The gold
//!   derivation is latent: the best-scoring hypothesis whose transitions all have zero cost under
//!   the dynamic oracle below; when none survives in the beam, the weights move towards its best
//!   zero-cost continuation and away from the best hypothesis.
//! * Greedy training: the dynamic oracle of Goldberg & Nivre (2012) for arc-eager computes, for every
//!   transition, how many gold arcs it makes unreachable (labels included); the perceptron is updated
//!   towards the best-scoring zero-cost transition, and after the first epoch the parser follows its
//!   own prediction 90% of the time, so it learns to recover from its mistakes. Non-projective gold
//!   trees are projectivized by lifting (the shortest non-projective arc moves to the grand-head
//!   until the tree is projective).

use crate::binfmt::{Reader, Writer};
use crate::hashing::{f1, f2, f3, f4};
use crate::perceptron::{Scorer, TrainWeights, WeightTable};
use crate::SyntaxError;

const SHIFT: usize = 0;
const REDUCE: usize = 1;
const NOLABEL: u16 = u16::MAX;

#[inline]
fn left(l: u16) -> usize {
    2 + 2 * l as usize
}
#[inline]
fn right(l: u16) -> usize {
    3 + 2 * l as usize
}

/// Decoded transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Shift,
    Reduce,
    Left(u16),
    Right(u16),
}

#[inline]
fn decode(a: usize) -> Move {
    match a {
        SHIFT => Move::Shift,
        REDUCE => Move::Reduce,
        _ => {
            let l = ((a - 2) / 2) as u16;
            if (a - 2).is_multiple_of(2) {
                Move::Left(l)
            } else {
                Move::Right(l)
            }
        }
    }
}

/// Per-sentence parser input: word and tag ids for root (0), words (1..=n) and the sentinel (n+1).
pub(crate) struct ParseInput {
    pub(crate) words: Vec<u64>,
    pub(crate) tags: Vec<u64>,
    /// Spelling of each word: hash of its last three letters and its spelling flags, which keep
    /// the parser informed when a tag is wrong.
    pub(crate) spelling: Vec<(u64, u64)>,
}

pub(crate) const ROOT_WORD: u64 = 0x524F_4F54;
pub(crate) const NIL_WORD: u64 = 0x004E_494C;

impl ParseInput {
    pub(crate) fn new() -> Self {
        ParseInput {
            words: Vec::new(),
            tags: Vec::new(),
            spelling: Vec::new(),
        }
    }

    /// Fills the input from lowercase word hashes, tag ids and spelling `(suffix, flags)` of the
    /// `n` words.
    pub(crate) fn fill(
        &mut self,
        words: impl Iterator<Item = u64>,
        tags: impl Iterator<Item = u64>,
        spelling: impl Iterator<Item = (u64, u64)>,
    ) {
        self.words.clear();
        self.tags.clear();
        self.spelling.clear();
        self.spelling.push((ROOT_WORD, ROOT_WORD));
        self.spelling.extend(spelling);
        self.spelling.push((NIL_WORD, NIL_WORD));
        self.words.push(ROOT_WORD);
        self.tags.push(ROOT_WORD);
        self.words.extend(words);
        self.tags.extend(tags.map(|t| t + 1));
        self.words.push(NIL_WORD);
        self.tags.push(NIL_WORD);
    }

    fn n(&self) -> usize {
        self.words.len() - 2
    }
}

/// Parser configuration (stack, buffer, partial tree).
#[derive(Clone)]
pub(crate) struct State {
    n: usize,
    nil: usize,
    stack: Vec<usize>,
    in_stack: Vec<bool>,
    b: usize,
    pub(crate) head: Vec<usize>,
    pub(crate) label: Vec<u16>,
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    lval: Vec<u64>,
    rval: Vec<u64>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    root_has_child: bool,
}

impl State {
    pub(crate) fn new() -> Self {
        State {
            n: 0,
            nil: 1,
            stack: Vec::new(),
            in_stack: Vec::new(),
            b: 1,
            head: Vec::new(),
            label: Vec::new(),
            lc1: Vec::new(),
            lc2: Vec::new(),
            rc1: Vec::new(),
            rc2: Vec::new(),
            lval: Vec::new(),
            rval: Vec::new(),
            lset: Vec::new(),
            rset: Vec::new(),
            root_has_child: false,
        }
    }

    pub(crate) fn reset(&mut self, n: usize) {
        let nil = n + 1;
        self.n = n;
        self.nil = nil;
        self.stack.clear();
        self.in_stack.clear();
        self.in_stack.resize(n + 2, false);
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 2, nil);
        }
        self.label.clear();
        self.label.resize(n + 2, NOLABEL);
        for v in [
            &mut self.lval,
            &mut self.rval,
            &mut self.lset,
            &mut self.rset,
        ] {
            v.clear();
            v.resize(n + 2, 0);
        }
        self.root_has_child = false;
    }

    #[inline]
    fn terminal(&self) -> bool {
        self.b > self.n && self.stack.is_empty()
    }

    /// The front of the buffer: the next word, or the root once every word has been read.
    #[inline]
    fn front(&self) -> usize {
        if self.b <= self.n {
            self.b
        } else {
            0
        }
    }

    #[inline]
    fn s0(&self) -> usize {
        self.stack.last().copied().unwrap_or(self.nil)
    }

    fn add_arc(&mut self, h: usize, d: usize, l: u16) {
        self.head[d] = h;
        self.label[d] = l;
        if h == 0 {
            self.root_has_child = true;
        }
        let bit = 1u64 << (l % 64);
        // The root sits after the last word, so its dependents are left dependents.
        if h == 0 || d < h {
            if self.lc1[h] == self.nil || d < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d;
            } else if self.lc2[h] == self.nil || d < self.lc2[h] {
                self.lc2[h] = d;
            }
            self.lval[h] += 1;
            self.lset[h] |= bit;
        } else {
            if self.rc1[h] == self.nil || d > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d;
            } else if self.rc2[h] == self.nil || d > self.rc2[h] {
                self.rc2[h] = d;
            }
            self.rval[h] += 1;
            self.rset[h] |= bit;
        }
    }

    fn apply(&mut self, a: usize) {
        match decode(a) {
            Move::Shift => {
                self.stack.push(self.b);
                self.in_stack[self.b] = true;
                self.b += 1;
            }
            Move::Reduce => {
                if let Some(s) = self.stack.pop() {
                    self.in_stack[s] = false;
                }
            }
            Move::Left(l) => {
                if let Some(s) = self.stack.pop() {
                    self.in_stack[s] = false;
                    self.add_arc(self.front(), s, l);
                }
            }
            Move::Right(l) => {
                let s = self.s0();
                self.add_arc(s, self.b, l);
                self.stack.push(self.b);
                self.in_stack[self.b] = true;
                self.b += 1;
            }
        }
    }

    /// Whether transition `a` is allowed (`root` is the id of the `root` label).
    #[inline]
    fn valid(&self, a: usize, root: u16) -> bool {
        let words_left = self.b <= self.n;
        let s = self.s0();
        let has_stack = s != self.nil;
        match decode(a) {
            Move::Shift => words_left,
            Move::Reduce => {
                has_stack && (self.head[s] != self.nil || (!words_left && self.root_has_child))
            }
            Move::Left(l) => {
                has_stack
                    && self.head[s] == self.nil
                    && if words_left {
                        l != root
                    } else {
                        l == root && !self.root_has_child
                    }
            }
            Move::Right(l) => words_left && has_stack && l != root,
        }
    }

    /// Calls `f` with every valid transition, in class order.
    #[inline]
    fn for_each_valid(&self, root: u16, nclasses: usize, mut f: impl FnMut(usize)) {
        if self.terminal() {
            return;
        }
        let words_left = self.b <= self.n;
        if words_left {
            f(SHIFT);
        }
        let s = self.s0();
        if s == self.nil {
            return;
        }
        let headless = self.head[s] == self.nil;
        if !headless || (!words_left && self.root_has_child) {
            f(REDUCE);
        }
        if !words_left {
            if headless && !self.root_has_child {
                f(left(root));
            }
            return;
        }
        let nlabels = (nclasses - 2) / 2;
        for l in 0..nlabels as u16 {
            if l == root {
                continue;
            }
            if headless {
                f(left(l));
            }
            f(right(l));
        }
    }

    /// Dynamic-oracle cost of every transition (`i32::MAX` for invalid ones): the number of gold
    /// arcs (with their labels) that the transition makes unreachable. The root is the last item
    /// of the buffer and may take one dependent, by `LEFT-ARC(root)`.
    fn costs(
        &self,
        gold_head: &[usize],
        gold_label: &[u16],
        root: u16,
        gold_root: usize,
        out: &mut [i32],
    ) {
        let nlabels = (out.len() - 2) / 2;
        for c in out.iter_mut() {
            *c = i32::MAX;
        }
        if self.terminal() {
            return;
        }
        let s = self.s0();
        let b = self.b;
        let n = self.n;
        let words_left = b <= n;
        let headless_deps_in_stack = |h: usize| {
            self.stack
                .iter()
                .filter(|&&k| self.head[k] == self.nil && gold_head[k] == h)
                .count() as i32
        };
        let deps_in_buffer = |h: usize| (b..=n).filter(|&k| gold_head[k] == h).count() as i32;
        if words_left {
            out[SHIFT] = self.in_stack[gold_head[b]] as i32 + headless_deps_in_stack(b);
        }
        if s == self.nil {
            return;
        }
        let headless = self.head[s] == self.nil;
        if !headless || (!words_left && self.root_has_child) {
            out[REDUCE] = deps_in_buffer(s);
        }
        if headless {
            let g = gold_head[s];
            if words_left {
                let lost_head = ((g > b && g <= n) || g == 0) as i32;
                let c = lost_head + deps_in_buffer(s);
                for l in 0..nlabels as u16 {
                    if l != root {
                        out[left(l)] = c + (g == b && gold_label[s] != l) as i32;
                    }
                }
            } else if !self.root_has_child {
                let blocks_gold_root = g != 0
                    && gold_root != self.nil
                    && self.in_stack[gold_root]
                    && self.head[gold_root] == self.nil;
                out[left(root)] =
                    blocks_gold_root as i32 + (g == 0 && gold_label[s] != root) as i32;
            }
        }
        if words_left {
            let g = gold_head[b];
            let lost_head =
                (g != s && g != self.nil && (self.in_stack[g] || (g > b && g <= n) || g == 0))
                    as i32;
            let c = lost_head + headless_deps_in_stack(b);
            for l in 0..nlabels as u16 {
                if l != root {
                    out[right(l)] = c + (g == s && gold_label[b] != l) as i32;
                }
            }
        }
    }
}

#[inline]
fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Writes the Zhang & Nivre feature hashes of the current state into `out`.
pub(crate) fn features(x: &ParseInput, st: &State, out: &mut Vec<u64>) {
    out.clear();
    let nil = st.nil;
    let w = &x.words;
    let p = &x.tags;
    let lab = |i: usize| {
        if i == nil {
            NOLABEL as u64
        } else {
            st.label[i] as u64
        }
    };
    let s0 = st.s0();
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        nil
    };
    let n0 = if st.b <= st.n {
        st.b
    } else if st.terminal() {
        nil
    } else {
        0
    };
    let n1 = if st.b < st.n { st.b + 1 } else { nil };
    let n2 = if st.b + 1 < st.n { st.b + 2 } else { nil };
    let s0h = st.head[s0];
    let s0h2 = if s0h == nil { nil } else { st.head[s0h] };
    let (s0l, s0l2, s0r, s0r2) = (st.lc1[s0], st.lc2[s0], st.rc1[s0], st.rc2[s0]);
    let (n0l, n0l2) = (st.lc1[n0], st.lc2[n0]);
    let d = if s0 != nil && n0 != nil {
        let n0_position = if n0 == 0 { st.n + 1 } else { n0 };
        dist_bucket(n0_position.saturating_sub(s0))
    } else {
        15
    };
    let (s0w, s0p, n0w, n0p) = (w[s0], p[s0], w[n0], p[n0]);
    let (n1w, n1p, n2w, n2p) = (w[n1], p[n1], w[n2], p[n2]);
    // Single words.
    out.push(f1(1, s0w));
    out.push(f1(2, s0p));
    out.push(f2(3, s0w, s0p));
    out.push(f1(4, n0w));
    out.push(f1(5, n0p));
    out.push(f2(6, n0w, n0p));
    out.push(f1(7, n1w));
    out.push(f1(8, n1p));
    out.push(f2(9, n1w, n1p));
    out.push(f1(10, n2w));
    out.push(f1(11, n2p));
    out.push(f2(12, n2w, n2p));
    // Word pairs.
    out.push(f4(13, s0w, s0p, n0w, n0p));
    out.push(f3(14, s0w, s0p, n0w));
    out.push(f3(15, s0w, n0w, n0p));
    out.push(f3(16, s0w, s0p, n0p));
    out.push(f3(17, s0p, n0w, n0p));
    out.push(f2(18, s0w, n0w));
    out.push(f2(19, s0p, n0p));
    out.push(f2(20, n0p, n1p));
    // Three words.
    out.push(f3(21, n0p, n1p, n2p));
    out.push(f3(22, s0p, n0p, n1p));
    out.push(f3(23, p[s0h], s0p, n0p));
    out.push(f3(24, s0p, p[s0l], n0p));
    out.push(f3(25, s0p, p[s0r], n0p));
    out.push(f3(26, s0p, n0p, p[n0l]));
    // Distance.
    out.push(f2(27, s0w, d));
    out.push(f2(28, s0p, d));
    out.push(f2(29, n0w, d));
    out.push(f2(30, n0p, d));
    out.push(f3(31, s0w, n0w, d));
    out.push(f3(32, s0p, n0p, d));
    // Valency.
    out.push(f2(33, s0w, st.rval[s0]));
    out.push(f2(34, s0p, st.rval[s0]));
    out.push(f2(35, s0w, st.lval[s0]));
    out.push(f2(36, s0p, st.lval[s0]));
    out.push(f2(37, n0w, st.lval[n0]));
    out.push(f2(38, n0p, st.lval[n0]));
    // Unigrams of heads and children.
    out.push(f1(39, w[s0h]));
    out.push(f1(40, p[s0h]));
    out.push(f1(41, lab(s0)));
    out.push(f1(42, w[s0l]));
    out.push(f1(43, p[s0l]));
    out.push(f1(44, lab(s0l)));
    out.push(f1(45, w[s0r]));
    out.push(f1(46, p[s0r]));
    out.push(f1(47, lab(s0r)));
    out.push(f1(48, w[n0l]));
    out.push(f1(49, p[n0l]));
    out.push(f1(50, lab(n0l)));
    // Third order.
    out.push(f1(51, w[s0h2]));
    out.push(f1(52, p[s0h2]));
    out.push(f1(53, lab(s0h)));
    out.push(f1(54, w[s0l2]));
    out.push(f1(55, p[s0l2]));
    out.push(f1(56, lab(s0l2)));
    out.push(f1(57, w[s0r2]));
    out.push(f1(58, p[s0r2]));
    out.push(f1(59, lab(s0r2)));
    out.push(f1(60, w[n0l2]));
    out.push(f1(61, p[n0l2]));
    out.push(f1(62, lab(n0l2)));
    out.push(f3(63, s0p, p[s0l], p[s0l2]));
    out.push(f3(64, s0p, p[s0r], p[s0r2]));
    out.push(f3(65, s0p, p[s0h], p[s0h2]));
    out.push(f3(66, n0p, p[n0l], p[n0l2]));
    // Label sets.
    out.push(f2(67, s0w, st.rset[s0]));
    out.push(f2(68, s0p, st.rset[s0]));
    out.push(f2(69, s0w, st.lset[s0]));
    out.push(f2(70, s0p, st.lset[s0]));
    out.push(f2(71, n0w, st.lset[n0]));
    out.push(f2(72, n0p, st.lset[n0]));
    // Second stack item.
    out.push(f2(73, w[s1], p[s1]));
    out.push(f1(74, p[s1]));
    out.push(f3(75, p[s1], s0p, n0p));
    out.push(f2(76, p[s1], s0p));
    out.push(f3(77, s0p, lab(s0), n0p));
    out.push(f3(78, s0w, lab(s0), n0p));
    // Spelling, for robustness to tagging errors.
    let (s0suf, s0fl) = x.spelling[s0];
    let (n0suf, n0fl) = x.spelling[n0];
    out.push(f2(79, s0suf, s0p));
    out.push(f2(80, n0suf, n0p));
    out.push(f2(81, x.spelling[n1].0, n1p));
    out.push(f2(82, s0suf, n0suf));
    out.push(f3(83, s0fl, s0p, n0p));
    out.push(f3(84, n0fl, n0p, s0p));
}

/// A trained parser: label inventory and weights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Parser {
    pub(crate) labels: Vec<String>,
    pub(crate) weights: WeightTable,
}

/// Reusable buffers for parsing.
pub(crate) struct ParseScratch {
    pub(crate) input: ParseInput,
    state: State,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

impl ParseScratch {
    pub(crate) fn new() -> Self {
        ParseScratch {
            input: ParseInput::new(),
            state: State::new(),
            feats: Vec::with_capacity(96),
            scores: Vec::new(),
        }
    }
}

/// Parses `scratch.input` greedily; returns `(head, label id)` per word (1-based heads, 0 = root).
pub(crate) fn parse<S: Scorer>(
    scorer: &S,
    root: u16,
    fallback_labels: (u16, u16),
    is_punct: &[bool],
    scratch: &mut ParseScratch,
    out: &mut Vec<(usize, u16)>,
) {
    let ParseScratch {
        input,
        state,
        feats,
        scores,
    } = scratch;
    let n = input.n();
    state.reset(n);
    scores.resize(scorer.nclasses(), 0.0);
    while !state.terminal() {
        features(input, state, feats);
        scorer.score(feats, scores);
        let mut best = SHIFT;
        let mut best_score = f32::NEG_INFINITY;
        for (a, &sc) in scores.iter().enumerate() {
            if sc > best_score && state.valid(a, root) {
                best = a;
                best_score = sc;
            }
        }
        state.apply(best);
    }
    finish_tree(state, root, fallback_labels, is_punct, out);
}

/// Attaches words left headless: the first becomes the root if there is none, the rest hang from it.
fn finish_tree(
    state: &State,
    root: u16,
    (punct, parataxis): (u16, u16),
    is_punct: &[bool],
    out: &mut Vec<(usize, u16)>,
) {
    let n = state.n;
    let nil = state.nil;
    out.clear();
    let mut root_word = (1..=n).find(|&i| state.head[i] == 0);
    if root_word.is_none() {
        root_word = (1..=n)
            .find(|&i| state.head[i] == nil && !is_punct.get(i - 1).copied().unwrap_or(false))
            .or_else(|| (1..=n).find(|&i| state.head[i] == nil));
    }
    let root_word = root_word.unwrap_or(1);
    for i in 1..=n {
        let h = state.head[i];
        if i == root_word {
            out.push((0, root));
        } else if h == nil || h == 0 {
            let l = if is_punct.get(i - 1).copied().unwrap_or(false) {
                punct
            } else {
                parataxis
            };
            out.push((root_word, l));
        } else {
            out.push((h, state.label[i]));
        }
    }
}

/// Lifts non-projective arcs until the tree is projective. `heads[i]` is the head of word `i`
/// (index 0 unused, 0 = root).
pub(crate) fn projectivize(heads: &mut [usize]) {
    let n = heads.len().saturating_sub(1);
    loop {
        let mut worst: Option<(usize, usize)> = None; // (length, dependent)
        for d in 1..=n {
            let h = heads[d];
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let nonproj = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if nonproj && worst.is_none_or(|(len, _)| hi - lo < len) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) if heads[d] != 0 => heads[d] = heads[heads[d]],
            _ => return,
        }
    }
}

fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    let mut steps = 0;
    while k != 0 && steps <= heads.len() {
        if k == h {
            return true;
        }
        k = heads[k];
        steps += 1;
    }
    h == 0
}

/// One training sentence for the parser.
pub(crate) struct ParseExample {
    pub(crate) words: Vec<u64>,
    pub(crate) tags: Vec<u64>,
    /// Suffix hash and spelling flags per word.
    pub(crate) spelling: Vec<(u64, u64)>,
    /// Gold heads, index 0 unused, projectivized.
    pub(crate) heads: Vec<usize>,
    /// Gold label ids, index 0 unused.
    pub(crate) labels: Vec<u16>,
}

/// Trains one epoch on `examples` in the given order with the dynamic oracle.
#[allow(clippy::too_many_arguments)]
pub(crate) fn train_epoch(
    weights: &mut TrainWeights,
    examples: &[ParseExample],
    order: &[usize],
    root: u16,
    explore: bool,
    rng: &mut crate::train::Rng,
    scratch: &mut ParseScratch,
) -> (usize, usize) {
    let nclasses = weights_nclasses(weights);
    let mut costs = vec![0i32; nclasses];
    let mut gold_head: Vec<usize> = Vec::new();
    let mut gold_label: Vec<u16> = Vec::new();
    let (mut correct, mut total) = (0usize, 0usize);
    for &idx in order {
        let ex = &examples[idx];
        let n = ex.words.len();
        scratch.input.fill(
            ex.words.iter().copied(),
            ex.tags.iter().copied(),
            ex.spelling.iter().copied(),
        );
        let ParseScratch {
            input,
            state,
            feats,
            scores,
        } = scratch;
        state.reset(n);
        let nil = n + 1;
        gold_head.clear();
        gold_head.extend_from_slice(&ex.heads);
        gold_head[0] = nil;
        gold_head.push(nil);
        gold_label.clear();
        gold_label.extend_from_slice(&ex.labels);
        gold_label.push(NOLABEL);
        let gold_root = (1..=n).find(|&i| gold_head[i] == 0).unwrap_or(nil);
        scores.resize(nclasses, 0.0);
        while !state.terminal() {
            features(input, state, feats);
            weights.score(feats, scores);
            state.costs(&gold_head, &gold_label, root, gold_root, &mut costs);
            let min_cost = costs.iter().copied().min().unwrap_or(0);
            let mut pred = SHIFT;
            let mut pred_score = f32::NEG_INFINITY;
            let mut gold = SHIFT;
            let mut gold_score = f32::NEG_INFINITY;
            for a in 0..nclasses {
                if costs[a] == i32::MAX {
                    continue;
                }
                let sc = scores[a];
                if sc > pred_score {
                    pred = a;
                    pred_score = sc;
                }
                if costs[a] == min_cost && sc > gold_score {
                    gold = a;
                    gold_score = sc;
                }
            }
            total += 1;
            let next = if costs[pred] == min_cost {
                correct += 1;
                pred
            } else {
                weights.update(feats, gold, pred);
                if explore && rng.next_f64() < 0.9 {
                    pred
                } else {
                    gold
                }
            };
            weights.tick();
            state.apply(next);
        }
    }
    (correct, total)
}

fn weights_nclasses(w: &TrainWeights) -> usize {
    Scorer::nclasses(w)
}

/// One hypothesis of the beam.
#[derive(Clone)]
struct Item {
    state: State,
    score: f32,
    /// Index of the last transition in the history arena (`u32::MAX` before the first).
    node: u32,
    /// Training only: every transition so far had zero cost.
    zero_cost: bool,
}

#[derive(Clone, Copy)]
struct Cand {
    score: f32,
    parent: u32,
    action: u32,
}

const CARRY: u32 = u32::MAX;
const NO_NODE: u32 = u32::MAX;

/// A transition in the history arena: parent node, action and the features it was scored with.
#[derive(Clone, Copy)]
struct Node {
    parent: u32,
    action: u32,
    feats: u32,
}

/// Reusable buffers for beam search.
pub(crate) struct BeamScratch {
    beam: Vec<Item>,
    next: Vec<Item>,
    cands: Vec<Cand>,
    nodes: Vec<Node>,
    feat_arena: Vec<u64>,
}

impl BeamScratch {
    pub(crate) fn new() -> Self {
        BeamScratch {
            beam: Vec::new(),
            next: Vec::new(),
            cands: Vec::new(),
            nodes: Vec::new(),
            feat_arena: Vec::new(),
        }
    }
}

fn cand_order(a: &Cand, b: &Cand) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then(a.parent.cmp(&b.parent))
        .then(a.action.cmp(&b.action))
}

/// Keeps the best `width` candidates, sorted best first (deterministic tie-breaking).
fn top_k(cands: &mut Vec<Cand>, width: usize) {
    if cands.len() > width {
        cands.select_nth_unstable_by(width - 1, cand_order);
        cands.truncate(width);
    }
    cands.sort_unstable_by(cand_order);
}

/// Expands every live item of the beam into `cands`; returns false when all items are terminal.
/// With `record`, the features of each expanded state are stored in the arena (`feat_ids[i]`).
#[allow(clippy::too_many_arguments)]
fn expand<S: Scorer>(
    scorer: &S,
    root: u16,
    input: &ParseInput,
    beam: &[Item],
    cands: &mut Vec<Cand>,
    feats: &mut Vec<u64>,
    scores: &mut [f32],
    mut record: Option<(&mut Vec<u64>, &mut Vec<u32>)>,
) -> bool {
    cands.clear();
    let nclasses = scores.len();
    let mut live = false;
    for (i, item) in beam.iter().enumerate() {
        if item.state.terminal() {
            cands.push(Cand {
                score: item.score,
                parent: i as u32,
                action: CARRY,
            });
            if let Some((_, ids)) = record.as_mut() {
                ids.push(u32::MAX);
            }
            continue;
        }
        live = true;
        features(input, &item.state, feats);
        scorer.score(feats, scores);
        if let Some((arena, ids)) = record.as_mut() {
            ids.push(arena.len() as u32);
            arena.extend_from_slice(feats);
        }
        let base = item.score;
        item.state.for_each_valid(root, nclasses, |a| {
            cands.push(Cand {
                score: base + scores[a],
                parent: i as u32,
                action: a as u32,
            })
        });
    }
    live
}

/// Builds the next beam from the selected candidates.
fn advance(
    beam: &[Item],
    cands: &[Cand],
    next: &mut Vec<Item>,
    mut new_node: impl FnMut(&Cand) -> u32,
) {
    next.truncate(cands.len());
    for (k, c) in cands.iter().enumerate() {
        let parent = &beam[c.parent as usize];
        if k < next.len() {
            next[k].state.clone_from(&parent.state);
        } else {
            next.push(Item {
                state: parent.state.clone(),
                score: 0.0,
                node: NO_NODE,
                zero_cost: true,
            });
        }
        let item = &mut next[k];
        item.score = c.score;
        item.zero_cost = parent.zero_cost;
        if c.action == CARRY {
            item.node = parent.node;
        } else {
            item.state.apply(c.action as usize);
            item.node = new_node(c);
        }
    }
}

/// Parses `scratch.input` with beam search of the given width (1 = greedy).
#[allow(clippy::too_many_arguments)]
pub(crate) fn parse_beam<S: Scorer>(
    scorer: &S,
    root: u16,
    fallback_labels: (u16, u16),
    is_punct: &[bool],
    width: usize,
    scratch: &mut ParseScratch,
    beam_scratch: &mut BeamScratch,
    out: &mut Vec<(usize, u16)>,
) {
    if width <= 1 {
        parse(scorer, root, fallback_labels, is_punct, scratch, out);
        return;
    }
    let ParseScratch {
        input,
        state,
        feats,
        scores,
    } = scratch;
    let BeamScratch {
        beam, next, cands, ..
    } = beam_scratch;
    let n = input.n();
    state.reset(n);
    scores.resize(scorer.nclasses(), 0.0);
    beam.truncate(1);
    if beam.is_empty() {
        beam.push(Item {
            state: state.clone(),
            score: 0.0,
            node: NO_NODE,
            zero_cost: true,
        });
    } else {
        beam[0].state.clone_from(state);
        beam[0].score = 0.0;
    }
    while expand(scorer, root, input, beam, cands, feats, scores, None) {
        top_k(cands, width);
        advance(beam, cands, next, |_| NO_NODE);
        std::mem::swap(beam, next);
    }
    finish_tree(&beam[0].state, root, fallback_labels, is_punct, out);
}

fn path(nodes: &[Node], mut node: u32, out: &mut Vec<u32>) {
    out.clear();
    while node != NO_NODE {
        out.push(node);
        node = nodes[node as usize].parent;
    }
    out.reverse();
}

/// Global perceptron update: reward the transitions of `gold`, penalize those of `pred` after
/// their common prefix.
fn global_update(
    weights: &mut TrainWeights,
    nodes: &[Node],
    arena: &[u64],
    nfeat: usize,
    gold: u32,
    pred: u32,
) {
    let mut gp = Vec::new();
    let mut pp = Vec::new();
    path(nodes, gold, &mut gp);
    path(nodes, pred, &mut pp);
    let common = gp.iter().zip(&pp).take_while(|(a, b)| a == b).count();
    for &g in &gp[common..] {
        let nd = nodes[g as usize];
        let f = &arena[nd.feats as usize..nd.feats as usize + nfeat];
        weights.add(f, nd.action as usize, 1.0);
    }
    for &p in &pp[common..] {
        let nd = nodes[p as usize];
        let f = &arena[nd.feats as usize..nd.feats as usize + nfeat];
        weights.add(f, nd.action as usize, -1.0);
    }
}

/// Trains one epoch with beam search and early update. The gold derivation is latent: the
/// best-scoring zero-cost hypothesis (dynamic-oracle cost) of the beam, or the best zero-cost
/// continuation of the previous one when none survives. Returns (early updates, sentences).
pub(crate) fn train_epoch_beam(
    weights: &mut TrainWeights,
    examples: &[ParseExample],
    order: &[usize],
    root: u16,
    width: usize,
    scratch: &mut ParseScratch,
    bs: &mut BeamScratch,
) -> (usize, usize) {
    let nclasses = Scorer::nclasses(weights);
    let mut costs = vec![0i32; nclasses];
    let mut gold_head: Vec<usize> = Vec::new();
    let mut gold_label: Vec<u16> = Vec::new();
    let mut feat_ids: Vec<u32> = Vec::new();
    let mut early = 0;
    for &idx in order {
        let ex = &examples[idx];
        let n = ex.words.len();
        scratch.input.fill(
            ex.words.iter().copied(),
            ex.tags.iter().copied(),
            ex.spelling.iter().copied(),
        );
        let ParseScratch {
            input,
            state,
            feats,
            scores,
        } = &mut *scratch;
        let nil = n + 1;
        gold_head.clear();
        gold_head.extend_from_slice(&ex.heads);
        gold_head[0] = nil;
        gold_head.push(nil);
        gold_label.clear();
        gold_label.extend_from_slice(&ex.labels);
        gold_label.push(NOLABEL);
        let gold_root = (1..=n).find(|&i| gold_head[i] == 0).unwrap_or(nil);
        state.reset(n);
        scores.resize(nclasses, 0.0);
        bs.nodes.clear();
        bs.feat_arena.clear();
        bs.beam.truncate(0);
        bs.beam.push(Item {
            state: state.clone(),
            score: 0.0,
            node: NO_NODE,
            zero_cost: true,
        });
        let nfeat = {
            features(input, state, feats);
            feats.len()
        };
        // Index in the beam of the best zero-cost item.
        let mut gold_idx = 0usize;
        loop {
            feat_ids.clear();
            let live = expand(
                &*weights,
                root,
                input,
                &bs.beam,
                &mut bs.cands,
                feats,
                scores,
                Some((&mut bs.feat_arena, &mut feat_ids)),
            );
            if !live {
                break;
            }
            // Best zero-cost continuation of the gold item.
            let g = &bs.beam[gold_idx];
            let gold_cand = if g.state.terminal() {
                Cand {
                    score: g.score,
                    parent: gold_idx as u32,
                    action: CARRY,
                }
            } else {
                g.state
                    .costs(&gold_head, &gold_label, root, gold_root, &mut costs);
                let mut best: Option<Cand> = None;
                for c in bs.cands.iter().filter(|c| c.parent as usize == gold_idx) {
                    if c.action != CARRY
                        && costs[c.action as usize] == 0
                        && best.is_none_or(|b| c.score > b.score)
                    {
                        best = Some(*c);
                    }
                }
                match best {
                    Some(c) => c,
                    // No zero-cost move (cannot happen on projective gold trees): stop here.
                    None => break,
                }
            };
            // Zero-cost status of candidates: only children of zero-cost items can be zero-cost.
            let mut cost_cache: Vec<(u32, Vec<i32>)> = Vec::new();
            for (i, item) in bs.beam.iter().enumerate() {
                if item.zero_cost && !item.state.terminal() {
                    let mut c = vec![0i32; nclasses];
                    item.state
                        .costs(&gold_head, &gold_label, root, gold_root, &mut c);
                    cost_cache.push((i as u32, c));
                }
            }
            top_k(&mut bs.cands, width);
            let BeamScratch {
                beam,
                next,
                cands,
                nodes,
                feat_arena,
            } = &mut *bs;
            advance(beam, cands, next, |c| {
                nodes.push(Node {
                    parent: beam[c.parent as usize].node,
                    action: c.action,
                    feats: feat_ids[c.parent as usize],
                });
                (nodes.len() - 1) as u32
            });
            for (k, c) in cands.iter().enumerate() {
                let parent = &beam[c.parent as usize];
                next[k].zero_cost = parent.zero_cost
                    && (c.action == CARRY
                        || cost_cache
                            .iter()
                            .find(|(i, _)| *i == c.parent)
                            .is_some_and(|(_, cs)| cs[c.action as usize] == 0));
            }
            weights.tick();
            match next.iter().position(|it| it.zero_cost) {
                Some(k) => {
                    std::mem::swap(beam, next);
                    gold_idx = k;
                }
                None => {
                    // Early update: the gold derivation fell off the beam.
                    let gold_node = if gold_cand.action == CARRY {
                        beam[gold_cand.parent as usize].node
                    } else {
                        nodes.push(Node {
                            parent: beam[gold_cand.parent as usize].node,
                            action: gold_cand.action,
                            feats: feat_ids[gold_cand.parent as usize],
                        });
                        (nodes.len() - 1) as u32
                    };
                    let pred_node = next[0].node;
                    global_update(weights, nodes, feat_arena, nfeat, gold_node, pred_node);
                    early += 1;
                    break;
                }
            }
            if !bs.beam.iter().any(|it| !it.state.terminal()) {
                // Finished with gold in the beam: update if the best item is not gold.
                if !bs.beam[0].zero_cost {
                    let (g, p) = (bs.beam[gold_idx].node, bs.beam[0].node);
                    global_update(weights, &bs.nodes, &bs.feat_arena, nfeat, g, p);
                }
                break;
            }
        }
    }
    (early, order.len())
}

/// Number of transition classes for `nlabels` labels.
pub(crate) fn nclasses(nlabels: usize) -> usize {
    2 + 2 * nlabels
}

impl Parser {
    /// The id of the `root` label.
    pub(crate) fn label_id(&self, name: &str) -> Option<u16> {
        self.labels.iter().position(|l| l == name).map(|i| i as u16)
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.labels.len());
        for l in &self.labels {
            w.str(l);
        }
        self.weights.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, SyntaxError> {
        let n = r.len(4)?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let weights = WeightTable::read(r)?;
        if weights.nclasses() != nclasses(n) {
            return Err(SyntaxError::Format(format!(
                "parser has {n} labels but {} weight classes",
                weights.nclasses()
            )));
        }
        Ok(Parser { labels, weights })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivize_lifts_crossing_arc() {
        // 1 <- 3 (root), 2 <- 4, 4 <- 1: arc 4->2 crosses 3's position? 3 is root, arc 1->4 spans 3.
        let mut heads = vec![0, 3, 4, 0, 1];
        projectivize(&mut heads);
        for d in 1..heads.len() {
            let h = heads[d];
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            for k in lo + 1..hi {
                assert!(
                    dominates(&heads, h, k),
                    "arc {h}->{d} still crosses {k}: {heads:?}"
                );
            }
        }
    }

    #[test]
    fn zero_cost_path_rebuilds_gold_tree() {
        // "She said he left ." heads: She->2, said->0, he->4, left->2, .->2
        let heads = vec![0usize, 2, 0, 4, 2, 2];
        let labels = vec![NOLABEL, 1, 0, 1, 2, 3]; // 0 root, 1 nsubj, 2 ccomp, 3 punct
        let n = 5;
        let mut st = State::new();
        st.reset(n);
        let nil = n + 1;
        let mut gh = heads.clone();
        gh[0] = nil;
        gh.push(nil);
        let mut gl = labels.clone();
        gl.push(NOLABEL);
        let mut costs = vec![0; nclasses(4)];
        while !st.terminal() {
            st.costs(&gh, &gl, 0, 2, &mut costs);
            let a = (0..costs.len())
                .find(|&a| costs[a] == 0)
                .expect("a zero-cost move");
            assert!(st.valid(a, 0));
            st.apply(a);
        }
        for i in 1..=n {
            assert_eq!(st.head[i], heads[i]);
            assert_eq!(st.label[i], labels[i]);
        }
    }
}
