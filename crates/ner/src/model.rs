//! The tagger's model: label set, feature weights, label transitions, and the word lists and
//! clusters its features were computed with — everything needed to tag, in one file.
//!
//! # File format (version 1), all integers little-endian
//!
//! ```text
//! magic            8 bytes  "BYLNERMD"
//! format version   u32      FORMAT_VERSION
//! feature version  u32      features::FEATURE_VERSION at training time
//! types            u32 count, then per type: u32 length + UTF-8 bytes
//! lexicon          u64 length + UTF-8 text (name<TAB>kind lines)
//! clusters         u64 length + UTF-8 text (path<TAB>word lines)
//! stages           u32 count S (1, or 2 when the second stage reads the first's predictions)
//! per stage:
//!   features       u32 count N, then N u64 feature hashes
//!   weights        N * L f32, row-major (L = 1 + 2 * types)
//!   transitions    (L + 1) * L f32; row L holds the start scores
//! checksum         u64 FNV-1a of every byte before it
//! ```

use crate::error::NerError;
use crate::features::{Clusters, FEATURE_VERSION, FeatureExtractor};
use crate::hash::{HashMap, fnv1a};
use crate::lexicon::Lexicon;

/// First bytes of a model file.
pub const MAGIC: &[u8; 8] = b"BYLNERMD";
/// The model file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Label ids: 0 is O; type t has B = 1 + 2t and I = 2 + 2t.
pub mod label {
    /// The outside label.
    pub const O: usize = 0;
    /// The B label of type `t`.
    pub const fn begin(t: usize) -> usize {
        1 + 2 * t
    }
    /// The I label of type `t`.
    pub const fn inside(t: usize) -> usize {
        2 + 2 * t
    }
    /// The type of a non-O label.
    pub const fn type_of(label: usize) -> usize {
        (label - 1) / 2
    }
    /// Whether a label is an I label.
    pub const fn is_inside(label: usize) -> bool {
        label != O && label % 2 == 0
    }
    /// Whether `current` may follow `previous` (`None` at the start of a sentence): an I label
    /// only continues a B or I of its own type.
    pub const fn allowed(previous: Option<usize>, current: usize) -> bool {
        if !is_inside(current) {
            return true;
        }
        match previous {
            Some(p) => p != O && type_of(p) == type_of(current),
            None => false,
        }
    }
}

/// The weights of one tagging stage.
#[derive(Clone, Debug, Default)]
pub struct Stage {
    /// Number of labels (1 + 2 * types).
    pub n_labels: usize,
    /// Row of each feature hash.
    pub index: HashMap<u32>,
    /// Feature hashes in row order (kept for writing the file).
    pub keys: Vec<u64>,
    /// `keys.len() * n_labels` weights.
    pub weights: Vec<f32>,
    /// `(n_labels + 1) * n_labels` transition weights; the last row is the start.
    pub transitions: Vec<f32>,
}

impl Stage {
    /// An empty stage over `keys` (all weights zero).
    pub fn zeroed(n_labels: usize, keys: Vec<u64>) -> Stage {
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        Stage {
            n_labels,
            index,
            weights: vec![0.0; keys.len() * n_labels],
            transitions: vec![0.0; (n_labels + 1) * n_labels],
            keys,
        }
    }

    /// Adds the weights of `features` for every label into `scores` (length `n_labels`).
    #[inline]
    pub fn emissions(&self, features: &[u64], scores: &mut [f32]) {
        let n = self.n_labels;
        scores.fill(0.0);
        for hash in features {
            if let Some(&row) = self.index.get(hash) {
                let row = &self.weights[row as usize * n..(row as usize + 1) * n];
                for (score, w) in scores.iter_mut().zip(row) {
                    *score += w;
                }
            }
        }
    }

    /// The transition weight from `previous` (`None` = start) to `current`.
    #[inline]
    pub fn transition(&self, previous: Option<usize>, current: usize) -> f32 {
        let row = previous.unwrap_or(self.n_labels);
        self.transitions[row * self.n_labels + current]
    }

