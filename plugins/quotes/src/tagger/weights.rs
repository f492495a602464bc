//! The tagger's weights as the plugin keeps them for tagging: each feature's row of label weights
//! stored in its hash-table entry as 16-bit fixed point, so that a lookup is one memory access
//! instead of two (the entry, then the row in a separate array). Measured with `perf` on the BBC
//! corpus, those two cache misses were three quarters of the tagger's time.

use super::LABELS;
use byline_ner::hash::HashMap;
use byline_ner::model::Stage;

/// Feature hash → label weights, quantised.
#[derive(Clone, Debug)]
pub struct CompactWeights {
    rows: HashMap<[i16; LABELS]>,
    /// The weight of one unit of a stored value.
    scale: f32,
}

impl CompactWeights {
    /// Quantises a stage's weights (the largest magnitude maps to `i16::MAX`; the rounding error
    /// of a weight is at most half a unit, about 1/65,000 of the largest weight).
    pub fn new(stage: &Stage) -> CompactWeights {
        let n = stage.n_labels;
        let largest = stage.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let rows = stage
            .keys
            .iter()
            .enumerate()
            .map(|(row, &key)| {
                let mut q = [0i16; LABELS];
                for (slot, w) in q.iter_mut().zip(&stage.weights[row * n..(row + 1) * n]) {
                    // In range by construction: |w| <= largest.
                    *slot = (w / scale).round() as i16;
                }
                (key, q)
            })
            .collect();
        CompactWeights { rows, scale }
    }

    /// Adds the weights of `features` for every label into `scores` (`LABELS` long).
    #[inline]
    pub fn emissions(&self, features: &[u64], scores: &mut [f32]) {
        let mut sum = [0i32; LABELS];
        for hash in features {
            if let Some(row) = self.rows.get(hash) {
                for (s, w) in sum.iter_mut().zip(row) {
                    *s += i32::from(*w);
                }
            }
        }
        for (score, s) in scores.iter_mut().zip(sum) {
            *score = s as f32 * self.scale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantised_emissions_match_the_float_ones_closely() {
        let mut stage = Stage::zeroed(LABELS, vec![1, 2, 3]);
        for (i, w) in stage.weights.iter_mut().enumerate() {
            *w = (i as f32 * 0.37).sin() * 4.0;
        }
        let compact = CompactWeights::new(&stage);
        let mut exact = [0.0f32; LABELS];
        let mut quantised = [0.0f32; LABELS];
        stage.emissions(&[1, 3, 99], &mut exact);
        compact.emissions(&[1, 3, 99], &mut quantised);
        for (a, b) in exact.iter().zip(quantised) {
            assert!((a - b).abs() < 1e-3, "{exact:?} vs {quantised:?}");
        }
    }
}
