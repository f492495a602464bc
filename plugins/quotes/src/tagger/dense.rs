//! The attribution tagger's small-valued features (quotation state, the rules' tags, entity
//! labels, distance buckets, …): each is one of a few values, so the tagger sums their weights
//! from a table indexed by value ([`DenseWeights`]) instead of hashing each and looking it up
//! among all the model's features. A feature's hash is still that of the feature written out, so
//! the model file and the training dump do not change.

use super::features::ENTITIES;
use byline_ner::packed::PackedWeights;
use byline_ner::template;

/// Offsets of the words whose identity a word's features read (`<pad>` outside the paragraph).
pub const PAD_OFFSETS: [isize; 6] = [-3, -2, -1, 1, 2, 3];
/// Offsets of the words whose rule tag, quotation state and entity label a word's features read.
pub const NEAR_OFFSETS: [isize; 4] = [-2, -1, 1, 2];
/// Shapes, by index.
pub const SHAPES: [&str; 5] = ["XX", "X", "d", "x", "p"];
/// Quotation states' names, by `QuoteState as u8`.
pub const QUOTE_STATES: [&str; 3] = ["M", "Q", "N"];
/// The rules' roles' names, by index.
pub const RULE_ROLES: [&str; 6] = ["O", "Cd", "Ci", "Cm", "CUE", "SRC"];
/// Number of rule tags: a role, and whether it begins a span (`2 * role + begins`).
pub const RULE_TAGS: usize = 2 * RULE_ROLES.len();
/// Distance buckets' names, by index (0, "-": none).
pub const BUCKETS: [&str; 8] = ["-", "0", "1", "2", "3", "5", "9", "17"];

/// A feature with a small set of values, given as indices into the name tables above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dense {
    /// Always present.
    Bias,
    /// The word's shape.
    Shape(u8),
    /// The word's quotation state.
    Quote(u8),
    /// The rules' tag of the word.
    Rule(u8),
    /// The word's entity label.
    Entity(u8),
    /// Rule tag and quotation state.
    RuleQuote(u8, u8),
    /// A position of `PAD_OFFSETS` outside the paragraph.
    Pad(u8),
    /// The rule tag of the word at a position of `NEAR_OFFSETS`.
    NearRule(u8, u8),
    /// The quotation state of the word at a position of `NEAR_OFFSETS`.
    NearQuote(u8, u8),
    /// The entity label of the word at a position of `NEAR_OFFSETS`.
    NearEntity(u8, u8),
    /// The word opens its sentence (or paragraph).
    SentenceStart,
    /// The word ends its sentence (or paragraph).
    SentenceEnd,
    /// Distance bucket of the nearest reporting verb before.
    CueBefore(u8),
    /// Distance bucket of the nearest reporting verb after.
    CueAfter(u8),
    /// Both.
    CueBeforeAfter(u8, u8),
    /// Verb before, and quotation state.
    CueBeforeQuote(u8, u8),
    /// Verb before, and rule tag.
    CueBeforeRule(u8, u8),
    /// Distance bucket of the nearest name before.
    NameBefore(u8),
    /// Distance bucket of the nearest name after.
    NameAfter(u8),
    /// Name after and verb after.
    NameAfterCueAfter(u8, u8),
    /// Whether the rules found an attribution in the sentence, and the rule tag.
    RuleSentence(u8, u8),
}

/// Number of kinds of [`Dense`] feature.
const KINDS: usize = 21;

/// Number of values of each kind, in declaration order.
const SIZES: [usize; KINDS] = [
    1,
    SHAPES.len(),
    QUOTE_STATES.len(),
    RULE_TAGS,
    ENTITIES.len(),
    RULE_TAGS * QUOTE_STATES.len(),
    PAD_OFFSETS.len(),
    NEAR_OFFSETS.len() * RULE_TAGS,
    NEAR_OFFSETS.len() * QUOTE_STATES.len(),
    NEAR_OFFSETS.len() * ENTITIES.len(),
    1,
    1,
    BUCKETS.len(),
    BUCKETS.len(),
    BUCKETS.len() * BUCKETS.len(),
    BUCKETS.len() * QUOTE_STATES.len(),
    BUCKETS.len() * RULE_TAGS,
    BUCKETS.len(),
    BUCKETS.len(),
    BUCKETS.len() * BUCKETS.len(),
    2 * RULE_TAGS,
];

/// Where each kind's values start in [`Dense::index`]'s numbering.
const STARTS: [usize; KINDS] = {
    let mut starts = [0; KINDS];
    let mut k = 1;
    while k < KINDS {
        starts[k] = starts[k - 1] + SIZES[k - 1];
        k += 1;
    }
    starts
};

