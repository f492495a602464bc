//! Plugin discovery, loading, the ABI check, panics at the boundary, configuration and ordering.

use byline_e2e::{byline, install_fixture, records, scratch_dir, stderr};

#[test]
fn plugins_next_to_the_executable_are_found_with_no_flags() {
    let output = byline(&["plugins", "list"], None);
    assert_eq!(output.status.code(), Some(0));
    let listing = String::from_utf8_lossy(&output.stdout);
    assert!(listing.contains("readability  0.1.0"), "{listing}");
    assert!(
        !listing.contains("noop"),
        "fixtures are not discoverable: {listing}"
    );
}

#[test]
fn the_example_plugin_is_described_from_its_library() {
    let output = byline(&["plugins", "describe", "readability"], None);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("ABI:       1.0"), "{text}");
    assert!(text.contains("requires:  sentences"), "{text}");
    assert!(
        text.contains("words_per_minute (integer, default 230)"),
        "{text}"
    );
}

#[test]
fn an_unknown_plugin_lists_what_was_found_and_where() {
    let dir = scratch_dir("unknown");
    install_fixture("noop", "noop", &dir);
    let output = byline(
        &[
            "run",
            "--plugin-dir",
            dir.to_str().unwrap(),
            "--plugins",
            "qoutes",
            "-",
        ],
        Some(b""),
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("unknown plugin 'qoutes' (did you mean 'quotes'?)"),
        "{err}"
    );
    assert!(
        err.contains("Found: noop, entities, quotes, readability"),
        "in search order: {err}"
    );
    assert!(
        err.contains(dir.to_str().unwrap()),
        "names the directories searched: {err}"
    );
}

#[test]
fn a_plugin_built_for_another_abi_major_is_refused_naming_both_versions() {
    let dir = scratch_dir("abi");
    install_fixture("abi_mismatch", "mismatch", &dir);
    let output = byline(
        &[
            "run",
            "--plugin-dir",
            dir.to_str().unwrap(),
            "--plugins",
            "mismatch",
            "-",
        ],
        Some(b""),
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("built for byline plugin ABI 2.0"), "{err}");
    assert!(err.contains("this byline speaks ABI 1.0"), "{err}");
    assert!(
        err.contains("libbyline_plugin_mismatch"),
        "names the file: {err}"
    );
    let listing = byline(
        &["plugins", "list", "--plugin-dir", dir.to_str().unwrap()],
        None,
    );
    assert!(String::from_utf8_lossy(&listing.stdout).contains("Not loaded: plugin library"));
}

#[test]
fn a_panicking_plugin_costs_only_its_own_output_for_that_document() {
    let dir = scratch_dir("panic");
    install_fixture("panicky", "panicky", &dir);
    let input = b"{\"id\":\"ok\",\"text\":\"Calm text.\"}\n\
{\"id\":\"boom\",\"text\":\"Please PANIC now. Then go on.\"}\n\
{\"id\":\"fail\",\"text\":\"Please FAIL now.\"}\n\
{\"id\":\"after\",\"text\":\"Still running.\"}\n";
    let output = byline(
        &[
            "run",
            "--plugin-dir",
            dir.to_str().unwrap(),
            "--plugins",
            "panicky,readability",
            "-",
        ],
        Some(input),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["panicky"]["chars"], 10);
    let boom = &records[1];
    assert_eq!(boom["panicky"], serde_json::Value::Null);
    assert_eq!(
        boom["readability"]["sentences"], 2,
        "the other plugin's output is kept"
    );
    assert_eq!(boom["errors"][0]["plugin"], "panicky");
    assert_eq!(boom["errors"][0]["stage"], "panic");
    let message = boom["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("asked to panic by document boom"),
        "{message}"
    );
    assert!(
        message.contains("src/lib.rs"),
        "the panic's location: {message}"
    );
    assert_eq!(records[2]["errors"][0]["stage"], "plugin");
    assert_eq!(records[3]["panicky"]["chars"], 14, "the run goes on");
    assert!(
        !stderr(&output).contains("panicked at"),
        "no panic noise on stderr"
    );
}

#[test]
fn options_are_validated_before_any_document_runs() {
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "--set",
            "readability.wpm=100",
            "-",
        ],
        Some(b"{\"text\":\"x\"}\n"),
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("plugin 'readability' rejected its configuration: unknown option 'wpm' (known: words_per_minute, long_sentence_words)"),
        "{err}"
    );
    assert!(output.stdout.is_empty());

    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "--set",
            "readability.words_per_minute=0",
            "-",
        ],
        Some(b"{\"text\":\"x\"}\n"),
    );
    assert!(stderr(&output).contains("words_per_minute must be positive, got 0"));

    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "--set",
            "quotes.x=1",
            "-",
        ],
        Some(b"{\"text\":\"x\"}\n"),
    );
    assert!(
        stderr(&output).contains("options were given for plugin 'quotes', which is not selected")
    );
}

#[test]
fn options_from_the_command_line_and_a_config_file_reach_the_plugin() {
    let dir = scratch_dir("config");
    let config = dir.join("byline.json");
    std::fs::write(
        &config,
        r#"{"readability": {"long_sentence_words": 3, "words_per_minute": 60}}"#,
    )
    .unwrap();
    let output = byline(
        &[
            "run",
            "--plugins",
            "readability",
            "--config",
            config.to_str().unwrap(),
            "--set",
            "readability.words_per_minute=30",
            "-",
        ],
        Some(b"{\"text\":\"Short one. This one has five words.\"}\n"),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record = &records(&output)[0];
    assert_eq!(
        record["readability"]["long_sentences"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(record["readability"]["long_sentences"][0]["start"], 11);
    assert_eq!(
        record["readability"]["reading_minutes"], 0.2,
        "--set wins: 7 words at 30 wpm"
    );
}

#[test]
fn plugins_are_found_on_byline_plugin_path() {
    let dir = scratch_dir("env-path");
    install_fixture("noop", "noop", &dir);
    let output = std::process::Command::new(byline_e2e::byline_bin())
        .args(["plugins", "describe", "noop"])
        .env("BYLINE_PLUGIN_PATH", dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("noop 0.1.0"));
}
