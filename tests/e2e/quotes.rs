//! The quotes plugin through the real binary, with the entities layer it reads.

use byline_e2e::{byline, records, root, scratch_dir, stderr};
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

#[test]
fn eval_quotes_scores_a_polnear_split_as_the_shared_scorer_does() {
    // A two-paragraph article written for byline, annotated by hand in PolNeAR's brat format: one
    // direct quote ("..., said Maria Lopez") and one reported belief ("Union leaders believe ...").
    let split = byline_e2e::root().join("tests/fixtures/polnear-mini");
    let run = |extra: &[&str]| {
        let mut args = vec!["eval", "quotes", "--polnear", split.to_str().unwrap()];
        args.extend_from_slice(extra);
        let output = byline(&args, None);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let all = run(&[]);
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 7, "{all}");
    assert_eq!(lines[0], "gold attributions 2, predicted quotes 2");
    assert_eq!(lines[3], "attribution        P 100.00  R 100.00  F1 100.00");
    assert_eq!(lines[4], "speaker accuracy on paired quotes: 100.00 (2/2)");
    assert_eq!(lines[6], "attribution F1: 100.00");
    let direct = run(&["--direct-only"]);
    assert!(
        direct.starts_with("gold attributions 1, predicted quotes 1 (direct only)\n"),
        "{direct}"
    );
    // The rules alone find the same two (the tagger adds nothing here).
    assert_eq!(run(&["--set", "quotes.tagger=false"]), all);
    // With --by-confidence the same lines come first, then how the confidence did: both right.
    let judged = run(&["--by-confidence"]);
    assert!(judged.starts_with(&all), "{judged}");
    let extra: Vec<&str> = judged[all.len()..].lines().collect();
    assert_eq!(
        extra[0], "quotes judged one by one: 2, right 2 (100.0%)",
        "{judged}"
    );
    assert!(
        extra.last().is_some_and(|l| l.starts_with("AUC -  Brier ")),
        "{judged}"
    );
}

#[test]
fn eval_quotes_names_a_folder_that_is_not_a_split() {
    let output = byline(&["eval", "quotes", "--polnear", "/nonexistent/split"], None);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("/nonexistent/split/attributions"),
        "{message}"
    );
    assert!(message.contains("text/ and attributions/"), "{message}");
}

#[test]
fn a_tagger_model_given_by_path_is_used_or_refused_with_its_path() {
    let line: &[u8] = b"{\"id\":\"x\",\"text\":\"Ana Ruiz said the plant would close.\"}\n";
    // The shipped model given by its path reads as the built-in one.
    let shipped = root().join("plugins/quotes/model/attribution-polnear.model");
    let set = format!("quotes.tagger_model={}", shipped.display());
    let given = byline(
        &["run", "--plugins", "quotes", "--set", &set, "-"],
        Some(line),
    );
    let built_in = byline(&["run", "--plugins", "quotes", "-"], Some(line));
    assert!(given.status.success(), "{}", stderr(&given));
    assert_eq!(
        records(&given)[0]["quotes"],
        records(&built_in)[0]["quotes"]
    );

    let dir = scratch_dir("tagger-model");
    for (name, bytes, reason) in [
        ("missing.model", None, "cannot read tagger_model"),
        (
            "other.model",
            Some(&b"not a model"[..]),
            "not a byline attribution tagger model",
        ),
    ] {
        let path = dir.join(name);
        if let Some(bytes) = bytes {
            std::fs::write(&path, bytes).unwrap();
        }
        let set = format!("quotes.tagger_model={}", path.display());
        let output = byline(
            &["run", "--plugins", "quotes", "--set", &set, "-"],
            Some(line),
        );
        assert_eq!(output.status.code(), Some(2));
        let err = stderr(&output);
        assert!(
            err.contains("plugin 'quotes' rejected its configuration"),
            "{err}"
        );
        assert!(err.contains(name) && err.contains(reason), "{err}");
    }
}

#[test]
fn a_negated_verb_split_by_the_tokenizer_leaves_the_speaker_whole() {
    // The host's tokenizer splits "won't" as "wo n't" and "didn’t" as "did n’t".
    let line = r#"{"id":"n","text":"Roffman won't reveal the terms of the settlement. While the donor didn’t disclose his backing, he did say he found Trump very charming."}"#;
    let output = byline(
        &["run", "--plugins", "entities,quotes", "-"],
        Some(line.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record = &records(&output)[0];
    let speakers: Vec<&str> = record["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["speaker"]["text"].as_str())
        .collect();
    assert_eq!(
        speakers,
        ["Roffman", "the donor", "he"],
        "{}",
        record["quotes"]
    );
}

#[test]
fn a_possessor_speaks_for_a_noun_after_its_adjective() {
    // The host's tokenizer splits "Obama’s" as "Obama ’s": the possessor is the word before.
    let line = r#"{"id":"p","text":"Barack Obama took office in 2009. The plan would run counter to Mr. Obama’s original pledge to remove all troops from Afghanistan."}"#;
    let output = byline(
        &["run", "--plugins", "entities,quotes", "-"],
        Some(line.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record = &records(&output)[0];
    let pledge = record["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["cue"]["text"] == "pledge")
        .unwrap_or_else(|| panic!("no quote with the cue pledge: {}", record["quotes"]));
    assert_eq!(pledge["speaker"]["name"], "Barack Obama", "{pledge}");
}

#[test]
fn an_attribution_inverted_before_its_quotation_names_the_speaker() {
    // The tagger reads the verb that opens the sentence as the first word of a name, "Said Comey".
    let line = r#"{"id":"s","text":"FBI Director James Comey spoke to reporters on Tuesday. Said Comey, \"The thought that an error on our part is connected to this purchase is very painful to us.\""}"#;
    let output = byline(
        &["run", "--plugins", "entities,quotes", "-"],
        Some(line.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record = &records(&output)[0];
    assert!(
        record["entities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| !e["text"].as_str().unwrap_or("").starts_with("Said")),
        "{}",
        record["entities"]
    );
    let quote = find(record, "James Comey", "Said");
    assert_eq!(quote["speaker"]["text"], "Comey", "{quote}");
    assert_eq!(quote["kind"], "direct", "{quote}");
}
