//! Viterbi decoding of a sentence under the BIO constraints (an I label only continues a B or I of
//! its own type), and per-token confidences.

use crate::model::{Stage, label};

/// A stage's transitions made ready for decoding: the BIO constraints folded in, and for each
/// label the labels that may precede it. Built once per model, not once per sentence.
#[derive(Clone, Debug)]
pub struct Decoder {
    /// Number of labels.
    n: usize,
    /// `(n + 1) * n` transition scores, row `n` for the start, `-inf` where not allowed.
    transitions: Vec<f32>,
    /// Per label, the labels allowed before it, in increasing order.
    allowed_before: Vec<Vec<u8>>,
}

impl Decoder {
    /// The decoder of a stage's transitions.
    pub fn new(model: &Stage) -> Decoder {
        let n = model.n_labels;
        let mut transitions = vec![f32::NEG_INFINITY; (n + 1) * n];
        for p in 0..=n {
            let previous = (p < n).then_some(p);
            for y in 0..n {
                if label::allowed(previous, y) {
                    transitions[p * n + y] = model.transition(previous, y);
                }
            }
        }
        let allowed_before = (0..n)
            .map(|y| {
                (0..n)
                    .filter(|&p| label::allowed(Some(p), y))
                    .map(|p| p as u8)
                    .collect()
            })
            .collect();
        Decoder {
            n,
            transitions,
            allowed_before,
        }
    }

    /// The best label sequence for a sentence, given its per-token emission scores (`n` per
    /// token, flattened). Of equally good previous labels the lowest wins.
    pub fn viterbi(&self, emissions: &[f32]) -> Vec<usize> {
        let n = self.n;
        let len = emissions.len() / n;
        if len == 0 {
            return Vec::new();
        }
        let trans = &self.transitions;
        let mut score = vec![f32::NEG_INFINITY; len * n];
        let mut back = vec![0u8; len * n];
        for y in 0..n {
            score[y] = emissions[y] + trans[n * n + y];
        }
        for i in 1..len {
            let (done, rest) = score.split_at_mut(i * n);
            let previous = &done[(i - 1) * n..];
            let current = &mut rest[..n];
            for (y, before) in self.allowed_before.iter().enumerate() {
                // A label not allowed before `y` scores -inf and never wins: only the allowed
                // ones are tried.
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for &p in before {
                    let s = previous[usize::from(p)] + trans[usize::from(p) * n + y];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
                current[y] = best + emissions[i * n + y];
                back[i * n + y] = arg;
            }
        }
        let last = &score[(len - 1) * n..];
        let mut y = (0..n)
            .max_by(|&a, &b| last[a].total_cmp(&last[b]))
            .unwrap_or(label::O);
        let mut labels = vec![0; len];
        for i in (0..len).rev() {
            labels[i] = y;
            y = usize::from(back[i * n + y]);
        }
        labels
    }

    /// Each token's confidence in its label: the softmax of its scores given the previous label.
    pub fn confidences(&self, emissions: &[f32], labels: &[usize]) -> Vec<f32> {
        let n = self.n;
        let trans = &self.transitions;
        (0..labels.len())
            .map(|i| {
                let row = if i == 0 { n } else { labels[i - 1] };
                let local = |y: usize| emissions[i * n + y] + trans[row * n + y];
                let max = (0..n).map(local).fold(f32::NEG_INFINITY, f32::max);
                let total: f32 = (0..n).map(|y| (local(y) - max).exp()).sum();
                (local(labels[i]) - max).exp() / total
            })
            .collect()
    }
}

/// The best label sequence for a sentence under `model`'s transitions (see
/// [`Decoder::viterbi`]; a caller decoding many sentences keeps a [`Decoder`]).
pub fn viterbi(model: &Stage, emissions: &[f32]) -> Vec<usize> {
    Decoder::new(model).viterbi(emissions)
}

/// Each token's confidence in its label (see [`Decoder::confidences`]).
pub fn confidences(model: &Stage, emissions: &[f32], labels: &[usize]) -> Vec<f32> {
    Decoder::new(model).confidences(emissions, labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Stage {
        Stage::zeroed(3, Vec::new()) // O, B-PER, I-PER
    }

    #[test]
    fn an_inside_label_never_starts_an_entity() {
        let m = model();
        // Token 0 prefers I-PER (invalid at the start), token 1 prefers I-PER.
        let emissions = [0.0, 1.0, 5.0, 0.0, 0.0, 3.0];
        let labels = viterbi(&m, &emissions);
        assert_eq!(labels, [label::begin(0), label::inside(0)]);
        let c = confidences(&m, &emissions, &labels);
        assert!(c.iter().all(|c| *c > 0.0 && *c <= 1.0));
    }

    /// Viterbi over every pair of labels, disallowed ones scoring -inf: what the decoder must
    /// agree with while trying only the allowed ones.
    fn viterbi_over_all_pairs(model: &Stage, emissions: &[f32]) -> Vec<usize> {
        let n = model.n_labels;
        let len = emissions.len() / n;
        let trans = |p: Option<usize>, y: usize| {
            if label::allowed(p, y) {
                model.transition(p, y)
            } else {
                f32::NEG_INFINITY
            }
        };
        let mut score: Vec<f32> = (0..n).map(|y| emissions[y] + trans(None, y)).collect();
        let mut back = vec![vec![0; n]; len];
        for i in 1..len {
            let mut next = vec![0.0; n];
            for y in 0..n {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
                for (p, previous) in score.iter().enumerate() {
                    let s = previous + trans(Some(p), y);
                    if s > best {
                        (best, arg) = (s, p);
                    }
                }
                next[y] = best + emissions[i * n + y];
                back[i][y] = arg;
            }
            score = next;
        }
        let mut y = (0..n)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]))
            .unwrap_or(label::O);
        let mut labels = vec![0; len];
        for i in (0..len).rev() {
            labels[i] = y;
            y = back[i][y];
        }
        labels
    }

    #[test]
    fn trying_only_allowed_labels_decodes_as_trying_all() {
        let mut random = crate::hash::SplitMix::new(7);
        let mut uniform = move || (random.next_u64() % 2001) as f32 / 100.0 - 10.0;
        let mut model = Stage::zeroed(9, Vec::new()); // four types, as CoNLL's
        for t in &mut model.transitions {
            *t = uniform();
        }
        let decoder = Decoder::new(&model);
        for len in [1, 2, 5, 30] {
            for _ in 0..50 {
                let emissions: Vec<f32> = (0..len * 9).map(|_| uniform()).collect();
                assert_eq!(
                    decoder.viterbi(&emissions),
                    viterbi_over_all_pairs(&model, &emissions)
                );
            }
        }
    }

    #[test]
    fn an_empty_sentence_has_no_labels() {
        assert_eq!(viterbi(&model(), &[]), Vec::<usize>::new());
    }
}
