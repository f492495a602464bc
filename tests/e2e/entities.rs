//! The entities plugin through the real binary: the sample article, date normalisation against the
//! document's date, labels set by the words around a name (a company noun, a kind of work, a
//! holiday, a broadcaster's number, a courtesy title), a broken model file, and `byline eval
//! entities`.

use byline_e2e::{byline, records, root, scratch_dir, stderr};
use serde_json::Value;

fn entities_of(record: &Value) -> Vec<(String, String)> {
    record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["label"].as_str().unwrap().to_string(),
                e["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The entities of one document with `text`, through the binary.
fn entities_of_text(text: &str) -> Vec<(String, String)> {
    let line = serde_json::json!({"id": "t", "text": text}).to_string() + "\n";
    let output = byline(
        &["run", "--plugins", "entities", "-"],
        Some(line.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    entities_of(&records(&output)[0])
}

fn has(entities: &[(String, String)], label: &str, text: &str) -> bool {
    entities.iter().any(|(l, t)| l == label && t == text)
}

fn sample_record() -> Value {
    byline_e2e::sample_record("entities")
}

#[test]
fn the_sample_article_has_its_people_places_organisations_and_dates() {
    let record = sample_record();
    let entities = entities_of(&record);
    for name in ["Zhao Leji", "Mao Ning", "Wang Junsheng", "Zheng Jiyong"] {
        assert!(
            has(&entities, "PERSON", name),
            "PERSON {name}: {entities:?}"
        );
    }
    for place in [
        "China",
        "North Korea",
        "Beijing",
        "Pyongyang",
        "Shanghai",
        "US",
        "South Korea",
        "Russia",
        "Vietnam",
        "Laos",
    ] {
        assert!(has(&entities, "GPE", place), "GPE {place}: {entities:?}");
    }
    for org in [
        "Xinhua News Agency",
        "Global Times",
        "Chinese Academy of Social Sciences",
        "Fudan University",
        "Center for Korean Studies",
        "Workers' Party of Korea",
    ] {
        assert!(has(&entities, "ORG", org), "ORG {org}: {entities:?}");
    }
    assert!(has(&entities, "NORP", "Chinese"));
    for date in [
        "Thursday",
        "Saturday",
        "Tuesday",
        "Wednesday",
        "2019",
        "2024",
    ] {
        assert!(has(&entities, "DATE", date), "DATE {date}: {entities:?}");
    }
    // "Wang" is Wang Junsheng; "Zhao" is Zhao Leji; North Korea and Pyongyang stay apart.
    let cluster_of = |text: &str| {
        record["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == text)
            .map(|e| (e["cluster"].clone(), e["canonical"].clone()))
            .unwrap()
    };
    assert_eq!(cluster_of("Wang").0, cluster_of("Wang Junsheng").0);
    assert_eq!(cluster_of("Wang").1, "Wang Junsheng");
    assert_eq!(cluster_of("Zhao").1, "Zhao Leji");
    assert_ne!(cluster_of("North Korea").0, cluster_of("Pyongyang").0);
    let clusters = record["entity_clusters"].as_array().unwrap();
    let wang = clusters
        .iter()
        .find(|c| c["name"] == "Wang Junsheng")
        .unwrap();
    assert_eq!(wang["mentions"], 2);
    assert_eq!(wang["label"], "PERSON");
    // No anchor date in a .txt file: relative dates carry no value.
    assert!(
        record["entities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["text"] != "Thursday" || e.get("value").is_none())
    );
}

#[test]
fn sample_article_entities_snapshot() {
    insta::assert_json_snapshot!(sample_record());
}

#[test]
fn relative_dates_resolve_against_the_documents_own_date() {
    let text = "Minister Ana Ruiz arrived in Madrid on Wednesday and will stay from Thursday to Saturday. \
Exports rose 4% last year, to $2.5 billion, and fell on 9 April 2024. The talks end next week.";
    let line =
        serde_json::json!({"id": "d", "text": text, "date": "2024-04-10"}).to_string() + "\n";
    let output = byline(
        &["run", "--plugins", "entities", "-"],
        Some(line.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record = &records(&output)[0];
    let value_of = |t: &str| {
        record["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["text"] == t)
            .unwrap_or_else(|| panic!("no entity {t}: {record}"))
            .get("value")
            .cloned()
    };
    assert_eq!(
        value_of("Wednesday"),
        Some("2024-04-10".into()),
        "the document's own day"
    );
    assert_eq!(value_of("Thursday"), Some("2024-04-11".into()));
    assert_eq!(value_of("Saturday"), Some("2024-04-13".into()));
    assert_eq!(value_of("last year"), Some("2023".into()));
    assert_eq!(value_of("9 April 2024"), Some("2024-04-09".into()));
    assert_eq!(value_of("next week"), Some("2024-W16".into()));
    let entities = entities_of(record);
    assert!(has(&entities, "PERCENT", "4%"), "{entities:?}");
    assert!(has(&entities, "MONEY", "$2.5 billion"), "{entities:?}");
    assert!(has(&entities, "GPE", "Madrid"), "{entities:?}");
    assert!(has(&entities, "PERSON", "Ana Ruiz"), "{entities:?}");
}

#[test]
fn the_words_around_a_name_set_its_label() {
    // Written for this test, in the manner of BBC's business and arts pages: a company a company
    // noun introduces, a film title, a holiday.
    let text = "Sales rose before Christmas, while low-cost carrier Virgin Blue cut fares. The \
abortion drama Vera Drake won three awards. Andrew Ridgeley was there.";
    let entities = entities_of_text(text);
    assert!(has(&entities, "ORG", "Virgin Blue"), "{entities:?}");
    assert!(has(&entities, "WORK_OF_ART", "Vera Drake"), "{entities:?}");
    assert!(has(&entities, "DATE", "Christmas"), "{entities:?}");
    assert!(has(&entities, "PERSON", "Andrew Ridgeley"), "{entities:?}");
}

#[test]
fn a_broadcasters_number_is_part_of_its_name() {
    // Written for this test: "Channel 4" and "Radio 1" are names, not a name and a number.
    let text = "The creator of the soap has offered to buy Channel 4. He also spoke to Radio 1 \
on Tuesday about the deal.";
    let entities = entities_of_text(text);
    assert!(has(&entities, "ORG", "Channel 4"), "{entities:?}");
    assert!(has(&entities, "ORG", "Radio 1"), "{entities:?}");
    assert!(
        !entities.iter().any(|(l, _)| l == "CARDINAL"),
        "{entities:?}"
    );
}

#[test]
fn a_conjunction_that_opens_the_sentence_is_no_part_of_the_name_after_it() {
    // Written for this test: the tagger reads "However Roddick" and "Despite Barkley" as names.
    let text = "Andy Roddick served well in the first set. However Roddick double-faults to \
concede the first mini-break. Despite Barkley scoring twice, the team lost on Sunday. \
However, analysts said the result was fair.";
    let entities = entities_of_text(text);
    assert!(has(&entities, "PERSON", "Roddick"), "{entities:?}");
    assert!(has(&entities, "PERSON", "Barkley"), "{entities:?}");
    assert!(
        !entities
            .iter()
            .any(|(_, t)| t.starts_with("However") || t.starts_with("Despite")),
        "{entities:?}"
    );
}

#[test]
fn a_courtesy_title_makes_a_person() {
    // Written for this test: a surname the tagger may read as an organisation.
    let text = "But local resident Francesca Detakats came specially to the stall. Ms Detakats \
said she was a collector.";
    let entities = entities_of_text(text);
    // The tagger reads both as an organisation; the title before the second settles it.
    assert!(has(&entities, "PERSON", "Detakats"), "{entities:?}");
}

#[test]
fn a_truncated_model_is_a_clear_error_before_any_document() {
    let dir = scratch_dir("bad-model");
    let model = root().join("plugins/entities/model/entities-conll03.model");
    let bytes = std::fs::read(&model).unwrap();
    let truncated = dir.join("truncated.model");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let set = format!("entities.model={}", truncated.display());
    let output = byline(
        &["run", "--plugins", "entities", "--set", &set, "-"],
        Some(b"{\"text\":\"x\"}\n"),
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("plugin 'entities' rejected its configuration"),
        "{err}"
    );
    assert!(err.contains("truncated.model"), "{err}");
    assert!(
        err.contains("checksum") || err.contains("truncated"),
        "{err}"
    );

    let other = dir.join("other.model");
    std::fs::write(&other, b"PK\x03\x04 not a model at all").unwrap();
    let set = format!("entities.model={}", other.display());
    let output = byline(
        &["run", "--plugins", "entities", "--set", &set, "-"],
        Some(b""),
    );
    assert!(
        stderr(&output).contains("wrong magic bytes"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn eval_entities_prints_the_conlleval_table() {
    let conll = root().join("tests/fixtures/conll/mini.conll");
    let output = byline(
        &["eval", "entities", "--conll", conll.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(
        table.starts_with("type      prec  recall      F1   gold   pred\n"),
        "{table}"
    );
    let all = table.lines().find(|l| l.starts_with("ALL")).unwrap();
    let gold: usize = all.split_whitespace().nth(4).unwrap().parse().unwrap();
    assert_eq!(
        gold, 5,
        "Maria Lopez, Berlin, European Commission, German, Lopez: {table}"
    );
    assert!(
        table
            .trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("F1 overall: ")
    );
}

#[test]
fn a_team_named_before_its_boss_is_an_organisation_throughout() {
    // Written for this test: the tagger reads a club's one-word name as a person's.
    let text = "Chelsea boss Jose Mourinho praised his players on Sunday. Chelsea won the game \
with two late goals.";
    let entities = entities_of_text(text);
    assert!(has(&entities, "PERSON", "Jose Mourinho"), "{entities:?}");
    assert!(
        entities
            .iter()
            .filter(|(_, t)| t == "Chelsea")
            .all(|(label, _)| label == "ORG"),
        "{entities:?}"
    );
}
