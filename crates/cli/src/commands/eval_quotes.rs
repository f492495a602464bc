//! `byline eval quotes`: runs the quotes pipeline (through the same dynamic path as `byline run`)
//! over a PolNeAR-style split — `text/<article>.txt` and brat `attributions/<article>_<annotator>.ann`
//! — and scores the records exactly as `shared/eval/quotes_polnear.py score` does: content as
//! character sets (trimmed of spaces, quotation marks, final `, . : ;` and a leading "that "),
//! predicted quotes sharing a cue merged, one-to-one pairing by Jaccard ≥ 0.5 best first, speaker
//! right when its span overlaps the gold source or its name holds the source's last word.

use crate::EXIT_OK;
use crate::args::EvalQuotesArgs;
use anyhow::{Context, Result, bail};
use byline_core::{Document, Origin, Pipeline};
use byline_ner::brat::{self, Annotation, Fragments};
use byline_ner::score::Counts;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Characters trimmed from both ends of a content.
const TRIM: &[char] = &[
    '"', '“', '”', '‘', '’', '\'', '«', '»', '„', ' ', '\t', '\n', ',', '.', ':', ';',
];

/// One gold attribution.
struct Gold {
    set: HashSet<usize>,
    source: Option<Fragments>,
    cue: Option<Fragments>,
    direct: bool,
}

/// Python's `str.isspace`, which `\s` follows: Unicode white space and the separators 0x1C–0x1F.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Positions inside quotation marks; a paragraph break (`\n\s*\n`) closes any open quote.
fn quoted_positions(chars: &[char]) -> HashSet<usize> {
    // Where the scorer's `re.split(r"(\n\s*\n)")` cuts: the state resets at each piece's start.
    let mut resets = HashSet::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\n' {
            let mut k = i + 1;
            let mut last_newline = None;
            while k < chars.len() && is_space(chars[k]) {
                if chars[k] == '\n' {
                    last_newline = Some(k);
                }
                k += 1;
            }
            if let Some(l) = last_newline {
                resets.insert(i);
                resets.insert(l + 1);
                i = l + 1;
                continue;
            }
        }
        i += 1;
    }
    let mut inside = HashSet::new();
    let mut state = false;
    for (k, &c) in chars.iter().enumerate() {
        if resets.contains(&k) {
            state = false;
        }
        if c == '“' || (c == '"' && !state) {
            state = true;
        } else if c == '”' || (c == '"' && state) {
            state = false;
        } else if state {
            inside.insert(k);
        }
    }
    inside
}

/// The scorer's normalised character set of a content.
fn content_set(chars: &[char], fragments: &[(usize, usize)]) -> HashSet<usize> {
    let mut set = HashSet::new();
    for &(a, b) in fragments {
        let (mut a, mut b) = (a.min(chars.len()), b.min(chars.len()));
        while a < b && TRIM.contains(&chars[a]) {
            a += 1;
        }
        while b > a && TRIM.contains(&chars[b - 1]) {
            b -= 1;
        }
        let next: String = chars[a..(a + 5).min(chars.len())].iter().collect();
        if next.to_lowercase() == "that " {
            a += 5;
        }
        set.extend(a..b);
    }
    set
}

fn charset(fragments: &[(usize, usize)]) -> HashSet<usize> {
    fragments.iter().flat_map(|&(a, b)| a..b).collect()
}

/// Words as Python's `\w+` finds them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The gold attributions of an annotation, as the shared scorer reads them: every event with a
/// content (and its second content fragment, if any), its source and cue spans, and whether 80% of
/// its content lies inside quotation marks.
fn gold_of(annotation: &Annotation, chars: &[char], path: &Path) -> Result<Vec<Gold>> {
    let quoted = quoted_positions(chars);
    let mut golds = Vec::new();
    for event in &annotation.events {
        // A role given twice keeps its last span, as the scorer's dict does.
        let roles: HashMap<&str, &str> = event
            .iter()
            .map(|(role, id)| (role.as_str(), id.as_str()))
            .collect();
        let Some(content_id) = roles.get("Content") else {
            continue;
        };
        let span = |role: &str| roles.get(role).and_then(|id| annotation.span(id)).cloned();
        let mut content = annotation
            .span(content_id)
            .cloned()
            .with_context(|| format!("{}: no span {content_id}", path.display()))?;
        content.extend(span("Content2").unwrap_or_default());
        content.sort_unstable();
        let set = content_set(chars, &content);
        let direct = !set.is_empty() && 5 * set.intersection(&quoted).count() >= 4 * set.len();
        golds.push(Gold {
            set,
            source: span("Source"),
            cue: span("Cue"),
            direct,
        });
    }
    Ok(golds)
}

