//! Reading CoNLL-format NER files (CoNLL-2003 and anything like it): one token per line, the tag in
//! the last column, blank lines between sentences, `-DOCSTART-` lines between documents. IOB1 and
//! IOB2 tags are both read and turned into BIO (IOB2).

use crate::error::NerError;
use std::path::Path;

/// One annotated sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens.
    pub tokens: Vec<String>,
    /// BIO tags ("O", "B-PER", "I-PER", ...), one per token.
    pub tags: Vec<String>,
}

/// One annotated document: its sentences.
pub type Doc = Vec<Sentence>;

/// Reads a CoNLL file into documents. A file without `-DOCSTART-` lines is one document.
pub fn read(path: &Path) -> Result<Vec<Doc>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|(line, message)| NerError::Conll {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses CoNLL text; an error carries the 1-based line number.
pub fn parse(text: &str) -> Result<Vec<Doc>, (usize, String)> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut doc: Doc = Vec::new();
    let mut sentence = Sentence::default();
    let flush_sentence = |sentence: &mut Sentence, doc: &mut Doc| {
        if !sentence.tokens.is_empty() {
            sentence.tags = iob_to_bio(&sentence.tags);
            doc.push(std::mem::take(sentence));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        match columns.as_slice() {
            [] => flush_sentence(&mut sentence, &mut doc),
            [first, ..] if *first == "-DOCSTART-" => {
                flush_sentence(&mut sentence, &mut doc);
                if !doc.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
            }
            [_] => {
                return Err((n + 1, format!("expected a token and a tag, got {line:?}")));
            }
            [token, .., tag] => {
                if !is_tag(tag) {
                    return Err((n + 1, format!("{tag:?} is not an IOB tag (O, B-X or I-X)")));
                }
                sentence.tokens.push((*token).to_string());
                sentence.tags.push((*tag).to_string());
            }
        }
    }
    flush_sentence(&mut sentence, &mut doc);
    if !doc.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

fn is_tag(tag: &str) -> bool {
    tag == "O"
        || (tag.len() > 2
            && (tag.starts_with("B-")
                || tag.starts_with("I-")
                || tag.starts_with("E-")
                || tag.starts_with("S-")))
}

/// Turns IOB1 (an entity starts with `I-` unless it follows one of the same type) into BIO.
pub fn iob_to_bio(tags: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut previous_type: Option<&str> = None;
    for tag in tags {
        if tag == "O" {
            out.push("O".to_string());
            previous_type = None;
            continue;
        }
        let (prefix, kind) = tag.split_at(2);
        let starts = prefix == "B-" || prefix == "S-" || previous_type != Some(kind);
        out.push(format!("{}{kind}", if starts { "B-" } else { "I-" }));
        previous_type = if prefix == "E-" || prefix == "S-" {
            None
        } else {
            Some(kind)
        };
    }
    out
}

/// Entity spans of a BIO tag sequence: (first token, one past the last, type).
pub fn spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        if let Some(kind) = tag.strip_prefix("B-") {
            spans.push((i, i + 1, kind.to_string()));
        } else if let Some(kind) = tag.strip_prefix("I-") {
            match spans.last_mut() {
                Some(last) if last.1 == i && last.2 == kind => last.1 = i + 1,
                _ => spans.push((i, i + 1, kind.to_string())),
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_converts_iob1() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nA x x I-LOC\nB x x B-LOC\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].tags, ["B-ORG", "O", "B-MISC"]);
        assert_eq!(docs[0][1].tags, ["B-PER", "I-PER"]);
        assert_eq!(docs[1][0].tags, ["B-LOC", "B-LOC"]);
        assert_eq!(spans(&docs[0][1].tags), [(0, 2, "PER".to_string())]);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number() {
        let err = parse("EU NNP I-NP I-ORG\nbroken\n").unwrap_err();
        assert_eq!(err.0, 2);
        let err = parse("EU NNP I-NP ORG\n").unwrap_err();
        assert!(err.1.contains("not an IOB tag"));
    }
}
