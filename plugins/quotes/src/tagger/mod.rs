//! The attribution tagger: a linear-chain model, trained on PolNeAR, that labels each word as part
//! of a content, a cue or a source (PolNeAR gives every word at most one of these roles), reading
//! the rules' own findings as features. Its contents that the rules missed, linked to the nearest
//! cue and the source nearest that cue, become extra quotes: beliefs, stances and reported speech
//! through cues no word list holds.
//!
//! The features are this module's own ([`features`]); the weights are a linear-chain CRF's, fitted
//! by CRFsuite on them and stored in byline-ner's model format (`model/README.md` says how; byline-ner's
//! averaged perceptron, `byline_ner::train::fit_sequences`, is the pure-Rust alternative), decoded
//! with byline-ner's constrained Viterbi.

pub mod features;
pub mod model;

use crate::attribute::{Quote, QuoteKind};
use crate::doc::Doc;
use crate::marks::Quoted;
use crate::speaker;
use byline_ner::decode::{confidences, viterbi};
use byline_ner::model::Stage;
use byline_ner::packed::PackedWeights;
use byline_ner::train::spans_of_labels;
use features::{QuoteState, WordFacts};

/// The roles, in label order (type `t` has B = 1 + 2t and I = 2 + 2t).
pub const ROLES: [&str; 3] = ["CONTENT", "CUE", "SOURCE"];
/// Number of labels: O, then B and I of each role.
pub const LABELS: usize = 1 + 2 * ROLES.len();
const CONTENT: usize = 0;
const CUE: usize = 1;
const SOURCE: usize = 2;

/// A content further than this many words from every cue is left unlinked (and dropped).
const MAX_CUE_DISTANCE: usize = 40;
/// A source (in the cue's sentence) further than this many words from the cue is not its source.
const MAX_SOURCE_DISTANCE: usize = 30;

/// A role span the tagger found: words `first..end` of the document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoleSpan {
    /// Index into [`ROLES`].
    pub role: usize,
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub end: usize,
    /// Mean confidence of its words' labels.
    pub confidence: f32,
}

/// A loaded tagger: the stage (transitions, for decoding) and its weights laid out for lookups.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// The label transitions (its weights live in `weights` only, not twice).
    transitions: Stage,
    weights: PackedWeights<LABELS>,
}

impl Tagger {
    /// Reads a model file (see [`model`]); the error names `source_name`.
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Tagger, String> {
        // `model::from_bytes` checks the roles, so the stage has `LABELS` labels.
        let stage = model::from_bytes(bytes, source_name)?;
        let weights = PackedWeights::new(std::slice::from_ref(&stage))
            .ok_or_else(|| format!("{source_name}: the tagger's labels do not fit"))?;
        let transitions = Stage {
            n_labels: stage.n_labels,
            transitions: stage.transitions,
            ..Stage::default()
        };
        Ok(Tagger {
            transitions,
            weights,
        })
    }
}

/// Labels every paragraph of `doc` and returns the role spans, in text order.
pub fn role_spans(tagger: &Tagger, doc: &Doc<'_>, facts: &WordFacts) -> Vec<RoleSpan> {
    let stage = &tagger.transitions;
    let n = LABELS;
    let mut spans = Vec::new();
    let mut emissions = Vec::new();
    let mut token = Vec::with_capacity(48);
    for (first, end) in features::paragraphs(doc) {
        emissions.clear();
        emissions.resize((end - first) * n, 0.0);
        for i in first..end {
            features::token(doc, facts, first, end, i, &mut token);
            let k = i - first;
            let mut sum = [0; LABELS];
            tagger.weights.add(&token, &mut sum);
            tagger
                .weights
                .scores(&sum, 0, &mut emissions[k * n..(k + 1) * n]);
        }
        let labels = viterbi(stage, &emissions);
        let found = spans_of_labels(&labels);
        if found.is_empty() {
            continue;
        }
        let confidence = confidences(stage, &emissions, &labels);
        for (s, e, role) in found {
            let mean = confidence[s..e].iter().sum::<f32>() / (e - s) as f32;
            spans.push(RoleSpan {
                role,
                first: first + s,
                end: first + e,
                confidence: mean,
            });
        }
    }
    spans
}

/// Words between two spans (0 when they touch or overlap).
fn gap(a: &RoleSpan, b: &RoleSpan) -> usize {
    if a.end <= b.first {
        b.first - a.end
    } else {
        a.first.saturating_sub(b.end)
    }
}

/// The speaker named by the source words `first..end`: the last person, organisation or place
/// mention inside them, else the phrase the speaker rules read where they end (a pronoun resolved
/// to its person, or a noun phrase); `None` when neither reads as a speaker.
fn source_speaker(doc: &Doc<'_>, first: usize, end: usize) -> Option<speaker::Speaker> {
    let (a, b) = (doc.words[first].start, doc.words[end - 1].end);
    let sentence_start = doc.sentences[doc.sentence_of[end - 1]].0;
    speaker::relative_pronoun(doc, end - 1, sentence_start)
        .or_else(|| speaker::within(doc, a, b))
        .or_else(|| speaker::phrase_ending_at(doc, end - 1, first))
}

