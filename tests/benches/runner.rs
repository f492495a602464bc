//! The runner's throughput on the BBC News corpus (`shared/data/bbc_news`), through real plugin
//! libraries loaded dynamically: the do-nothing `noop` fixture (the runner's own overhead: reading
//! documents, one FFI call each, writing records) and the example `readability` plugin (which also
//! makes the host tokenise and split sentences), and the shipped extractors `sentiment`,
//! `entities` and `entities,quotes`. Measured on 1 thread (MB/s per core) and 2.
//!
//! Run: `cargo bench -p byline-e2e --bench runner` (it builds the release plugins first).

use byline_core::input::InputItem;
use byline_core::plugin::Catalog;
use byline_core::{Document, Origin, Pipeline, RunOptions};
use criterion::{Criterion, Throughput, criterion_main};
use std::path::{Path, PathBuf};
use std::process::Command;

fn release_dir() -> PathBuf {
    let root = byline_e2e::root();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--workspace", "--quiet"])
        .current_dir(&root)
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "cargo build --release failed"
    );
    byline_e2e::target_dir().join("release")
}

fn corpus() -> Vec<Document> {
    let root = byline_e2e::root();
    let bbc = root.join("../shared/data/bbc_news/bbc");
    let dir = if bbc.is_dir() {
        bbc
    } else {
        root.join("tests/fixtures/articles")
    };
    let files = byline_core::input::text_files_under(&dir).unwrap_or_default();
    files
        .iter()
        .filter_map(|f| {
            let text = String::from_utf8_lossy(&std::fs::read(f).ok()?).into_owned();
            Some(Document {
                id: f.display().to_string(),
                text,
                meta: Default::default(),
                origin: Origin {
                    input: f.display().to_string(),
                    line: None,
                },
            })
        })
        .collect()
}

fn pipeline(dir: &Path, plugins: &str) -> Pipeline {
    let scratch = byline_e2e::scratch_dir("bench");
    let fixture = dir.join(format!(
        "{}byline_fixture_noop{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    std::fs::copy(&fixture, scratch.join(byline_e2e::plugin_file_name("noop")))
        .unwrap_or_else(|e| panic!("{fixture:?}: {e}"));
    let catalog = Catalog::discover(vec![scratch.path().to_path_buf(), dir.to_path_buf()]);
    let names: Vec<String> = plugins.split(',').map(str::to_string).collect();
    Pipeline::build(&catalog, &names, &Default::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn bench(c: &mut Criterion) {
    let dir = release_dir();
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!("corpus: {} documents, {} bytes", docs.len(), bytes);
    let mut group = c.benchmark_group("runner");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(10);
    for plugin in [
        "noop",
        "readability",
        "sentiment",
        "entities",
        "entities,quotes",
        "entities,quotes,sentiment",
    ] {
        let pipeline = pipeline(&dir, plugin);
        for jobs in [1, 2] {
            let options = RunOptions {
                jobs,
                ..RunOptions::default()
            };
            group.bench_function(format!("{plugin}/jobs={jobs}"), |b| {
                b.iter(|| {
                    let input: Vec<InputItem> = docs.iter().cloned().map(Ok).collect();
                    let mut written = 0usize;
                    byline_core::run(&pipeline, Box::new(input.into_iter()), &options, &mut |r| {
                        written += r.line.len() + 1;
                        Ok(())
                    })
                    .unwrap_or_else(|e| panic!("{e}"));
                    written
                })
            });
        }
    }
    group.finish();
}

// criterion's macro generates an undocumented function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench);
}
criterion_main!(group::benches);
