//! `byline train entities`.

use crate::EXIT_OK;
use crate::args::TrainEntitiesArgs;
use anyhow::{Context, Result};
use byline_ner::features::{Clusters, FeatureExtractor};
use byline_ner::lexicon::Lexicon;
use byline_ner::train::{TrainOptions, train};
use std::time::Instant;

/// Trains and writes a model; returns the exit code.
pub fn entities(args: TrainEntitiesArgs) -> Result<u8> {
    let started = Instant::now();
    let train_docs = byline_ner::conll::read(&args.train)?;
    let dev_docs = match &args.dev {
        Some(path) => byline_ner::conll::read(path)?,
        None => Vec::new(),
    };
    let mut lexicon_text = byline_ner::default_lexicon_text();
    for path in &args.lexicon {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read lexicon '{}'", path.display()))?;
        lexicon_text.push_str(&text);
        if !lexicon_text.ends_with('\n') {
            lexicon_text.push('\n');
        }
    }
    let clusters_text = match &args.clusters {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read clusters '{}'", path.display()))?,
        None => String::new(),
    };
    let mut lexicon = Lexicon::default();
    lexicon
        .parse(&lexicon_text)
        .map_err(|e| anyhow::anyhow!("lexicon: {e}"))?;
    let extractor = FeatureExtractor {
        lexicon,
        clusters: Clusters::parse(&clusters_text),
    };
    eprintln!(
        "training on {} documents ({} sentences), {} dev documents, seed {}",
        train_docs.len(),
        train_docs.iter().map(Vec::len).sum::<usize>(),
        dev_docs.len(),
        args.seed
    );
    let options = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        min_count: args.min_count,
        stacked: !args.no_stacking,
        folds: args.folds,
    };
    let model = train(
        &extractor,
        &lexicon_text,
        &clusters_text,
        &train_docs,
        &dev_docs,
        &options,
        &mut |r| {
            let dev = r.dev_f1.map_or("-".to_string(), |f| format!("{f:.2}"));
            eprintln!(
                "stage {} epoch {:>2}: {:>5} sentences corrected, dev F1 {dev} ({:.0} s)",
                r.stage,
                r.epoch,
                r.mistakes,
                started.elapsed().as_secs_f64()
            )
        },
    )?;
    let bytes = model.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write model '{}'", args.output.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB, {} features, types {})",
        args.output.display(),
        bytes.len() as f64 / 1e6,
        model.n_features(),
        model.types.join(", ")
    );
    Ok(EXIT_OK)
}
