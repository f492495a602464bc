//! Bad input gets a clear answer and loses nothing.

use byline_e2e::{article, byline, records, scratch_dir, stderr};
use serde_json::Value;

fn error_message(record: &Value) -> String {
    record["errors"][0]["message"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[test]
fn bad_json_lines_become_error_records_and_the_rest_is_processed() {
    let dir = scratch_dir("bad-lines");
    let input = dir.join("in.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(
        b"{\"id\":\"a\",\"text\":\"First good article. It has two sentences.\"}\n",
    );
    bytes.extend_from_slice(b"{\"id\":\"b\",\"text\": \"unterminated\n");
    bytes.extend_from_slice(b"{\"id\":\"c\",\"body\":\"no text field here\"}\n");
    bytes.extend_from_slice(b"{\"id\":\"d\",\"text\":\"caf\xe9 is Latin-1\"}\n");
    bytes.extend_from_slice(b"\n");
    bytes.extend_from_slice(b"{\"text\":\"Last good one.\",\"date\":\"2024-04-09\"}\n");
    std::fs::write(&input, bytes).unwrap();
    let input = input.to_str().unwrap();

    let output = byline(&["run", "--plugins", "readability", input], None);
    assert_eq!(
        output.status.code(),
        Some(1),
        "some documents failed: {}",
        stderr(&output)
    );
    let records = records(&output);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a", "1", "c", "3", "4", "5"],
        "one record per line, in order"
    );

    assert_eq!(records[0]["readability"]["sentences"], 2);
    assert_eq!(records[0]["errors"], serde_json::json!([]));

    let malformed = &records[1];
    assert_eq!(malformed["errors"][0]["input"], input);
    assert_eq!(malformed["errors"][0]["line"], 2);
    assert!(
        error_message(malformed).contains("malformed JSON"),
        "{malformed}"
    );

    let no_text = &records[2];
    assert_eq!(no_text["errors"][0]["line"], 3);
    assert!(error_message(no_text).contains("no \"text\" field (fields present: body)"));
    assert!(error_message(no_text).contains("--text-field"));

    let latin1 = &records[3];
    assert_eq!(latin1["errors"][0]["line"], 4);
    assert!(error_message(latin1).contains("not valid UTF-8"));

    assert!(error_message(&records[4]).contains("empty line"));

    let last = &records[5];
    assert_eq!(
        last["meta"]["date"], "2024-04-09",
        "other fields are carried to meta"
    );
    assert_eq!(last["readability"]["sentences"], 1);
    assert!(stderr(&output).contains("6 documents, 4 with errors"));
}

#[test]
fn the_text_field_can_be_renamed() {
    let line = b"{\"id\":\"x\",\"body\":\"One sentence here.\"}\n";
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "--text-field",
            "body",
            "-",
        ],
        Some(line),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(records(&output)[0]["readability"]["words"], 3);
}

#[test]
fn binary_and_non_utf8_text_files_become_error_records() {
    let dir = scratch_dir("bad-files");
    std::fs::write(dir.join("a-good.txt"), "A good article. Short.").unwrap();
    std::fs::write(dir.join("b-binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(dir.join("c-latin1.txt"), b"Caf\xe9 au lait.").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/d-empty.txt"), "").unwrap();
    std::fs::write(dir.join("ignored.md"), "not a .txt file").unwrap();

    let output = byline(
        &["run", "--plugins", "readability", dir.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let records = records(&output);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "a-good.txt",
            "b-binary.txt",
            "c-latin1.txt",
            "sub/d-empty.txt"
        ]
    );
    assert_eq!(records[0]["readability"]["sentences"], 2);
    assert!(error_message(&records[1]).contains("looks binary"));
    assert!(
        records[1]["errors"][0]["input"]
            .as_str()
            .unwrap()
            .ends_with("b-binary.txt")
    );
    assert!(error_message(&records[2]).contains("not valid UTF-8 (invalid byte at offset 3)"));
    assert_eq!(
        records[3]["readability"]["words"], 0,
        "an empty document is processed"
    );
    assert_eq!(records[3]["errors"], serde_json::json!([]));
}

#[test]
fn a_50_mb_document_is_processed() {
    let dir = scratch_dir("huge");
    let sample = std::fs::read_to_string(article("zhao-leji-visit.txt")).unwrap();
    let mut text = String::with_capacity(51 << 20);
    while text.len() < 50 << 20 {
        text.push_str(&sample);
        text.push_str("\n\n");
    }
    let line = serde_json::json!({"id": "huge", "text": text}).to_string() + "\n";
    std::fs::write(dir.join("huge.jsonl"), line).unwrap();
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            dir.join("huge.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records.len(), 1);
    let copies = text.matches("Wang noted").count() as u64;
    assert_eq!(
        records[0]["readability"]["paragraphs"].as_u64(),
        Some(13 * copies)
    );
}

#[test]
fn an_unwritable_output_fails_before_any_work() {
    let dir = scratch_dir("unwritable");
    let target = dir.join("no-such-dir").join("out.jsonl");
    let sample = article("zhao-leji-visit.txt");
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "-o",
            target.to_str().unwrap(),
            sample.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("cannot write output"), "{err}");
    assert!(err.contains("out.jsonl"), "{err}");
    assert!(!err.contains("documents"), "no summary: nothing ran: {err}");
}

#[test]
fn a_missing_input_names_the_path() {
    let output = byline(
        &["run", "--plugins", "readability", "no/such/file.jsonl"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read input 'no/such/file.jsonl'"));
}

#[test]
fn record_errors_ok_exits_zero_but_keeps_the_error_records() {
    let lines = b"{\"id\":\"a\",\"text\":\"One sentence.\"}\nnot json\n";
    let args = ["run", "--plugins", "readability", "-q", "-"];
    let strict = byline(&args, Some(lines));
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    let lenient = byline(&[&args[..], &["--record-errors-ok"]].concat(), Some(lines));
    assert_eq!(lenient.status.code(), Some(0), "{}", stderr(&lenient));
    assert_eq!(lenient.stdout, strict.stdout, "the same records either way");
    let records = records(&lenient);
    assert!(error_message(&records[1]).contains("malformed JSON"));
    let setup = byline(
        &[
            "run",
            "--plugins",
            "no-such-plugin",
            "--record-errors-ok",
            "-",
        ],
        Some(lines),
    );
    assert_eq!(setup.status.code(), Some(2), "setup errors still fail");
}
