//! The command line, as clap sees it. `--help` is the manual: every flag says what it does and what
//! it defaults to.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// byline: who said what, who and what is mentioned, and how it is said, in news articles.
///
/// byline runs extractor plugins (shared libraries) over articles, in parallel, and writes one JSON
/// record per article. Start with `byline plugins list`, then `byline run --plugins NAME ARTICLE.txt`.
#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    propagate_version = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run plugins over articles and write one record per article.
    #[command(after_help = RUN_EXAMPLES)]
    Run(RunArgs),
    /// List the plugins byline can find, or describe one.
    #[command(subcommand)]
    Plugins(PluginsCommand),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score a plugin against annotated data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Show how byline splits text: paragraphs, sentences and tokens with their offsets (JSON Lines,
    /// one record per document, offsets in Unicode scalar values like every record).
    Tokenize(TokenizeArgs),
}

/// `byline tokenize`.
#[derive(Debug, Args)]
pub struct TokenizeArgs {
    /// Articles to read, as for `byline run`.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The JSON field that holds the article text.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    pub text_field: String,
}

/// `byline train ...`.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the entities tagger on CoNLL files (token per line, tag in the last column, IOB1 or
    /// BIO). Prints the development F1 after each epoch and keeps the best epoch.
    #[command(
        after_help = "Example:\n  byline train entities --train eng.train --dev eng.testa -o my.model\n  byline run --plugins entities --set entities.model=my.model corpus.jsonl"
    )]
    Entities(TrainEntitiesArgs),
    /// Train the sentiment model on rated texts (VADER's ground-truth format: id, a tab, the mean
    /// rating on -4..4, a tab, the text). With --folds K --fold F, the texts of fold F are left out (and written to
    /// --held-out DIR), for cross-validated figures.
    Sentiment(TrainSentimentArgs),
}

/// `byline train sentiment`.
#[derive(Debug, Args)]
pub struct TrainSentimentArgs {
    /// Rated texts (repeatable).
    #[arg(long, required = true, value_name = "FILE")]
    pub truth: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, short = 'o', value_name = "MODEL")]
    pub output: PathBuf,
    /// Number of cross-validation folds (with --fold).
    #[arg(long, default_value_t = 0)]
    pub folds: u64,
    /// The fold to leave out.
    #[arg(long, default_value_t = 0)]
    pub fold: u64,
    /// Write the left-out texts as JSON Lines into DIR, one file per input (same stem).
    #[arg(long, value_name = "DIR")]
    pub held_out: Option<PathBuf>,
    /// Passes over the data.
    #[arg(long, default_value_t = 20)]
    pub epochs: usize,
    /// Seed of the example order.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// L2 penalty on the weights.
    #[arg(long, default_value_t = 1e-6)]
    pub l2: f32,
    /// Initial learning rate.
    #[arg(long, default_value_t = 0.05)]
    pub learning_rate: f32,
}

/// `byline train entities`.
#[derive(Debug, Args)]
pub struct TrainEntitiesArgs {
    /// Training data (CoNLL format).
    #[arg(long, value_name = "FILE")]
    pub train: PathBuf,
    /// Development data (CoNLL format), used to pick the best epoch.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, short = 'o', value_name = "MODEL")]
    pub output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 15)]
    pub epochs: usize,
    /// Seed of the sentence order (training is deterministic given it).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Keep only features seen at least this often in training.
    #[arg(long, default_value_t = 1)]
    pub min_count: u32,
    /// Train a single, local stage (no second stage reading the first's predictions across the
    /// document).
    #[arg(long)]
    pub no_stacking: bool,
    /// Cross-validation folds for the first stage's predictions on the training data.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Word clusters (`path<TAB>word` lines, e.g. from brown-cluster) to use as features.
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<PathBuf>,
    /// Extra gazetteer lines (`name<TAB>kind`), added to byline's own lists.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
}

/// `byline eval ...`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Run the entities plugin over a CoNLL file's documents and print conlleval-style precision,
    /// recall and F1 per type (the same figures as shared/eval/ner_conll.py).
    Entities(EvalEntitiesArgs),
    /// Run the quotes pipeline over a PolNeAR-style split (text/ and brat attributions/) and print
    /// content, attribution, speaker and cue scores (the same figures as
    /// shared/eval/quotes_polnear.py score).
    Quotes(EvalQuotesArgs),
}

