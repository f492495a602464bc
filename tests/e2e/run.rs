//! The runner as users see it: order, determinism across thread counts, inputs of every kind.

use byline_e2e::{article, byline, corpus_jsonl, records, scratch_dir, stderr};

#[test]
fn output_is_byte_identical_across_thread_counts_and_in_input_order() {
    let input = corpus_jsonl(300);
    let run = |jobs: &str| {
        byline(
            &[
                "run",
                "--plugins",
                "readability",
                "--jobs",
                jobs,
                "--batch-size",
                "7",
                "-",
            ],
            Some(&input),
        )
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(one.stdout, two.stdout, "--jobs 1 and --jobs 2 differ");
    let ids: Vec<String> = records(&two)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn a_txt_file_a_folder_and_stdin_are_all_inputs() {
    let dir = scratch_dir("inputs");
    std::fs::write(dir.join("one.txt"), "One article.").unwrap();
    let sample = article("council-budget.txt");
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            sample.to_str().unwrap(),
            dir.to_str().unwrap(),
            "-",
        ],
        Some(b"{\"id\":\"from-stdin\",\"text\":\"Piped in.\"}\n"),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let records = records(&output);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [sample.to_str().unwrap(), "one.txt", "from-stdin"]);
}

#[test]
fn output_goes_to_a_file_with_a_summary_on_stderr() {
    let dir = scratch_dir("out-file");
    let out = dir.join("out.jsonl");
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "-o",
            out.to_str().unwrap(),
            "-",
        ],
        Some(&corpus_jsonl(5)),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 5);
    let err = stderr(&output);
    assert!(err.contains("byline: 5 documents, 0 with errors"), "{err}");
    assert!(err.contains("MB/s"), "{err}");
}

#[test]
fn quiet_silences_the_summary_and_pretty_is_readable() {
    let sample = article("transfer-saga.txt");
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "--quiet",
            "--format",
            "pretty",
            sample.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("── "), "{text}");
    assert!(text.contains("readability: {\"words\":"), "{text}");
}

#[test]
fn selecting_no_plugin_is_refused() {
    let output = byline(&["run", "--plugins", "", "-"], Some(b""));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no plugins selected"),
        "{}",
        stderr(&output)
    );
}
