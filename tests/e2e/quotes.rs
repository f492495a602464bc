//! The quotes plugin through the real binary, with the entities layer it reads.

use byline_e2e::{byline, records, stderr};
use serde_json::Value;

fn sample_record() -> Value {
    byline_e2e::sample_record("entities,quotes")
}

fn find<'r>(record: &'r Value, speaker: &str, cue: &str) -> &'r Value {
    record["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["speaker"]["name"] == speaker && q["cue"]["text"] == cue)
        .unwrap_or_else(|| panic!("no quote by {speaker} with cue {cue}: {}", record["quotes"]))
}

#[test]
fn the_sample_article_says_who_said_what() {
    let record = sample_record();
    let mao = find(&record, "Mao Ning", "announced");
    assert_eq!(mao["kind"], "indirect");
    assert_eq!(mao["speaker"]["kind"], "person");
    assert_eq!(mao["via"]["name"], "Xinhua News Agency");
    assert_eq!(mao["via"]["kind"], "media");

    let wang_told = find(&record, "Wang Junsheng", "told");
    assert_eq!(wang_told["addressee"]["text"], "Global Times");
    assert_eq!(
        wang_told["speaker"]["role"],
        "research fellow of East Asian studies"
    );
    assert_eq!(
        wang_told["speaker"]["affiliation"],
        "Chinese Academy of Social Sciences"
    );

    let wang_noted = find(&record, "Wang Junsheng", "noted");
    assert_eq!(wang_noted["kind"], "direct");
    assert_eq!(
        wang_noted["speaker"]["text"], "Wang",
        "the nearest mention is the surname"
    );
    assert!(
        wang_noted["text"]
            .as_str()
            .unwrap()
            .starts_with("Apart from senior official exchanges")
    );

    let zheng = find(&record, "Zheng Jiyong", "told");
    assert_eq!(zheng["speaker"]["role"], "director");
    assert_eq!(zheng["speaker"]["affiliation"], "Center for Korean Studies");
    assert_eq!(zheng["addressee"]["text"], "Global Times");

    let experts = find(&record, "Chinese experts", "said");
    assert_eq!(experts["speaker"]["kind"], "group");
    assert_eq!(find(&record, "experts", "said")["speaker"]["kind"], "group");
    assert_eq!(
        find(&record, "Chinese analysts", "said")["speaker"]["kind"],
        "group"
    );

    let speakers = record["quote_speakers"].as_array().unwrap();
    let wang = speakers
        .iter()
        .find(|s| s["name"] == "Wang Junsheng")
        .unwrap();
    assert_eq!(wang["quotes"], 2);
}

#[test]
fn sample_article_quotes_snapshot() {
    let mut record = sample_record();
    // The entities layer has its own snapshot.
    record.as_object_mut().unwrap().remove("entities");
    record.as_object_mut().unwrap().remove("entity_clusters");
    insta::assert_json_snapshot!(record);
}

#[test]
fn quotes_run_without_the_entities_layer() {
    let line = b"{\"id\":\"x\",\"text\":\"\\u201cWe will review every step,\\u201d the minister said.\"}\n";
    let output = byline(&["run", "--plugins", "quotes", "-"], Some(line));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record = &records(&output)[0];
    assert_eq!(record["quotes"][0]["speaker"]["text"], "the minister");
    assert_eq!(record["quotes"][0]["kind"], "direct");
}