/// `byline eval quotes`.
#[derive(Debug, Args)]
pub struct EvalQuotesArgs {
    /// The split: a folder holding text/ARTICLE.txt and attributions/ARTICLE_ANNOTATOR.ann.
    #[arg(long, value_name = "DIR")]
    pub polnear: PathBuf,
    /// Score only attributions inside quotation marks, and only quotes of kind "direct".
    #[arg(long)]
    pub direct_only: bool,
    /// After the scorer's lines, tell how well the quotes' confidence predicts which are right
    /// (a quote is right when an attribution's content overlaps it with a Jaccard index of 0.5 or
    /// more and its speaker is that attribution's source): the share right by band of confidence,
    /// the AUC and the Brier score. To check the confidence on your own annotated articles.
    #[arg(long)]
    pub by_confidence: bool,
    /// The plugins to run (the quotes plugin reads the entities layer).
    #[arg(long, value_name = "LIST", default_value = "entities,quotes")]
    pub plugins: String,
    #[command(flatten)]
    pub run: EvalRunArgs,
}

/// How an `eval` command runs its plugins: options, threads, where to find them.
#[derive(Debug, Args)]
pub struct EvalRunArgs {
    /// Set a plugin option, as in `byline run` (e.g. entities.model=my.model, quotes.tagger=false).
    #[arg(long = "set", value_name = "NAME.KEY=VALUE")]
    pub set: Vec<String>,
    /// Worker threads [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub dirs: PluginDirs,
}

/// `byline eval entities`.
#[derive(Debug, Args)]
pub struct EvalEntitiesArgs {
    /// Gold annotations (CoNLL format).
    #[arg(long, value_name = "FILE")]
    pub conll: PathBuf,
    #[command(flatten)]
    pub run: EvalRunArgs,
}

const RUN_EXAMPLES: &str = "\
Examples:
  byline run --plugins readability article.txt
  byline run --plugins entities,quotes -o out.jsonl corpus.jsonl
  byline run --plugins readability --set readability.words_per_minute=200 articles/
  cat corpus.jsonl | byline run --plugins entities --jobs 8 - > out.jsonl

Inputs: a JSON Lines file (one {\"text\": ..., \"id\": ..., ...} object per line; other fields are
carried to the record's \"meta\"), a .txt file (one article), a folder (every .txt file under it),
or - for JSON Lines on standard input.

Exit status: 0 when every record is clean, 1 when some records carry errors (each names its input
and line; 0 with --record-errors-ok), 2 when nothing ran (bad arguments, missing input, unknown
plugin, unwritable output).";

/// Where plugins are looked for.
#[derive(Debug, Args, Clone)]
pub struct PluginDirs {
    /// Look for plugins in DIR first (repeatable). Then come the directories on BYLINE_PLUGIN_PATH,
    /// then the directory of the byline executable.
    #[arg(long = "plugin-dir", value_name = "DIR", global = true)]
    pub plugin_dirs: Vec<PathBuf>,
}

/// How records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON record per line (the contract other tools read).
    Jsonl,
    /// A readable summary per article, for people.
    Pretty,
}

/// `byline run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Plugins to run, comma-separated (e.g. entities,quotes,sentiment). They run in the order their
    /// requirements dictate; `byline plugins list` shows what is available.
    #[arg(
        long,
        short = 'p',
        value_delimiter = ',',
        required = true,
        value_name = "NAMES"
    )]
    pub plugins: Vec<String>,

    /// Articles to read: JSON Lines files, .txt files, folders of .txt files, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Write records to FILE instead of standard output. Checked before any work starts.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format [default: pretty when standard output is a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Worker threads [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// The JSON field that holds the article text.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    pub text_field: String,

    /// Set a plugin option (repeatable): NAME.KEY=VALUE, where VALUE is JSON (42, true, "x", [..])
    /// or else taken as a string. Overrides --config. `byline plugins describe NAME` lists options.
    #[arg(long = "set", value_name = "NAME.KEY=VALUE")]
    pub set: Vec<String>,

    /// Read plugin options from a JSON file: {"PLUGIN": {"KEY": VALUE, ...}, ...}.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Show a progress bar on standard error even when it is not a terminal.
    #[arg(long, conflicts_with = "quiet")]
    pub progress: bool,

    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Exit 0 even when some records carry errors (they are still written, each with its
    /// `errors`). For pipelines where any non-zero exit fails the work, such as Spark's
    /// `RDD.pipe(..., checkCode=True)`: setup errors still exit 2.
    #[arg(long)]
    pub record_errors_ok: bool,

    /// Documents per batch handed to the workers (memory is bounded by a few batches).
    #[arg(long, default_value_t = 512, value_name = "N", hide_short_help = true)]
    pub batch_size: usize,

    #[command(flatten)]
    pub dirs: PluginDirs,
}

/// `byline plugins ...`.
#[derive(Debug, Subcommand)]
pub enum PluginsCommand {
    /// List every plugin found, where it was found, and libraries that could not be loaded.
    List {
        #[command(flatten)]
        dirs: PluginDirs,
    },
    /// Show a plugin's version, ABI, layers it provides and requires, and its options.
    Describe {
        /// The plugin's name.
        name: String,
        #[command(flatten)]
        dirs: PluginDirs,
    },
}