/// The running totals of the scorer.
#[derive(Default)]
struct Totals {
    gold: usize,
    predicted: usize,
    overlap: usize,
    exact: usize,
    speaker_total: usize,
    speaker_ok: usize,
    cue_total: usize,
    cue_ok: usize,
    attribution_ok: usize,
    /// Each quote's confidence, and whether it is right ([`judge_quotes`]).
    judged: Vec<(f64, bool)>,
}

/// The gold attributions and the record's quotes that a score reads: with `direct_only`, those
/// inside quotation marks and those of kind "direct".
fn scored<'a>(
    golds: &'a [Gold],
    record: Option<&'a Value>,
    direct_only: bool,
) -> (Vec<&'a Gold>, Vec<&'a Value>) {
    let golds = golds.iter().filter(|g| !direct_only || g.direct).collect();
    let quotes = record
        .and_then(|r| r.get("quotes"))
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|q| !direct_only || q["kind"] == "direct")
        .collect();
    (golds, quotes)
}

/// Scores one article's record against its gold attributions.
fn score_article(
    chars: &[char],
    golds: &[Gold],
    record: Option<&Value>,
    direct_only: bool,
    t: &mut Totals,
) {
    let (golds, raw) = scored(golds, record, direct_only);
    // Predicted attributions: quotes sharing a cue span are one.
    let mut quotes: Vec<(HashSet<usize>, &Value)> = Vec::new();
    let mut by_cue: HashMap<(u64, u64), usize> = HashMap::new();
    for q in raw {
        let (Some(start), Some(end)) = (q["start"].as_u64(), q["end"].as_u64()) else {
            continue;
        };
        let set = content_set(chars, &[(start as usize, end as usize)]);
        let key = q["cue"]["start"]
            .as_u64()
            .map(|s| (s, q["cue"]["end"].as_u64().unwrap_or(u64::MAX)));
        if let Some(&k) = key.as_ref().and_then(|k| by_cue.get(k)) {
            quotes[k].0.extend(set);
            continue;
        }
        if let Some(k) = key {
            by_cue.insert(k, quotes.len());
        }
        quotes.push((set, q));
    }
    t.gold += golds.len();
    t.predicted += quotes.len();
    let mut candidates = Vec::new();
    for (i, g) in golds.iter().enumerate() {
        for (j, (p, _)) in quotes.iter().enumerate() {
            let inter = g.set.intersection(p).count();
            if inter > 0 {
                let jaccard = inter as f64 / g.set.union(p).count() as f64;
                if jaccard >= 0.5 {
                    candidates.push((jaccard, i, j));
                }
            }
        }
    }
    // Python's `sort(reverse=True)` on (jaccard, i, j) tuples.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let (mut used_gold, mut used_pred) = (HashSet::new(), HashSet::new());
    for (_, i, j) in candidates {
        if used_gold.contains(&i) || used_pred.contains(&j) {
            continue;
        }
        used_gold.insert(i);
        used_pred.insert(j);
        t.overlap += 1;
        let (g, (p, q)) = (golds[i], &quotes[j]);
        if g.set == *p {
            t.exact += 1;
        }
        let right = match &g.source {
            Some(source) => {
                t.speaker_total += 1;
                let right = speaker_is_source(chars, source, &q["speaker"]);
                t.speaker_ok += usize::from(right);
                right
            }
            None => true,
        };
        t.attribution_ok += usize::from(right);
        if let Some(cue) = &g.cue {
            t.cue_total += 1;
            let c = &q["cue"];
            if let (Some(s), Some(e)) = (c["start"].as_u64(), c["end"].as_u64())
                && charset(cue)
                    .iter()
                    .any(|x| (s as usize..e as usize).contains(x))
            {
                t.cue_ok += 1;
            }
        }
    }
}

/// The scorer's speaker test: the speaker's span overlaps the gold source, or its name (else its
/// text) holds the source's last word.
fn speaker_is_source(chars: &[char], source: &Fragments, speaker: &Value) -> bool {
    if !speaker.is_object() {
        return false;
    }
    let (s, e) = (
        speaker["start"].as_u64().unwrap_or(0) as usize,
        speaker["end"].as_u64().unwrap_or(0) as usize,
    );
    let gold_text: Vec<String> = source
        .iter()
        .map(|&(a, b)| {
            chars[a.min(chars.len())..b.min(chars.len())]
                .iter()
                .collect()
        })
        .collect();
    let name = speaker["name"]
        .as_str()
        .filter(|n| !n.is_empty())
        .or_else(|| speaker["text"].as_str())
        .unwrap_or("");
    charset(source).iter().any(|c| (s..e).contains(c))
        || words(&gold_text.join(" "))
            .last()
            .is_some_and(|w| words(name).contains(w))
}

