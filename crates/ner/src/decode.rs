//! Viterbi decoding of a sentence under the BIO constraints (an I label only continues a B or I of
//! its own type), and per-token confidences.

use crate::model::{Stage, label};

/// The stage's transition scores with the BIO constraints folded in: `(n + 1) * n` values, row `n`
/// for the start, `-inf` where a transition is not allowed.
fn constrained_transitions(model: &Stage) -> Vec<f32> {
    let n = model.n_labels;
    let mut t = vec![f32::NEG_INFINITY; (n + 1) * n];
    for p in 0..=n {
        let previous = (p < n).then_some(p);
        for y in 0..n {
            if label::allowed(previous, y) {
                t[p * n + y] = model.transition(previous, y);
            }
        }
    }
    t
}

/// The best label sequence for a sentence, given its per-token emission scores (`n_labels` per
/// token, flattened).
pub fn viterbi(model: &Stage, emissions: &[f32]) -> Vec<usize> {
    let n = model.n_labels;
    let len = emissions.len() / n;
    if len == 0 {
        return Vec::new();
    }
    let trans = constrained_transitions(model);
    let mut score = vec![f32::NEG_INFINITY; len * n];
    let mut back = vec![0u8; len * n];
    for y in 0..n {
        score[y] = emissions[y] + trans[n * n + y];
    }
    for i in 1..len {
        let (done, rest) = score.split_at_mut(i * n);
        let previous = &done[(i - 1) * n..];
        let current = &mut rest[..n];
        for y in 0..n {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, &prev) in previous.iter().enumerate() {
                let s = prev + trans[p * n + y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            current[y] = best + emissions[i * n + y];
            back[i * n + y] = arg as u8;
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
pub fn confidences(model: &Stage, emissions: &[f32], labels: &[usize]) -> Vec<f32> {
    let n = model.n_labels;
    let trans = constrained_transitions(model);
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

    #[test]
    fn an_empty_sentence_has_no_labels() {
        assert_eq!(viterbi(&model(), &[]), Vec::<usize>::new());
    }
}
