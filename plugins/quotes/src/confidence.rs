//! The confidence a record gives a quote: the estimated probability that it is right — that an
//! annotator marked an attribution with (mostly) the same content and the same speaker.
//!
//! The rules and the tagger score their own findings as they go (`Quote::confidence`, which
//! their decisions compare), but those scores say little about which quotes are right: on
//! PolNeAR dev they rank right above wrong quotes with an AUC of 0.55. A logistic model over what
//! the record itself shows of a quote (its kind, that score, the speaker's kind and whether it is
//! a pronoun, a role or an affiliation, the cue, the content's length, an addressee or a
//! second-hand source) ranks them at 0.69 and is calibrated (`model/README.md` has the figures and
//! the recipe, `scripts/fit_quote_confidence.py`, which computes the same features from records).

use std::collections::HashMap;
use std::sync::LazyLock;

/// The model's weights by feature name (`model/confidence.tsv`).
static WEIGHTS: LazyLock<HashMap<&'static str, f64>> = LazyLock::new(|| {
    include_str!("../model/confidence.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let (name, weight) = line.split_once('\t')?;
            Some((name, weight.trim().parse().ok()?))
        })
        .collect()
});

/// What the record shows of a quote, as the model reads it.
pub struct Evidence<'a> {
    /// "direct", "indirect" or "mixed".
    pub kind: &'a str,
    /// The rules' or the tagger's own score, as the record would round it (hundredths).
    pub score: f32,
    /// The speaker, if any.
    pub speaker: Option<SpeakerEvidence<'a>>,
    /// The cue's text, if any.
    pub cue: Option<&'a str>,
    /// The content's text.
    pub content: &'a str,
    /// Whether the quote has a second-hand source (`via`).
    pub via: bool,
    /// Whether the quote has an addressee.
    pub addressee: bool,
}

/// What the record shows of a quote's speaker.
pub struct SpeakerEvidence<'a> {
    /// Its kind's name ("person", "organisation", "media", "group", "unknown").
    pub kind: &'a str,
    /// The mention's text.
    pub text: &'a str,
    /// The fullest name, if resolved.
    pub name: Option<&'a str>,
    /// Whether the record gives a role.
    pub role: bool,
    /// Whether the record gives an affiliation.
    pub affiliation: bool,
}

/// Speakers' mentions that are pronouns.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "their",
];

/// The commonest cues of speech.
const SAY: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "according to",
    "saying",
    "tells",
];

/// The band of a score in hundredths, as a feature part.
fn score_band(score: f32) -> &'static str {
    match (f64::from(score) * 100.0).round() as i32 {
        ..40 => "<.4",
        40..60 => "<.6",
        60..70 => "<.7",
        70 => "=.7",
        71..80 => "<.8",
        80..90 => "<.9",
        _ => ">=.9",
    }
}

/// The band of a content's length in words, as a feature part.
fn length_band(words: usize) -> &'static str {
    match words {
        0..=3 => "1-3",
        4..=8 => "4-8",
        9..=20 => "9-20",
        21..=40 => "21-40",
        _ => ">40",
    }
}

/// Calls `each` with the name of every feature of `e` (the names `scripts/fit_quote_confidence.py`
/// gives them).
fn features(e: &Evidence<'_>, mut each: impl FnMut(&str)) {
    each("bias");
    each(&format!("kind={}", e.kind));
    let band = score_band(e.score);
    each(&format!("conf{band}"));
    each(&format!("kind+conf={}{band}", e.kind));
    match &e.speaker {
        None => each("spk=none"),
        Some(s) => {
            each(&format!("spk={}", s.kind));
            if PRONOUNS.contains(&s.text.to_lowercase().as_str()) {
                each("spk=pronoun");
            }
            if s.role {
                each("spk+role");
            }
            if s.affiliation {
                each("spk+aff");
            }
            if s.name.is_some_and(|n| n != s.text) {
                each("spk+resolved");
            }
        }
    }
    match e.cue {
        None => each("cue=none"),
        Some(cue) => {
            let cue = cue.to_lowercase();
            if SAY.contains(&cue.as_str()) {
                each("cue=say");
            }
            if cue.contains(' ') {
                each("cue=multi");
            }
        }
    }
    each(&format!(
        "len={}",
        length_band(e.content.split_whitespace().count())
    ));
    if e.via {
        each("via");
    }
    if e.addressee {
        each("addr");
    }
}

/// The estimated probability that the quote `e` describes is right, in (0, 1).
pub fn estimate(e: &Evidence<'_>) -> f64 {
    let weights = &*WEIGHTS;
    let mut sum = 0.0;
    features(e, |name| sum += weights.get(name).copied().unwrap_or(0.0));
    1.0 / (1.0 + (-sum).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(kind: &'static str, score: f32, content: &'static str) -> Evidence<'static> {
        Evidence {
            kind,
            score,
            speaker: Some(SpeakerEvidence {
                kind: "person",
                text: "Wang",
                name: Some("Wang Junsheng"),
                role: true,
                affiliation: true,
            }),
            cue: Some("noted"),
            content,
            via: false,
            addressee: false,
        }
    }

    #[test]
    fn the_shipped_weights_load_and_name_features_the_plugin_makes() {
        assert!(WEIGHTS.len() > 30, "{} weights", WEIGHTS.len());
        let mut names = Vec::new();
        features(&said("direct", 0.9, "a b c d e"), |n| {
            names.push(n.to_string())
        });
        for name in &names {
            assert!(WEIGHTS.contains_key(name.as_str()), "no weight for {name}");
        }
    }

    #[test]
    fn a_long_attributed_quote_is_likelier_right_than_a_fragment() {
        let long = "Apart from senior official exchanges, the two countries will also have \
                    exchanges between youths, think tanks, and literature and artistic circles.";
        let p_long = estimate(&said("direct", 0.9, long));
        let p_short = estimate(&said("direct", 0.9, "a war"));
        assert!(p_long > p_short, "{p_long} vs {p_short}");
        assert!(0.0 < p_short && p_long < 1.0);
        let unnamed = Evidence {
            speaker: None,
            cue: None,
            ..said("indirect", 0.4, "a war")
        };
        assert!(estimate(&unnamed) < p_short);
    }

    #[test]
    fn scores_fall_in_the_bands_the_fit_script_uses() {
        // As the record rounds it, to hundredths.
        assert_eq!(score_band(0.394), "<.4");
        assert_eq!(score_band(0.396), "<.6");
        assert_eq!(score_band(0.6), "<.7");
        assert_eq!(score_band(0.7), "=.7");
        assert_eq!(score_band(0.704), "=.7");
        assert_eq!(score_band(0.74), "<.8");
        assert_eq!(score_band(0.9), ">=.9");
        assert_eq!(length_band(3), "1-3");
        assert_eq!(length_band(41), ">40");
    }
}
