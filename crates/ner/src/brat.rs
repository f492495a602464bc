//! Annotations in brat standoff format, as PolNeAR ships its attributions: a split folder with
//! `text/<article>.txt` and `attributions/<article>_<annotator>.ann`. Read by `byline eval quotes`
//! (scoring) and by the quotes plugin's tagger training, so that both see the same gold.

use crate::error::NerError;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Character spans (Unicode scalar offsets), one per fragment.
pub type Fragments = Vec<(usize, usize)>;

/// The text-bound spans and the events of one `.ann` file, in file order.
#[derive(Clone, Debug, Default)]
pub struct Annotation {
    /// `T` lines: id and fragments.
    pub spans: Vec<(String, Fragments)>,
    /// `E` lines: each event's (role, span id) pairs, as written.
    pub events: Vec<Vec<(String, String)>>,
}

/// Whether a line is a `T`, `E` or `#` line with a numeric id (the shared scorer's
/// `^[TE#]\d+\t`).
fn is_numbered(line: &str, kind: char) -> bool {
    line.strip_prefix(kind)
        .and_then(|rest| rest.split_once('\t'))
        .is_some_and(|(id, _)| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

impl Annotation {
    /// Parses the text of an `.ann` file; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Annotation, NerError> {
        let mut annotation = Annotation::default();
        for (n, line) in text.split('\n').enumerate() {
            let bad = |message: &str| NerError::Brat {
                path: path.to_path_buf(),
                line: n + 1,
                message: format!("{message}: {line:?}"),
            };
            if is_numbered(line, 'T') {
                let mut columns = line.split('\t');
                let id = columns.next().unwrap_or_default();
                let rest = columns.next().ok_or_else(|| bad("no span column"))?;
                let offsets = rest.split_once(' ').ok_or_else(|| bad("no offsets"))?.1;
                let mut fragments = Vec::new();
                for part in offsets.split(';') {
                    let mut numbers = part.split_whitespace().map(str::parse::<usize>);
                    match (numbers.next(), numbers.next()) {
                        (Some(Ok(a)), Some(Ok(b))) => fragments.push((a, b)),
                        _ => return Err(bad("offsets are not two numbers")),
                    }
                }
                annotation.spans.push((id.to_string(), fragments));
            } else if is_numbered(line, 'E') {
                let rest = line.split_once('\t').map_or("", |(_, r)| r);
                let mut roles = Vec::new();
                for part in rest.split_whitespace() {
                    let (role, id) = part.split_once(':').ok_or_else(|| bad("no role:id"))?;
                    roles.push((role.to_string(), id.to_string()));
                }
                annotation.events.push(roles);
            }
        }
        Ok(annotation)
    }

    /// Reads and parses an `.ann` file.
    pub fn read(path: &Path) -> Result<Annotation, NerError> {
        let text = std::fs::read_to_string(path).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Annotation::parse(&text, path)
    }

    /// The fragments of span `id` (its last definition, should a file repeat an id).
    pub fn span(&self, id: &str) -> Option<&Fragments> {
        self.spans
            .iter()
            .rev()
            .find(|(i, _)| i == id)
            .map(|(_, f)| f)
    }
}

/// The articles of a split folder, each with its annotation file: where an article has several
/// (`<article>_<annotator>.ann`), the alphabetically first, as the shared scorer takes.
pub fn split_annotations(split: &Path) -> Result<BTreeMap<String, PathBuf>, NerError> {
    let dir = split.join("attributions");
    let io = |source| NerError::Io {
        path: dir.clone(),
        source,
    };
    let mut first: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Some((article, _)) = name.strip_suffix(".ann").and_then(|n| n.rsplit_once('_')) {
            let slot = first
                .entry(article.to_string())
                .or_insert_with(|| path.clone());
            if path < *slot {
                *slot = path;
            }
        }
    }
    Ok(first)
}

/// The text file of `article` in a split folder.
pub fn text_path(split: &Path, article: &str) -> PathBuf {
    split.join("text").join(format!("{article}.txt"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_events_are_read_in_file_order() {
        let text = "T1\tContent 10 20;25 30\tsome text\nT2\tCue 5 9\tsaid\n#1\tAnnotatorNotes T1\tnote\nE1\tAttribution:T2 Content:T1 Cue:T2\nT3x\tnot a span\n";
        let a = Annotation::parse(text, Path::new("x.ann")).unwrap();
        assert_eq!(a.spans.len(), 2);
        assert_eq!(a.span("T1"), Some(&vec![(10, 20), (25, 30)]));
        assert_eq!(a.events.len(), 1);
        assert_eq!(a.events[0][1], ("Content".to_string(), "T1".to_string()));
    }

    #[test]
    fn a_malformed_span_names_the_file_and_line() {
        let err = Annotation::parse("T1\tContent 10 x\tt\n", Path::new("a_b.ann")).unwrap_err();
        assert!(err.to_string().starts_with("a_b.ann:1: "), "{err}");
    }
}
