//! The attribution tagger's model file: a small header that names the format and this module's
//! feature version, around a byline-ner model (one stage, types CONTENT, CUE, SOURCE).
//!
//! ```text
//! magic            8 bytes  "BYLQTAGR"
//! feature version  u32      features::FEATURE_VERSION at training time
//! model            the rest: a byline-ner model file (its own version and checksum)
//! ```

use super::ROLES;
use super::features::FEATURE_VERSION;
use byline_ner::Model;
use byline_ner::model::Stage;

/// First bytes of an attribution tagger model.
pub const MAGIC: &[u8; 8] = b"BYLQTAGR";

/// Serialises a trained stage.
pub fn to_bytes(stage: &Stage) -> Vec<u8> {
    let model = Model {
        types: ROLES.iter().map(|r| r.to_string()).collect(),
        stages: vec![stage.clone()],
        lexicon_text: String::new(),
        clusters_text: String::new(),
    };
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.extend_from_slice(&model.to_bytes());
    out
}

/// Reads a model; the error says what is wrong with it, for a message naming the file.
pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Stage, String> {
    let header = MAGIC.len() + 4;
    if bytes.len() < header || &bytes[..MAGIC.len()] != MAGIC {
        return Err(format!(
            "{source_name}: not a byline attribution tagger model (wrong magic bytes)"
        ));
    }
    let mut version = [0u8; 4];
    version.copy_from_slice(&bytes[MAGIC.len()..header]);
    let version = u32::from_le_bytes(version);
    if version != FEATURE_VERSION {
        return Err(format!(
            "{source_name}: trained with attribution features version {version}, but this plugin computes version {FEATURE_VERSION}; retrain it (plugins/quotes/model/README.md)"
        ));
    }
    let model = Model::from_bytes(&bytes[header..], source_name).map_err(|e| e.to_string())?;
    let types: Vec<&str> = model.types.iter().map(String::as_str).collect();
    if types != ROLES || model.stages.len() != 1 {
        return Err(format!(
            "{source_name}: expected one stage over {ROLES:?}, found {} over {types:?}",
            model.stages.len()
        ));
    }
    model
        .stages
        .into_iter()
        .next()
        .ok_or_else(|| format!("{source_name}: no stage"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_the_round_trip_and_bad_files_are_refused() {
        let mut stage = Stage::zeroed(7, vec![3, 9]);
        stage.weights[5] = 1.5;
        let bytes = to_bytes(&stage);
        let back = from_bytes(&bytes, "m").expect("round trip");
        assert_eq!(back.keys, stage.keys);
        assert_eq!(back.weights, stage.weights);
        assert!(from_bytes(b"BYLNERMD....", "x.model").is_err_and(|e| e.contains("x.model")));
        let mut old = bytes.clone();
        old[8] = 99;
        assert!(from_bytes(&old, "m").is_err_and(|e| e.contains("version 99")));
        let truncated = &bytes[..bytes.len() - 3];
        assert!(from_bytes(truncated, "m").is_err());
    }
}