/// Adds the tagger's findings to the rules' `quotes`. Each content the tagger finds is linked to
/// its nearest cue in the paragraph and the source nearest that cue in the cue's sentence
/// (contents without both are left out, as the rules' are). A content becomes a new quote when no
/// rule quote overlaps it, or when none that does shares its cue (a nested or neighbouring
/// attribution; held-out: content +0.4, attribution +0.5 F1). A content that overlaps exactly one rule quote, a reported one with a
/// speaker whose cue is the tagger's cue, gives that quote its bounds: the same attribution, with
/// the clause cut where PolNeAR's annotators cut it (measured on held-out train articles: content
/// and attribution F1 +0.4 each). A short direct quote lying inside a longer content (less than
/// half of it) is a quoted fragment of reported speech ("He called the deal “a disaster” for
/// farmers", the one direct quote among the rule quotes it overlaps): it becomes a mixed quote
/// with the content's bounds, the tagger's cue and, when it
/// found one, its speaker (held-out: content and attribution F1 +0.6, direct-only attribution
/// +1.2). Other direct quotes keep the bounds of their quotation marks.
pub fn apply(tagger: &Tagger, doc: &Doc<'_>, quoted: &[Quoted], quotes: &mut Vec<Quote>) {
    let rules: &[Quote] = quotes;
    let facts = WordFacts::new(doc, quoted, rules);
    let spans = role_spans(tagger, doc, &facts);
    let paragraph_of = |w: usize| doc.paragraph_of(doc.words[w].start);
    let mut out = Vec::new();
    let mut reshaped = Vec::new();
    let mut mixed = Vec::new();
    for content in spans.iter().filter(|s| s.role == CONTENT) {
        let para = paragraph_of(content.first);
        let same_paragraph = |s: &&RoleSpan| paragraph_of(s.first) == para;
        let Some(cue) = spans
            .iter()
            .filter(|s| s.role == CUE)
            .filter(same_paragraph)
            .filter(|s| gap(content, s) <= MAX_CUE_DISTANCE)
            .min_by_key(|s| gap(content, s))
        else {
            continue;
        };
        let cue_sentence = doc.sentence_of[cue.first];
        let Some(source) = spans
            .iter()
            .filter(|s| s.role == SOURCE)
            .filter(|s| doc.sentence_of[s.end - 1] == cue_sentence)
            .filter(|s| s.first.abs_diff(cue.first) <= MAX_SOURCE_DISTANCE)
            .min_by_key(|s| s.first.abs_diff(cue.first))
        else {
            continue;
        };
        // PolNeAR's contents open with the complementiser ("that the schools would pay"); a
        // quote's content, as the rules give it, starts after it.
        let first = if content.end - content.first > 1
            && doc.words[content.first].text.eq_ignore_ascii_case("that")
        {
            content.first + 1
        } else {
            content.first
        };
        let (start, end) = (doc.words[first].start, doc.words[content.end - 1].end);
        let (cue_start, cue_end) = (doc.words[cue.first].start, doc.words[cue.end - 1].end);
        let shares_cue = |r: &Quote| r.cue.is_some_and(|(a, b)| a < cue_end && cue_start < b);
        let overlapping =
            || (0..rules.len()).filter(|&k| rules[k].start < end && start < rules[k].end);
        let mut overlaps = overlapping();
        if let Some(k) = overlaps.next() {
            let r = &rules[k];
            let only = overlaps.next().is_none();
            if only && r.kind != QuoteKind::Direct && r.speaker.is_some() && shares_cue(r) {
                reshaped.push((k, start, end));
                continue;
            }
            let mut direct = overlapping().filter(|&k| rules[k].kind == QuoteKind::Direct);
            if let (Some(k), None) = (direct.next(), direct.next())
                && rules[k].start >= start
                && rules[k].end <= end
                && 2 * (rules[k].end - rules[k].start) < end - start
            {
                let speaker = source_speaker(doc, source.first, source.end);
                mixed.push((k, start, end, speaker, (cue_start, cue_end)));
                continue;
            }
            // A content overlapping rule quotes is a further attribution only through a cue of
            // its own: "Officials said that voters believe the race is close" holds two.
            if overlapping().any(|k| shares_cue(&rules[k])) {
                continue;
            }
        }
        let Some(speaker) = source_speaker(doc, source.first, source.end) else {
            continue;
        };
        let words = content.end - content.first;
        let inside = facts.quote_state[content.first..content.end]
            .iter()
            .filter(|s| **s == QuoteState::Inside)
            .count();
        let kind = if inside * 5 >= words * 4 {
            QuoteKind::Direct
        } else if inside > 0 {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        // A cue has one content. A quoted passage may be split around it ("“A,” he said, “B.”"),
        // but a paraphrase whose cue already has a rule quote is that quote read again, and the
        // two would be one attribution (held-out: content and attribution F1 +0.5 each).
        if kind != QuoteKind::Direct && rules.iter().any(shares_cue) {
            continue;
        }
        out.push(Quote {
            start,
            end,
            kind,
            speaker: Some(speaker),
            cue: Some((doc.words[cue.first].start, doc.words[cue.end - 1].end)),
            addressee: None,
            via: None,
            confidence: 0.8
                * content
                    .confidence
                    .min(cue.confidence)
                    .min(source.confidence),
        });
    }
    for (k, start, end, speaker, cue) in mixed {
        quotes[k].start = start;
        quotes[k].end = end;
        quotes[k].kind = QuoteKind::Mixed;
        if speaker.is_some() {
            quotes[k].speaker = speaker;
            quotes[k].cue = Some(cue);
            quotes[k].addressee = None;
            quotes[k].via = None;
        }
    }
    for (k, start, end) in reshaped {
        quotes[k].start = start;
        quotes[k].end = end;
    }
    quotes.extend(out);
}
