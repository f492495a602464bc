//! Trains the quotes plugin's attribution tagger on PolNeAR (brat standoff), writing the model the
//! plugin embeds. See `plugins/quotes/model/README.md` for the full recipe.
//!
//! ```text
//! cargo run --release -p byline-plugin-quotes --example train_tagger -- \
//!     SPLIT_DIR ENTITY_RECORDS OUT.model [--epochs N] [--seed S] [--min-count C] [--hold-out N]
//!     [--fold R] [--refit 0|1] [--dump-crfsuite PREFIX | --import-crfsuite DUMP]
//! ```
//!
//! SPLIT_DIR holds `text/<article>.txt` and `attributions/<article>_<annotator>.ann` (the
//! alphabetically first annotation of an article is used, as the shared scorer does).
//! ENTITY_RECORDS are the records of `byline run --plugins entities` over the same articles (ids
//! are article names), so that the tagger sees the entity layer it will see in a run. Every N-th
//! article (`--hold-out`, default 10) is held out to choose the number of epochs; the model is
//! then refitted on every article for that many epochs. `--fold R` holds out the articles whose
//! index leaves remainder R instead (default N - 1, the last of every N): with `--refit 0` and R
//! from 0 to N - 1, N models whose held-out articles together are the whole split, each article
//! tagged by a model that never saw it.

use byline_core::{Analysis, Needs};
use byline_ner::brat::{self, Annotation};
use byline_ner::model::label;
use byline_ner::train::{Sequence, TrainOptions, fit_sequences, spans_of_labels};
use byline_plugin_api::abi::{Span, TOKEN_PUNCT, TOKEN_QUOTE};
use byline_plugin_api::serde_json::{self, Value};
use byline_plugin_quotes::doc::{Doc, MentionEntry, Word, mentions_of};
use byline_plugin_quotes::tagger::features::{self, WordFacts};
use byline_plugin_quotes::tagger::{LABELS, ROLES, model};
use byline_plugin_quotes::{marks, rule_quotes};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::error::Error;
use std::path::PathBuf;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

struct Args {
    split: PathBuf,
    records: PathBuf,
    out: PathBuf,
    epochs: usize,
    seed: u64,
    min_count: u32,
    hold_out: usize,
    fold: usize,
    refit: bool,
    dump: Option<PathBuf>,
    import: Option<PathBuf>,
}

fn parse_args() -> Result<Args> {
    let mut positional = Vec::new();
    let mut options: HashMap<String, String> = HashMap::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if let Some(name) = a.strip_prefix("--") {
            let value = args.next().ok_or(format!("--{name} needs a value"))?;
            options.insert(name.to_string(), value);
        } else {
            positional.push(a);
        }
    }
    let [split, records, out] = <[String; 3]>::try_from(positional).map_err(|_| {
        "usage: train_tagger SPLIT_DIR ENTITY_RECORDS OUT.model [--epochs N] [--seed S] [--min-count C] [--hold-out N] [--fold R] [--refit 0|1]"
    })?;
    let number = |name: &str, default: u64| -> Result<u64> {
        options.get(name).map_or(Ok(default), |v| {
            v.parse().map_err(|e| format!("--{name} {v}: {e}").into())
        })
    };
    let hold_out = number("hold-out", 10)?.max(2) as usize;
    let fold = number("fold", hold_out as u64 - 1)? as usize;
    if fold >= hold_out {
        return Err(format!("--fold {fold}: must be below --hold-out {hold_out}").into());
    }
    Ok(Args {
        split: split.into(),
        records: records.into(),
        out: out.into(),
        epochs: number("epochs", 12)? as usize,
        seed: number("seed", 1)?,
        min_count: number("min-count", 2)? as u32,
        hold_out,
        fold,
        refit: number("refit", 1)? != 0,
        dump: options.get("dump-crfsuite").map(PathBuf::from),
        import: options.get("import-crfsuite").map(PathBuf::from),
    })
}

/// Role spans of an annotation, in characters: (role index, start, end), in the order the file
/// lists the spans (where two overlap, the later one's role wins: deterministic). A span's role
/// is the one the last event naming it gives.
fn role_spans(annotation: &Annotation) -> Vec<(usize, usize, usize)> {
    let mut roles: HashMap<&str, usize> = HashMap::new();
    for (role, id) in annotation.events.iter().flatten() {
        let r = match role.as_str() {
            "Content" | "Content2" => 0,
            "Cue" => 1,
            "Source" => 2,
            _ => continue,
        };
        roles.insert(id, r);
    }
    annotation
        .spans
        .iter()
        .filter_map(|(id, frags)| roles.get(id.as_str()).map(|&r| (r, frags)))
        .flat_map(|(r, frags)| frags.iter().map(move |&(a, b)| (r, a, b)))
        .collect()
}

