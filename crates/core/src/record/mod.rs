//! The serialised form of a record: the one place that knows the JSON Lines output of
//! `shared/CONTRACT.md`.
//!
//! A record is `{"id", "meta", <one key per plugin, in run order>, "errors"}`. Plugins write their
//! layers with byte offsets; this module rewrites every integer `start` and `end` to Unicode scalar
//! offsets (the private `layer` module), and refuses (with an `errors` entry) a layer whose offsets are outside the
//! text or inside a character, rather than writing wrong offsets.

mod layer;

use crate::document::{Document, Origin};
use crate::input::InputFailure;
use crate::offsets::OffsetMap;
use serde_json::{Map, Value};

/// A problem with one document, written to its record's `errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocError {
    /// The document could not be read.
    Input {
        /// Where it came from.
        origin: Origin,
        /// What was wrong.
        message: String,
    },
    /// A plugin returned an error or panicked on this document.
    Plugin {
        /// The plugin.
        plugin: String,
        /// Its message.
        message: String,
        /// Whether it panicked.
        panicked: bool,
    },
    /// A plugin did not run because a layer it requires failed on this document.
    Skipped {
        /// The plugin that did not run.
        plugin: String,
        /// The layer that failed.
        layer: String,
    },
    /// byline itself failed on this document (a bug); the run went on.
    Internal {
        /// What happened.
        message: String,
    },
}

impl DocError {
    fn to_json(&self) -> Value {
        let mut entry = Map::new();
        match self {
            DocError::Input { origin, message } => {
                entry.insert("stage".into(), "input".into());
                entry.insert("input".into(), origin.input.clone().into());
                if let Some(line) = origin.line {
                    entry.insert("line".into(), line.into());
                }
                entry.insert("message".into(), message.clone().into());
            }
            DocError::Plugin {
                plugin,
                message,
                panicked,
            } => {
                entry.insert("plugin".into(), plugin.clone().into());
                entry.insert(
                    "stage".into(),
                    if *panicked { "panic" } else { "plugin" }.into(),
                );
                entry.insert("message".into(), message.clone().into());
            }
            DocError::Skipped { plugin, layer } => {
                entry.insert("plugin".into(), plugin.clone().into());
                entry.insert("stage".into(), "skipped".into());
                entry.insert(
                    "message".into(),
                    format!("not run: the layer '{layer}' it requires failed on this document")
                        .into(),
                );
            }
            DocError::Internal { message } => {
                entry.insert("stage".into(), "internal".into());
                entry.insert("message".into(), message.clone().into());
            }
        }
        Value::Object(entry)
    }
}

/// One plugin's raw output for a document: its name and its JSON (byte offsets), or `None` when it
/// failed or did not run.
pub type RawLayer<'a> = (&'a str, Option<&'a str>);

/// The record's own keys, which no layer may take.
pub const RECORD_KEYS: [&str; 3] = ["id", "meta", "errors"];

/// Renders the record of a processed document as one JSON line (without the newline). Layers that
/// are not JSON or have bad offsets become `null` with an entry in `errors`. Each layer is copied
/// into the line as it is read (`layer::write_converted`), never held as a tree of values.
pub fn render(doc: &Document, layers: &[RawLayer<'_>], errors: Vec<DocError>) -> String {
    write_record(&doc.id, &doc.meta, &doc.text, layers, errors)
}

/// Renders the record of a document that could not be read: every layer's key is `null`.
pub fn render_failure(failure: &InputFailure, layer_names: &[&str]) -> String {
    let layers: Vec<RawLayer<'_>> = layer_names.iter().map(|name| (*name, None)).collect();
    let error = DocError::Input {
        origin: failure.origin.clone(),
        message: failure.message.clone(),
    };
    write_record(&failure.id, &Map::new(), "", &layers, vec![error])
}

/// Writes the record `{"id", "meta", <layers>, "errors"}`; `text` is what the layers' offsets
/// count in.
fn write_record(
    id: &str,
    meta: &Map<String, Value>,
    text: &str,
    layers: &[RawLayer<'_>],
    mut errors: Vec<DocError>,
) -> String {
    let offsets = OffsetMap::new(text);
    let size: usize = layers
        .iter()
        .map(|(_, json)| json.map_or(4, str::len))
        .sum();
    let mut line = Vec::with_capacity(size + id.len() + 64);
    line.extend_from_slice(b"{\"id\":");
    write_json(&mut line, id);
    line.extend_from_slice(b",\"meta\":");
    write_json(&mut line, meta);
    for (name, raw) in layers {
        line.push(b',');
        write_json(&mut line, name);
        line.push(b':');
        let mark = line.len();
        let Some(json) = raw else {
            line.extend_from_slice(b"null");
            continue;
        };
        if let Err(problem) = layer::write_converted(json, &offsets, &mut line) {
            line.truncate(mark);
            line.extend_from_slice(b"null");
            errors.push(DocError::Plugin {
                plugin: name.to_string(),
                message: format!("output dropped: {problem}"),
                panicked: false,
            });
        }
    }
    line.extend_from_slice(b",\"errors\":");
    let errors: Vec<Value> = errors.iter().map(DocError::to_json).collect();
    write_json(&mut line, &errors);
    line.push(b'}');
    // Every piece written is JSON text, and JSON text is UTF-8.
    String::from_utf8(line).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Appends `value` as compact JSON (writing into a `Vec` cannot fail).
fn write_json(out: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) {
    let _ = serde_json::to_writer(out, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            id: "d1".into(),
            text: text.into(),
            meta: serde_json::from_str(r#"{"date":"2024-04-09"}"#).unwrap(),
            origin: Origin {
                input: "in.jsonl".into(),
                line: Some(1),
            },
        }
    }

    #[test]
    fn converts_byte_offsets_to_character_offsets() {
        // "Zoë" is 4 bytes, 3 characters.
        let d = doc("Zoë met Wang.");
        let layer = r#"[{"start":9,"end":13,"text":"Wang"}]"#;
        let line = render(&d, &[("entities", Some(layer))], Vec::new());
        assert_eq!(
            line,
            r#"{"id":"d1","meta":{"date":"2024-04-09"},"entities":[{"start":8,"end":12,"text":"Wang"}],"errors":[]}"#
        );
    }

    #[test]
    fn a_layer_with_an_offset_inside_a_character_is_dropped_with_an_error() {
        let d = doc("Zoë");
        let line = render(&d, &[("bad", Some(r#"{"start":0,"end":3}"#))], Vec::new());
        let value: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["bad"], Value::Null);
        assert!(
            value["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("end 3 is past the end of the text or inside a character")
        );
    }

    #[test]
    fn failed_layers_are_null_and_errors_are_listed() {
        let d = doc("text");
        let errors = vec![DocError::Plugin {
            plugin: "quotes".into(),
            message: "boom".into(),
            panicked: true,
        }];
        let line = render(&d, &[("entities", Some("[]")), ("quotes", None)], errors);
        assert_eq!(
            line,
            r#"{"id":"d1","meta":{"date":"2024-04-09"},"entities":[],"quotes":null,"errors":[{"plugin":"quotes","stage":"panic","message":"boom"}]}"#
        );
    }
}
