//! # byline-ner
//!
//! byline's named-entity tagger, independent of the rest of byline: feature extraction
//! ([`features`]) over gazetteers ([`lexicon`]) and word clusters, an averaged structured perceptron
//! ([`train`]), BIO-constrained Viterbi decoding ([`decode`]), a self-contained model file
//! ([`model`]), CoNLL reading ([`conll`]) and conlleval-style scoring ([`score`]).
//!
//! The `entities` plugin and the `byline train/eval entities` commands are its two users.

pub mod brat;
pub mod conll;
pub mod decode;
pub mod error;
pub mod features;
pub mod given_names;
pub mod hash;
pub mod lexicon;
pub mod model;
pub mod packed;
pub mod score;
pub mod train;
mod word_sums;

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
    /// The model: its types, feature templates and transitions. When its weights are packed
    /// (`Weights::Packed`), its stages keep only their label counts and transitions.
    model: Model,
    /// Its feature extractor.
    pub extractor: features::FeatureExtractor,
    /// The weights, laid out for lookups.
    weights: Weights,
    /// Each stage's decoder.
    decoders: Vec<decode::Decoder>,
    /// Names this tagger's sums in the per-thread tables of [`word_sums`] (a clone, having the
    /// same weights, shares them).
    owner: u64,
}

/// The most stages a model file may have.
const MAX_STAGES: usize = 2;

/// Marks a feature a stage has no weights for.
const NO_ROW: u32 = u32::MAX;

/// Slots of a packed weight entry: two stages of up to nine labels (four entity types, CoNLL's).
const PACKED_SLOTS: usize = MAX_STAGES * 9;

/// How the tagger looks its features' weights up.
#[derive(Clone, Debug)]
enum Weights {
    /// Every stage's weights in the feature's own entry, quantised: one memory access per feature
    /// (models of up to nine labels per stage, as all of CoNLL's). Whole numbers, so the
    /// word-local features' weights are summed once per word ([`word_sums`]), with the sums of the
    /// padding beyond a sentence's ends beside them.
    Packed(
        packed::PackedWeights<PACKED_SLOTS>,
        Box<word_sums::PlaceSums<PACKED_SLOTS>>,
    ),
    /// Each feature's row in every stage (`NO_ROW` where a stage lacks it), read from the stages'
    /// weights: one lookup per feature serves all stages, since later stages reuse the first
    /// stage's features. For models with more labels.
    Rows(hash::HashMap<[u32; MAX_STAGES]>),
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
    /// Builds a tagger from a model file's bytes. Its weights are packed (quantised, one memory
    /// access per feature) when the model's labels fit, as every model of CoNLL's four types does.
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Tagger, NerError> {
        Tagger::from_model(Model::from_bytes(bytes, source_name)?, source_name, true)
    }

    /// Builds a tagger from a model, packing its weights when `pack` is set and they fit.
    fn from_model(mut model: Model, source_name: &str, pack: bool) -> Result<Tagger, NerError> {
        let extractor = model.extractor()?;
        let stages = model.stages.len();
        if stages > MAX_STAGES {
            return Err(NerError::Model {
                source_name: source_name.to_string(),
                message: format!("{stages} stages; at most {MAX_STAGES} are supported"),
            });
        }
        let packed = if pack {
            packed::PackedWeights::new(&model.stages)
        } else {
            None
        };
        let weights = match packed {
            Some(packed) => {
                // The packed entries hold the weights now; keep them once.
                for stage in &mut model.stages {
                    stage.weights = Vec::new();
                    stage.keys = Vec::new();
                    stage.index = hash::HashMap::default();
                }
                let padding = word_sums::place_sums(&extractor, &packed, None, &mut Vec::new());
                Weights::Packed(packed, Box::new(padding))
            }
            None => {
                let mut rows: hash::HashMap<[u32; MAX_STAGES]> = hash::HashMap::default();
                for (k, stage) in model.stages.iter().enumerate() {
                    for (row, &key) in stage.keys.iter().enumerate() {
                        rows.entry(key).or_insert([NO_ROW; MAX_STAGES])[k] = row as u32;
                    }
                }
                Weights::Rows(rows)
            }
        };
        let decoders = model.stages.iter().map(decode::Decoder::new).collect();
        Ok(Tagger {
            model,
            extractor,
            weights,
            decoders,
            owner: word_sums::next_owner(),
        })
    }