/// A rule tag's two parts, as the features write them: prefix ("" for no role, "B", "I") and role.
pub fn rule_parts(tag: u8) -> (&'static str, &'static str) {
    let role = usize::from(tag / 2);
    let prefix = match (role, tag % 2 == 1) {
        (0, _) => "",
        (_, true) => "B",
        (_, false) => "I",
    };
    (prefix, RULE_ROLES[role])
}

impl Dense {
    /// How many values all kinds have together.
    pub const COUNT: usize = STARTS[KINDS - 1] + SIZES[KINDS - 1];

    /// The kind's number and the value's number within it.
    fn kind_and_value(self) -> (usize, usize) {
        let (q, b, e) = (QUOTE_STATES.len(), BUCKETS.len(), ENTITIES.len());
        let two =
            |major: u8, minor: u8, minors: usize| usize::from(major) * minors + usize::from(minor);
        match self {
            Dense::Bias => (0, 0),
            Dense::Shape(s) => (1, s.into()),
            Dense::Quote(v) => (2, v.into()),
            Dense::Rule(r) => (3, r.into()),
            Dense::Entity(x) => (4, x.into()),
            Dense::RuleQuote(r, v) => (5, two(r, v, q)),
            Dense::Pad(k) => (6, k.into()),
            Dense::NearRule(k, r) => (7, two(k, r, RULE_TAGS)),
            Dense::NearQuote(k, v) => (8, two(k, v, q)),
            Dense::NearEntity(k, x) => (9, two(k, x, e)),
            Dense::SentenceStart => (10, 0),
            Dense::SentenceEnd => (11, 0),
            Dense::CueBefore(x) => (12, x.into()),
            Dense::CueAfter(x) => (13, x.into()),
            Dense::CueBeforeAfter(x, y) => (14, two(x, y, b)),
            Dense::CueBeforeQuote(x, v) => (15, two(x, v, q)),
            Dense::CueBeforeRule(x, r) => (16, two(x, r, RULE_TAGS)),
            Dense::NameBefore(x) => (17, x.into()),
            Dense::NameAfter(x) => (18, x.into()),
            Dense::NameAfterCueAfter(x, y) => (19, two(x, y, b)),
            Dense::RuleSentence(f, r) => (20, two(f, r, RULE_TAGS)),
        }
    }

    /// This value's number, below [`Dense::COUNT`] and distinct for every value of every kind.
    #[inline]
    pub fn index(self) -> usize {
        let (kind, value) = self.kind_and_value();
        STARTS[kind] + value
    }

    /// The feature's hash: that of the feature written out by its template and parts.
    pub fn hash(self) -> u64 {
        let q = |v: u8| QUOTE_STATES[usize::from(v)];
        let bucket = |x: u8| BUCKETS[usize::from(x)];
        let entity = |x: u8| ENTITIES[usize::from(x)];
        let near = |k: u8| NEAR_OFFSETS[usize::from(k)] as u64;
        match self {
            Dense::Bias => template!("b").finish(),
            Dense::Shape(s) => template!("sh").part(SHAPES[usize::from(s)]).finish(),
            Dense::Quote(v) => template!("q").part(q(v)).finish(),
            Dense::Rule(r) => {
                let (p, role) = rule_parts(r);
                template!("r").part(p).part(role).finish()
            }
            Dense::Entity(x) => template!("e").part(entity(x)).finish(),
            Dense::RuleQuote(r, v) => {
                let (p, role) = rule_parts(r);
                template!("rq").part(p).part(role).part(q(v)).finish()
            }
            Dense::Pad(k) => template!("w~")
                .num(PAD_OFFSETS[usize::from(k)] as u64)
                .part("<pad>")
                .finish(),
            Dense::NearRule(k, r) => {
                let (p, role) = rule_parts(r);
                template!("r~").num(near(k)).part(p).part(role).finish()
            }
            Dense::NearQuote(k, v) => template!("q~").num(near(k)).part(q(v)).finish(),
            Dense::NearEntity(k, x) => template!("e~").num(near(k)).part(entity(x)).finish(),
            Dense::SentenceStart => template!("SS").finish(),
            Dense::SentenceEnd => template!("SE").finish(),
            Dense::CueBefore(x) => template!("cb").part(bucket(x)).finish(),
            Dense::CueAfter(x) => template!("ca").part(bucket(x)).finish(),
            Dense::CueBeforeAfter(x, y) => {
                template!("cb|ca").part(bucket(x)).part(bucket(y)).finish()
            }
            Dense::CueBeforeQuote(x, v) => template!("cb|q").part(bucket(x)).part(q(v)).finish(),
            Dense::CueBeforeRule(x, r) => {
                let (p, role) = rule_parts(r);
                template!("cb|r")
                    .part(bucket(x))
                    .part(p)
                    .part(role)
                    .finish()
            }
            Dense::NameBefore(x) => template!("nb").part(bucket(x)).finish(),
            Dense::NameAfter(x) => template!("na").part(bucket(x)).finish(),
            Dense::NameAfterCueAfter(x, y) => {
                template!("na|ca").part(bucket(x)).part(bucket(y)).finish()
            }
            Dense::RuleSentence(f, r) => {
                let (p, role) = rule_parts(r);
                template!("rs")
                    .num(u64::from(f))
                    .part(p)
                    .part(role)
                    .finish()
            }
        }
    }

