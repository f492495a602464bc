//! Tagging throughput of the shipped entities model on the BBC News corpus
//! (`shared/data/bbc_news`), one core: feature extraction, both stages, decoding. The documents are
//! tokenised and split by byline-core beforehand, so only the tagger is timed.
//!
//! Run: `cargo bench -p byline-ner --bench tagger`. Throughput is in MB/s (10^6 bytes of text).

use byline_core::text::{paragraphs, split_sentences, tokenize};
use byline_ner::Tagger;
use criterion::{Criterion, Throughput, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let model = std::fs::read(root.join("plugins/entities/model/entities-conll03.model"))
        .unwrap_or_else(|e| panic!("the shipped model: {e}"));
    let tagger = Tagger::from_bytes(&model, "shipped").unwrap_or_else(|e| panic!("{e}"));
    let bbc = root.join("../shared/data/bbc_news/bbc");
    let dir = if bbc.is_dir() {
        bbc
    } else {
        root.join("tests/fixtures/articles")
    };
    let texts: Vec<String> = byline_core::input::text_files_under(&dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Vec<Vec<&str>>> = texts
        .iter()
        .map(|text| {
            let tokens = tokenize(text);
            let paras = paragraphs(text);
            split_sentences(text, &tokens, &paras)
                .iter()
                .map(|s| {
                    tokens[s.first_token as usize..s.end_token as usize]
                        .iter()
                        .map(|t| &text[t.start as usize..t.end as usize])
                        .collect()
                })
                .collect()
        })
        .collect();
    eprintln!("corpus: {} documents, {bytes} bytes", docs.len());
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(10);
    group.bench_function("tag", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(tagger.tag(black_box(doc)));
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
