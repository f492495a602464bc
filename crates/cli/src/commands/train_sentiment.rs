//! `byline train sentiment`: fits the sentiment model on rated texts, optionally leaving one
//! cross-validation fold out (and writing it, so it can be scored with a model that never saw it).

use crate::EXIT_OK;
use crate::args::TrainSentimentArgs;
use anyhow::{Context, Result, bail};
use byline_sentiment::features::extract;
use byline_sentiment::train::{Example, TrainOptions, fit};
use byline_sentiment::{Vader, hash};
use serde_json::json;
use std::io::Write;

/// The fold of a text: a hash of its file's name and its id, so folds do not depend on order.
fn fold_of(file: &str, id: &str, folds: u64) -> u64 {
    let h = hash::feed(
        hash::feed(hash::fnv1a(file.as_bytes()), &[0]),
        id.as_bytes(),
    );
    h % folds
}

/// Trains and writes the model; returns the exit code.
pub fn run(args: TrainSentimentArgs) -> Result<u8> {
    if args.folds == 1 || args.folds > 0 && args.fold >= args.folds {
        bail!("--fold must be below --folds, and --folds at least 2");
    }
    let vader = Vader::news();
    let mut examples = Vec::new();
    let mut left_out = 0;
    for path in &args.truth {
        let raw =
            std::fs::read(path).with_context(|| format!("cannot read '{}'", path.display()))?;
        let text = String::from_utf8_lossy(&raw);
        let text = text.trim_start_matches('\u{feff}');
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut held_out = match &args.held_out {
            Some(dir) if args.folds > 0 => {
                std::fs::create_dir_all(dir)?;
                let out = dir.join(format!("{stem}.jsonl"));
                Some(std::io::BufWriter::new(
                    std::fs::File::create(&out)
                        .with_context(|| format!("cannot write '{}'", out.display()))?,
                ))
            }
            _ => None,
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let mut parts = line.splitn(3, '\t');
            let (Some(id), Some(mean), Some(body)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let mean: f32 = mean.trim().parse().with_context(|| {
                format!(
                    "{}:{}: the rating {mean:?} is not a number",
                    path.display(),
                    n + 1
                )
            })?;
            if args.folds > 0 && fold_of(&stem, id, args.folds) == args.fold {
                left_out += 1;
                if let Some(out) = held_out.as_mut() {
                    writeln!(out, "{}", json!({"id": id, "text": body}))?;
                }
                continue;
            }
            let tokens = byline_core::text::tokenize(body);
            let words: Vec<&str> = tokens
                .iter()
                .map(|t| &body[t.start as usize..t.end as usize])
                .collect();
            examples.push(Example {
                features: extract(&vader, body, &words),
                target: (mean / 4.0).clamp(-1.0, 1.0),
            });
        }
        if let Some(mut out) = held_out {
            out.flush()?;
        }
    }
    let options = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        l2: args.l2,
        learning_rate: args.learning_rate,
    };
    let model = fit(&examples, &options);
    std::fs::write(&args.output, model.to_bytes())
        .with_context(|| format!("cannot write '{}'", args.output.display()))?;
    eprintln!(
        "trained on {} texts ({} left out), wrote {}",
        examples.len(),
        left_out,
        args.output.display()
    );
    Ok(EXIT_OK)
}
