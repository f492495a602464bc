//! Snapshots of the sentence splitter on the fixture articles: each sentence on a line, so a
//! reviewer can read the boundaries.

use byline_core::text::{paragraphs, split_sentences, tokenize};
use std::path::Path;

fn sentences_of(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/articles")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let tokens = tokenize(&text);
    let paras = paragraphs(&text);
    let mut out = String::new();
    for (p, para) in paras.iter().enumerate() {
        let sentences = split_sentences(&text, &tokens, std::slice::from_ref(para));
        for s in sentences {
            out.push_str(&format!(
                "[p{p}] {}\n",
                &text[s.start as usize..s.end as usize]
            ));
        }
    }
    out
}

#[test]
fn sample_article_sentences() {
    insta::assert_snapshot!(sentences_of("zhao-leji-visit.txt"));
}

#[test]
fn council_budget_sentences() {
    insta::assert_snapshot!(sentences_of("council-budget.txt"));
}

#[test]
fn transfer_saga_sentences() {
    insta::assert_snapshot!(sentences_of("transfer-saga.txt"));
}

#[test]
fn token_texts_of_a_tricky_paragraph() {
    let text = "Councillor J. R. Okafor told reporters the deal raised taxes by 2.5% and drew $45.6m, adding: 'We'll see.'";
    let tokens: Vec<&str> = tokenize(text)
        .iter()
        .map(|t| &text[t.start as usize..t.end as usize])
        .collect();
    insta::assert_snapshot!(tokens.join(" | "));
}
