//! conlleval-style scoring: exact-span, exact-type precision, recall and F1, per type and overall.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

/// True positives, false positives and false negatives of one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in the gold standard.
    pub tp: usize,
    /// Predicted, not in the gold standard.
    pub fp: usize,
    /// In the gold standard, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision in [0, 1].
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall in [0, 1].
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1 in [0, 1].
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores accumulated over documents.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Counts per type.
    pub by_type: BTreeMap<String, Counts>,
}

/// A span to score: (start, end, type) in any consistent unit (tokens or characters).
pub type Span = (usize, usize, String);

impl Scores {
    /// Adds one document's gold and predicted spans.
    pub fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        let gold_set: HashSet<&Span> = gold.iter().collect();
        let predicted_set: HashSet<&Span> = predicted.iter().collect();
        for span in &predicted_set {
            let counts = self.by_type.entry(span.2.clone()).or_default();
            if gold_set.contains(span) {
                counts.tp += 1;
            } else {
                counts.fp += 1;
            }
        }
        for span in gold_set.difference(&predicted_set) {
            self.by_type.entry(span.2.clone()).or_default().fn_ += 1;
        }
    }

    /// Counts over all types.
    pub fn overall(&self) -> Counts {
        self.by_type
            .values()
            .fold(Counts::default(), |a, c| Counts {
                tp: a.tp + c.tp,
                fp: a.fp + c.fp,
                fn_: a.fn_ + c.fn_,
            })
    }

    /// The table `ner_conll.py score` prints, line for line.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:6} {:>7} {:>7} {:>7} {:>6} {:>6}\n",
            "type", "prec", "recall", "F1", "gold", "pred"
        );
        let row = |out: &mut String, name: &str, c: &Counts| {
            let _ = writeln!(
                out,
                "{name:6} {:7.2} {:7.2} {:7.2} {:6} {:6}",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.tp + c.fn_,
                c.tp + c.fp
            );
        };
        for (name, counts) in &self.by_type {
            row(&mut out, name, counts);
        }
        let overall = self.overall();
        row(&mut out, "ALL", &overall);
        let _ = writeln!(out, "F1 overall: {:.2}", 100.0 * overall.f1());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_matches_only() {
        let mut scores = Scores::default();
        let gold = vec![(0, 2, "PER".to_string()), (5, 6, "LOC".to_string())];
        let predicted = vec![(0, 2, "PER".to_string()), (5, 7, "LOC".to_string())];
        scores.add(&gold, &predicted);
        let loc = scores.by_type["LOC"];
        assert_eq!((loc.tp, loc.fp, loc.fn_), (0, 1, 1));
        assert!((scores.overall().f1() - 0.5).abs() < 1e-9);
        assert!(scores.table().ends_with("F1 overall: 50.00\n"));
    }
}
