//! Averaged multi-class perceptron: sparse training weights and a compact, quantized inference table.
//!
//! Training keeps, for every feature hash, a short vector of `(class, weight, accumulator)` entries
//! (only classes that were ever updated for that feature), and averages lazily with the usual trick:
//! an update `d` at step `c` adds `d` to the weight and `c·d` to the accumulator, and the averaged
//! weight is `w − acc / c_final`.
//!
//! For inference the averaged weights are quantized to `i16` (one scale for the whole table; the
//! argmax does not depend on it) and stored in an open-addressing hash table keyed by the feature
//! hash, pointing into one flat array of `(class, weight)` entries. Scores are sums of small integers
//! held in `f32`, which is exact, so the result does not depend on summation order. Weights that
//! quantize to zero are dropped, which is also the pruning that keeps the model file small.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::binfmt::{Reader, Writer};
use crate::SyntaxError;

/// A hasher that passes through `u64` keys that are already good hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = crate::hashing::mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// `HashMap` keyed by feature hashes.
pub(crate) type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Anything that can score a feature vector for every class.
pub(crate) trait Scorer {
    /// Number of classes.
    fn nclasses(&self) -> usize;
    /// Writes the score of every class into `out` (length `nclasses`).
    fn score(&self, feats: &[u64], out: &mut [f32]);
}

#[derive(Clone, Copy)]
struct TrainEntry {
    class: u16,
    w: f32,
    acc: f64,
}

/// Weights being trained.
pub(crate) struct TrainWeights {
    rows: FeatureMap<Vec<TrainEntry>>,
    nclasses: usize,
    step: f64,
}

impl TrainWeights {
    pub(crate) fn new(nclasses: usize) -> Self {
        TrainWeights {
            rows: FeatureMap::default(),
            nclasses,
            step: 1.0,
        }
    }

    /// Advances the averaging clock by one training instance.
    pub(crate) fn tick(&mut self) {
        self.step += 1.0;
    }

    /// Adds `delta` to the weight of `class` on all features.
    pub(crate) fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        let step = self.step;
        for &f in feats {
            bump(self.rows.entry(f).or_default(), class as u16, delta, step);
        }
    }

    /// Perceptron update: reward `gold`, penalize `pred` on all features.
    pub(crate) fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let step = self.step;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            bump(row, gold as u16, 1.0, step);
            bump(row, pred as u16, -1.0, step);
        }
    }

    /// Averages, quantizes and packs the weights into an inference table.
    pub(crate) fn to_table(&self) -> Result<WeightTable, SyntaxError> {
        if self.nclasses > 256 {
            return Err(SyntaxError::Training(format!(
                "{} classes do not fit the model format (at most 256)",
                self.nclasses
            )));
        }
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut max_abs = 0f64;
        for row in self.rows.values() {
            for e in row {
                let a = (e.w as f64 - e.acc / self.step).abs();
                if a > max_abs {
                    max_abs = a;
                }
            }
        }
        let scale = if max_abs > 0.0 {
            32767.0 / max_abs
        } else {
            1.0
        };
        let mut features = Vec::with_capacity(keys.len());
        let mut entries = Vec::new();
        for key in keys {
            let start = entries.len();
            if let Some(row) = self.rows.get(&key) {
                let mut row: Vec<TrainEntry> = row.clone();
                row.sort_by_key(|e| e.class);
                for e in row {
                    let avg = e.w as f64 - e.acc / self.step;
                    let q = (avg * scale).round().clamp(-32767.0, 32767.0) as i16;
                    if q != 0 {
                        entries.push(QEntry {
                            class: e.class,
                            w: q,
                        });
                    }
                }
            }
            if entries.len() > start {
                features.push((key, start as u32, (entries.len() - start) as u32));
            }
        }
        Ok(WeightTable::build(self.nclasses, features, entries))
    }
}

fn bump(row: &mut Vec<TrainEntry>, class: u16, d: f32, step: f64) {
    if let Some(e) = row.iter_mut().find(|e| e.class == class) {
        e.w += d;
        e.acc += step * d as f64;
    } else {
        row.push(TrainEntry {
            class,
            w: d,
            acc: step * d as f64,
        });
    }
}