/// One article ready for training: its features per paragraph and gold labels.
fn article_sequences(
    text: &str,
    ann: &[(usize, usize, usize)],
    record: &Value,
) -> Result<Vec<Sequence>> {
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: u64| byte_of.get(c as usize).copied().unwrap_or(text.len());
    let mut needs = Needs::default();
    needs.add("sentences");
    let analysis = Analysis::of(text, needs);
    let mut words = Vec::new();
    let mut sentences = Vec::new();
    for s in &analysis.sentences {
        let first = words.len();
        for t in &analysis.tokens[s.first_token as usize..s.end_token as usize] {
            let (start, end) = (t.start as usize, t.end as usize);
            words.push(Word {
                start,
                end,
                text: &text[start..end],
                punct: t.kind == TOKEN_PUNCT || t.kind == TOKEN_QUOTE,
            });
        }
        sentences.push((first, words.len()));
    }
    // Records count characters; the plugin's view counts bytes.
    let entries: Option<Vec<MentionEntry>> = match record.get("entities") {
        Some(layer) => Option::deserialize(layer)?,
        None => None,
    };
    let mentions = mentions_of(entries.unwrap_or_default(), |c| Some(at(c)));
    let paragraphs: Vec<Span> = analysis.paragraphs.clone();
    let doc = Doc::from_parts(text, words, sentences, paragraphs, mentions);
    let quoted = marks::find(text, &doc.paragraphs, true);
    let rules = rule_quotes(&doc, &quoted, true);
    let facts = WordFacts::new(&doc, &quoted, &rules);
    // Each byte's role and the span it belongs to (PolNeAR gives a word at most one role).
    let mut role_of: Vec<Option<(usize, usize)>> = vec![None; text.len() + 1];
    for &(r, a, b) in ann {
        for slot in &mut role_of[at(a as u64)..at(b as u64)] {
            *slot = Some((r, a));
        }
    }
    Ok(features::paragraphs(&doc)
        .into_iter()
        .map(|(first, end)| {
            let mut previous = None;
            let gold = doc.words[first..end]
                .iter()
                .map(|w| {
                    let hit = role_of[w.start..w.end].iter().flatten().next().copied();
                    let y = match hit {
                        None => label::O,
                        Some((r, _)) if previous == hit => label::inside(r),
                        Some((r, _)) => label::begin(r),
                    };
                    previous = hit;
                    y
                })
                .collect();
            Sequence {
                features: features::sequence(&doc, &facts, first, end),
                gold,
            }
        })
        .collect())
}

fn main() -> Result<()> {
    let args = parse_args()?;
    if let Some(dump) = &args.import {
        // Only the dump is needed: the articles are not read.
        let stage = crfsuite::import(dump, LABELS)?;
        return write_model(&stage, &args.out, &format!(" from {}", dump.display()));
    }
    let mut records: BTreeMap<String, Value> = BTreeMap::new();
    let text = std::fs::read_to_string(&args.records)
        .map_err(|e| format!("{}: {e}", args.records.display()))?;
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let record: Value = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: {e}", args.records.display(), n + 1))?;
        let id = record
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}:{}: no id", args.records.display(), n + 1))?
            .to_string();
        records.insert(id, record);
    }
    let anns = brat::split_annotations(&args.split)?;
    let mut train = Vec::new();
    let mut held = Vec::new();
    for (k, (article, ann_path)) in anns.iter().enumerate() {
        let record = records.get(article).ok_or_else(|| {
            format!(
                "{}: no record for article {article}",
                args.records.display()
            )
        })?;
        let text_path = brat::text_path(&args.split, article);
        let text = std::fs::read_to_string(&text_path)
            .map_err(|e| format!("{}: {e}", text_path.display()))?;
        let sequences =
            article_sequences(&text, &role_spans(&Annotation::read(ann_path)?), record)?;
        if k % args.hold_out == args.fold {
            held.extend(sequences);
        } else {
            train.extend(sequences);
        }
    }
    eprintln!(
        "{} articles: {} training and {} held-out paragraphs",
        anns.len(),
        train.len(),
        held.len()
    );
    let n_labels = LABELS;
    if let Some(prefix) = &args.dump {
        let mut all = train;
        if args.refit {
            all.extend(held);
            crfsuite::write(&all, &prefix.with_extension("all"))?;
        } else {
            crfsuite::write(&all, &prefix.with_extension("train"))?;
            crfsuite::write(&held, &prefix.with_extension("held"))?;
        }
        return Ok(());
    }
    let options = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        min_count: args.min_count,
        stacked: false,
        folds: 1,
    };
    // Held-out F1 of exact role spans, all roles together.
    let mut evaluate = |stage: &byline_ner::model::Stage| {
        let (mut right, mut predicted, mut gold) = (0usize, 0usize, 0usize);
        let n = stage.n_labels;
        let decoder = byline_ner::decode::Decoder::new(stage);
        for s in &held {
            let mut emissions = vec![0.0; s.features.len() * n];
            for (i, token) in s.features.iter().enumerate() {
                stage.emissions(token, &mut emissions[i * n..(i + 1) * n]);
            }
            let p = spans_of_labels(&decoder.viterbi(&emissions));
            let g = spans_of_labels(&s.gold);
            right += p.iter().filter(|x| g.contains(x)).count();
            predicted += p.len();
            gold += g.len();
        }
        let f1 = 200.0 * right as f64 / (predicted + gold).max(1) as f64;
        Some(f1)
    };
    let (_, best) = fit_sequences(&train, n_labels, &options, &mut evaluate, &mut |r| {
        eprintln!(
            "epoch {}: {} mistakes, held-out span F1 {:.2}",
            r.epoch,
            r.mistakes,
            r.dev_f1.unwrap_or(0.0)
        )
    });
    if args.refit {
        eprintln!("best epoch {best}; refitting on every article");
        train.extend(held);
    } else {
        eprintln!("best epoch {best}; refitting without the held-out articles (--refit 0)");
    }
    let final_options = TrainOptions {
        epochs: best.max(1),
        ..options
    };
    let (stage, _) = fit_sequences(&train, n_labels, &final_options, &mut |_| None, &mut |_| {});
    write_model(&stage, &args.out, "")
}