/// Judges every quote of an article's record on its own (no merging, no one-to-one pairing): it
/// is right when the gold attribution its content overlaps most has a Jaccard index of 0.5 or
/// more and, if it has a source, the quote's speaker is that source. Adds (confidence, right)
/// to `t.judged`.
fn judge_quotes(
    chars: &[char],
    golds: &[Gold],
    record: Option<&Value>,
    direct_only: bool,
    t: &mut Totals,
) {
    let (golds, quotes) = scored(golds, record, direct_only);
    for q in quotes {
        let (Some(start), Some(end), Some(confidence)) = (
            q["start"].as_u64(),
            q["end"].as_u64(),
            q["confidence"].as_f64(),
        ) else {
            continue;
        };
        let set = content_set(chars, &[(start as usize, end as usize)]);
        let mut best: Option<(f64, &Gold)> = None;
        for g in &golds {
            let inter = g.set.intersection(&set).count();
            if inter > 0 {
                let jaccard = inter as f64 / g.set.union(&set).count() as f64;
                if best.is_none_or(|(b, _)| jaccard > b) {
                    best = Some((jaccard, g));
                }
            }
        }
        let right = best.is_some_and(|(jaccard, g)| {
            jaccard >= 0.5
                && g.source
                    .as_ref()
                    .is_none_or(|source| speaker_is_source(chars, source, &q["speaker"]))
        });
        t.judged.push((confidence, right));
    }
}

/// The area under the ROC curve of `judged` (ties counted half), or `None` without both right
/// and wrong quotes.
fn auc(judged: &[(f64, bool)]) -> Option<f64> {
    let mut sorted = judged.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1].0 == sorted[i].0 {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += rank * sorted[i..=j].iter().filter(|x| x.1).count() as f64;
        i = j + 1;
    }
    let right = judged.iter().filter(|x| x.1).count() as f64;
    let wrong = judged.len() as f64 - right;
    (right > 0.0 && wrong > 0.0).then(|| (rank_sum - right * (right + 1.0) / 2.0) / (right * wrong))
}

/// How well confidence predicts which quotes are right: bands of 0.1, AUC and Brier score.
fn confidence_report(judged: &[(f64, bool)]) -> String {
    let right = judged.iter().filter(|x| x.1).count();
    let mut out = format!(
        "quotes judged one by one: {}, right {} ({:.1}%)\n",
        judged.len(),
        right,
        100.0 * right as f64 / judged.len().max(1) as f64
    );
    out += "confidence band   quotes  mean  right\n";
    // Bands by hundredths, as the record rounds confidences (1.0 falls in the last).
    let band_of = |c: f64| ((c * 100.0).round() as i64 / 10).clamp(0, 9);
    for band in 0..10 {
        let (lo, hi) = (band as f64 / 10.0, (band + 1) as f64 / 10.0);
        let inside: Vec<&(f64, bool)> =
            judged.iter().filter(|(c, _)| band_of(*c) == band).collect();
        if inside.is_empty() {
            continue;
        }
        let n = inside.len() as f64;
        out += &format!(
            "[{lo:.1}, {hi:.1})        {:6}  {:.2}  {:.2}\n",
            inside.len(),
            inside.iter().map(|x| x.0).sum::<f64>() / n,
            inside.iter().filter(|x| x.1).count() as f64 / n
        );
    }
    let brier = judged
        .iter()
        .map(|&(c, r)| (c - f64::from(u8::from(r))).powi(2))
        .sum::<f64>()
        / judged.len().max(1) as f64;
    match auc(judged) {
        Some(a) => out += &format!("AUC {a:.3}  Brier {brier:.4}\n"),
        None => out += &format!("AUC -  Brier {brier:.4}\n"),
    }
    out
}

/// The counts of `right` pairs among `predicted` quotes and `gold` attributions.
fn counts(right: usize, predicted: usize, gold: usize) -> Counts {
    Counts {
        tp: right,
        fp: predicted - right,
        fn_: gold - right,
    }
}

