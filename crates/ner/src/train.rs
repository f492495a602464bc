//! Training: an averaged structured perceptron over the features of [`crate::features`], decoded
//! with constrained Viterbi, keeping the epoch that scores best on a development set.
//!
//! With stacking (the default), a second stage is trained on top of the first: its features add
//! what the first stage predicted for the same words elsewhere in the document. So that the second
//! stage learns from realistic first-stage predictions, those on the training data come from
//! k-fold cross-validation (each fold tagged by a first stage that never saw it).
//!
//! Deterministic: the only randomness is the order of training sentences in each epoch, drawn from
//! a generator seeded by [`TrainOptions::seed`].

use crate::conll::{self, Doc};
use crate::decode::{Decoder, viterbi};
use crate::error::NerError;
use crate::features::{DocFeatures, FeatureExtractor, SentenceFeatures};
use crate::hash::{HashMap, SplitMix};
use crate::model::{Model, Stage, label};
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
    /// Train a second, document-aware stage on the first one's predictions.
    pub stacked: bool,
    /// Folds of the cross-validation that produces the first stage's predictions on training data.
    pub folds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 1,
            min_count: 1,
            stacked: true,
            folds: 5,
        }
    }
}

/// What happened in one epoch.
#[derive(Clone, Debug)]
pub struct EpochReport {
    /// 1-based stage.
    pub stage: usize,
    /// 1-based epoch.
    pub epoch: usize,
    /// Sentences whose prediction needed an update.
    pub mistakes: usize,
    /// Development F1 (0–100) of the averaged weights after this epoch, if there is a dev set.
    pub dev_f1: Option<f64>,
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

/// The features among `hashes` seen at least `min_count` times, sorted.
fn feature_keys<'a>(hashes: impl Iterator<Item = &'a u64>, min_count: u32) -> Vec<u64> {
    let mut counts: HashMap<u32> = HashMap::default();
    for h in hashes {
        *counts.entry(*h).or_insert(0) += 1;
    }
    let mut keys: Vec<u64> = counts
        .into_iter()
        .filter(|(_, c)| *c >= min_count)
        .map(|(k, _)| k)
        .collect();
    keys.sort_unstable();
    keys
}

/// The features of `docs` seen at least `min_count` times, sorted.
fn document_keys(docs: &[DocFeatures], min_count: u32) -> Vec<u64> {
    feature_keys(
        docs.iter().flatten().flat_map(SentenceFeatures::all),
        min_count,
    )
}

/// The row of each of `keys`.
fn row_index(keys: &[u64]) -> HashMap<u32> {
    keys.iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect()
}

/// A training example: each token's features that have rows in `index`, and the gold labels.
fn example<'a>(
    tokens: impl Iterator<Item = &'a [u64]>,
    gold: &[usize],
    index: &HashMap<u32>,
) -> Example {
    Example {
        rows: tokens
            .map(|token| token.iter().filter_map(|h| index.get(h).copied()).collect())
            .collect(),
        gold: gold.to_vec(),
    }
}

/// Training examples per document, with features mapped to rows of `keys`.
fn examples(docs: &[DocFeatures], gold: &[Vec<Vec<usize>>], keys: &[u64]) -> Vec<Vec<Example>> {
    let index = row_index(keys);
    docs.iter()
        .zip(gold)
        .map(|(doc, labels)| {
            doc.iter()
                .zip(labels)
                .map(|(sentence, gold)| example(sentence.tokens(), gold, &index))
                .collect()
        })
        .collect()
}

/// Labels of every sentence of a document under one stage.
pub fn decode_document(stage: &Stage, features: &[SentenceFeatures]) -> Vec<Vec<usize>> {
    let n = stage.n_labels;
    let decoder = Decoder::new(stage);
    let mut emissions = Vec::new();
    features
        .iter()
        .map(|sentence| {
            emissions.clear();
            emissions.resize(sentence.len() * n, 0.0);
            for (i, token) in sentence.tokens().enumerate() {
                stage.emissions(token, &mut emissions[i * n..(i + 1) * n]);
            }
            decoder.viterbi(&emissions)
        })
        .collect()
}

/// Development F1 (0–100) of a stage.
fn dev_f1(stage: &Stage, features: &[DocFeatures], dev: &[Doc], types: &[String]) -> f64 {
    let mut scores = Scores::default();
    for (doc_features, doc) in features.iter().zip(dev) {
        for (labels, sentence) in decode_document(stage, doc_features).iter().zip(doc) {
            let predicted: Vec<(usize, usize, String)> = spans_of_labels(labels)
                .into_iter()
                .map(|(s, e, t)| (s, e, types[t].clone()))
                .collect();
            scores.add(&conll::spans(&sentence.tags), &predicted);
        }
    }
    100.0 * scores.overall().f1()
}

