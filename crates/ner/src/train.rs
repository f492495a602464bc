//! Training: an averaged structured perceptron over the features of [`crate::features`], decoded
//! with constrained Viterbi, with the epoch that scores best on a development set kept.
//!
//! Deterministic: the only randomness is the order of training sentences in each epoch, drawn from
//! a generator seeded by [`TrainOptions::seed`].

use crate::conll::{self, Doc};
use crate::decode::viterbi;
use crate::error::NerError;
use crate::features::FeatureExtractor;
use crate::hash::{HashMap, SplitMix};
use crate::model::{Model, label};
use crate::score::Scores;
use std::collections::BTreeSet;

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data, at most.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// A feature must occur this often in the training data to get weights.
    pub min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 1,
            min_count: 1,
        }
    }
}

/// What happened in one epoch.
#[derive(Clone, Debug)]
pub struct EpochReport {
    /// 1-based epoch.
    pub epoch: usize,
    /// Sentences whose prediction needed an update.
    pub mistakes: usize,
    /// Development F1 (0–100) of the averaged weights after this epoch.
    pub dev_f1: f64,
}

/// A sentence prepared for training: feature rows per token and gold labels.
struct Example {
    rows: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// Labels of a BIO tag sequence under `types`.
fn label_ids(tags: &[String], types: &[String]) -> Vec<usize> {
    tags.iter()
        .map(|tag| {
            let (prefix, kind) = tag.split_at(2.min(tag.len()));
            match types.iter().position(|t| t == kind) {
                Some(t) if prefix == "B-" => label::begin(t),
                Some(t) if prefix == "I-" => label::inside(t),
                _ => label::O,
            }
        })
        .collect()
}

/// Token strings of a document, per sentence.
pub fn doc_tokens(doc: &Doc) -> Vec<Vec<&str>> {
    doc.iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect()
}

/// Trains a model on `train`, keeping the epoch that scores best on `dev`.
pub fn train(
    extractor: &FeatureExtractor,
    lexicon_text: &str,
    clusters_text: &str,
    train: &[Doc],
    dev: &[Doc],
    options: &TrainOptions,
    report: &mut dyn FnMut(&EpochReport),
) -> Result<Model, NerError> {
    let types: Vec<String> = train
        .iter()
        .flatten()
        .flat_map(|s| conll::spans(&s.tags))
        .map(|(_, _, t)| t)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if types.is_empty() {
        return Err(NerError::Training(
            "the training data has no entities".into(),
        ));
    }
    let n = 1 + 2 * types.len();

    // Features of every training sentence, counted, then indexed.
    let mut hashed: Vec<(Vec<Vec<u64>>, Vec<usize>)> = Vec::new();
    let mut counts: HashMap<u32> = HashMap::default();
    for doc in train {
        let features = extractor.document(&doc_tokens(doc));
        for (sentence, feats) in doc.iter().zip(features) {
            for token in &feats {
                for &h in token {
                    *counts.entry(h).or_insert(0) += 1;
                }
            }
            hashed.push((feats, label_ids(&sentence.tags, &types)));
        }
    }
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|(_, c)| **c >= options.min_count)
        .map(|(k, _)| *k)
        .collect();
    keys.sort_unstable();
    let index: HashMap<u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let examples: Vec<Example> = hashed
        .into_iter()
        .map(|(feats, gold)| Example {
            rows: feats
                .iter()
                .map(|token| token.iter().filter_map(|h| index.get(h).copied()).collect())
                .collect(),
            gold,
        })
        .collect();
    drop(counts);

    let mut model = Model {
        types: types.clone(),
        index,
        keys,
        weights: Vec::new(),
        transitions: vec![0.0; (n + 1) * n],
        lexicon_text: lexicon_text.to_string(),
        clusters_text: clusters_text.to_string(),
    };
    let mut weights = vec![0.0f32; model.keys.len() * n];
    // Sums of (timestamp * update) for lazy averaging: average = w - acc / t.
    let mut weights_acc = vec![0.0f32; weights.len()];
    let mut trans_acc = vec![0.0f32; model.transitions.len()];
    let mut t: f32 = 1.0;

