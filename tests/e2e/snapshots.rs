//! Snapshots of whole records for the fixture articles, through the real binary and plugins.

use byline_e2e::{article, byline, stderr};

fn record_of(name: &str) -> serde_json::Value {
    let path = article(name);
    let output = byline(
        &["run", "--plugins", "readability", path.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut record: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}"));
    // The id is the path as given, which depends on where the repository is checked out.
    record["id"] = serde_json::Value::String(name.to_string());
    record
}

#[test]
fn sample_article_record() {
    insta::assert_json_snapshot!(record_of("zhao-leji-visit.txt"));
}

#[test]
fn council_budget_record() {
    insta::assert_json_snapshot!(record_of("council-budget.txt"));
}

#[test]
fn transfer_saga_record() {
    insta::assert_json_snapshot!(record_of("transfer-saga.txt"));
}
