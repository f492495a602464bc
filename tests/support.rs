//! Helpers for the end-to-end tests: build the workspace once, find the `byline` binary, install
//! fixture plugins into a scratch plugin directory, and run the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// The target directory cargo uses for this workspace.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Builds the binary and every plugin library (the same `cargo build --workspace` a user runs), once
/// per test process, and returns the directory holding them.
pub fn build_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--workspace", "--quiet"])
            .current_dir(root())
            .status();
        match status {
            Ok(s) if s.success() => target_dir().join("debug"),
            other => panic!("`cargo build --workspace` failed: {other:?}"),
        }
    })
}

/// The built `byline` executable.
pub fn byline_bin() -> PathBuf {
    build_dir().join(format!("byline{}", std::env::consts::EXE_SUFFIX))
}

/// A fresh, empty scratch directory under the target directory, removed when the value is dropped
/// at the end of a passing test. A failing test keeps it, and says where, so its files can be
/// read; without the removal every `cargo test` left its inputs behind (the scale and huge-line
/// tests write tens of megabytes each).
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "scratch directory kept for inspection: {}",
                self.path.display()
            );
        } else {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// A fresh, empty [`Scratch`] directory named after `label`, unique to this process and call.
pub fn scratch_dir(label: &str) -> Scratch {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = target_dir()
        .join("e2e-scratch")
        .join(format!("{label}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&path);
    std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("cannot create {path:?}: {e}"));
    Scratch { path }
}

/// The file name a plugin library must have to be discovered.
pub fn plugin_file_name(plugin: &str) -> String {
    format!(
        "{}byline_plugin_{plugin}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    )
}

/// Copies the built fixture library `byline_fixture_<fixture>` into `dir` under the discoverable
/// name `byline_plugin_<as_name>`.
pub fn install_fixture(fixture: &str, as_name: &str, dir: &Path) {
    let built = build_dir().join(format!(
        "{}byline_fixture_{fixture}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    std::fs::copy(&built, dir.join(plugin_file_name(as_name)))
        .unwrap_or_else(|e| panic!("cannot copy {built:?}: {e}"));
}

/// The path of a fixture article.
pub fn article(name: &str) -> PathBuf {
    root().join("tests/fixtures/articles").join(name)
}

/// A JSON Lines corpus of `copies` documents cycling through the fixture articles, each with its
/// own id (`doc-N`) and its article's name in a `source` field.
pub fn corpus_jsonl(copies: usize) -> Vec<u8> {
    let names = [
        "zhao-leji-visit.txt",
        "council-budget.txt",
        "transfer-saga.txt",
    ];
    let texts: Vec<String> = names
        .iter()
        .map(|name| {
            std::fs::read_to_string(article(name))
                .unwrap_or_else(|e| panic!("cannot read fixture {name}: {e}"))
        })
        .collect();
    let mut out = Vec::new();
    for i in 0..copies {
        let k = i % names.len();
        let line =
            serde_json::json!({"id": format!("doc-{i}"), "text": texts[k], "source": names[k]});
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

/// Runs `byline` with `args`, feeding `stdin`, with `BYLINE_PLUGIN_PATH` cleared.
pub fn byline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(byline_bin());
    command
        .args(args)
        .env_remove("BYLINE_PLUGIN_PATH")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run byline: {e}"));
    if let Some(bytes) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
        let bytes = bytes.to_vec();
        // Write from another thread so a full stdout pipe cannot deadlock us.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("byline did not finish: {e}"))
}

/// Standard output as JSON records, one per line.
pub fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {e}: {line}")))
        .collect()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The record of the bundled sample article with `plugins` (comma-separated), its id made
/// independent of where the repository is checked out.
pub fn sample_record(plugins: &str) -> serde_json::Value {
    let path = article("zhao-leji-visit.txt");
    let path = path.to_string_lossy();
    let output = byline(&["run", "--plugins", plugins, &path], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut record = records(&output).remove(0);
    record["id"] = serde_json::Value::String("zhao-leji-visit.txt".into());
    record
}
