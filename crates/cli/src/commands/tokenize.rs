//! `byline tokenize`: the host's own analysis of each document, for debugging and for tools that
//! prepare training data aligned with what plugins will see.

use crate::EXIT_OK;
use crate::args::TokenizeArgs;
use anyhow::Result;
use byline_core::input::{self, InputSpec, JsonLinesOptions};
use byline_core::offsets::OffsetMap;
use byline_core::{Analysis, Needs};
use serde_json::{Value, json};
use std::io::{BufWriter, Write};

/// Prints one JSON record per document: id, paragraphs, sentences and tokens (character offsets).
pub fn run(args: TokenizeArgs) -> Result<u8> {
    let specs = args
        .inputs
        .iter()
        .map(|p| InputSpec::from_arg(p))
        .collect::<Result<Vec<_>, _>>()?;
    let items = input::open_all(
        &specs,
        &JsonLinesOptions {
            text_field: args.text_field,
        },
    )?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut needs = Needs::default();
    needs.add("sentences");
    for item in items {
        let record = match item {
            Ok(doc) => {
                let analysis = Analysis::of(&doc.text, needs);
                let map = OffsetMap::new(&doc.text);
                let at = |b: u32| map.to_char(b as usize).unwrap_or(0);
                let spans = |pairs: Vec<(u32, u32)>| -> Value {
                    pairs
                        .into_iter()
                        .map(|(s, e)| json!([at(s), at(e)]))
                        .collect()
                };
                json!({
                    "id": doc.id,
                    "paragraphs": spans(analysis.paragraphs.iter().map(|p| (p.start, p.end)).collect()),
                    "sentences": spans(analysis.sentences.iter().map(|s| (s.start, s.end)).collect()),
                    "tokens": spans(analysis.tokens.iter().map(|t| (t.start, t.end)).collect()),
                })
            }
            Err(failure) => json!({"id": failure.id, "errors": [{"message": failure.message}]}),
        };
        writeln!(out, "{record}")?;
    }
    out.flush()?;
    Ok(EXIT_OK)
}