    /// Drops features whose weights are all zero (they cannot change a decision).
    pub fn prune(&mut self) {
        let n = self.n_labels;
        let mut keys = Vec::new();
        let mut weights = Vec::new();
        for (row, &key) in self.keys.iter().enumerate() {
            let w = &self.weights[row * n..(row + 1) * n];
            if w.iter().any(|x| x.abs() > 1e-6) {
                keys.push(key);
                weights.extend_from_slice(w);
            }
        }
        self.index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        self.keys = keys;
        self.weights = weights;
    }
}

/// A trained model.
#[derive(Clone, Debug)]
pub struct Model {
    /// Entity types, e.g. LOC, MISC, ORG, PER.
    pub types: Vec<String>,
    /// The tagging stages; a second stage reads the first one's predictions across the document.
    pub stages: Vec<Stage>,
    /// The lexicon text the features used.
    pub lexicon_text: String,
    /// The clusters text the features used.
    pub clusters_text: String,
}

impl Model {
    /// Number of labels.
    pub fn n_labels(&self) -> usize {
        1 + 2 * self.types.len()
    }

    /// Number of features with weights, over all stages.
    pub fn n_features(&self) -> usize {
        self.stages.iter().map(|s| s.keys.len()).sum()
    }

    /// The feature extractor this model's features come from.
    pub fn extractor(&self) -> Result<FeatureExtractor, NerError> {
        let mut lexicon = Lexicon::default();
        lexicon
            .parse(&self.lexicon_text)
            .map_err(|message| NerError::Model {
                source_name: "(lexicon)".into(),
                message,
            })?;
        Ok(FeatureExtractor {
            lexicon,
            clusters: Clusters::parse(&self.clusters_text),
        })
    }