    /// Adds the weights of `features` to the scores of token `i` of sentence `s` in every stage
    /// from `from` on (`emissions[k][s]` holds stage k's scores, `n_labels` per token).
    fn add_emissions(
        &self,
        features: &[u64],
        from: usize,
        emissions: &mut [Vec<Vec<f32>>],
        s: usize,
        i: usize,
    ) {
        let n = self.model.n_labels();
        match &self.weights {
            Weights::Packed(packed, _) => {
                let mut sum = [0; PACKED_SLOTS];
                packed.add(features, &mut sum);
                for (k, stage_emissions) in emissions.iter_mut().enumerate().skip(from) {
                    packed.scores(&sum, k, &mut stage_emissions[s][i * n..(i + 1) * n]);
                }
            }
            Weights::Rows(rows) => {
                for hash in features {
                    let Some(rows) = rows.get(hash) else {
                        continue;
                    };
                    for (k, stage_emissions) in emissions.iter_mut().enumerate().skip(from) {
                        let row = rows[k] as usize;
                        if rows[k] == NO_ROW {
                            continue;
                        }
                        let weights = &self.model.stages[k].weights[row * n..(row + 1) * n];
                        let scores = &mut stage_emissions[s][i * n..(i + 1) * n];
                        for (score, w) in scores.iter_mut().zip(weights) {
                            *score += w;
                        }
                    }
                }
            }
        }
    }

    /// Every stage's scores from the local features: `emissions[k][s]` holds stage k's scores
    /// for sentence s, `n_labels` per token. With packed weights and `by_word`, the word-local
    /// features' weights are summed once per word; otherwise feature by feature.
    fn local_emissions(
        &self,
        sentences: &[Vec<&str>],
        lowers: &[features::Strings],
        by_word: bool,
    ) -> Vec<Vec<Vec<f32>>> {
        let n = self.model.n_labels();
        let mut emissions: Vec<Vec<Vec<f32>>> = (0..self.model.stages.len())
            .map(|_| sentences.iter().map(|s| vec![0.0; s.len() * n]).collect())
            .collect();
        match &self.weights {
            Weights::Packed(packed, padding) if by_word => {
                self.add_local_emissions(packed, padding, sentences, lowers, &mut emissions)
            }
            _ => {
                let local = self.extractor.document_lowered(sentences, lowers);
                for (s, sentence) in local.iter().enumerate() {
                    for (i, token) in sentence.tokens().enumerate() {
                        self.add_emissions(token, 0, &mut emissions, s, i);
                    }
                }
            }
        }
        emissions
    }

    /// Adds the local features' packed weights to every stage's scores, as
    /// [`Self::add_emissions`] would from [`features::FeatureExtractor::document_lowered`], with
    /// the word-local features' weights summed once per word ([`word_sums`]).
    fn add_local_emissions(
        &self,
        packed: &packed::PackedWeights<PACKED_SLOTS>,
        padding: &word_sums::PlaceSums<PACKED_SLOTS>,
        sentences: &[Vec<&str>],
        lowers: &[features::Strings],
        emissions: &mut [Vec<Vec<f32>>],
    ) {
        let n = self.model.n_labels();
        word_sums::with_word_sums(self.owner, &self.extractor, packed, |sums| {
            let mut positions = Vec::new();
            let mut hashes = Vec::new();
            let mut s = 0;
            self.extractor
                .for_each_sentence(sentences, lowers, |sentence| {
                    positions.clear();
                    positions.extend((0..sentence.len()).map(|i| sums.position(sentence.word(i))));
                    for i in 0..sentence.len() {
                        let mut sum = [0; PACKED_SLOTS];
                        for place in features::Place::ALL {
                            let part = match i.checked_add_signed(place.offset()) {
                                Some(j) if j < sentence.len() => {
                                    &sums.get(positions[j])[place.index()]
                                }
                                _ => &padding[place.index()],
                            };
                            for (total, w) in sum.iter_mut().zip(part) {
                                *total += w;
                            }
                        }
                        hashes.clear();
                        self.extractor
                            .context_features(sentence, i, &mut |h| hashes.push(h.finish()));
                        packed.add(&hashes, &mut sum);
                        for (k, stage_emissions) in emissions.iter_mut().enumerate() {
                            packed.scores(&sum, k, &mut stage_emissions[s][i * n..(i + 1) * n]);
                        }
                    }
                    s += 1;
                });
        });
    }