/// Writes a trained stage as the plugin's model file and says what was written.
fn write_model(stage: &byline_ner::model::Stage, out: &std::path::Path, note: &str) -> Result<()> {
    let bytes = model::to_bytes(stage);
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} features, {} bytes){note}",
        out.display(),
        stage.keys.len(),
        bytes.len()
    );
    Ok(())
}

/// Training through CRFsuite: sequences written in its data format (features as hex hashes), and
/// the text dump of its trained model read back into a tagging stage.
mod crfsuite {
    use super::{ROLES, Result};
    use byline_ner::model::{Stage, label};
    use byline_ner::train::Sequence;
    use std::collections::HashMap;
    use std::io::{BufWriter, Write};
    use std::path::Path;

    fn label_name(y: usize) -> String {
        if y == label::O {
            "O".into()
        } else {
            let prefix = if label::is_inside(y) { "I" } else { "B" };
            format!("{prefix}-{}", ROLES[label::type_of(y)])
        }
    }

    fn label_id(name: &str) -> Option<usize> {
        if name == "O" {
            return Some(label::O);
        }
        let (prefix, role) = name.split_once('-')?;
        let t = ROLES.iter().position(|r| *r == role)?;
        match prefix {
            "B" => Some(label::begin(t)),
            "I" => Some(label::inside(t)),
            _ => None,
        }
    }

    /// Writes sequences as CRFsuite data: `LABEL<TAB>feature...` per token, a blank line after
    /// each sequence.
    pub fn write(sequences: &[Sequence], path: &Path) -> Result<()> {
        let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut out = BufWriter::new(file);
        for s in sequences {
            for (features, &y) in s.features.iter().zip(&s.gold) {
                write!(out, "{}", label_name(y))?;
                for h in features {
                    write!(out, "\t{h:x}")?;
                }
                writeln!(out)?;
            }
            writeln!(out)?;
        }
        out.flush()?;
        eprintln!("wrote {} ({} sequences)", path.display(), sequences.len());
        Ok(())
    }

    /// Reads `crfsuite dump` output (LABELS, TRANSITIONS, STATE_FEATURES sections).
    pub fn import(path: &Path, n: usize) -> Result<Stage> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut rows: HashMap<u64, Vec<f32>> = HashMap::new();
        let mut transitions = vec![0.0f32; (n + 1) * n];
        let mut section = "";
        for (k, line) in text.lines().enumerate() {
            let bad = || format!("{}:{}: unexpected line {line:?}", path.display(), k + 1);
            let trimmed = line.trim();
            if let Some(name) = trimmed.strip_suffix(" = {") {
                section = if name == "TRANSITIONS" || name == "STATE_FEATURES" {
                    if name == "TRANSITIONS" { "t" } else { "s" }
                } else {
                    ""
                };
                continue;
            }
            if trimmed == "}" || section.is_empty() || trimmed.is_empty() {
                continue;
            }
            // "(1) B-CUE --> I-CUE: 3.2" or "(0) 1a2b --> O: -0.7"
            let rest = trimmed.split_once(") ").ok_or_else(bad)?.1;
            let (from, rest) = rest.split_once(" --> ").ok_or_else(bad)?;
            let (to, weight) = rest.rsplit_once(": ").ok_or_else(bad)?;
            let weight: f32 = weight.parse().map_err(|_| bad())?;
            let to = label_id(to).ok_or_else(bad)?;
            if section == "t" {
                let from = label_id(from).ok_or_else(bad)?;
                transitions[from * n + to] = weight;
            } else {
                let key = u64::from_str_radix(from, 16).map_err(|_| bad())?;
                rows.entry(key).or_insert_with(|| vec![0.0; n])[to] = weight;
            }
        }
        let mut keys: Vec<u64> = rows.keys().copied().collect();
        keys.sort_unstable();
        let mut stage = Stage::zeroed(n, keys);
        for (row, key) in stage.keys.iter().enumerate() {
            stage.weights[row * n..(row + 1) * n].copy_from_slice(&rows[key]);
        }
        stage.transitions = transitions;
        stage.prune();
        Ok(stage)
    }
}
