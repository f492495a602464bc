//! The sentiment plugin through the real binary, with the entities and quotes layers it reads.

use byline_e2e::{byline, records, stderr};
use serde_json::Value;

fn sample_record() -> Value {
    byline_e2e::sample_record("entities,quotes,sentiment")
}

#[test]
fn the_sample_article_is_positive_and_scores_its_entities_and_quotes() {
    let record = sample_record();
    let sentiment = &record["sentiment"];
    assert_eq!(sentiment["label"], "positive");
    assert!(sentiment["score"].as_f64().unwrap() > 0.05);
    let sentences = sentiment["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 15);
    // Offsets count characters (CONTRACT.md), not bytes.
    let text: Vec<char> = std::fs::read_to_string(byline_e2e::article("zhao-leji-visit.txt"))
        .unwrap()
        .chars()
        .collect();
    let tension = sentences
        .iter()
        .find(|s| {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            let sentence: String = text[start as usize..end as usize].iter().collect();
            sentence.contains("tension between North Korea")
        })
        .expect("the sentence about heightened tension");
    assert!(
        tension["score"].as_f64().unwrap() < 0.0,
        "heightened tension reads negative: {tension}"
    );
    let north_korea = sentiment["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "North Korea")
        .unwrap();
    assert!(north_korea["score"].is_number());
    assert_eq!(north_korea["mentions"], 16);
    assert_eq!(
        sentiment["quotes"].as_array().unwrap().len(),
        record["quotes"].as_array().unwrap().len(),
        "one score per quote of the quotes layer"
    );
}

#[test]
fn sample_article_sentiment_snapshot() {
    let record = sample_record();
    insta::assert_json_snapshot!(record["sentiment"]);
}

#[test]
fn vader_mode_gives_vaders_compound() {
    let lines = b"{\"id\":\"a\",\"text\":\"The book was good.\"}\n{\"id\":\"b\",\"text\":\"VADER is VERY SMART, handsome, and FUNNY!!!\"}\n";
    let output = byline(
        &[
            "run",
            "--plugins",
            "sentiment",
            "--set",
            "sentiment.mode=vader",
            "-",
        ],
        Some(lines),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records[0]["sentiment"]["score"], 0.4404);
    assert_eq!(records[1]["sentiment"]["score"], 0.9342);
    assert_eq!(records[1]["sentiment"]["mode"], "vader");
}
