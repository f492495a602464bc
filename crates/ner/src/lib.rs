//! # byline-ner
//!
//! byline's named-entity tagger, independent of the rest of byline: feature extraction
//! ([`features`]) over gazetteers ([`lexicon`]) and word clusters, an averaged structured perceptron
//! ([`train`]), BIO-constrained Viterbi decoding ([`decode`]), a self-contained model file
//! ([`model`]), CoNLL reading ([`conll`]) and conlleval-style scoring ([`score`]).
//!
//! The `entities` plugin and the `byline train/eval entities` commands are its two users.

pub mod conll;
pub mod decode;
pub mod error;
pub mod features;
pub mod hash;
pub mod lexicon;
pub mod model;
pub mod score;
pub mod train;

pub use error::NerError;
pub use model::Model;

/// The gazetteer files shipped with byline (see `crates/ner/data/README.md`), concatenated.
pub fn default_lexicon_text() -> String {
    let mut text = String::from(include_str!("../data/places.tsv"));
    text.push_str(include_str!("../data/lexicon.tsv"));
    text
}

/// A loaded model with its feature extractor, ready to tag documents from many threads.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// The model.
    pub model: Model,
    /// Its feature extractor.
    pub extractor: features::FeatureExtractor,
}

/// An entity found by the tagger, in token positions of its sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagged {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Type name (as in the training data: PER, ORG, LOC, MISC).
    pub kind: String,
    /// Mean of its tokens' confidences, in (0, 1].
    pub confidence: f32,
}

impl Tagger {
    /// Builds a tagger from a model file's bytes.
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Tagger, NerError> {
        let model = Model::from_bytes(bytes, source_name)?;
        let extractor = model.extractor()?;
        Ok(Tagger { model, extractor })
    }

    /// Tags a document given as sentences of token strings.
    pub fn tag(&self, sentences: &[Vec<&str>]) -> Vec<Tagged> {
        let mut hints: Option<Vec<Vec<usize>>> = None;
        let mut found = Vec::new();
        let last = self.model.stages.len().saturating_sub(1);
        for (k, stage) in self.model.stages.iter().enumerate() {
            let features = self.extractor.document(sentences, hints.as_deref());
            if k < last {
                hints = Some(train::decode_document(stage, &features));
                continue;
            }
            let n = stage.n_labels;
            let mut emissions = Vec::new();
            for (s, sentence) in features.iter().enumerate() {
                emissions.clear();
                emissions.resize(sentence.len() * n, 0.0);
                for (i, token) in sentence.iter().enumerate() {
                    stage.emissions(token, &mut emissions[i * n..(i + 1) * n]);
                }
                let (labels, confidences) = decode::viterbi(stage, &emissions);
                for (start, end, t) in train::spans_of_labels(&labels) {
                    let confidence =
                        confidences[start..end].iter().sum::<f32>() / (end - start) as f32;
                    found.push(Tagged {
                        sentence: s,
                        start,
                        end,
                        kind: self.model.types[t].clone(),
                        confidence,
                    });
                }
            }
        }
        found
    }
}
