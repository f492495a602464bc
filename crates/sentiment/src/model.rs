//! The learned model: a linear function of [`crate::features`], and its file format.
//!
//! ```text
//! magic "BYLSENTM", u32 format version, u32 hash bits, u32 dense features, f32 bias,
//! DIM f32 weights, u64 FNV-1a checksum of everything before it (all little-endian)
//! ```

use crate::features::{DENSE, DIM, HASH_BITS};
use crate::hash::fnv1a;

/// First bytes of a model file.
pub const MAGIC: &[u8; 8] = b"BYLSENTM";
/// The format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Errors reading a model.
#[derive(Debug, thiserror::Error)]
#[error("sentiment model {source_name}: {message}")]
pub struct ModelError {
    /// The file, or "(built in)".
    pub source_name: String,
    /// What is wrong.
    pub message: String,
}

/// A linear model over the features.
#[derive(Clone, Debug)]
pub struct Model {
    /// The intercept.
    pub bias: f32,
    /// One weight per feature.
    pub weights: Vec<f32>,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            bias: 0.0,
            weights: vec![0.0; DIM],
        }
    }
}

impl Model {
    /// The raw linear score of a feature vector.
    pub fn raw(&self, features: &[(usize, f32)]) -> f32 {
        self.bias
            + features
                .iter()
                .map(|&(i, v)| self.weights.get(i).copied().unwrap_or(0.0) * v)
                .sum::<f32>()
    }

    /// The score in [-1, 1].
    pub fn score(&self, features: &[(usize, f32)]) -> f64 {
        f64::from(self.raw(features)).clamp(-1.0, 1.0)
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + 4 * DIM);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&HASH_BITS.to_le_bytes());
        out.extend_from_slice(&(DENSE as u32).to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let checksum = fnv1a(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Reads a model, refusing other formats, other feature layouts and damaged files by name.
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Model, ModelError> {
        let fail = |message: &str| ModelError {
            source_name: source_name.to_string(),
            message: message.to_string(),
        };
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(fail("not a byline sentiment model (wrong magic bytes)"));
        }
        let expected = 8 + 4 * 4 + 4 * DIM + 8;
        if bytes.len() != expected {
            return Err(fail(&format!(
                "truncated or of another layout: {} bytes, expected {expected}",
                bytes.len()
            )));
        }
        let word = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        if word(8) != FORMAT_VERSION {
            return Err(fail(&format!(
                "format version {}, this byline reads {FORMAT_VERSION}",
                word(8)
            )));
        }
        if word(12) != HASH_BITS || word(16) as usize != DENSE {
            return Err(fail("trained with another feature layout; retrain it"));
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut stored = [0u8; 8];
        stored.copy_from_slice(tail);
        if fnv1a(body) != u64::from_le_bytes(stored) {
            return Err(fail("checksum mismatch: the file is damaged"));
        }
        let float = |at: usize| f32::from_bits(word(at));
        Ok(Model {
            bias: float(20),
            weights: (0..DIM).map(|k| float(24 + 4 * k)).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_damage() {
        let mut model = Model {
            bias: 0.25,
            ..Model::default()
        };
        model.weights[3] = -1.5;
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes, "m").unwrap();
        assert_eq!(back.bias, 0.25);
        assert_eq!(back.weights[3], -1.5);
        let err = Model::from_bytes(&bytes[..bytes.len() / 2], "half.model")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("half.model") && err.contains("truncated"),
            "{err}"
        );
        let mut flipped = bytes.clone();
        flipped[100] ^= 1;
        assert!(
            Model::from_bytes(&flipped, "x")
                .unwrap_err()
                .to_string()
                .contains("checksum")
        );
    }
}