/// The scorer's printout.
fn report(t: &Totals, direct_only: bool, missing: usize) -> String {
    let mut out = String::new();
    if missing > 0 {
        out += &format!("warning: {missing} gold articles have no predicted record\n");
    }
    out += &format!(
        "gold attributions {}, predicted quotes {}{}\n",
        t.gold,
        t.predicted,
        if direct_only { " (direct only)" } else { "" }
    );
    for (name, right) in [
        ("content, overlap", t.overlap),
        ("content, exact", t.exact),
        ("attribution", t.attribution_ok),
    ] {
        let c = counts(right, t.predicted, t.gold);
        out += &format!(
            "{name:18} P {:6.2}  R {:6.2}  F1 {:6.2}\n",
            100.0 * c.precision(),
            100.0 * c.recall(),
            100.0 * c.f1()
        );
    }
    out += &format!(
        "speaker accuracy on paired quotes: {:6.2} ({}/{})\n",
        100.0 * t.speaker_ok as f64 / t.speaker_total.max(1) as f64,
        t.speaker_ok,
        t.speaker_total
    );
    out += &format!(
        "cue accuracy on paired quotes:     {:6.2} ({}/{})\n",
        100.0 * t.cue_ok as f64 / t.cue_total.max(1) as f64,
        t.cue_ok,
        t.cue_total
    );
    let f = counts(t.attribution_ok, t.predicted, t.gold).f1();
    out += &format!("attribution F1: {:.2}\n", 100.0 * f);
    out
}