    /// Serialises the model (see the module docs for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.n_features() * (8 + 4 * self.n_labels()));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.types.len() as u32).to_le_bytes());
        for t in &self.types {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        for text in [&self.lexicon_text, &self.clusters_text] {
            out.extend_from_slice(&(text.len() as u64).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        out.extend_from_slice(&(self.stages.len() as u32).to_le_bytes());
        for stage in &self.stages {
            out.extend_from_slice(&(stage.keys.len() as u32).to_le_bytes());
            for k in &stage.keys {
                out.extend_from_slice(&k.to_le_bytes());
            }
            for w in stage.weights.iter().chain(&stage.transitions) {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let checksum = fnv1a(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Reads a model; `source_name` names it in errors. Truncated files, other formats and other
    /// versions are refused with a message saying which.
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Model, NerError> {
        let fail = |message: String| NerError::Model {
            source_name: source_name.to_string(),
            message,
        };
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(fail(
                "not a byline entities model (wrong magic bytes); train one with `byline train entities`".into(),
            ));
        }
        if bytes.len() < 16 + 8 {
            return Err(fail(format!("truncated: only {} bytes", bytes.len())));
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut reader = Reader {
            bytes: body,
            pos: MAGIC.len(),
        };
        let format = reader.u32().map_err(&fail)?;
        if format != FORMAT_VERSION {
            return Err(fail(format!(
                "file format version {format}, but this byline reads version {FORMAT_VERSION}; retrain it with this byline's `byline train entities`"
            )));
        }
        let features = reader.u32().map_err(&fail)?;
        if features != FEATURE_VERSION {
            return Err(fail(format!(
                "trained with feature templates version {features}, but this byline computes version {FEATURE_VERSION}; retrain it"
            )));
        }
        let stored = u64::from_le_bytes(tail.try_into().map_err(|_| fail("truncated".into()))?);
        if fnv1a(body) != stored {
            return Err(fail(
                "checksum mismatch: the file is truncated or corrupted".into(),
            ));
        }
        let n_types = reader.u32().map_err(&fail)? as usize;
        if n_types == 0 || n_types > 64 {
            return Err(fail(format!(
                "implausible number of entity types: {n_types}"
            )));
        }
        let mut types = Vec::with_capacity(n_types);
        for _ in 0..n_types {
            let len = reader.u32().map_err(&fail)? as usize;
            types.push(reader.string(len).map_err(&fail)?);
        }
        let lexicon_len = reader.u64().map_err(&fail)? as usize;
        let lexicon_text = reader.string(lexicon_len).map_err(&fail)?;
        let clusters_len = reader.u64().map_err(&fail)? as usize;
        let clusters_text = reader.string(clusters_len).map_err(&fail)?;
        let n_stages = reader.u32().map_err(&fail)? as usize;
        if !(1..=2).contains(&n_stages) {
            return Err(fail(format!("implausible number of stages: {n_stages}")));
        }
        let n_labels = 1 + 2 * n_types;
        let mut stages = Vec::with_capacity(n_stages);
        for _ in 0..n_stages {
            let n_features = reader.u32().map_err(&fail)? as usize;
            let mut keys = Vec::with_capacity(n_features.min(body.len() / 8));
            for _ in 0..n_features {
                keys.push(reader.u64().map_err(&fail)?);
            }
            let weights = reader.f32s(n_features * n_labels).map_err(&fail)?;
            let transitions = reader.f32s((n_labels + 1) * n_labels).map_err(&fail)?;
            let index = keys
                .iter()
                .enumerate()
                .map(|(row, &k)| (k, row as u32))
                .collect();
            stages.push(Stage {
                n_labels,
                index,
                keys,
                weights,
                transitions,
            });
        }
        if reader.pos != body.len() {
            return Err(fail(format!(
                "{} unexpected bytes after the last stage",
                body.len() - reader.pos
            )));
        }
        Ok(Model {
            types,
            stages,
            lexicon_text,
            clusters_text,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| {
                format!(
                    "truncated: needed {n} bytes at offset {}, file has {}",
                    self.pos,
                    self.bytes.len() + 8
                )
            })?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn string(&mut self, len: usize) -> Result<String, String> {
        let b = self.take(len)?;
        String::from_utf8(b.to_vec()).map_err(|_| "a text section is not UTF-8".to_string())
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, String> {
        let bytes = self.take(n.checked_mul(4).ok_or("size overflow")?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let types = vec!["LOC".to_string(), "PER".to_string()];
        let mut stage = Stage::zeroed(5, vec![42]);
        stage.weights.fill(0.5);
        stage.transitions.fill(0.25);
        Model {
            types,
            stages: vec![stage.clone(), stage],
            lexicon_text: "Beijing\tcity\n".into(),
            clusters_text: String::new(),
        }
    }

    #[test]
    fn round_trips() {
        let bytes = tiny().to_bytes();
        let model = Model::from_bytes(&bytes, "tiny").unwrap();
        assert_eq!(model.types, ["LOC", "PER"]);
        assert_eq!(model.stages.len(), 2);
        assert_eq!(model.stages[1].weights, vec![0.5; 5]);
        assert_eq!(model.stages[1].index.get(&42), Some(&0));
        assert_eq!(model.lexicon_text, "Beijing\tcity\n");
    }

    #[test]
    fn a_truncated_file_is_a_clear_error() {
        let bytes = tiny().to_bytes();
        for cut in [0, 5, 12, 30, bytes.len() - 1] {
            let err = Model::from_bytes(&bytes[..cut], "cut.model")
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("cut.model")
                    && (err.contains("truncated")
                        || err.contains("magic")
                        || err.contains("checksum")),
                "cut at {cut}: {err}"
            );
        }
    }

    #[test]
    fn another_format_version_is_refused_by_name() {
        let mut bytes = tiny().to_bytes();
        bytes[8..12].copy_from_slice(&2u32.to_le_bytes());
        let err = Model::from_bytes(&bytes, "new.model")
            .unwrap_err()
            .to_string();
        assert!(err.contains("file format version 2"), "{err}");
        let err = Model::from_bytes(b"GIF89a....................", "x.gif")
            .unwrap_err()
            .to_string();
        assert!(err.contains("wrong magic"), "{err}");
    }

    #[test]
    fn bio_constraints() {
        use label::*;
        assert!(!allowed(None, inside(0)));
        assert!(allowed(None, begin(0)));
        assert!(allowed(Some(begin(1)), inside(1)));
        assert!(!allowed(Some(begin(1)), inside(0)));
        assert!(!allowed(Some(O), inside(0)));
        assert!(allowed(Some(inside(0)), begin(0)));
    }
}