    /// Tags a document given as sentences of token strings.
    pub fn tag(&self, sentences: &[Vec<&str>]) -> Vec<Tagged> {
        let stages = &self.model.stages;
        let Some(last) = stages.len().checked_sub(1) else {
            return Vec::new();
        };
        let lowers = features::lowercase(sentences);
        // emissions[k][s]: stage k's scores for sentence s, n per token. The local features feed
        // every stage at once.
        let mut emissions = self.local_emissions(sentences, &lowers, true);
        for k in 0..last {
            let hints: Vec<Vec<usize>> = emissions[k]
                .iter()
                .map(|e| self.decoders[k].viterbi(e))
                .collect();
            let extra = self.extractor.hint_features(&lowers, &hints);
            for (s, sentence) in extra.iter().enumerate() {
                for (i, token) in sentence.tokens().enumerate() {
                    self.add_emissions(token, k + 1, &mut emissions, s, i);
                }
            }
        }
        let mut found = Vec::new();
        for (s, e) in emissions[last].iter().enumerate() {
            let labels = self.decoders[last].viterbi(e);
            let spans = train::spans_of_labels(&labels);
            if spans.is_empty() {
                // No name here: its confidences (a forward-backward pass) would go unread.
                continue;
            }
            let confidences = self.decoders[last].confidences(e, &labels);
            for (start, end, t) in spans {
                let confidence = confidences[start..end].iter().sum::<f32>() / (end - start) as f32;
                found.push(Tagged {
                    sentence: s,
                    start,
                    end,
                    kind: self.model.types[t].clone(),
                    confidence,
                });
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sums_give_exactly_the_scores_of_summing_feature_by_feature() {
        let tagger = Tagger::from_model(shipped_model(), "shipped", true).unwrap();
        let text = "BEIJING VISIT\n\
                    Zhao Leji , chairman of the Standing Committee of the National People 's \
                    Congress , arrived in Pyongyang on Wednesday .\n\
                    Zhao 's visit marks the 75th anniversary , Wang Junsheng told the Global Times .\n\
                    Wang noted it .";
        let sentences: Vec<Vec<&str>> = text
            .lines()
            .map(|l| l.split_whitespace().collect())
            .collect();
        let lowers = features::lowercase(&sentences);
        let by_feature = tagger.local_emissions(&sentences, &lowers, false);
        // Twice: summing the words, then reading the sums back from this thread's table.
        for _ in 0..2 {
            assert_eq!(
                tagger.local_emissions(&sentences, &lowers, true),
                by_feature
            );
        }
        // A second tagger, with other weights, on the same thread does not read the first
        // one's sums.
        let mut negated = shipped_model();
        for stage in &mut negated.stages {
            stage.weights.iter_mut().for_each(|w| *w = -*w);
        }
        let other = Tagger::from_model(negated, "negated", true).unwrap();
        let other_by_feature = other.local_emissions(&sentences, &lowers, false);
        assert_ne!(other_by_feature, by_feature);
        assert_eq!(
            other.local_emissions(&sentences, &lowers, true),
            other_by_feature
        );
        assert_eq!(
            tagger.local_emissions(&sentences, &lowers, true),
            by_feature
        );
    }

    /// The shipped model (the plugin's), which this crate's tests and benchmark read.
    fn shipped_model() -> Model {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../plugins/entities/model/entities-conll03.model"
        );
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        Model::from_bytes(&bytes, path).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn packed_weights_tag_as_the_stages_own_weights_do() {
        let packed = Tagger::from_model(shipped_model(), "shipped", true).unwrap();
        let rows = Tagger::from_model(shipped_model(), "shipped", false).unwrap();
        assert!(matches!(packed.weights, Weights::Packed(..)));
        assert!(matches!(rows.weights, Weights::Rows(_)));
        let text = "Wang Junsheng , a research fellow at the Chinese Academy of Social Sciences in \
                    Beijing , told the Global Times on Wednesday that Zhao Leji would visit \
                    Pyongyang .";
        let sentences = vec![text.split_whitespace().collect::<Vec<_>>()];
        let (a, b) = (packed.tag(&sentences), rows.tag(&sentences));
        let spans = |found: &[Tagged]| -> Vec<(usize, usize, String)> {
            found
                .iter()
                .map(|t| (t.start, t.end, t.kind.clone()))
                .collect()
        };
        assert_eq!(spans(&a), spans(&b));
        let names: Vec<String> = a
            .iter()
            .map(|t| sentences[0][t.start..t.end].join(" "))
            .collect();
        assert!(names.contains(&"Wang Junsheng".to_string()), "{names:?}");
        assert!(
            names.contains(&"Chinese Academy of Social Sciences".to_string()),
            "{names:?}"
        );
        for (x, y) in a.iter().zip(&b) {
            assert!((x.confidence - y.confidence).abs() < 1e-3);
        }
    }
}