impl Scorer for TrainWeights {
    fn nclasses(&self) -> usize {
        self.nclasses
    }
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    out[e.class as usize] += e.w;
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct QEntry {
    class: u16,
    w: i16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// Quantized averaged weights for fast inference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WeightTable {
    nclasses: usize,
    mask: usize,
    slots: Vec<Slot>,
    entries: Vec<QEntry>,
    nfeatures: usize,
}

#[inline(always)]
fn fix_key(k: u64) -> u64 {
    if k == 0 {
        1
    } else {
        k
    }
}

impl WeightTable {
    fn build(nclasses: usize, features: Vec<(u64, u32, u32)>, entries: Vec<QEntry>) -> Self {
        let cap = (features.len() * 2).max(16).next_power_of_two();
        let mask = cap - 1;
        let mut slots = vec![
            Slot {
                key: 0,
                start: 0,
                len: 0
            };
            cap
        ];
        let nfeatures = features.len();
        for (key, start, len) in features {
            let k = fix_key(key);
            let mut i = (k as usize) & mask;
            loop {
                if slots[i].key == 0 {
                    slots[i] = Slot { key: k, start, len };
                    break;
                }
                if slots[i].key == k {
                    // The same key twice (only after fix_key): merge by keeping the first.
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        WeightTable {
            nclasses,
            mask,
            slots,
            entries,
            nfeatures,
        }
    }

    /// A copy without the weights whose magnitude is below `min_abs` (in quantized units out of
    /// 32767), and without the features left empty.
    pub(crate) fn pruned(&self, min_abs: i16) -> WeightTable {
        let mut live: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        live.sort_unstable_by_key(|s| s.key);
        let mut features = Vec::with_capacity(live.len());
        let mut entries = Vec::with_capacity(self.entries.len());
        for s in live {
            let start = entries.len();
            for e in &self.entries[s.start as usize..(s.start + s.len) as usize] {
                if e.w.unsigned_abs() >= min_abs.unsigned_abs() {
                    entries.push(*e);
                }
            }
            if entries.len() > start {
                features.push((s.key, start as u32, (entries.len() - start) as u32));
            }
        }
        WeightTable::build(self.nclasses, features, entries)
    }

    /// Number of features with at least one non-zero weight.
    pub(crate) fn nfeatures(&self) -> usize {
        self.nfeatures
    }

    #[inline(always)]
    fn find(&self, key: u64) -> Option<&Slot> {
        let k = fix_key(key);
        let mut i = (k as usize) & self.mask;
        loop {
            let s = &self.slots[i];
            if s.key == k {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u16(self.nclasses as u16);
        let mut live: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        live.sort_unstable_by_key(|s| s.key);
        w.len(live.len());
        for s in live {
            w.u64(s.key);
            w.u8(s.len as u8);
            for e in &self.entries[s.start as usize..(s.start + s.len) as usize] {
                w.u8(e.class as u8);
                w.i16(e.w);
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, SyntaxError> {
        let nclasses = r.u16()? as usize;
        let n = r.len(12)?;
        let mut features = Vec::with_capacity(n);
        let mut entries = Vec::with_capacity(n * 4);
        for _ in 0..n {
            let key = r.u64()?;
            let len = r.u8()? as usize;
            let start = entries.len() as u32;
            for e in r.bytes(3 * len)?.chunks_exact(3) {
                let class = e[0] as u16;
                if class as usize >= nclasses {
                    return Err(SyntaxError::Format(format!(
                        "weight for class {class} but the table has {nclasses} classes"
                    )));
                }
                entries.push(QEntry {
                    class,
                    w: i16::from_le_bytes([e[1], e[2]]),
                });
            }
            features.push((key, start, len as u32));
        }
        Ok(WeightTable::build(nclasses, features, entries))
    }
}

impl Scorer for WeightTable {
    fn nclasses(&self) -> usize {
        self.nclasses
    }
    #[inline]
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        // Touch every slot first so the cache misses overlap instead of queueing.
        #[cfg(target_arch = "x86_64")]
        for &f in feats {
            let slot = &self.slots[(fix_key(f) as usize) & self.mask];
            // SAFETY: SSE is part of the x86_64 baseline, and a prefetch is only a hint: it reads
            // nothing and cannot fault, whatever the address.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    (slot as *const Slot).cast::<i8>(),
                );
            }
        }
        for &f in feats {
            if let Some(s) = self.find(f) {
                let start = s.start as usize;
                for e in &self.entries[start..start + s.len as usize] {
                    out[e.class as usize] += e.w as f32;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        let mut w = TrainWeights::new(3);
        for _ in 0..5 {
            w.update(&[10, 20], 1, 0);
            w.tick();
            w.update(&[30], 2, 1);
            w.tick();
        }
        let table = w.to_table().expect("fits");
        let mut s = vec![0.0; 3];
        table.score(&[10, 20], &mut s);
        assert!(s[1] > s[0] && s[1] > s[2]);
        table.score(&[30], &mut s);
        assert!(s[2] > s[1]);
        let mut out = Writer::default();
        table.write(&mut out);
        let back = WeightTable::read(&mut Reader::new(&out.buf)).expect("reads");
        let mut s2 = vec![0.0; 3];
        back.score(&[30], &mut s2);
        assert_eq!(s, s2);
    }
}
