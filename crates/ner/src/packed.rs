//! Feature weights packed for tagging: each feature's weights, for every label of every stage, as
//! 16-bit fixed point stored in the feature's own hash-table entry. Looking a feature up is then
//! one memory access, where a [`Stage`] needs one for its index entry and one for its row (and a
//! two-stage tagger one more for the second stage's row). Tagging is bound by those cache misses:
//! measured with `perf` on the BBC corpus, they were most of the taggers' time.
//!
//! The price is precision: a weight is rounded to the nearest 1/32,767 of the largest weight's
//! magnitude, an error below 1/65,000 of it.

use crate::hash::HashMap;
use crate::model::Stage;

/// Feature hash → the weights of stages laid side by side (`W` slots; stage `k`'s label `j` is
/// slot `k * n_labels + j`; unused slots are zero).
#[derive(Clone, Debug)]
pub struct PackedWeights<const W: usize> {
    rows: HashMap<[i16; W]>,
    /// The weight of one unit of a stored value.
    scale: f32,
    /// Labels per stage.
    n_labels: usize,
}

impl<const W: usize> PackedWeights<W> {
    /// Packs `stages` (all with the same label count), or `None` when their labels do not fit in
    /// `W` slots. The largest weight magnitude of any stage maps to `i16::MAX`.
    pub fn new(stages: &[Stage]) -> Option<PackedWeights<W>> {
        let n_labels = stages.first().map_or(0, |s| s.n_labels);
        if stages.iter().any(|s| s.n_labels != n_labels) || stages.len() * n_labels > W {
            return None;
        }
        let largest = stages
            .iter()
            .flat_map(|s| &s.weights)
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        // Later stages mostly reuse the first stage's features: the largest stage's key count is
        // close to the number of entries.
        let keys = stages.iter().map(|s| s.keys.len()).max().unwrap_or(0);
        let mut rows: HashMap<[i16; W]> =
            HashMap::with_capacity_and_hasher(keys, Default::default());
        for (k, stage) in stages.iter().enumerate() {
            for (row, &key) in stage.keys.iter().enumerate() {
                let weights = &stage.weights[row * n_labels..(row + 1) * n_labels];
                let slots = &mut rows.entry(key).or_insert([0; W])[k * n_labels..];
                for (slot, w) in slots.iter_mut().zip(weights) {
                    // In range by construction: |w| <= largest.
                    *slot = (w / scale).round() as i16;
                }
            }
        }
        Some(PackedWeights {
            rows,
            scale,
            n_labels,
        })
    }

    /// Sums the stored weights of `features` into `sum` (in units; see [`Self::scores`]).
    #[inline]
    pub fn add(&self, features: &[u64], sum: &mut [i32; W]) {
        for hash in features {
            if let Some(row) = self.rows.get(hash) {
                for (s, w) in sum.iter_mut().zip(row) {
                    *s += i32::from(*w);
                }
            }
        }
    }

    /// Adds stage `stage`'s part of `sum` to `scores` (`n_labels` long), as weights.
    #[inline]
    pub fn scores(&self, sum: &[i32; W], stage: usize, scores: &mut [f32]) {
        let part = &sum[stage * self.n_labels..(stage + 1) * self.n_labels];
        for (score, s) in scores.iter_mut().zip(part) {
            *score += *s as f32 * self.scale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(n_labels: usize, keys: Vec<u64>, phase: f32) -> Stage {
        let mut stage = Stage::zeroed(n_labels, keys);
        for (i, w) in stage.weights.iter_mut().enumerate() {
            *w = (i as f32 * 0.37 + phase).sin() * 4.0;
        }
        stage
    }

    #[test]
    fn packed_scores_match_each_stage_closely() {
        // The second stage has a feature the first lacks and lacks one the first has.
        let stages = [stage(5, vec![1, 2, 3], 0.0), stage(5, vec![2, 3, 4], 1.0)];
        let packed = PackedWeights::<10>::new(&stages).expect("2 x 5 labels fit in 10");
        let features = [1, 3, 4, 99];
        let mut sum = [0; 10];
        packed.add(&features, &mut sum);
        for (k, stage) in stages.iter().enumerate() {
            let mut exact = [0.0f32; 5];
            stage.emissions(&features, &mut exact);
            let mut quantised = [0.0f32; 5];
            packed.scores(&sum, k, &mut quantised);
            for (a, b) in exact.iter().zip(quantised) {
                assert!(
                    (a - b).abs() < 1e-3,
                    "stage {k}: {exact:?} vs {quantised:?}"
                );
            }
        }
    }

    #[test]
    fn stages_that_do_not_fit_are_refused() {
        let stages = [stage(5, vec![1], 0.0), stage(5, vec![1], 0.0)];
        assert!(PackedWeights::<9>::new(&stages).is_none());
        let mixed = [stage(5, vec![1], 0.0), stage(3, vec![1], 0.0)];
        assert!(PackedWeights::<10>::new(&mixed).is_none());
    }
}