    let dev_features: Vec<(Vec<Vec<Vec<u64>>>, &Doc)> = dev
        .iter()
        .map(|doc| (extractor.document(&doc_tokens(doc)), doc))
        .collect();

    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix::new(options.seed);
    let mut best: Option<(f64, Model)> = None;
    let mut emissions = Vec::new();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &e in &order {
            let example = &examples[e];
            model.weights = std::mem::take(&mut weights);
            emissions.clear();
            emissions.resize(example.rows.len() * n, 0.0);
            for (i, rows) in example.rows.iter().enumerate() {
                let scores = &mut emissions[i * n..(i + 1) * n];
                for &row in rows {
                    let w = &model.weights[row as usize * n..(row as usize + 1) * n];
                    for (s, x) in scores.iter_mut().zip(w) {
                        *s += x;
                    }
                }
            }
            let (predicted, _) = viterbi(&model, &emissions);
            weights = std::mem::take(&mut model.weights);
            if predicted != example.gold {
                mistakes += 1;
                for (i, rows) in example.rows.iter().enumerate() {
                    let (g, p) = (example.gold[i], predicted[i]);
                    if g != p {
                        for &row in rows {
                            let base = row as usize * n;
                            weights[base + g] += 1.0;
                            weights[base + p] -= 1.0;
                            weights_acc[base + g] += t;
                            weights_acc[base + p] -= t;
                        }
                    }
                    let gp = if i == 0 { n } else { example.gold[i - 1] };
                    let pp = if i == 0 { n } else { predicted[i - 1] };
                    if g != p || gp != pp {
                        model.transitions[gp * n + g] += 1.0;
                        model.transitions[pp * n + p] -= 1.0;
                        trans_acc[gp * n + g] += t;
                        trans_acc[pp * n + p] -= t;
                    }
                }
            }
            t += 1.0;
        }
        let averaged = Model {
            weights: weights
                .iter()
                .zip(&weights_acc)
                .map(|(w, a)| w - a / t)
                .collect(),
            transitions: model
                .transitions
                .iter()
                .zip(&trans_acc)
                .map(|(w, a)| w - a / t)
                .collect(),
            ..model.clone()
        };
        let dev_f1 = if dev_features.is_empty() {
            0.0
        } else {
            let mut scores = Scores::default();
            for (features, doc) in &dev_features {
                for (sentence, feats) in doc.iter().zip(features) {
                    let predicted = tag_features(&averaged, feats, &mut emissions);
                    scores.add(&conll::spans(&sentence.tags), &predicted);
                }
            }
            100.0 * scores.overall().f1()
        };
        report(&EpochReport {
            epoch,
            mistakes,
            dev_f1,
        });
        let better = best.as_ref().is_none_or(|(f1, _)| dev_f1 > *f1) || dev_features.is_empty();
        if better {
            best = Some((dev_f1, averaged));
        }
    }
    let (_, mut model) = best.ok_or_else(|| NerError::Training("no epochs were run".into()))?;
    prune(&mut model);
    Ok(model)
}

/// Drops features whose weights are all zero (they cannot change a decision).
fn prune(model: &mut Model) {
    let n = model.n_labels();
    let mut keys = Vec::new();
    let mut weights = Vec::new();
    for (row, &key) in model.keys.iter().enumerate() {
        let w = &model.weights[row * n..(row + 1) * n];
        if w.iter().any(|x| x.abs() > 1e-6) {
            keys.push(key);
            weights.extend_from_slice(w);
        }
    }
    model.index = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    model.keys = keys;
    model.weights = weights;
}

/// Tags one sentence from its feature hashes; returns (first token, end token, type) spans.
pub fn tag_features(
    model: &Model,
    features: &[Vec<u64>],
    emissions: &mut Vec<f32>,
) -> Vec<(usize, usize, String)> {
    let n = model.n_labels();
    emissions.clear();
    emissions.resize(features.len() * n, 0.0);
    for (i, token) in features.iter().enumerate() {
        model.emissions(token, &mut emissions[i * n..(i + 1) * n]);
    }
    let (labels, _) = viterbi(model, emissions);
    spans_of_labels(&labels)
        .into_iter()
        .map(|(s, e, t)| (s, e, model.types[t].clone()))
        .collect()
}

/// Entity spans of a label sequence: (first token, end token, type index).
pub fn spans_of_labels(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, &y) in labels.iter().enumerate() {
        if y == label::O {
            continue;
        }
        let t = label::type_of(y);
        match spans.last_mut() {
            Some(last) if label::is_inside(y) && last.1 == i && last.2 == t => last.1 = i + 1,
            _ => spans.push((i, i + 1, t)),
        }
    }
    spans
}
