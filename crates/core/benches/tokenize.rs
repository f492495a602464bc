//! Tokenising and sentence-splitting throughput on the BBC News corpus (`shared/data/bbc_news`),
//! one core. Falls back to the bundled fixture articles when the corpus is not beside the project.
//!
//! Run: `cargo bench -p byline-core --bench tokenize`. Throughput is printed in MB/s (10^6 bytes).

use byline_core::text::{paragraphs, split_sentences, tokenize};
use criterion::{Criterion, Throughput, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bbc = root.join("../shared/data/bbc_news/bbc");
    let dir = if bbc.is_dir() {
        bbc
    } else {
        eprintln!(
            "BBC corpus not found at {}; using the fixture articles",
            bbc.display()
        );
        root.join("tests/fixtures/articles")
    };
    let files = byline_core::input::text_files_under(&dir).unwrap_or_default();
    files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!("corpus: {} documents, {} bytes", docs.len(), bytes);
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(20);
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(tokenize(black_box(doc)));
            }
        })
    });
    group.bench_function("tokenize+paragraphs+sentences", |b| {
        b.iter(|| {
            for doc in &docs {
                let tokens = tokenize(doc);
                let paras = paragraphs(doc);
                black_box(split_sentences(doc, &tokens, &paras));
            }
        })
    });
    group.finish();
}

// criterion's macro generates an undocumented function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench);
}
criterion_main!(group::benches);
