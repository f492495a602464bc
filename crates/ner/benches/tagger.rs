//! Tagger benchmark (placeholder until the model exists).
fn main() {}
