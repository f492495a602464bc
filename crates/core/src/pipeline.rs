//! A pipeline: the selected plugins, instantiated and ordered, and how one document goes through
//! them.

use crate::document::{Analysis, Document, Needs};
use crate::error::{Error, Result};
use crate::input::InputItem;
use crate::plugin::order::{self, Node};
use crate::plugin::{Catalog, Manifest, PluginInstance};
use crate::record::{self, DocError};
use byline_plugin_api::abi::{DocView, Layer, StrRef};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// One plugin in run order, with the earlier stages whose layers it reads.
struct Stage {
    instance: PluginInstance,
    /// The layers it writes: its own name first, then any others it declares.
    provides: Vec<String>,
    /// (stage index, required?) for each earlier stage it reads.
    inputs: Vec<(usize, bool)>,
}

/// The selected plugins, instantiated and ordered. Shared by every worker thread.
pub struct Pipeline {
    stages: Vec<Stage>,
    needs: Needs,
}

/// The outcome of one document: its record line and what the summary counts.
#[derive(Clone, Debug)]
pub struct Processed {
    /// The record, one JSON line without the newline.
    pub line: String,
    /// Whether the record carries errors.
    pub failed: bool,
    /// Bytes of input the document covered.
    pub bytes: usize,
}

impl Pipeline {
    /// Instantiates the plugins named in `selected` (in any order) from `catalog`, with their
    /// configuration objects from `configs` (keyed by plugin name), and orders them. Every problem —
    /// an unknown plugin, a missing requirement, a rejected option — is reported here, before any
    /// document runs.
    pub fn build(
        catalog: &Catalog,
        selected: &[String],
        configs: &Map<String, Value>,
    ) -> Result<Pipeline> {
        if selected.is_empty() {
            return Err(Error::NothingSelected);
        }
        for (i, name) in selected.iter().enumerate() {
            if selected[..i].contains(name) {
                return Err(Error::DuplicateSelection(name.clone()));
            }
        }
        if let Some(unselected) = configs.keys().find(|k| !selected.contains(k)) {
            return Err(Error::ConfigForUnselected {
                plugin: unselected.clone(),
                selected: selected.to_vec(),
            });
        }
        let libraries = selected
            .iter()
            .map(|name| catalog.get(name))
            .collect::<Result<Vec<_>>>()?;
        check_layer_names(libraries.iter().map(|lib| &lib.manifest))?;
        let nodes: Vec<Node<'_>> = libraries
            .iter()
            .map(|lib| Node {
                name: &lib.manifest.name,
                provides: &lib.manifest.provides,
                requires: &lib.manifest.requires,
                uses: &lib.manifest.uses,
            })
            .collect();
        let available: Vec<(String, Vec<String>)> = catalog
            .plugins
            .iter()
            .map(|p| (p.manifest.name.clone(), p.manifest.provides.clone()))
            .collect();
        let plan = order::plan(&nodes, &available)?;
        let mut stages = Vec::with_capacity(plan.order.len());
        for (position, &index) in plan.order.iter().enumerate() {
            let library = libraries[index];
            let config = configs
                .get(&library.manifest.name)
                .cloned()
                .unwrap_or(Value::Object(Map::new()));
            stages.push(Stage {
                instance: library.instantiate(&config)?,
                provides: library.manifest.provides.clone(),
                inputs: plan.inputs[position].clone(),
            });
        }
        Ok(Pipeline {
            stages,
            needs: plan.needs,
        })
    }

    /// The record's layer keys, in order: each plugin's layers in run order.
    pub fn layer_names(&self) -> Vec<&str> {
        self.stages
            .iter()
            .flat_map(|s| s.provides.iter().map(String::as_str))
            .collect()
    }

    /// The built-in layers this pipeline computes for each document.
    pub fn needs(&self) -> Needs {
        self.needs
    }