/// Scores the quotes pipeline on a PolNeAR split; prints the scorer's lines; returns the exit code.
pub fn quotes(args: EvalQuotesArgs) -> Result<u8> {
    let anns = brat::split_annotations(&args.polnear).with_context(|| {
        format!(
            "reading {} (expected a PolNeAR split: text/ and attributions/)",
            args.polnear.display()
        )
    })?;
    if anns.is_empty() {
        bail!(
            "no .ann files in {}",
            args.polnear.join("attributions").display()
        );
    }
    let mut texts = Vec::with_capacity(anns.len());
    for article in anns.keys() {
        let path = brat::text_path(&args.polnear, article);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        texts.push((article.clone(), text));
    }
    let configs = crate::options::collect(None, &args.run.set)?;
    let catalog = super::catalog(&args.run.dirs);
    let plugins: Vec<String> = args.plugins.split(',').map(str::to_string).collect();
    let pipeline = Pipeline::build(&catalog, &plugins, &configs)?;
    let input: Vec<Document> = texts
        .iter()
        .map(|(article, text)| {
            let mut meta = Map::new();
            // As `quotes_polnear.py docs` writes them: publisher_date_slug.
            let mut parts = article.splitn(3, '_');
            if let (Some(publisher), Some(date)) = (parts.next(), parts.next())
                && date.len() == 10
            {
                meta.insert("publisher".into(), publisher.into());
                meta.insert("date".into(), date.into());
            }
            Document {
                id: article.clone(),
                text: text.clone(),
                meta,
                origin: Origin {
                    input: brat::text_path(&args.polnear, article)
                        .display()
                        .to_string(),
                    line: None,
                },
            }
        })
        .collect();
    let (records, summary) =
        super::eval::run_collecting(&pipeline, input, args.run.jobs, &args.plugins)?;
    let mut totals = Totals::default();
    let mut missing = 0;
    for ((article, ann), (_, text)) in anns.iter().zip(&texts) {
        let chars: Vec<char> = text.chars().collect();
        let golds = gold_of(&Annotation::read(ann)?, &chars, ann)?;
        let record = records.get(article);
        missing += usize::from(record.is_none());
        score_article(&chars, &golds, record, args.direct_only, &mut totals);
        if args.by_confidence {
            judge_quotes(&chars, &golds, record, args.direct_only, &mut totals);
        }
    }
    print!("{}", report(&totals, args.direct_only, missing));
    if args.by_confidence {
        print!("{}", confidence_report(&totals.judged));
    }
    super::eval::print_speed(&summary);
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    /// A sentence of reported speech, and its one gold attribution.
    const OFFICIALS: &str = "Officials said the bridge will close in May for repairs.";

    fn officials_said() -> Gold {
        Gold {
            set: content_set(&chars(OFFICIALS), &[(15, 55)]),
            source: Some(vec![(0, 9)]),
            cue: Some(vec![(10, 14)]),
            direct: false,
        }
    }

    #[test]
    fn contents_are_trimmed_like_the_scorer_trims_them() {
        let c = chars("He said that “taxes will rise,” today.");
        // "that “taxes will rise,”" → the leading "that " goes only when it opens the trimmed span.
        let set = content_set(&c, &[(8, 31)]);
        let kept: String = {
            let mut v: Vec<usize> = set.into_iter().collect();
            v.sort_unstable();
            v.iter().map(|&i| c[i]).collect()
        };
        assert_eq!(kept, "“taxes will rise");
    }

    #[test]
    fn a_paragraph_break_closes_an_open_quote() {
        let c = chars("\"Open quote\n\nnext paragraph\" here");
        let inside = quoted_positions(&c);
        assert!(inside.contains(&1)); // O
        assert!(!inside.contains(&14)); // n of "next": the break reset the state
        // The straight mark after "paragraph" opens a new quote, so " here" is inside it.
        assert!(inside.contains(&29));
    }

    #[test]
    fn quotes_sharing_a_cue_are_one_attribution_and_speakers_match_by_name() {
        let text = "“We won,” Smith said. “We will win again.”";
        let c = chars(text);
        let gold = Gold {
            set: content_set(&c, &[(1, 8), (22, 41)]),
            source: Some(vec![(10, 15)]),
            cue: Some(vec![(16, 20)]),
            direct: true,
        };
        let speaker = json!({"start": 0, "end": 0, "text": "he", "name": "John Smith"});
        let record = json!({"quotes": [
            {"start": 1, "end": 8, "kind": "direct", "speaker": speaker, "cue": {"start": 16, "end": 20}},
            {"start": 22, "end": 41, "kind": "direct", "speaker": speaker, "cue": {"start": 16, "end": 20}},
        ]});
        let mut t = Totals::default();
        score_article(&c, &[gold], Some(&record), false, &mut t);
        assert_eq!((t.gold, t.predicted, t.overlap, t.exact), (1, 1, 1, 1));
        assert_eq!((t.speaker_ok, t.cue_ok, t.attribution_ok), (1, 1, 1));
        let printed = report(&t, false, 0);
        assert!(printed.ends_with("attribution F1: 100.00\n"), "{printed}");
    }

    #[test]
    fn a_poor_overlap_is_no_pair_and_a_wrong_speaker_is_no_attribution() {
        let c = chars(OFFICIALS);
        let gold = officials_said();
        let short = json!({"quotes": [{"start": 15, "end": 25, "kind": "indirect",
            "speaker": {"start": 0, "end": 9, "text": "Officials"}, "cue": null}]});
        let mut t = Totals::default();
        score_article(&c, std::slice::from_ref(&gold), Some(&short), false, &mut t);
        assert_eq!((t.predicted, t.overlap), (1, 0));
        let wrong = json!({"quotes": [{"start": 15, "end": 55, "kind": "indirect",
            "speaker": {"start": 30, "end": 35, "text": "close", "name": "close"}, "cue": {"start": 10, "end": 14}}]});
        let mut t = Totals::default();
        score_article(&c, &[gold], Some(&wrong), false, &mut t);
        assert_eq!(
            (t.overlap, t.speaker_ok, t.attribution_ok, t.cue_ok),
            (1, 0, 0, 1)
        );
        let printed = report(&t, true, 2);
        assert!(printed.starts_with("warning: 2 gold articles have no predicted record\n"));
        assert!(printed.contains("predicted quotes 1 (direct only)"));
    }

    #[test]
    fn quotes_are_judged_one_by_one_and_confidence_is_reported_by_band() {
        let c = chars(OFFICIALS);
        let gold = officials_said();
        let officials = json!({"start": 0, "end": 9, "text": "Officials", "name": "Officials"});
        // The whole clause with its source (right), its first words (too short: wrong), and the
        // whole clause given to someone else (wrong).
        let record = json!({"quotes": [
            {"start": 15, "end": 55, "kind": "indirect", "speaker": officials, "confidence": 0.81},
            {"start": 15, "end": 25, "kind": "indirect", "speaker": officials, "confidence": 0.34},
            {"start": 15, "end": 55, "kind": "indirect", "confidence": 0.5,
             "speaker": {"start": 30, "end": 35, "text": "close", "name": "close"}},
        ]});
        let mut t = Totals::default();
        judge_quotes(&c, &[gold], Some(&record), false, &mut t);
        assert_eq!(t.judged, vec![(0.81, true), (0.34, false), (0.5, false)]);
        assert_eq!(auc(&t.judged), Some(1.0));
        assert_eq!(auc(&[(0.5, true), (0.5, false)]), Some(0.5));
        assert_eq!(auc(&[(0.5, true)]), None);
        let printed = confidence_report(&t.judged);
        assert!(
            printed.starts_with("quotes judged one by one: 3, right 1 (33.3%)\n"),
            "{printed}"
        );
        assert!(
            printed.contains("[0.8, 0.9)             1  0.81  1.00\n"),
            "{printed}"
        );
        assert!(
            printed.contains("[0.3, 0.4)             1  0.34  0.00\n"),
            "{printed}"
        );
        assert!(printed.ends_with("AUC 1.000  Brier 0.1339\n"), "{printed}");
    }
}