/// Fits one stage on `examples` for at most `epochs` passes. `evaluate` scores the averaged weights
/// after each epoch (`None` without a dev set); the best epoch is kept (the last one without dev).
/// Returns the stage and the epoch it is from.
fn fit(
    examples: &[&Example],
    keys: Vec<u64>,
    n: usize,
    epochs: usize,
    seed: u64,
    evaluate: &mut dyn FnMut(&Stage) -> Option<f64>,
    report: &mut dyn FnMut(&EpochReport),
) -> (Stage, usize) {
    let mut stage = Stage::zeroed(n, keys);
    // Sums of (timestamp * update), for lazy averaging: average = w - acc / t.
    let mut weights_acc = vec![0.0f32; stage.weights.len()];
    let mut trans_acc = vec![0.0f32; stage.transitions.len()];
    let mut t: f32 = 1.0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix::new(seed);
    let mut best: Option<(f64, usize, Stage)> = None;
    let mut emissions = Vec::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &e in &order {
            let example = examples[e];
            emissions.clear();
            emissions.resize(example.rows.len() * n, 0.0);
            for (i, rows) in example.rows.iter().enumerate() {
                let scores = &mut emissions[i * n..(i + 1) * n];
                for &row in rows {
                    let w = &stage.weights[row as usize * n..(row as usize + 1) * n];
                    for (s, x) in scores.iter_mut().zip(w) {
                        *s += x;
                    }
                }
            }
            let predicted = viterbi(&stage, &emissions);
            if predicted != example.gold {
                mistakes += 1;
                for (i, rows) in example.rows.iter().enumerate() {
                    let (g, p) = (example.gold[i], predicted[i]);
                    if g != p {
                        for &row in rows {
                            let base = row as usize * n;
                            stage.weights[base + g] += 1.0;
                            stage.weights[base + p] -= 1.0;
                            weights_acc[base + g] += t;
                            weights_acc[base + p] -= t;
                        }
                    }
                    let gp = if i == 0 { n } else { example.gold[i - 1] };
                    let pp = if i == 0 { n } else { predicted[i - 1] };
                    if g != p || gp != pp {
                        stage.transitions[gp * n + g] += 1.0;
                        stage.transitions[pp * n + p] -= 1.0;
                        trans_acc[gp * n + g] += t;
                        trans_acc[pp * n + p] -= t;
                    }
                }
            }
            t += 1.0;
        }
        let averaged = Stage {
            weights: stage
                .weights
                .iter()
                .zip(&weights_acc)
                .map(|(w, a)| w - a / t)
                .collect(),
            transitions: stage
                .transitions
                .iter()
                .zip(&trans_acc)
                .map(|(w, a)| w - a / t)
                .collect(),
            ..stage.clone()
        };
        let score = evaluate(&averaged);
        report(&EpochReport {
            stage: 1,
            epoch,
            mistakes,
            dev_f1: score,
        });
        let better = match (&best, score) {
            (None, _) | (_, None) => true,
            (Some((best_score, _, _)), Some(s)) => s > *best_score,
        };
        if better {
            best = Some((score.unwrap_or(0.0), epoch, averaged));
        }
    }
    match best {
        Some((_, epoch, mut stage)) => {
            stage.prune();
            (stage, epoch)
        }
        None => (stage, 0),
    }
}

/// A sequence for [`fit_sequences`]: every token's feature hashes and its gold label.
#[derive(Clone, Debug, Default)]
pub struct Sequence {
    /// Feature hashes of each token.
    pub features: Vec<Vec<u64>>,
    /// Gold label of each token (see [`label`]).
    pub gold: Vec<usize>,
}

/// Fits one tagging stage on sequences whose features someone else computed (the quotes plugin's
/// attribution tagger uses this with features of its own): the same averaged perceptron and
/// constrained Viterbi as the entity tagger. Features seen fewer than `min_count` times get no
/// weights; `evaluate` scores the averaged weights after each epoch and the best epoch is kept
/// (the last one when it returns `None`). Returns the stage and its epoch.
pub fn fit_sequences(
    sequences: &[Sequence],
    n_labels: usize,
    options: &TrainOptions,
    evaluate: &mut dyn FnMut(&Stage) -> Option<f64>,
    report: &mut dyn FnMut(&EpochReport),
) -> (Stage, usize) {
    let keys = feature_keys(
        sequences.iter().flat_map(|s| s.features.iter().flatten()),
        options.min_count,
    );
    let index = row_index(&keys);
    let examples: Vec<Example> = sequences
        .iter()
        .map(|s| example(s.features.iter().map(Vec::as_slice), &s.gold, &index))
        .collect();
    let all: Vec<&Example> = examples.iter().collect();
    fit(
        &all,
        keys,
        n_labels,
        options.epochs,
        options.seed,
        evaluate,
        report,
    )
}