    /// Processes one input item into its record. Never panics: a bug in byline itself becomes an
    /// `internal` error in the record, so the document is not lost.
    pub fn process(&self, item: InputItem) -> Processed {
        match item {
            Ok(doc) => {
                let bytes = doc.text.len();
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    self.process_document(&doc)
                }));
                match outcome {
                    Ok(processed) => processed,
                    Err(_) => {
                        let error = DocError::Internal {
                            message: "byline failed on this document (a bug: please report it)"
                                .to_string(),
                        };
                        let layers: Vec<_> =
                            self.layer_names().into_iter().map(|n| (n, None)).collect();
                        Processed {
                            line: record::render(&doc, &layers, vec![error]),
                            failed: true,
                            bytes,
                        }
                    }
                }
            }
            Err(failure) => Processed {
                line: record::render_failure(&failure, &self.layer_names()),
                failed: true,
                bytes: failure.bytes,
            },
        }
    }

    fn process_document(&self, doc: &Document) -> Processed {
        let mut errors = Vec::new();
        // Per stage: its layers' JSON (byte offsets), or `None` when it failed or did not run.
        let mut outputs: Vec<Option<Vec<String>>> = Vec::with_capacity(self.stages.len());
        let too_long = doc.text.len() > u32::MAX as usize;
        let analysis = if too_long {
            Analysis::default()
        } else {
            Analysis::of(&doc.text, self.needs)
        };
        let meta_json = Value::Object(doc.meta.clone()).to_string();
        for stage in &self.stages {
            let name = stage.instance.name();
            let plugin_error = |message: String| DocError::Plugin {
                plugin: name.to_string(),
                message,
                panicked: false,
            };
            if too_long {
                errors.push(plugin_error(
                    "the document is larger than 4 GiB, the most a plugin can address".into(),
                ));
                outputs.push(None);
                continue;
            }
            if let Some(&(failed, _)) = stage
                .inputs
                .iter()
                .find(|&&(input, required)| required && outputs[input].is_none())
            {
                errors.push(DocError::Skipped {
                    plugin: name.to_string(),
                    layer: self.stages[failed].instance.name().to_string(),
                });
                outputs.push(None);
                continue;
            }
            let layers: Vec<Layer> = stage
                .inputs
                .iter()
                .filter_map(|&(input, _)| outputs[input].as_ref().map(|jsons| (input, jsons)))
                .flat_map(|(input, jsons)| {
                    self.stages[input]
                        .provides
                        .iter()
                        .zip(jsons)
                        .map(|(layer, json)| Layer {
                            name: StrRef::new(layer),
                            json: StrRef::new(json),
                        })
                })
                .collect();
            let view = DocView {
                size: std::mem::size_of::<DocView>(),
                id: StrRef::new(&doc.id),
                text: StrRef::new(&doc.text),
                date: StrRef::new(doc.date().unwrap_or("")),
                meta_json: StrRef::new(&meta_json),
                tokens: analysis.tokens.as_ptr(),
                n_tokens: analysis.tokens.len(),
                sentences: analysis.sentences.as_ptr(),
                n_sentences: analysis.sentences.len(),
                paragraphs: analysis.paragraphs.as_ptr(),
                n_paragraphs: analysis.paragraphs.len(),
                layers: layers.as_ptr(),
                n_layers: layers.len(),
            };
            let output = match stage.instance.process(&view) {
                Ok(bytes) => String::from_utf8(bytes)
                    .map_err(|_| "output dropped: the plugin wrote bytes that are not UTF-8".into())
                    .and_then(|json| split_layers(json, &stage.provides))
                    .map_err(plugin_error),
                Err(failure) => Err(DocError::Plugin {
                    plugin: name.to_string(),
                    message: failure.message,
                    panicked: failure.panicked,
                }),
            };
            match output {
                Ok(jsons) => outputs.push(Some(jsons)),
                Err(error) => {
                    errors.push(error);
                    outputs.push(None);
                }
            }
        }
        let layers: Vec<record::RawLayer<'_>> = self
            .stages
            .iter()
            .zip(&outputs)
            .flat_map(|(stage, output)| {
                stage.provides.iter().enumerate().map(move |(k, layer)| {
                    (
                        layer.as_str(),
                        output
                            .as_ref()
                            .and_then(|jsons| jsons.get(k))
                            .map(String::as_str),
                    )
                })
            })
            .collect();
        let line = record::render(doc, &layers, errors);
        // `render` may add errors of its own (bad offsets); the record is the source of truth.
        let failed = !line.ends_with("\"errors\":[]}");
        Processed {
            line,
            failed,
            bytes: doc.text.len(),
        }
    }
}

/// Refuses a selection in which two plugins provide the same layer, or a layer takes the name of one
/// of the record's own keys: each layer is one key of the record.
fn check_layer_names<'m>(manifests: impl Iterator<Item = &'m Manifest>) -> Result<()> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for manifest in manifests {
        let plugin = manifest.name.as_str();
        for layer in &manifest.provides {
            let conflict = |other: Option<&str>| Error::LayerConflict {
                layer: layer.clone(),
                plugin: plugin.to_string(),
                other: other.map(str::to_string),
            };
            if record::RECORD_KEYS.contains(&layer.as_str()) {
                return Err(conflict(None));
            }
            if let Some(&(_, other)) = seen.iter().find(|(name, _)| name == layer) {
                return Err(conflict(Some(other)));
            }
            seen.push((layer, plugin));
        }
    }
    Ok(())
}

/// A plugin that provides one layer returns it as is; one that provides several returns a JSON object
/// with a member per layer, split here (a missing member is `null`).
fn split_layers(json: String, provides: &[String]) -> Result<Vec<String>, String> {
    if provides.len() <= 1 {
        return Ok(vec![json]);
    }
    // Each member is cut out of the text as it stands, not parsed into a tree and written again:
    // the record writer reads it once more anyway.
    let members: HashMap<String, &RawValue> = serde_json::from_str(&json).map_err(|_| {
        format!(
            "output dropped: a plugin that provides {} layers must return an object with those members",
            provides.join(", ")
        )
    })?;
    Ok(provides
        .iter()
        .map(|layer| {
            members
                .get(layer)
                .map_or("null", |raw| raw.get())
                .to_string()
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(name: &str, provides: &[&str]) -> Manifest {
        Manifest {
            name: name.to_string(),
            version: "0.1.0".to_string(),
            description: String::new(),
            abi: (1, 0),
            provides: provides.iter().map(|p| p.to_string()).collect(),
            requires: Vec::new(),
            uses: Vec::new(),
            options: Value::Array(Vec::new()),
        }
    }

    #[test]
    fn a_layer_has_one_provider_and_never_a_record_key_name() {
        let quotes = manifest("quotes", &["quotes", "quote_speakers"]);
        let entities = manifest("entities", &["entities"]);
        assert!(check_layer_names([&quotes, &entities].into_iter()).is_ok());

        let rival = manifest("speakers", &["speakers", "quote_speakers"]);
        let err = check_layer_names([&quotes, &rival].into_iter()).expect_err("a conflict");
        assert_eq!(
            err.to_string(),
            "layer 'quote_speakers' of plugin 'speakers' is also provided by plugin 'quotes': \
             deselect one of them, or rename the layer"
        );

        let meta = manifest("meta", &["meta"]);
        let err = check_layer_names([&meta].into_iter()).expect_err("a record key");
        assert!(
            err.to_string().contains("has the name of a record key"),
            "{err}"
        );
    }
}
