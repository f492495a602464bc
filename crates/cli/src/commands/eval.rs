//! `byline eval entities`: runs the entities plugin, through the same dynamic path as `byline run`,
//! over the documents of a CoNLL file laid out exactly as `shared/eval/ner_conll.py docs` lays them
//! out (tokens joined by a space, sentences by a newline), and scores the records exactly as
//! `ner_conll.py score` does, so the two agree to the last decimal.

use crate::EXIT_OK;
use crate::args::EvalEntitiesArgs;
use anyhow::{Context, Result};
use byline_core::{Document, Origin, Pipeline, RunOptions, Summary};
use byline_ner::conll;
use byline_ner::score::Scores;
use serde_json::Value;
use std::collections::HashMap;

/// The CoNLL type a label counts as, as in the shared scorer; numeric and time labels are not scored.
fn conll_type(label: &str) -> Option<&'static str> {
    match label.to_uppercase().as_str() {
        "PER" | "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" => Some("LOC"),
        "NORP" | "EVENT" | "PRODUCT" | "WORK_OF_ART" | "LAW" | "LANGUAGE" | "MISC" => Some("MISC"),
        _ => None,
    }
}

/// A document's text and each token's (start, end) in characters.
fn layout(doc: &conll::Doc) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut chars = 0;
    for (s, sentence) in doc.iter().enumerate() {
        if s > 0 {
            text.push('\n');
            chars += 1;
        }
        for (t, token) in sentence.tokens.iter().enumerate() {
            if t > 0 {
                text.push(' ');
                chars += 1;
            }
            text.push_str(token);
            let len = token.chars().count();
            spans.push((chars, chars + len));
            chars += len;
        }
    }
    (text, spans)
}

/// Runs `pipeline` over `documents` with `jobs` threads (default: every core) through the same
/// runner as `byline run`, and keeps every record by id; `what` names the run in errors.
pub(crate) fn run_collecting(
    pipeline: &Pipeline,
    documents: Vec<Document>,
    jobs: Option<usize>,
    what: &str,
) -> Result<(HashMap<String, Value>, Summary)> {
    let options = RunOptions {
        jobs: jobs.unwrap_or(RunOptions::default().jobs).max(1),
        ..RunOptions::default()
    };
    let mut records: HashMap<String, Value> = HashMap::new();
    let summary = byline_core::run(
        pipeline,
        Box::new(documents.into_iter().map(Ok)),
        &options,
        &mut |r| {
            let record: Value = serde_json::from_str(&r.line).map_err(std::io::Error::other)?;
            let id = record["id"].as_str().unwrap_or_default().to_string();
            records.insert(id, record);
            Ok(())
        },
    )
    .with_context(|| format!("running {what}"))?;
    Ok((records, summary))
}

/// The run's speed, on standard error (standard output holds the scores).
pub(crate) fn print_speed(summary: &Summary) {
    eprintln!(
        "byline: {} documents in {:.2} s ({:.2} MB/s)",
        summary.documents,
        summary.elapsed.as_secs_f64(),
        summary.megabytes_per_second()
    );
}

/// Scores the plugin on a CoNLL file; prints the table; returns the exit code.
pub fn entities(args: EvalEntitiesArgs) -> Result<u8> {
    let docs = conll::read(&args.conll)?;
    let configs = crate::options::collect(None, &args.run.set)?;
    let catalog = super::catalog(&args.run.dirs);
    let pipeline = Pipeline::build(&catalog, &["entities".to_string()], &configs)?;
    let laid_out: Vec<(String, Vec<(usize, usize)>)> = docs.iter().map(layout).collect();
    let input = laid_out
        .iter()
        .enumerate()
        .map(|(i, (text, _))| Document {
            id: format!("doc-{i:04}"),
            text: text.clone(),
            meta: Default::default(),
            origin: Origin {
                input: args.conll.display().to_string(),
                line: None,
            },
        })
        .collect();
    let (records, summary) =
        run_collecting(&pipeline, input, args.run.jobs, "the entities plugin")?;

    let mut scores = Scores::default();
    for (i, (doc, (_, spans))) in docs.iter().zip(&laid_out).enumerate() {
        let mut gold = Vec::new();
        let mut offset = 0;
        for sentence in doc {
            for (start, end, kind) in conll::spans(&sentence.tags) {
                gold.push((offset + start, offset + end, kind));
            }
            offset += sentence.tokens.len();
        }
        let starts: HashMap<usize, usize> =
            spans.iter().enumerate().map(|(k, s)| (s.0, k)).collect();
        let ends: HashMap<usize, usize> = spans
            .iter()
            .enumerate()
            .map(|(k, s)| (s.1, k + 1))
            .collect();
        let entities = records
            .get(&format!("doc-{i:04}"))
            .and_then(|r| r["entities"].as_array().cloned())
            .unwrap_or_default();
        let predicted: Vec<(usize, usize, String)> = entities
            .iter()
            .filter_map(|e| {
                let kind = conll_type(e["label"].as_str().unwrap_or(""))?;
                let (s, t) = (e["start"].as_u64()? as usize, e["end"].as_u64()? as usize);
                Some(match (starts.get(&s), ends.get(&t)) {
                    (Some(&a), Some(&b)) => (a, b, kind.to_string()),
                    // Not on token boundaries: a false positive, kept apart from every gold span.
                    _ => (usize::MAX - s, usize::MAX - t, kind.to_string()),
                })
            })
            .collect();
        scores.add(&gold, &predicted);
    }
    print!("{}", scores.table());
    print_speed(&summary);
    Ok(EXIT_OK)
}