/// Trains a model on `train`, choosing epochs on `dev`.
pub fn train(
    extractor: &FeatureExtractor,
    lexicon_text: &str,
    clusters_text: &str,
    train: &[Doc],
    dev: &[Doc],
    options: &TrainOptions,
    report: &mut dyn FnMut(&EpochReport),
) -> Result<Model, NerError> {
    if options.epochs == 0 {
        return Err(NerError::Training("--epochs must be at least 1".into()));
    }
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
    let gold: Vec<Vec<Vec<usize>>> = train
        .iter()
        .map(|doc| doc.iter().map(|s| label_ids(&s.tags, &types)).collect())
        .collect();
    let train_tokens: Vec<Vec<Vec<&str>>> = train.iter().map(doc_tokens).collect();
    let dev_tokens: Vec<Vec<Vec<&str>>> = dev.iter().map(doc_tokens).collect();

    // Stage 1: local features.
    let train_features: Vec<DocFeatures> = train_tokens
        .iter()
        .map(|doc| extractor.document(doc))
        .collect();
    let dev_features: Vec<DocFeatures> = dev_tokens
        .iter()
        .map(|doc| extractor.document(doc))
        .collect();
    let keys = document_keys(&train_features, options.min_count);
    let stage1_examples = examples(&train_features, &gold, &keys);
    let all: Vec<&Example> = stage1_examples.iter().flatten().collect();
    let (stage1, best_epoch) = fit(
        &all,
        keys.clone(),
        n,
        options.epochs,
        options.seed,
        &mut |stage| (!dev.is_empty()).then(|| dev_f1(stage, &dev_features, dev, &types)),
        report,
    );
    if !options.stacked {
        return Ok(Model {
            types,
            stages: vec![stage1],
            lexicon_text: lexicon_text.to_string(),
            clusters_text: clusters_text.to_string(),
        });
    }

    // First-stage predictions on the training data, by cross-validation.
    let folds = options.folds.max(2);
    let mut train_hints: Vec<Vec<Vec<usize>>> = vec![Vec::new(); train.len()];
    for fold in 0..folds {
        let fold_examples: Vec<&Example> = stage1_examples
            .iter()
            .enumerate()
            .filter(|(d, _)| d % folds != fold)
            .flat_map(|(_, doc)| doc.iter())
            .collect();
        let (fold_stage, _) = fit(
            &fold_examples,
            keys.clone(),
            n,
            best_epoch.max(1),
            options.seed,
            &mut |_| None,
            &mut |_| {},
        );
        for d in (0..train.len()).filter(|d| d % folds == fold) {
            train_hints[d] = decode_document(&fold_stage, &train_features[d]);
        }
    }
    drop(stage1_examples);
    let dev_hints: Vec<Vec<Vec<usize>>> = dev_features
        .iter()
        .map(|f| decode_document(&stage1, f))
        .collect();

    // Stage 2: local features plus the first stage's predictions across the document.
    let mut train_features = train_features;
    for ((features, doc), hints) in train_features
        .iter_mut()
        .zip(&train_tokens)
        .zip(&train_hints)
    {
        extractor.add_hint_features(doc, hints, features);
    }
    let mut dev_features = dev_features;
    for ((features, doc), hints) in dev_features.iter_mut().zip(&dev_tokens).zip(&dev_hints) {
        extractor.add_hint_features(doc, hints, features);
    }
    let keys = document_keys(&train_features, options.min_count);
    let stage2_examples = examples(&train_features, &gold, &keys);
    let all: Vec<&Example> = stage2_examples.iter().flatten().collect();
    let (stage2, _) = fit(
        &all,
        keys,
        n,
        options.epochs,
        options.seed.wrapping_add(1),
        &mut |stage| (!dev.is_empty()).then(|| dev_f1(stage, &dev_features, dev, &types)),
        &mut |r| {
            report(&EpochReport {
                stage: 2,
                ..r.clone()
            })
        },
    );
    Ok(Model {
        types,
        stages: vec![stage1, stage2],
        lexicon_text: lexicon_text.to_string(),
        clusters_text: clusters_text.to_string(),
    })
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