    /// Every value of every kind.
    pub fn every() -> Vec<Dense> {
        fn upto(n: usize) -> impl Iterator<Item = u8> + Clone {
            (0..n).map(|v| v as u8)
        }
        fn pairs(a: usize, b: usize) -> impl Iterator<Item = (u8, u8)> {
            upto(a).flat_map(move |x| upto(b).map(move |y| (x, y)))
        }
        let (q, b, e, n) = (
            QUOTE_STATES.len(),
            BUCKETS.len(),
            ENTITIES.len(),
            NEAR_OFFSETS.len(),
        );
        let mut all = vec![Dense::Bias, Dense::SentenceStart, Dense::SentenceEnd];
        all.extend(upto(SHAPES.len()).map(Dense::Shape));
        all.extend(upto(q).map(Dense::Quote));
        all.extend(upto(RULE_TAGS).map(Dense::Rule));
        all.extend(upto(e).map(Dense::Entity));
        all.extend(pairs(RULE_TAGS, q).map(|(r, v)| Dense::RuleQuote(r, v)));
        all.extend(upto(PAD_OFFSETS.len()).map(Dense::Pad));
        all.extend(pairs(n, RULE_TAGS).map(|(k, r)| Dense::NearRule(k, r)));
        all.extend(pairs(n, q).map(|(k, v)| Dense::NearQuote(k, v)));
        all.extend(pairs(n, e).map(|(k, x)| Dense::NearEntity(k, x)));
        all.extend(upto(b).map(Dense::CueBefore));
        all.extend(upto(b).map(Dense::CueAfter));
        all.extend(pairs(b, b).map(|(x, y)| Dense::CueBeforeAfter(x, y)));
        all.extend(pairs(b, q).map(|(x, v)| Dense::CueBeforeQuote(x, v)));
        all.extend(pairs(b, RULE_TAGS).map(|(x, r)| Dense::CueBeforeRule(x, r)));
        all.extend(upto(b).map(Dense::NameBefore));
        all.extend(upto(b).map(Dense::NameAfter));
        all.extend(pairs(b, b).map(|(x, y)| Dense::NameAfterCueAfter(x, y)));
        all.extend(pairs(2, RULE_TAGS).map(|(f, r)| Dense::RuleSentence(f, r)));
        all
    }
}

/// The model's weights of every [`Dense`] value, by [`Dense::index`]: the same sums the packed
/// weights give for their hashes (integers, so the order of adding does not matter).
#[derive(Clone, Debug)]
pub struct DenseWeights<const W: usize> {
    rows: Vec<[i32; W]>,
}

impl<const W: usize> DenseWeights<W> {
    /// Looks every value's hash up in `packed` once.
    pub fn new(packed: &PackedWeights<W>) -> DenseWeights<W> {
        let mut rows = vec![[0; W]; Dense::COUNT];
        for feature in Dense::every() {
            packed.add(&[feature.hash()], &mut rows[feature.index()]);
        }
        DenseWeights { rows }
    }

    /// Adds the weights of `feature` to `sum`.
    #[inline]
    pub fn add(&self, feature: Dense, sum: &mut [i32; W]) {
        for (s, w) in sum.iter_mut().zip(&self.rows[feature.index()]) {
            *s += w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_its_own_index() {
        let every = Dense::every();
        assert_eq!(every.len(), Dense::COUNT);
        let mut seen = vec![false; Dense::COUNT];
        for feature in every {
            let i = feature.index();
            assert!(!seen[i], "{feature:?} shares index {i}");
            seen[i] = true;
        }
    }

    #[test]
    fn hashes_are_those_of_the_features_written_out() {
        assert_eq!(
            Dense::CueBeforeRule(5, 3).hash(),
            template!("cb|r").part("5").part("B").part("Cd").finish()
        );
        assert_eq!(
            Dense::NearEntity(0, 18).hash(),
            template!("e~").num(-2isize as u64).part("O").finish()
        );
        assert_eq!(
            Dense::Rule(1).hash(),
            template!("r").part("").part("O").finish()
        );
    }
}
