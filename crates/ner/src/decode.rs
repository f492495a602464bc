//! Viterbi decoding of a sentence under the BIO constraints (an I label only continues a B or I of
//! its own type), and per-token confidences.

use crate::model::{Stage, label};

/// The best label sequence for a sentence, given its per-token emission scores (`n_labels` per
/// token, flattened), and each token's confidence (softmax of its scores, given the previous label).
pub fn viterbi(model: &Stage, emissions: &[f32]) -> (Vec<usize>, Vec<f32>) {
    let n = model.n_labels;
    let len = emissions.len() / n;
    if len == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut score = vec![f32::NEG_INFINITY; len * n];
    let mut back = vec![0usize; len * n];
    for y in 0..n {
        if label::allowed(None, y) {
            score[y] = emissions[y] + model.transition(None, y);
        }
    }
    for i in 1..len {
        for y in 0..n {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..n {
                let prev = score[(i - 1) * n + p];
                if prev == f32::NEG_INFINITY || !label::allowed(Some(p), y) {
                    continue;
                }
                let s = prev + model.transition(Some(p), y);
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[i * n + y] = best + emissions[i * n + y];
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
        y = back[i * n + y];
    }
    let confidences = (0..len)
        .map(|i| {
            let previous = (i > 0).then(|| labels[i - 1]);
            let local: Vec<f32> = (0..n)
                .map(|y| {
                    if label::allowed(previous, y) {
                        emissions[i * n + y] + model.transition(previous, y)
                    } else {
                        f32::NEG_INFINITY
                    }
                })
                .collect();
            let max = local.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let total: f32 = local.iter().map(|s| (s - max).exp()).sum();
            (local[labels[i]] - max).exp() / total
        })
        .collect();
    (labels, confidences)
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
        let (labels, confidences) = viterbi(&m, &emissions);
        assert_eq!(labels, [label::begin(0), label::inside(0)]);
        assert!(confidences.iter().all(|c| *c > 0.0 && *c <= 1.0));
    }

    #[test]
    fn an_empty_sentence_has_no_labels() {
        assert_eq!(viterbi(&model(), &[]).0, Vec::<usize>::new());
    }
}
