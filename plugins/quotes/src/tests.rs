//! Tests of the whole plugin on real sentences: every construction the module docs name, and the
//! failure modes. A small tokenizer stands in for the host's (the end-to-end tests use the real one).

use crate::Quotes;
use crate::doc::{Doc, Mention, Word};
use byline_plugin_api::abi::Span;
use byline_plugin_api::serde_json::Value;

/// Splits text into words (letters and digits with inner apostrophes, periods and hyphens) and
/// single punctuation marks; sentences end after . ! ? (and closing quotes) before a capital or an
/// opening quote; paragraphs at blank lines. `names` are (text, label, canonical) mentions, found at
/// every occurrence.
pub(crate) fn doc<'a>(text: &'a str, names: &[(&str, &str, &str)]) -> Doc<'a> {
    let mut words = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        if c.is_alphanumeric() {
            while j < chars.len() {
                let (_, d) = chars[j];
                let joins = matches!(d, '\'' | '’' | '.' | '-')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if !(d.is_alphanumeric() || joins) {
                    break;
                }
                j += 1;
            }
        } else if c == '\'' && chars.get(k + 1).is_some_and(|&(_, n)| n == '\'') {
            j = k + 2;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let word = &text[i..end];
        words.push(Word {
            start: i,
            end,
            text: word,
            punct: !word.chars().next().is_some_and(char::is_alphanumeric),
        });
        k = j;
    }
    let paragraphs = crate::marks::blank_line_paragraphs(text);
    let para_of = |b: usize| {
        paragraphs
            .iter()
            .position(|p: &Span| b < p.end as usize)
            .unwrap_or(0)
    };
    let mut sentences = Vec::new();
    let mut first = 0;
    for w in 0..words.len() {
        let next = words.get(w + 1);
        let ends_paragraph = next.is_none_or(|n| para_of(n.start) != para_of(words[w].start));
        let terminal = matches!(words[w].text, "." | "!" | "?")
            && !matches!(next.map(|n| n.text), Some("\"" | "”" | "''"))
            || matches!(words[w].text, "\"" | "”" | "''")
                && w > 0
                && matches!(words[w - 1].text, "." | "!" | "?");
        let next_opens = next.is_some_and(|n| {
            n.text.starts_with(char::is_uppercase) || matches!(n.text, "\"" | "“" | "''")
        });
        if ends_paragraph || terminal && next_opens {
            sentences.push((first, w + 1));
            first = w + 1;
        }
    }
    let mut mentions = Vec::new();
    for (name, label, canonical) in names {
        let mut from = 0;
        while let Some(pos) = text[from..].find(name) {
            let start = from + pos;
            mentions.push(Mention {
                start,
                end: start + name.len(),
                label: label.to_string(),
                canonical: canonical.to_string(),
            });
            from = start + name.len();
        }
    }
    mentions.sort_by_key(|m| m.start);
    // Keep the longest of overlapping mentions ("Wang" inside "Wang Junsheng").
    let mut kept: Vec<Mention> = Vec::new();
    for m in mentions {
        match kept.last() {
            Some(last) if m.start < last.end => {
                if m.end - m.start > last.end - last.start {
                    kept.pop();
                    kept.push(m);
                }
            }
            _ => kept.push(m),
        }
    }
    Doc::from_parts(text, words, sentences, paragraphs, kept)
}

/// The plugin with its default options, but for `reported` and whether the tagger runs.
fn plugin(reported: bool, tagger: bool) -> Quotes {
    Quotes {
        reported,
        double_apostrophes: true,
        unattributed: false,
        tagger: tagger.then(built_in_tagger),
        calibrated: true,
        min_confidence: 0.0,
    }
}

fn quotes_by(plugin: &Quotes, text: &str, names: &[(&str, &str, &str)]) -> Vec<Value> {
    let value = plugin
        .layers_value(&doc(text, names))
        .expect("the layers serialise");
    value["quotes"]
        .as_array()
        .cloned()
        .expect("the quotes layer is an array")
}

/// The quotes of the plugin as it ships: rules and tagger.
fn quotes(text: &str, names: &[(&str, &str, &str)]) -> Vec<Value> {
    quotes_by(&plugin(true, true), text, names)
}

/// The quotes of the rules alone (`quotes.tagger=false`).
fn rule_quotes(text: &str, names: &[(&str, &str, &str)]) -> Vec<Value> {
    quotes_by(&plugin(true, false), text, names)
}

fn built_in_tagger() -> std::sync::Arc<crate::tagger::Tagger> {
    let loaded = crate::tagger::Tagger::from_bytes(crate::BUILTIN_TAGGER, "(built in)")
        .expect("the built-in attribution tagger loads");
    std::sync::Arc::new(loaded)
}

fn field<'v>(quote: &'v Value, path: &[&str]) -> &'v Value {
    path.iter().fold(quote, |v, k| &v[*k])
}

/// The quote whose `path` reads `value` (its text, its cue's text, ...); panics naming them all.
fn quote_where<'q>(quotes: &'q [Value], path: &[&str], value: &str) -> &'q Value {
    quotes
        .iter()
        .find(|q| field(q, path) == value)
        .unwrap_or_else(|| panic!("no quote with {path:?} = {value:?} in {quotes:?}"))
}

const WANG: &[(&str, &str, &str)] = &[
    ("Wang Junsheng", "PERSON", "Wang Junsheng"),
    ("Wang", "PERSON", "Wang Junsheng"),
    (
        "Chinese Academy of Social Sciences",
        "ORG",
        "Chinese Academy of Social Sciences",
    ),
    ("Global Times", "ORG", "Global Times"),
];

#[test]
fn a_direct_quote_closed_by_a_surname_resolves_to_the_full_name() {
    let text = "Wang Junsheng, a research fellow at the Chinese Academy of Social Sciences, told the Global Times that ties will deepen.\n\n\"These will further improve the friendship in broader areas,\" Wang noted.";
    let q = quotes(text, WANG);
    let direct = q.iter().find(|q| q["kind"] == "direct").unwrap();
    assert_eq!(
        direct["text"],
        "These will further improve the friendship in broader areas,"
    );
    assert_eq!(field(direct, &["speaker", "text"]), "Wang");
    assert_eq!(field(direct, &["speaker", "name"]), "Wang Junsheng");
    assert_eq!(field(direct, &["speaker", "role"]), "research fellow");
    assert_eq!(
        field(direct, &["speaker", "affiliation"]),
        "Chinese Academy of Social Sciences"
    );
    assert_eq!(field(direct, &["cue", "text"]), "noted");
    let told = q.iter().find(|q| q["kind"] == "indirect").unwrap();
    assert_eq!(told["text"], "ties will deepen");
    assert_eq!(field(told, &["addressee", "text"]), "Global Times");
}

#[test]
fn attribution_before_after_and_inside() {
    let names = &[("Sarah Lee", "PERSON", "Sarah Lee")];
    let q = quotes(
        "Sarah Lee said: “The budget is balanced.” Then she left.",
        names,
    );
    assert_eq!(q[0]["text"], "The budget is balanced.");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Sarah Lee");
    let q = quotes("“The budget is balanced,” said Sarah Lee.", names);
    assert_eq!(field(&q[0], &["speaker", "name"]), "Sarah Lee");
    assert_eq!(field(&q[0], &["cue", "text"]), "said");
    let text = "Sarah Lee arrived. “The budget is balanced,” she said, “and it will stay so.”";
    let q = quotes(text, names);
    let direct: Vec<&Value> = q.iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 2);
    assert_eq!(
        field(direct[1], &["speaker", "name"]),
        "Sarah Lee",
        "the pronoun resolves"
    );
    assert_eq!(
        direct[0]["cue"], direct[1]["cue"],
        "one attribution around the verb"
    );
}

#[test]
fn a_quote_over_paragraphs_keeps_its_speaker() {
    let names = &[("Tom Reyes", "PERSON", "Tom Reyes")];
    let text = "Tom Reyes said: “We will win this race.\n\n“And we will win it together.”";
    let q = quotes(text, names);
    assert_eq!(q.len(), 2);
    assert_eq!(field(&q[1], &["speaker", "name"]), "Tom Reyes");
    assert_eq!(q[0]["cue"], q[1]["cue"]);
}

#[test]
fn a_quote_over_paragraphs_is_not_given_to_the_attribution_of_the_sentence_after_it() {
    // The tagger links the quotation to "said" in the next sentence, which has its own content;
    // a quotation reopened in a new paragraph is the speech the previous paragraph opened.
    let names = &[
        ("Tony Blair", "PERSON", "Tony Blair"),
        ("Robert Peston", "PERSON", "Robert Peston"),
        ("Sunday Telegraph", "ORG", "Sunday Telegraph"),
    ];
    let text = "Mr Blair said: \"I dealt with this six months ago. I said then you do not do deals over jobs.\n\n\"What both of us are actually concentrating on are the issues that concern the country.\" The book, by Sunday Telegraph journalist Robert Peston and serialised in the newspaper, said the pair had \"mutual animosity and contempt\" for each other.";
    let q = quotes(text, names);
    let continued = quote_where(
        &q,
        &["text"],
        "What both of us are actually concentrating on are the issues that concern the country.",
    );
    assert_eq!(field(continued, &["speaker", "text"]), "Mr Blair", "{q:#?}");
    assert_eq!(continued["cue"], q[0]["cue"]);
}

#[test]
fn single_quotes_and_quotes_at_the_very_start_and_end() {
    let q = quotes(
        "“Nobody expected this outcome at all,” officials said. They added: ‘We will review every step.’",
        &[],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "kind"]), "group");
    assert_eq!(q[1]["text"], "We will review every step.");
    let q = quotes("“We are done here for the day,” he said", &[]);
    assert_eq!(q[0]["text"], "We are done here for the day,");
}

#[test]
fn an_unbalanced_mark_does_not_run_away() {
    let text = "The mayor said \"this never closes and goes on\n\nA new paragraph without quotes follows. It is long and plain.";
    let q = quotes(text, &[]);
    for quote in &q {
        let end = quote["end"].as_u64().unwrap() as usize;
        assert!(
            end <= text.find("\n\n").unwrap(),
            "stays in its paragraph: {quote}"
        );
    }
}

#[test]
fn two_hundred_quotes_in_one_article() {
    let mut text = String::new();
    for i in 0..200 {
        text.push_str(&format!(
            "“Point number {i} matters a great deal,” the minister said.\n\n"
        ));
    }
    let q = quotes(text.trim_end(), &[]);
    assert_eq!(q.len(), 200);
    assert!(
        q.iter()
            .all(|q| field(q, &["speaker", "text"]) == "the minister")
    );
}

#[test]
fn reported_speech_patterns() {
    let names = &[
        ("Mao Ning", "PERSON", "Mao Ning"),
        ("Xinhua News Agency", "ORG", "Xinhua News Agency"),
        ("Foreign Ministry", "ORG", "Foreign Ministry"),
    ];
    let text = "Foreign Ministry spokesperson Mao Ning announced the visit to Pyongyang, the Xinhua News Agency reported.";
    let q = quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["text"], "the visit to Pyongyang");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Mao Ning");
    assert_eq!(field(&q[0], &["speaker", "role"]), "spokesperson");
    assert_eq!(
        field(&q[0], &["speaker", "affiliation"]),
        "Foreign Ministry"
    );
    assert_eq!(field(&q[0], &["via", "name"]), "Xinhua News Agency");
    assert_eq!(field(&q[0], &["via", "kind"]), "media");

    let q = quotes(
        "According to the central bank, inflation will fall next year.",
        &[],
    );
    assert_eq!(q[0]["text"], "inflation will fall next year");
    assert_eq!(field(&q[0], &["cue", "text"]), "According to");

    let q = quotes(
        "Chinese experts said development is a key mission for the party.",
        &[],
    );
    assert_eq!(field(&q[0], &["speaker", "kind"]), "group");
    assert_eq!(q[0]["text"], "development is a key mission for the party");

    let q = quotes(
        "The economy will recover within a year, analysts believe.",
        &[],
    );
    assert_eq!(q[0]["text"], "The economy will recover within a year");
    assert_eq!(field(&q[0], &["cue", "text"]), "believe");
}

#[test]
fn a_reported_clause_with_a_quoted_fragment_is_mixed() {
    let names = &[("Ana Ruiz", "PERSON", "Ana Ruiz")];
    let q = quotes(
        "Ana Ruiz said the plan was \"dead on arrival\" and would never pass the council.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "mixed");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Ana Ruiz");
}

#[test]
fn short_scare_quotes_without_a_speaker_are_not_quotes() {
    let q = quotes("The so-called \"reform\" package passed on Tuesday.", &[]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_name_and_a_colon_introduce_a_quote() {
    let names = &[("Pew Research", "ORG", "Pew Research Center")];
    let q = quotes(
        "Pew Research: “All the samples include more engaged individuals than benchmarks.”",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Pew Research Center");
    assert_eq!(field(&q[0], &["cue", "text"]), ":");
}

#[test]
fn a_straight_opening_mark_may_close_curly() {
    let q = quotes(
        "\"Nothing we could do now would make a difference,” said the general.",
        &[],
    );
    assert_eq!(
        q[0]["text"],
        "Nothing we could do now would make a difference,"
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "the general");
}

#[test]
fn a_participle_opens_a_second_attribution_by_the_same_speaker() {
    let names = &[("Maria Lopez", "PERSON", "Maria Lopez")];
    let text = "Maria Lopez said the council had cut the budget, adding that the schools would pay for it.";
    let q = quotes(text, names);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0]["text"], "the council had cut the budget");
    assert_eq!(q[1]["text"], "the schools would pay for it");
    assert_eq!(field(&q[1], &["cue", "text"]), "adding");
    assert_eq!(field(&q[1], &["speaker", "name"]), "Maria Lopez");
}

#[test]
fn an_opening_subordinate_clause_bounds_its_content() {
    let names = &[("Obama", "PERSON", "Barack Obama")];
    let text =
        "As Obama announced that he would sign the order, opponents gathered outside the building.";
    let q = quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["text"], "he would sign the order");
}

#[test]
fn nouns_that_look_like_reporting_verbs_are_not_cues() {
    let names = &[
        ("Rubio", "PERSON", "Marco Rubio"),
        ("Cruz", "PERSON", "Ted Cruz"),
    ];
    for text in [
        "Rubio vowed to win his home state of Florida later this month.",
        "Cruz's hopes of beating the front-runner in Iowa faded after the debate.",
        "Both incidents were claimed by a militant group based in the region.",
    ] {
        let q = quotes(text, names);
        assert!(
            q.iter().all(|q| !matches!(
                field(q, &["cue", "text"]).as_str(),
                Some("state" | "hopes" | "claimed")
            )),
            "{text}: {q:?}"
        );
    }
    let q = quotes("Rubio said they support the plan for new roads.", names);
    assert_eq!(q[0]["text"], "they support the plan for new roads");
}

#[test]
fn it_speaks_for_the_last_organisation_and_who_for_its_antecedent() {
    let names = &[
        ("Twitter", "ORG", "Twitter"),
        ("Dianne Feinstein", "PERSON", "Dianne Feinstein"),
    ];
    let q = quotes(
        "Twitter changed its rules on Monday. It said the new policy would take effect at once.",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "Twitter");
    assert_eq!(field(&q[0], &["speaker", "kind"]), "organisation");
    let q = quotes(
        "The plan was backed by Dianne Feinstein, the ranking Democrat, who said none of the emails came from the office.",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "Dianne Feinstein");
    assert_eq!(field(&q[0], &["speaker", "kind"]), "person");
    // The mention next to the verb is the relative pronoun, as "he" would be (PolNeAR marks
    // "who" as the source: on train, 90 of 119 such attributions now have the right span).
    assert_eq!(field(&q[0], &["speaker", "text"]), "who");
    assert_eq!(q[0]["text"], "none of the emails came from the office");
    // The tagger also reads "The plan was backed by Dianne Feinstein" as a content of "said";
    // a paraphrase whose cue already has a rule quote is not a second attribution.
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_closing_attribution_may_carry_an_apposition_and_must_close_the_sentence() {
    let names = &[
        ("John J. Ferriola", "PERSON", "John J. Ferriola"),
        ("Mike Coffman", "PERSON", "Mike Coffman"),
        ("Donald Trump", "PERSON", "Donald Trump"),
    ];
    let q = quotes(
        "The steel plant is hanging on under pressure from imports, said the company's chief executive, John J. Ferriola.",
        names,
    );
    assert_eq!(
        q[0]["text"],
        "The steel plant is hanging on under pressure from imports"
    );
    // The role's holder, named after it, speaks; the role describes him.
    assert_eq!(field(&q[0], &["speaker", "name"]), "John J. Ferriola");
    assert_eq!(field(&q[0], &["speaker", "role"]), "chief executive");
    let q = quotes(
        "Mike Coffman, who represents a swing district, said Donald Trump had disrespected the troops.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Mike Coffman");
    assert_eq!(q[0]["text"], "Donald Trump had disrespected the troops");
}

#[test]
fn a_short_quote_sharing_an_attribution_is_kept_and_a_chain_takes_its_own_speaker() {
    let names = &[
        ("Smith", "PERSON", "Anna Smith"),
        ("Jones", "PERSON", "Carl Jones"),
    ];
    let text = "\"It was a great night for the club,\" Smith said. \"We won.\"\n\n\"First paragraph of a long speech by someone else.\n\n\"Second paragraph of it,\" said Jones.";
    let q = quotes(text, names);
    let texts: Vec<&str> = q.iter().map(|q| q["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"We won."), "{texts:?}");
    let first = q
        .iter()
        .find(|q| q["text"] == "First paragraph of a long speech by someone else.")
        .unwrap();
    assert_eq!(field(first, &["speaker", "name"]), "Carl Jones");
}

#[test]
fn a_quoted_fragment_of_a_reported_clause_is_one_mixed_quote() {
    let names = &[
        ("Donald Trump", "PERSON", "Donald Trump"),
        ("Hillary Clinton", "PERSON", "Hillary Clinton"),
    ];
    let q = quotes(
        "Donald Trump said Hillary Clinton \"caused death and destruction.\" The crowd cheered.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "mixed");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Donald Trump");
}

#[test]
fn a_person_and_an_unlisted_past_tense_verb_introduce_a_quote() {
    let names = &[("Paul Byrne", "PERSON", "Paul Byrne")];
    let text =
        "Paul Byrne was asked about the vote. He answered, “We will see what the members decide.”";
    let q = quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Paul Byrne");
    assert_eq!(field(&q[0], &["cue", "text"]), "answered");
    // A comma after a noun is no such introduction.
    let q = quotes(
        "Paul Byrne left the meeting early, “a sign of protest” to some members.",
        names,
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn poll_shares_speak_and_a_which_clause_is_no_part_of_the_content() {
    let q = quotes(
        "Last month, 26 percent said they had no opinion of him.",
        &[("26 percent", "PERCENT", "26 percent")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "26 percent");
    assert_eq!(field(&q[0], &["speaker", "kind"]), "group");
    let names = &[("Podesta", "ORG", "Podesta Group")];
    let q = quotes(
        "Three former Podesta employees said disagreements broke out over the deal, which one of them considered illegal.",
        names,
    );
    assert_eq!(q[0]["text"], "disagreements broke out over the deal");
}

#[test]
fn the_tagger_adds_stances_the_rules_have_no_cue_for() {
    // "backed" is in no cue list: the rules find only the unions' statement, the trained tagger
    // adds the mayor's stance.
    let text = "The mayor has long backed the plan to widen the bridge.\n\nLocal unions condemned the council's decision to cut bus routes.";
    let names = &[("council", "ORG", "council")];
    let q = quotes(text, names);
    let rules_only = rule_quotes(text, names);
    assert_eq!(rules_only.len(), 1, "{rules_only:?}");
    assert_eq!(rules_only[0]["cue"]["text"], "condemned");
    let texts: Vec<&str> = q.iter().filter_map(|q| q["text"].as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("the plan to widen the bridge")),
        "{q:?}"
    );
    let plan = q
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.contains("bridge")))
        .unwrap();
    assert_eq!(field(plan, &["cue", "text"]), "has long backed");
    assert_eq!(field(plan, &["speaker", "text"]), "The mayor");
    assert!(
        plan["confidence"]
            .as_f64()
            .is_some_and(|c| c > 0.0 && c < 0.8)
    );
}

#[test]
fn without_reported_speech_the_tagger_adds_nothing() {
    let text = "The mayor has long backed the plan to widen the bridge.";
    assert_eq!(quotes_by(&plugin(false, true), text, &[]).len(), 0);
}

#[test]
fn a_quoted_fragment_is_read_as_the_mixed_quote_around_it() {
    let text = "The mayor described the vote as “a turning point” for the city.";
    let q = quotes(text, &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "mixed");
    assert_eq!(q[0]["text"], "the vote as “a turning point” for the city");
    assert_eq!(field(&q[0], &["speaker", "text"]), "The mayor");
    assert_eq!(field(&q[0], &["cue", "text"]), "described");
    // The rules alone read the clause from the cue to the closing mark; the tagger sees where
    // the clause ends.
    let rules = rule_quotes(text, &[]);
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert_eq!(rules[0]["kind"], "mixed");
    assert_eq!(rules[0]["text"], "the vote as “a turning point”");
    assert_eq!(field(&rules[0], &["cue", "text"]), "described");
}

#[test]
fn the_tagger_adds_an_attribution_nested_in_a_rule_quote_through_its_own_cue() {
    // The rules read the aides' statement; inside it, the governor's stance has a cue of its own.
    let text =
        "The governor is defending his decision to close the bridge, his aides said on Monday.";
    let rules_only = rule_quotes(text, &[]);
    assert_eq!(rules_only.len(), 1, "{rules_only:?}");
    let q = quotes(text, &[]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0]["text"], rules_only[0]["text"], "the rule quote stands");
    assert_eq!(field(&q[0], &["speaker", "text"]), "his aides");
    assert_eq!(q[1]["text"], "his decision to close the bridge");
    assert_eq!(field(&q[1], &["speaker", "text"]), "The governor");
    assert_eq!(field(&q[1], &["cue", "text"]), "is defending");
}

#[test]
fn a_participle_after_a_comma_speaks_for_the_sentence_subject() {
    let names = &[("Bernie Sanders", "PERSON", "Bernie Sanders")];
    let q = rule_quotes(
        "Bernie Sanders visited the studio to discuss his remarks about his rival, saying that the party needed new voters.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["text"], "the party needed new voters");
    assert_eq!(field(&q[0], &["cue", "text"]), "saying");
    // Not "his rival", the phrase before the comma; and no "..., saying SPEAKER" inversion
    // reading "the party needed new voters" as a speaker.
    assert_eq!(field(&q[0], &["speaker", "name"]), "Bernie Sanders");
}

#[test]
fn a_short_quote_in_curly_marks_is_direct_its_marks_are_not_words() {
    // "Denver" is 6 bytes, its two curly marks 6 more: counted in bytes the clause looked half
    // quoted, and so mixed.
    let names = &[("Chris Christie", "PERSON", "Chris Christie")];
    for text in [
        "On Sunday, Chris Christie said “Denver.”",
        "“Denver,” Chris Christie said on Sunday.",
    ] {
        for q in [rule_quotes(text, names), quotes(text, names)] {
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0]["kind"], "direct", "{text}: {q:?}");
            assert!(
                q[0]["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Denver"))
            );
            assert_eq!(field(&q[0], &["speaker", "name"]), "Chris Christie");
        }
    }
}

#[test]
fn words_after_a_closing_attribution_are_an_adverbial_or_what_was_said() {
    let names = &[("Chris Christie", "PERSON", "Chris Christie")];
    // What follows "said" is the content; the question before the comma is not Christie's
    // statement but a question put to him, by someone unnamed.
    let q = rule_quotes(
        "Asked which team would win, Chris Christie said Denver would.",
        names,
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0]["text"], "which team would win", "{q:?}");
    assert!(q[0]["speaker"].is_null(), "{q:?}");
    assert_eq!(q[1]["text"], "Denver would", "{q:?}");
    assert_eq!(field(&q[1], &["speaker", "name"]), "Chris Christie");
    // A day, an addressee or an adverbial after the verb still closes the sentence's attribution.
    for tail in [
        "said Monday",
        "told reporters",
        "said on Tuesday",
        "said afterwards",
    ] {
        let text = format!("The deal will not survive the winter, Chris Christie {tail}.");
        let q = rule_quotes(&text, names);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(
            q[0]["text"], "The deal will not survive the winter",
            "{text}: {q:?}"
        );
        assert_eq!(field(&q[0], &["speaker", "name"]), "Chris Christie");
    }
}

#[test]
fn a_question_put_to_the_speaker_is_not_the_speakers_statement() {
    let names = &[("Chris Christie", "PERSON", "Chris Christie")];
    let q = quotes(
        "Asked which team would win the final, Chris Christie said Denver would.",
        names,
    );
    assert!(
        q.iter()
            .filter(|q| q["cue"]["text"] == "Asked")
            .all(|q| q["speaker"].is_null()),
        "the question is not Christie's statement: {q:?}"
    );
    assert!(q.iter().any(|q| q["text"] == "Denver would"), "{q:?}");
}

#[test]
fn a_tagger_content_around_a_rule_quotes_own_attribution_is_dropped() {
    // The tagger reads the first quote with its inverted attribution as one content and links
    // it to the next sentence's "He added": the rules' quote read again.
    let text = "Benitez is keen to bolster his forward options with Djibril Cisse injured until next \
                season. \"If there is an attractive offer it could be I would be keen to leave,\" \
                admitted the 28-year-old Morientes. He added: \"Unfortunately, I am not in control \
                of the situation. I am under contract to Real and they will make any decisions.\"";
    let names = &[
        ("Benitez", "PERSON", "Benitez"),
        ("Djibril Cisse", "PERSON", "Djibril Cisse"),
        ("Morientes", "PERSON", "Morientes"),
        ("Real", "ORG", "Real"),
    ];
    let q = quotes(text, names);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|q| q["kind"] == "direct"), "{q:?}");
    assert!(
        q.iter()
            .all(|q| !q["text"].as_str().unwrap_or("").contains("admitted")),
        "{q:?}"
    );
    let first = quote_where(&q, &["cue", "text"], "admitted");
    assert_eq!(field(first, &["speaker", "name"]), "Morientes");
}

#[test]
fn a_nationality_alone_after_the_is_the_person_named_before_but_not_a_people() {
    let names = &[
        ("Andy Roddick", "PERSON", "Andy Roddick"),
        ("American", "NORP", "American"),
        ("French", "NORP", "French"),
    ];
    let text = "Andy Roddick lost in four sets on Sunday. \"I had my chances and just did not \
                convert them,\" said the American.";
    let q = rule_quotes(text, names);
    let said = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(field(said, &["speaker", "text"]), "the American");
    assert_eq!(field(said, &["speaker", "name"]), "Andy Roddick");
    assert_eq!(field(said, &["speaker", "kind"]), "person");
    let text = "Andy Roddick lost in four sets on Sunday. \"We will not change the rules,\" said \
                the French.";
    let q = rule_quotes(text, names);
    let said = quote_where(&q, &["cue", "text"], "said");
    assert_ne!(field(said, &["speaker", "name"]), "Andy Roddick", "{q:?}");
}

#[test]
fn a_long_title_before_a_name_and_letters_after_it_keep_the_person() {
    let names = &[
        ("Tory", "NORP", "Tory"),
        ("Caroline Spelman", "PERSON", "Caroline Spelman"),
        ("Bar Council", "ORG", "Bar Council"),
        ("Guy Mansfield", "PERSON", "Guy Mansfield"),
    ];
    let text = "\"This is typical of their hypocrisy,\" said Tory shadow local government \
                secretary Caroline Spelman.\n\nThe new chairman of the Bar Council, Guy Mansfield QC \
                warned there was a real risk that people would be driven away.";
    let q = rule_quotes(text, names);
    let said = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(field(said, &["speaker", "name"]), "Caroline Spelman");
    assert_eq!(field(said, &["speaker", "kind"]), "person");
    let warned = quote_where(&q, &["cue", "text"], "warned");
    assert_eq!(field(warned, &["speaker", "text"]), "Guy Mansfield QC");
    assert_eq!(field(warned, &["speaker", "name"]), "Guy Mansfield");
    assert_eq!(field(warned, &["speaker", "kind"]), "person");
}

#[test]
fn a_surname_the_entities_layer_missed_is_the_person_named_before() {
    // "Souness" alone is no mention; "Graeme Souness" is.
    let names = &[("Graeme Souness", "PERSON", "Graeme Souness")];
    let text = "Graeme Souness defended his decision on Sunday. \"We need to have two strikers \
                who score 20 goals,\" said Souness.";
    let q = rule_quotes(text, names);
    let said = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(field(said, &["speaker", "text"]), "Souness");
    assert_eq!(field(said, &["speaker", "name"]), "Graeme Souness");
    assert_eq!(field(said, &["speaker", "kind"]), "person");
}

#[test]
fn a_quote_that_lost_its_closing_mark_ends_where_the_narrative_resumes() {
    // Written for this test: the closing mark after "people." is missing, and the next
    // paragraph does not continue the quote.
    let names = &[("Jason Kingsley", "PERSON", "Jason Kingsley")];
    let text = "Jason Kingsley added: \"We have been through five transitions. Each one has \
                involved the death of some studios. Analysts said the studios were investing in \
                new tools to keep costs down.\n\nThe market grew in 2004.";
    let q = rule_quotes(text, names);
    let direct = quote_where(&q, &["kind"], "direct");
    assert_eq!(
        direct["text"],
        "We have been through five transitions. Each one has involved the death of some studios."
    );
    let analysts = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(analysts["kind"], "indirect");
    assert_eq!(field(analysts, &["speaker", "text"]), "Analysts");
}

#[test]
fn a_possessive_before_a_noun_that_speaks_is_the_person_named_before() {
    // Written for this test: the tagger reads "his argument" as source and cue.
    let names = &[("Stephen King", "PERSON", "Stephen King")];
    let text = "Stephen King won the medal last year. But his argument that the award should help \
                sell books instead of honouring excellence is not shared by everyone.";
    let q = quotes(text, names);
    let argument = quote_where(&q, &["cue", "text"], "argument");
    assert_eq!(field(argument, &["speaker", "text"]), "his");
    assert_eq!(field(argument, &["speaker", "name"]), "Stephen King");
    assert_eq!(field(argument, &["speaker", "kind"]), "person");
}

#[test]
fn a_one_word_answer_in_curly_marks_stays_direct_with_the_tagger() {
    // The tagger reads the quote with its marks as a content; the quote is all of it, not a
    // fragment of reported speech (its curly marks take more bytes than "yes." does).
    let names = &[("Ana Ruiz", "PERSON", "Ana Ruiz")];
    let q = quotes("Ana Ruiz said “yes.”", names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "direct", "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Ana Ruiz");
}

#[test]
fn the_tagger_sees_how_far_the_sentences_reporting_verbs_and_names_are() {
    let text = "Ana Ruiz said on Monday that the plant would close, the union added. \
                Nobody knows why.";
    let d = doc(text, &[("Ana Ruiz", "PERSON", "Ana Ruiz")]);
    let quoted = crate::marks::find(d.text, &d.paragraphs, true);
    let facts = crate::tagger::features::WordFacts::new(&d, &quoted, &[]);
    let at = |word: &str| {
        d.words
            .iter()
            .position(|w| w.text == word)
            .unwrap_or_else(|| panic!("no word {word}"))
    };
    // "said" is 5 words before "plant", "added" 6 after: both in the 5-8 bucket.
    assert_eq!(facts.cue_distances(at("plant")), ("5", "5"));
    assert_eq!(facts.cue_distances(at("Ana")), ("-", "2"));
    assert_eq!(facts.cue_distances(at("added")), ("9", "-"));
    // "Ruiz" is 6 words before "plant"; no name follows it.
    assert_eq!(facts.name_distances(at("plant")), ("5", "-"));
    assert_eq!(facts.name_distances(at("said")), ("1", "-"));
    // The next sentence has neither.
    assert_eq!(facts.cue_distances(at("knows")), ("-", "-"));
    assert_eq!(facts.name_distances(at("knows")), ("-", "-"));
}

#[test]
fn a_date_after_the_cue_is_not_the_taggers_content() {
    let names = &[
        ("Mao Ning", "PERSON", "Mao Ning"),
        ("Zhao", "PERSON", "Zhao Leji"),
        ("North Korea", "GPE", "North Korea"),
        ("Xinhua News Agency", "ORG", "Xinhua News Agency"),
    ];
    let text = "Foreign Ministry spokesperson Mao Ning announced on Tuesday Zhao's visit to North Korea, the Xinhua News Agency reported.";
    let q = quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["text"], "Zhao's visit to North Korea");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Mao Ning");
    assert_eq!(field(&q[0], &["cue", "text"]), "announced");
}

#[test]
fn a_quotation_after_a_preamble_is_direct_without_the_preamble() {
    let names = &[
        ("Mike Lee", "PERSON", "Mike Lee"),
        ("Sarah Lee", "PERSON", "Sarah Lee"),
    ];
    for (text, said) in [
        (
            "Mike Lee declared in the debate spin room, “I’m sending the signal that it’s time to unite.”",
            "I’m sending the signal that it’s time to unite.",
        ),
        (
            "Sarah Lee said on the radio on Monday, in reply to a caller from the harbour district, “The ferry will run again in March.”",
            "The ferry will run again in March.",
        ),
    ] {
        for q in [quotes(text, names), rule_quotes(text, names)] {
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0]["text"], said);
            assert_eq!(q[0]["kind"], "direct");
            assert_ne!(field(&q[0], &["speaker", "name"]), &Value::Null);
        }
    }
    // A quoted fragment that continues the reported clause stays in it.
    let text = "Sarah Lee said the ferry plan was, in her words, “a waste of everyone’s time.”";
    let q = rule_quotes(text, names);
    assert_eq!(q[0]["kind"], "mixed", "{q:?}");
    assert!(
        q[0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("the ferry plan"))
    );
}

#[test]
fn a_quotation_that_continues_its_clause_is_read_with_the_clause() {
    // The cue before the quotation: the content starts where the cue's content starts; mixed,
    // as less than four fifths of it lie inside the marks.
    let names = &[("Carson", "PERSON", "Carson")];
    let q = rule_quotes(
        "Carson exclaimed that the political system was “rotten to the core” in a speech.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "mixed");
    assert_eq!(
        q[0]["text"],
        "the political system was “rotten to the core”"
    );
    assert_eq!(field(&q[0], &["cue", "text"]), "exclaimed");
    // Four fifths inside the marks: direct, with the words of the clause before the quotation.
    let names = &[
        ("Jamieson", "PERSON", "Jamieson"),
        ("Trump", "PERSON", "Trump"),
    ];
    let q = rule_quotes(
        "Jamieson said Trump is \"telling his supporters what they want to believe is true.\"",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "direct");
    assert_eq!(
        q[0]["text"],
        "Trump is \"telling his supporters what they want to believe is true.\""
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "Jamieson");
    // The cue right after the quotation: the content starts with the sentence.
    let names = &[("Heiserman", "PERSON", "Heiserman")];
    let q = rule_quotes(
        "And the polling ahead of the endorsement “felt more like a push poll than a real polling of membership,” Heiserman said.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "mixed");
    assert_eq!(
        q[0]["text"],
        "And the polling ahead of the endorsement “felt more like a push poll than a real polling of membership,”"
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "Heiserman");
    // A quotation after a comma stands on its own.
    let names = &[("Trump", "PERSON", "Trump")];
    let q = rule_quotes("Trump said, “We will win.”", names);
    assert_eq!(q[0]["kind"], "direct");
    assert_eq!(q[0]["text"], "We will win.");
}

#[test]
fn a_title_in_quotation_marks_is_no_quote() {
    let names = &[
        ("CNN", "ORG", "CNN"),
        ("Barack Obama", "PERSON", "Barack Obama"),
    ];
    let q = rule_quotes(
        "Sunday on CNN’s “Fareed Zakaria GPS,” Barack Obama said the voters would make the right choice.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "indirect");
    assert_eq!(q[0]["text"], "the voters would make the right choice");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Barack Obama");
    // A short quotation in lower case inside a clause is still a quote.
    let names = &[("Kasich", "PERSON", "Kasich")];
    let q = rule_quotes(
        "Kasich cautioned “let’s not get ahead of ourselves.”",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Kasich");
}

#[test]
fn a_verb_in_the_previous_quotes_attribution_does_not_attribute_the_next_quote() {
    let names = &[("McCain", "PERSON", "McCain")];
    let q = rule_quotes(
        "“It’s been seven-and-a-half years,” McCain said, asked about the delay in an interview. “Why should I be surprised?”",
        names,
    );
    assert_eq!(q.len(), 2, "{q:?}");
    for quote in &q {
        assert_eq!(field(quote, &["speaker", "text"]), "McCain", "{quote:?}");
        assert_eq!(field(quote, &["cue", "text"]), "said", "{quote:?}");
    }
}

#[test]
fn a_subordinating_word_is_no_speaker() {
    let names = &[("Kasich", "PERSON", "Kasich")];
    let q = rule_quotes(
        "Kasich cautioned “let’s not get ahead of ourselves,” before optimistically predicting a healing convention.",
        names,
    );
    assert!(
        q.iter()
            .all(|quote| field(quote, &["speaker", "text"]) != "before"),
        "{q:?}"
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "Kasich", "{q:?}");
}

#[test]
fn a_period_inside_a_name_does_not_end_the_attribution() {
    // The tokenizer splits the period off "(D-N.Y.)"; the attribution goes on to "said".
    let names = &[("Chuck Schumer", "PERSON", "Chuck Schumer")];
    let q = rule_quotes(
        "“If the Saudis did not participate, they have nothing to worry about,” Chuck Schumer (D-N.Y.) said Tuesday. “If they did, they should be held accountable.”",
        names,
    );
    // (This test's own tokenizer ends a sentence after "Sen."; the host's does not.)
    assert_eq!(
        q.len(),
        2,
        "both quotes, and no content of a date alone ('said Tuesday'): {q:?}"
    );
    assert_eq!(q[0]["kind"], "direct", "{q:?}");
    for quote in &q {
        assert_eq!(
            field(quote, &["speaker", "text"]),
            "Chuck Schumer",
            "{quote:?}"
        );
        assert_eq!(field(quote, &["cue", "text"]), "said", "{quote:?}");
    }
}

#[test]
fn the_parts_of_one_speech_share_its_attribution() {
    // A long apposition between the parts.
    let names = &[("Edward Leamer", "PERSON", "Edward Leamer")];
    let q = rule_quotes(
        "“The risk,” said Edward Leamer, an economist who is the director of the UCLA Anderson Forecast, “is that we’re going to be attracting workers and repelling jobs.”",
        names,
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(field(&q[1], &["speaker", "text"]), "Edward Leamer");
    assert_eq!(field(&q[1], &["cue", "text"]), "said");
    // A quote closed by a period ends its sentence: the next sentence's verb is not its cue.
    let q = rule_quotes(
        "“Your Honor,” I said, “I would like to try to answer the question you raised.” When I began to speak I saw his surprise.",
        &[],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(field(&q[1], &["cue", "text"]), "said", "{q:?}");
}

#[test]
fn tells_has_an_addressee_and_a_content_after_that() {
    let names = &[
        ("Bush", "PERSON", "Bush"),
        ("Greenville", "GPE", "Greenville"),
    ];
    let q = rule_quotes(
        "Bush tells reporters outside a polling location in Greenville that “to be able to beat expectations would be helpful.”",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["addressee", "text"]), "reporters");
    assert_eq!(q[0]["kind"], "direct");
    assert_eq!(
        q[0]["text"],
        "to be able to beat expectations would be helpful."
    );
}

#[test]
fn a_second_verb_of_speech_coordinated_with_and_is_an_attribution_of_its_own() {
    let names = &[
        ("Obama", "PERSON", "Obama"),
        ("Clinton", "PERSON", "Clinton"),
    ];
    let q = rule_quotes(
        "Obama praised Clinton as the most qualified person ever to run for president and said his former secretary of State would finish the job he started.",
        names,
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        q[0]["text"],
        "Clinton as the most qualified person ever to run for president"
    );
    assert_eq!(field(&q[0], &["cue", "text"]), "praised");
    assert_eq!(
        q[1]["text"],
        "his former secretary of State would finish the job he started"
    );
    assert_eq!(field(&q[1], &["cue", "text"]), "said");
    assert_eq!(field(&q[1], &["speaker", "text"]), "Obama");
}

#[test]
fn a_titled_name_before_a_long_apposition_is_the_speaker() {
    let names = &[
        ("Marco Rubio", "PERSON", "Marco Rubio"),
        ("Fox News", "ORG", "Fox News"),
        ("Obama", "PERSON", "Obama"),
    ];
    let q = rule_quotes(
        "Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech, said Obama failed to address public concerns.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Marco Rubio");
    assert_eq!(q[0]["text"], "Obama failed to address public concerns");
}

#[test]
fn adverbs_and_times_between_subject_and_verb_are_skipped() {
    let names = &[("Trump", "PERSON", "Trump"), ("Carter", "PERSON", "Carter")];
    let q = rule_quotes(
        "Trump at the time said he had asked his people to look into paying the fees.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Trump");
    let q = rule_quotes(
        "Carter however said he would welcome China’s participation in a security network.",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "Carter", "{q:?}");
    let q = rule_quotes(
        "John Bolton and Sebastian Gorka both denounced the movement as a betrayal.",
        &[
            ("John Bolton", "PERSON", "John Bolton"),
            ("Sebastian Gorka", "PERSON", "Sebastian Gorka"),
        ],
    );
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "Sebastian Gorka",
        "{q:?}"
    );
}

#[test]
fn a_fragment_inside_a_clause_is_attributed_after_it_only_through_a_comma() {
    // "found" is no attribution of the scare quote, nor "technology" its speaker.
    let q = rule_quotes(
        "The device uses similar “steady cam” technology found in professional cameras.",
        &[],
    );
    assert!(
        q.iter()
            .all(|quote| !quote["text"].as_str().unwrap_or("").contains("steady cam")),
        "{q:?}"
    );
    // With the attribution's comma it is.
    let names = &[("Heiserman", "PERSON", "Heiserman")];
    let q = rule_quotes(
        "The polling “felt more like a push poll than a real polling of membership,” Heiserman said.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Heiserman");
}

#[test]
fn an_attribution_between_commas_has_the_content_on_both_sides() {
    // Both parts of the sentence are what was said, with one speaker and one cue; the words
    // after the verb alone are not.
    let q = rule_quotes(
        "Those who now have the right to vote, he said, must still register to do so.",
        &[],
    );
    let texts: Vec<&str> = q.iter().filter_map(|q| q["text"].as_str()).collect();
    assert_eq!(
        texts,
        [
            "Those who now have the right to vote",
            "must still register to do so"
        ],
        "{q:?}"
    );
    assert_eq!(q[0]["cue"], q[1]["cue"]);
    assert!(q.iter().all(|q| q["kind"] == "indirect"));
    // An addressee between the verb and the closing comma.
    let names = &[("Corker", "PERSON", "Corker")];
    let q = rule_quotes(
        "The chairman’s bill, Corker told reporters, would prohibit new agreements with Tehran.",
        names,
    );
    let texts: Vec<&str> = q.iter().filter_map(|q| q["text"].as_str()).collect();
    assert_eq!(
        texts,
        [
            "The chairman’s bill",
            "would prohibit new agreements with Tehran"
        ],
        "{q:?}"
    );
    // Without the closing comma the verb opens the content, as before.
    let q = rule_quotes("In 2010, he said the plan was dead.", &[]);
    let texts: Vec<&str> = q.iter().filter_map(|q| q["text"].as_str()).collect();
    assert_eq!(texts, ["the plan was dead"], "{q:?}");
}

#[test]
fn a_participle_after_a_quotation_speaks_for_the_sentences_subject() {
    let names = &[
        ("Trump", "PERSON", "Donald Trump"),
        ("Newsmax", "ORG", "Newsmax"),
        ("Mitt Romney", "PERSON", "Mitt Romney"),
    ];
    let q = rule_quotes(
        "Trump told Newsmax that Mitt Romney “had a crazy policy of self-deportation,” adding, “He lost all of the Latino vote.”",
        names,
    );
    let last = q.last().expect("quotes");
    assert_eq!(last["text"], "He lost all of the Latino vote.", "{q:?}");
    assert_eq!(field(last, &["speaker", "text"]), "Trump", "{q:?}");
    // A pronoun that opens the sentence is its subject, not a name after it.
    let q = rule_quotes(
        "He praised Romney, adding, “He lost all of the Latino vote.”",
        &[("Romney", "PERSON", "Mitt Romney")],
    );
    let last = q.last().expect("quotes");
    assert_eq!(field(last, &["speaker", "text"]), "He", "{q:?}");
}

#[test]
fn a_sentence_that_is_only_an_attribution_attributes_the_quote_before_it() {
    let names = &[("Trump", "PERSON", "Donald Trump")];
    let q = rule_quotes(
        "“Russia, if you’re listening, I hope you’re able to find the emails that are missing.” Trump said.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Trump", "{q:?}");
    // A longer sentence after a quote closed by a period is not its attribution.
    let q = rule_quotes(
        "“I am not like this.” When I began to speak, the chairman said nothing.",
        &[],
    );
    assert!(
        q.iter()
            .all(|quote| quote["kind"] != "direct" || quote["speaker"].is_null()),
        "{q:?}"
    );
}

#[test]
fn an_attribution_in_an_opening_subordinate_clause_leaves_the_main_clause_its_own() {
    let q = rule_quotes(
        "While the mega donor did not disclose his degree of backing, he did say he found Trump very charming.",
        &[("Trump", "PERSON", "Donald Trump")],
    );
    let texts: Vec<&str> = q.iter().filter_map(|q| q["text"].as_str()).collect();
    assert_eq!(
        texts,
        ["his degree of backing", "he found Trump very charming"],
        "{q:?}"
    );
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "the mega donor",
        "{q:?}"
    );
    assert_eq!(field(&q[1], &["speaker", "text"]), "he", "{q:?}");
}

#[test]
fn verbs_of_shouting_and_answering_attribute_quotes() {
    let names = &[("Trump", "PERSON", "Donald Trump")];
    let q = rule_quotes(
        "“I would say this,” Trump answered. “We will work out some system.”",
        names,
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|q| q["cue"]["text"] == "answered"), "{q:?}");
    // A slogan called out is no title, though capitalised like one.
    let q = rule_quotes(
        "Hundreds of demonstrators marched through the city, chanting “Bernie or Jill, No Hill,” on Monday.",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["text"], "Bernie or Jill, No Hill,", "{q:?}");
    // The subject of a participle is the noun phrase before the verb.
    let q = rule_quotes(
        "Band member Flea shared the news last week, writing “Feels great to support someone I believe in.”",
        &[],
    );
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "Band member Flea",
        "{q:?}"
    );
}

#[test]
fn a_second_verb_of_the_subject_and_a_share_of_those_asked_speak() {
    let names = &[("Gary Emineth", "PERSON", "Gary Emineth")];
    let q = rule_quotes(
        "Gary Emineth, a former state party chairman, became a delegate and said he is leaning toward supporting Trump.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Gary Emineth");
    assert_eq!(q[0]["text"], "he is leaning toward supporting Trump");
    let q = rule_quotes(
        "Clinton has disputed both critiques, but says that in retrospect she would have made a different decision.",
        &[("Clinton", "PERSON", "Hillary Clinton")],
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "Clinton", "{q:?}");
    let q = rule_quotes(
        "Most see it as a problem, and three-fourths say the government should require body cameras.",
        &[],
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "three-fourths", "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "kind"]), "group", "{q:?}");
}

#[test]
fn an_inverted_attribution_may_end_in_a_long_apposition() {
    let names = &[
        ("Cruz", "PERSON", "Ted Cruz"),
        ("Larry Sabato", "PERSON", "Larry Sabato"),
        ("University of Virginia", "ORG", "University of Virginia"),
    ];
    let q = rule_quotes(
        "Cruz also lacks support from his colleagues in Congress, whom he has alienated with his rhetoric, said Larry Sabato, director of the University of Virginia's Center for Politics.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Larry Sabato");
    assert!(
        q[0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Cruz also lacks")),
        "{q:?}"
    );
}

fn quote_texts(q: &[Value]) -> Vec<&str> {
    q.iter().filter_map(|q| q["text"].as_str()).collect()
}

#[test]
fn a_belief_in_the_passive_has_its_subject_and_complement_as_content() {
    let q = rule_quotes(
        "The White House is expected to sign the measure, potentially teeing up a new law.",
        &[("The White House", "ORG", "White House")],
    );
    assert_eq!(
        quote_texts(&q),
        ["The White House", "to sign the measure"],
        "{q:?}"
    );
    assert!(
        q.iter()
            .all(|q| q["speaker"].is_null() && q["cue"]["text"] == "is expected")
    );
    // A relative pronoun stands for the subject; a modal belongs to the cue.
    let q = rule_quotes(
        "Of all the voters who might be expected to resist his charms, the union members would mostly vote for him.",
        &[],
    );
    assert_eq!(
        quote_texts(&q)[..2],
        ["who", "to resist his charms"],
        "{q:?}"
    );
    assert_eq!(field(&q[0], &["cue", "text"]), "might be expected");
    // So do the auxiliaries of a perfect; "what" stands for the subject too.
    let q = rule_quotes(
        "Gazprom had been expected to win the auction.\n\n\
         Gordon Brown sets out what is seen as a rival manifesto.",
        &[("Gazprom", "ORG", "Gazprom")],
    );
    assert_eq!(
        quote_texts(&q),
        [
            "Gazprom",
            "to win the auction",
            "what",
            "as a rival manifesto"
        ],
        "{q:?}"
    );
    assert_eq!(field(&q[0], &["cue", "text"]), "had been expected");
}

#[test]
fn an_impersonal_passive_reports_what_follows_that() {
    let q = rule_quotes(
        "It was announced on Monday that the plant would close.",
        &[],
    );
    assert_eq!(quote_texts(&q), ["the plant would close"], "{q:?}");
    assert_eq!(field(&q[0], &["cue", "text"]), "was announced");
    // An adverb after the auxiliary keeps it impersonal: "It" is no speaker.
    let q = rule_quotes(
        "It has long been reported that Dr Khoo intends to take the company private.",
        &[("Dr Khoo", "PERSON", "Khoo Kay Peng")],
    );
    assert_eq!(
        quote_texts(&q),
        ["Dr Khoo intends to take the company private"],
        "{q:?}"
    );
    assert_eq!(field(&q[0], &["cue", "text"]), "has long been reported");
    assert!(q[0]["speaker"].is_null(), "{q:?}");
}

#[test]
fn a_question_put_is_attributed_to_its_asker_when_named() {
    let names = &[("Devine", "PERSON", "Tad Devine")];
    let q = rule_quotes(
        "Asked what a firm commitment looks like, Devine replied that they were working on it.",
        names,
    );
    assert_eq!(
        quote_texts(&q),
        [
            "what a firm commitment looks like",
            "they were working on it"
        ],
        "{q:?}"
    );
    assert!(q[0]["speaker"].is_null(), "{q:?}");
    assert_eq!(field(&q[1], &["speaker", "text"]), "Devine");
    let q = rule_quotes(
        "Asked by reporters whether he would run, Smith declined to answer.",
        &[],
    );
    assert_eq!(quote_texts(&q)[0], "whether he would run", "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "reporters");
}

#[test]
fn went_on_a_published_statement_and_an_attribution_sentence_after_an_exclamation() {
    let q = rule_quotes(
        "Clinton pointed to the plans.\n\n“And it is a bit concerning to me,” she went on.",
        &[("Clinton", "PERSON", "Hillary Clinton")],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(field(&q[0], &["cue", "text"]), "pointed to", "{q:?}");
    assert_eq!(q[0]["text"], "the plans", "{q:?}");
    assert_eq!(field(&q[1], &["cue", "text"]), "went on", "{q:?}");
    let q = rule_quotes(
        "Immediately after the attacks, Trump issued a statement, “Last night, our nation was attacked.”",
        &[("Trump", "PERSON", "Donald Trump")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        field(&q[0], &["cue", "text"]),
        "issued a statement",
        "{q:?}"
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "Trump", "{q:?}");
    let q = rule_quotes(
        "“One vote for Marco Rubio and 36 votes for the next president, Donald J. Trump!” US Senator Jeff Sessions said as he launched the process.",
        &[
            ("Marco Rubio", "PERSON", "Marco Rubio"),
            ("Donald J. Trump", "PERSON", "Donald J. Trump"),
            ("Jeff Sessions", "PERSON", "Jeff Sessions"),
        ],
    );
    let direct: Vec<&Value> = q.iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 1, "{q:?}");
    assert_eq!(
        field(direct[0], &["speaker", "text"]),
        "Jeff Sessions",
        "{q:?}"
    );
}

#[test]
fn an_amount_added_is_no_statement_and_an_auxiliary_no_speaker() {
    let q = rule_quotes(
        "Brent crude rose sharply on Monday, adding $1.89 to $48.62 at the close.",
        &[],
    );
    assert!(q.is_empty(), "{q:?}");
    let q = rule_quotes(
        "Shares rose 5%. The firm added 4% to its sales forecast.",
        &[],
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn no_speaker_ends_in_an_auxiliary() {
    let names = &[
        ("Van de Vijver", "PERSON", "Van de Vijver"),
        ("Shell", "ORG", "Shell"),
    ];
    let q = quotes(
        "Despite receiving an email from Mr Van de Vijver which said the firm had \"fooled\" the market about its reserves, the investigation said, she did nothing to inquire further.",
        names,
    );
    for quote in &q {
        let speaker = quote["speaker"]["text"].as_str().unwrap_or("");
        assert!(
            !["had", "has", "was", "is", "will", "would", "does"]
                .iter()
                .any(|aux| speaker.ends_with(&format!(" {aux}"))),
            "{q:?}"
        );
    }
}

#[test]
fn a_noun_phrase_after_the_verb_before_a_quotation_is_no_speaker() {
    // "confirmed his global superstar status" is no inverted "said Wang".
    let q = rule_quotes(
        "The album provided five hits and confirmed his global superstar status. “By 1979 he was the biggest touring attraction in the world.”",
        &[],
    );
    assert!(
        q.iter()
            .all(|q| q["speaker"]["text"] != "his global superstar status"),
        "{q:?}"
    );
    // A named speaker after the verb still is one.
    let q = rule_quotes(
        "Said Dorothy Poynter: “We were all so proud of him.”",
        &[("Dorothy Poynter", "PERSON", "Dorothy Poynter")],
    );
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "Dorothy Poynter",
        "{q:?}"
    );
    // "Despite" opens no speaker's phrase.
    let q = rule_quotes(
        "Despite hopes of regulatory approval last year, a series of delays has put back the launch.",
        &[],
    );
    assert!(q.iter().all(|q| q["speaker"]["text"] != "Despite"), "{q:?}");
}

#[test]
fn a_show_is_no_cue_and_a_passive_with_an_adverb_has_no_active_speaker() {
    let q = rule_quotes(
        "Ex-chat show host Robert Kilroy-Silk has quit the UK Independence Party.",
        &[("Robert Kilroy-Silk", "PERSON", "Robert Kilroy-Silk")],
    );
    assert!(q.iter().all(|q| q["cue"]["text"] != "show"), "{q:?}");
    // "Polls show" still reports.
    let q = rule_quotes(
        "The latest polls show Labour ahead in the marginal seats.",
        &[("Labour", "ORG", "Labour")],
    );
    assert_eq!(field(&q[0], &["cue", "text"]), "show", "{q:?}");
    // "are also said to": no one's statement in particular.
    let q = rule_quotes(
        "German politicians are also said to be angry over the promise to move its headquarters.",
        &[],
    );
    assert!(
        q.iter()
            .all(|q| q["speaker"]["text"] != "German politicians"),
        "{q:?}"
    );
}

#[test]
fn a_dash_a_trailing_participle_and_a_closing_show() {
    // A dash between the verb and the quotation is no part of what was said.
    let q = rule_quotes("The minister said – “We will not back down.”", &[]);
    assert_eq!(q[0]["text"], "We will not back down.", "{q:?}");
    // "..., Reuters reported, citing two diplomats.": the content is before the attribution.
    let names = &[("Reuters", "ORG", "Reuters")];
    let q = rule_quotes(
        "The talks had failed, Reuters reported, citing two diplomats.",
        names,
    );
    assert_eq!(q[0]["text"], "The talks had failed", "{q:?}");
    assert!(
        q.iter().all(|q| q["text"] != "citing two diplomats"),
        "{q:?}"
    );
    // "..., official figures show." reports.
    let q = rule_quotes(
        "US industrial production increased for the 21st month in a row, official figures show.",
        &[],
    );
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "official figures",
        "{q:?}"
    );
}

#[test]
fn naming_a_thing_is_no_statement() {
    let q = rule_quotes(
        "His comments come in a BBC documentary called 'No More Mr Nasty' to be shown next week.",
        &[("BBC", "ORG", "BBC")],
    );
    assert!(q.iter().all(|q| q["cue"]["text"] != "called"), "{q:?}");
    // Calling someone something is.
    let q = rule_quotes(
        "Trump called Clinton a liar at the rally.",
        &[
            ("Trump", "PERSON", "Donald Trump"),
            ("Clinton", "PERSON", "Hillary Clinton"),
        ],
    );
    assert_eq!(field(&q[0], &["cue", "text"]), "called", "{q:?}");
}

#[test]
fn an_inverted_speaker_is_the_person_its_phrase_names() {
    let q = rule_quotes(
        "“He has to strengthen it,” said Hopman Cup doctor Harry Smith.",
        &[
            ("Hopman Cup", "EVENT", "Hopman Cup"),
            ("Harry Smith", "PERSON", "Harry Smith"),
        ],
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "Harry Smith", "{q:?}");
    let q = rule_quotes(
        "“The cake will be bigger for everybody,” said Deputy Prime Minister Abdullatif Sener earlier this month.",
        &[("Abdullatif Sener", "PERSON", "Abdullatif Sener")],
    );
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "Abdullatif Sener",
        "{q:?}"
    );
    // A relative clause with commas of its own is skipped whole.
    let q = rule_quotes(
        "The Oscar-nominated actor, whose films include Schindler's List, Michael Collins and Star Wars, said: “The Lyric is too important to close.”",
        &[("Michael Collins", "PERSON", "Michael Collins")],
    );
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "The Oscar-nominated actor",
        "{q:?}"
    );
}

#[test]
fn referring_talking_about_and_a_newsroom_that_has_learned() {
    let names = &[("Global Times", "ORG", "Global Times")];
    let q = rule_quotes(
        "The Global Times has learned the company will close its plant.",
        names,
    );
    assert_eq!(q[0]["text"], "the company will close its plant", "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "Global Times", "{q:?}");
    let q = rule_quotes("The mayor referred to the vote as a turning point.", &[]);
    assert_eq!(field(&q[0], &["cue", "text"]), "referred to", "{q:?}");
    assert_eq!(q[0]["text"], "the vote as a turning point", "{q:?}");
    // "talks" is a noun without "about".
    let q = rule_quotes("The talks ended on Monday without a deal.", &[]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_passage_read_through_two_cues_is_one_quote() {
    // The tagger reads "referring to" as a second cue of the continuation; the passage was said
    // once, by Trump, through "said".
    let names = &[
        ("Trump", "PERSON", "Donald Trump"),
        ("Cruz", "PERSON", "Ted Cruz"),
    ];
    let text = "“Just for the record, I have won 10 states. He has won three or four,” Trump said, \
                referring to Cruz. “Last week, in fact, I was a half a million votes higher than \
                him. That's a lot of votes.”";
    let q = quotes(text, names);
    let last_week: Vec<&Value> = q
        .iter()
        .filter(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("Last week"))
        })
        .collect();
    assert_eq!(last_week.len(), 1, "{q:#?}");
    assert_eq!(field(last_week[0], &["speaker", "name"]), "Donald Trump");
    assert_eq!(field(last_week[0], &["cue", "text"]), "said");
}

#[test]
fn a_quotation_nested_at_the_end_keeps_the_attribution_comma() {
    let names = &[("Sexton", "PERSON", "Jim Sexton")];
    let q = rule_quotes(
        "The event “was the first time I walked away with the idea that maybe it’s not as simple \
         as, ‘He’s the ringleader,’” Sexton said in a phone interview.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Jim Sexton");
    assert_eq!(field(&q[0], &["cue", "text"]), "said");
}

#[test]
fn where_and_when_a_quotation_was_said_is_not_what_was_said() {
    let names = &[
        ("Zucker", "PERSON", "Jeff Zucker"),
        ("Ben Smith", "PERSON", "Ben Smith"),
    ];
    for text in [
        "“We do not pay candidates to appear at debates,” Zucker said during a discussion with \
         Ben Smith.",
        "“We do not pay candidates,” Zucker said with a grin.",
        "“We do not pay candidates,” Zucker said Wednesday afternoon.",
    ] {
        let q = rule_quotes(text, names);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0]["kind"], "direct", "{text}");
        assert_eq!(field(&q[0], &["speaker", "name"]), "Jeff Zucker", "{text}");
    }
    // A clause of circumstance is kept ("when asked ..."), and a bare weekday is no part of the
    // content.
    let q = rule_quotes(
        "“No,” Zucker said when asked whether CNN would pay. Zucker said Tuesday the network \
         would grow.",
        names,
    );
    let texts: Vec<&str> = q.iter().filter_map(|q| q["text"].as_str()).collect();
    assert!(
        texts.contains(&"when asked whether CNN would pay"),
        "{texts:?}"
    );
    assert!(texts.contains(&"the network would grow"), "{texts:?}");
}

#[test]
fn a_closing_attribution_names_where_it_was_said_not_what() {
    let names = &[
        ("Martin Bell", "PERSON", "Martin Bell"),
        ("BBC Radio", "ORG", "BBC Radio"),
        ("Liberty", "ORG", "Liberty"),
    ];
    // After the adverbial "on BBC Radio", "4's Today programme" is no content.
    let text = "\"Any of them would make competent MPs,\" former independent MP Martin Bell \
                insisted on BBC Radio 4's Today programme.";
    let q = rule_quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "direct");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Martin Bell");
    // A word quoted inside a clause is no speech its verb closes: the call is reported.
    let text = "Civil rights group Liberty said it was \"delighted\" but called on the \
                government to release men detained without charge.";
    let q = rule_quotes(text, names);
    let texts: Vec<&str> = q.iter().filter_map(|q| q["text"].as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("men detained without charge")),
        "{texts:?}"
    );
}

#[test]
fn sentence_adverbs_are_no_part_of_the_speaker() {
    for (text, speaker) in [
        (
            "The chancellor meanwhile insisted his spending plans were \"affordable\".",
            "The chancellor",
        ),
        (
            "Meanwhile Michael Jackson's mother said she is certain her son did nothing wrong.",
            "Michael Jackson's mother",
        ),
    ] {
        let q = rule_quotes(text, &[("Michael Jackson", "PERSON", "Michael Jackson")]);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(field(&q[0], &["speaker", "text"]), speaker, "{text}");
    }
}

#[test]
fn a_mixed_quote_keeps_its_quotation_whole() {
    let names = &[
        ("Mike Murphy", "PERSON", "Mike Murphy"),
        ("Trump", "PERSON", "Donald Trump"),
    ];
    // The quotation goes on past the sentence's end.
    let text = "Mike Murphy said the Trump campaign and its rivals \"may have left the station. I \
                don't want to be a critic.\" Others disagreed.";
    let q = rule_quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["kind"], "mixed");
    assert!(
        q[0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("the Trump") && t.ends_with("a critic.\"")),
        "{q:?}"
    );
    // The comma inside the closing mark ends the content before a participle, which comments
    // on the quotation and does not attribute it (nor is its object the speaker).
    let text = "Trump said things “should be wrapped up by Cleveland,” referring to the party’s \
                July convention.";
    let q = rule_quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0]["text"], "things “should be wrapped up by Cleveland,”",
        "{q:?}"
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "Donald Trump");
    assert_eq!(field(&q[0], &["cue", "text"]), "said");
}

#[test]
fn where_a_reported_content_ends() {
    let names = &[
        ("Jennifer Palmieri", "PERSON", "Jennifer Palmieri"),
        ("Clinton", "PERSON", "Hillary Clinton"),
        ("Trump", "PERSON", "Donald Trump"),
        ("Estrosi", "PERSON", "Christian Estrosi"),
        ("BFM TV", "ORG", "BFM TV"),
    ];
    let texts = |text: &str| -> Vec<String> {
        rule_quotes(text, names)
            .iter()
            .filter_map(|q| q["text"].as_str().map(String::from))
            .collect()
    };
    // A second verb of speech after "but".
    let found = texts(
        "Jennifer Palmieri acknowledged that the candidate misspoke but noted that experts say \
         the group has mentioned Trump.",
    );
    assert!(
        found.contains(&"the candidate misspoke".to_string()),
        "{found:?}"
    );
    // A relative clause set off by commas.
    let found = texts(
        "Clinton, who announced a $275 billion infrastructure plan on Monday, plans to focus on \
         jobs.",
    );
    assert!(
        found.contains(&"a $275 billion infrastructure plan on Monday".to_string()),
        "{found:?}"
    );
    // A second participle coordinated with the cue.
    let found = texts(
        "Trump has targeted Mexico, calling Mexican border-crossers criminals and threatening \
         to cut off the money they send home.",
    );
    assert!(
        found.contains(&"Mexican border-crossers criminals".to_string()),
        "{found:?}"
    );
    // "according to" inside a quotation is the speaker's own sourcing.
    let q = rule_quotes(
        "Estrosi told BFM TV that \"the driver fired on the crowd, according to the police who \
         killed him.\"",
        names,
    );
    assert!(
        q.iter()
            .all(|q| field(q, &["cue", "text"]) != "according to"),
        "{q:?}"
    );
}

#[test]
fn a_relative_pronoun_speaks_across_adverbials() {
    let names = &[
        ("Beck", "PERSON", "Glenn Beck"),
        ("Trump", "PERSON", "Donald Trump"),
    ];
    let q = rule_quotes(
        "Glenn Beck is backing Cruz. Beck, who has in the past described Trump as “a \
         pathological narcissistic sociopath” and worse, spoke on Monday.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Glenn Beck");
    assert_eq!(field(&q[0], &["speaker", "text"]), "who");
    // The quotation, widened to its clause, keeps both its marks.
    assert_eq!(
        q[0]["text"],
        "Trump as “a pathological narcissistic sociopath”"
    );
}

#[test]
fn the_object_of_a_verb_after_a_quotation_is_no_speaker() {
    let names = &[
        ("Trump", "PERSON", "Donald Trump"),
        ("Clinton", "PERSON", "Hillary Clinton"),
        ("Michelle Stevens", "PERSON", "Michelle Stevens"),
    ];
    let q = rule_quotes(
        "Trump further summed up Clinton as “terrible,” denounced her record as secretary of \
         state and said she should drop out.",
        names,
    );
    assert!(
        q.iter()
            .all(|q| field(q, &["speaker", "text"]) != "her record"),
        "{q:?}"
    );
    // A verb of saying does invert.
    let q = rule_quotes(
        "“Our ideas of success are different,” agrees Michelle Stevens, 30, of Gainesville.",
        names,
    );
    assert_eq!(
        field(&q[0], &["speaker", "name"]),
        "Michelle Stevens",
        "{q:?}"
    );
}

#[test]
fn a_document_issued_speaks_for_its_issuer() {
    let names = &[("Black Lives Matter", "ORG", "Black Lives Matter")];
    let q = rule_quotes(
        "Black Lives Matter issued a statement saying it took the action \"because of the unsafe \
         conditions created for our communities.\"",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Black Lives Matter");
    assert_eq!(field(&q[0], &["cue", "text"]), "saying");
}

#[test]
fn a_participle_after_a_preposition_speaks_for_the_subject() {
    let names = &[("Trump", "PERSON", "Donald Trump")];
    let q = rule_quotes(
        "Trump responded by saying that the rally would go ahead.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Donald Trump");
    assert_eq!(q[0]["text"], "the rally would go ahead");
}

#[test]
fn the_subject_of_a_participle_is_the_clause_subject_not_its_object() {
    let names = &[
        ("Trump", "PERSON", "Donald Trump"),
        ("John Kasich", "PERSON", "John Kasich"),
    ];
    let q = rule_quotes(
        "In three separate interviews, the justice sounded off on Trump, saying she did not want \
         to contemplate his presidency.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "the justice");
    // A comma after the parenthesis that follows the name.
    let q = rule_quotes(
        "After winning Ohio in the primary, Gov. John Kasich (R-OH), said, “I’m getting ready.”",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "John Kasich", "{q:?}");
}

#[test]
fn an_infinitive_of_speech_speaks_for_the_subject_of_its_verb() {
    let names = &[
        ("Trump", "PERSON", "Donald Trump"),
        ("Clinton", "PERSON", "Hillary Clinton"),
    ];
    for text in [
        "Trump was quick to say that the deal was dead.",
        "Trump decided to tell reporters that the deal was dead.",
        "Trump went on to say Clinton’s plan is “a disaster.”",
    ] {
        let q = rule_quotes(text, names);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(field(&q[0], &["speaker", "name"]), "Donald Trump", "{text}");
    }
    // "tried to" did not introduce speech in most of its uses in PolNeAR train.
    assert!(rule_quotes("Trump tried to argue that the deal was dead.", names).is_empty());
}

#[test]
fn a_datelines_agency_is_no_subject() {
    let names = &[
        ("AFP", "ORG", "AFP"),
        ("Hillary Clinton", "PERSON", "Hillary Clinton"),
        ("Donald Trump", "PERSON", "Donald Trump"),
    ];
    let q = rule_quotes(
        "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival Donald \
         Trump’s stance on Brexit, saying that the comments do more harm than good.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Hillary Clinton");
}

#[test]
fn the_writers_clause_after_a_comma_ends_the_content() {
    let names = &[("Sanders", "PERSON", "Bernie Sanders")];
    for text in [
        "Sanders said the system is rigged, but his rivals disagree.",
        "Sanders said the system is rigged, while polls show voters are split.",
    ] {
        let q = rule_quotes(text, names);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0]["text"], "the system is rigged", "{text}");
    }
}

#[test]
fn a_participle_goes_on_for_the_verb_before_it() {
    let q = rule_quotes(
        "“They have a global strategy,” he said of the terrorist group, adding the U.S. must be \
         equally global to match it.",
        &[],
    );
    let adding: Vec<&Value> = q
        .iter()
        .filter(|q| field(q, &["cue", "text"]) == "adding")
        .collect();
    assert_eq!(adding.len(), 1, "{q:?}");
    assert_eq!(field(adding[0], &["speaker", "text"]), "he");
}

#[test]
fn a_participle_goes_on_for_an_inverted_speaker() {
    let names = &[("Skelly", "PERSON", "Sean Skelly"), ("RNC", "ORG", "RNC")];
    let q = rule_quotes(
        "“Having access to the RNC file is valuable,” said Skelly, explaining he worked more \
         closely with the staff.",
        names,
    );
    let explaining: Vec<&Value> = q
        .iter()
        .filter(|q| field(q, &["cue", "text"]) == "explaining")
        .collect();
    assert_eq!(explaining.len(), 1, "{q:?}");
    assert_eq!(field(explaining[0], &["speaker", "name"]), "Sean Skelly");
}

#[test]
fn the_object_before_a_colon_is_no_speaker() {
    let names = &[("Clinton", "PERSON", "Hillary Clinton")];
    let q = rule_quotes(
        "Clinton spoke first. She then addressed the supporters again: “Here is what I regret.”",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "She");
    // A phrase that opens the sentence before the colon is still its speaker.
    let q = rule_quotes("From the report: “Here is what we found.”", &[]);
    assert_eq!(field(&q[0], &["speaker", "text"]), "the report", "{q:?}");
}

#[test]
fn a_qualified_document_speaks_for_its_issuer() {
    let names = &[
        ("Rubio", "PERSON", "Marco Rubio"),
        ("Murphy", "PERSON", "Patrick Murphy"),
    ];
    let q = rule_quotes(
        "Rubio’s campaign sent out a press release saying Murphy owes “Florida an explanation.”",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Marco Rubio");
    // A capitalised name before the colon is no verb's object.
    let q = rule_quotes(
        "RED STATES OUTNUMBER BLUE STATES - Jeffrey Jones: “Gallup’s analysis finds fewer \
         states.”",
        &[("Jeffrey Jones", "PERSON", "Jeffrey Jones")],
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "Jeffrey Jones", "{q:?}");
}

#[test]
fn a_person_and_an_unlisted_past_tense_after_a_quotation_attribute_it() {
    let names = &[("Hollande", "PERSON", "Francois Hollande")];
    let q = rule_quotes(
        "Trump said France had lost its identity. “France will always be France,” an angry \
         Hollande retaliated.",
        names,
    );
    let france: Vec<&Value> = q
        .iter()
        .filter(|q| q["text"] == "France will always be France,")
        .collect();
    assert_eq!(france.len(), 1, "{q:?}");
    assert_eq!(field(france[0], &["speaker", "name"]), "Francois Hollande");
    assert_eq!(field(france[0], &["cue", "text"]), "retaliated");
}

#[test]
fn an_opening_adverbial_holds_no_subject() {
    let names = &[
        ("Trump", "ORG", "Trump"),
        (
            "Philippine Presidential Communications Office",
            "ORG",
            "Philippine Presidential Communications Office",
        ),
        ("Martin Andanar", "PERSON", "Martin Andanar"),
    ];
    let q = rule_quotes(
        "In response to Trump's comments in Maine, Philippine Presidential Communications Office \
         Secretary Martin Andanar released a statement saying that Trump had \"professed his love \
         for the Philippines\" during the launch event.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    // Not the name inside the adverbial, nor the organisation that is the speaker's title.
    assert_eq!(field(&q[0], &["speaker", "name"]), "Martin Andanar");
    assert_eq!(field(&q[0], &["cue", "text"]), "saying");
}

#[test]
fn an_organisation_is_a_title_only_before_a_role_or_a_capitalised_word() {
    let names = &[
        ("American Bridge", "ORG", "American Bridge"),
        ("Jessica Mackler", "PERSON", "Jessica Mackler"),
        ("Sanders", "ORG", "Bernie Sanders"),
        ("Clinton", "PERSON", "Hillary Clinton"),
    ];
    let q = rule_quotes(
        "American Bridge President Jessica Mackler issued a statement saying the comment \"has no \
         place in American democracy.\"",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "Jessica Mackler");
    // "compared himself to" is no title: the organisation itself is the subject.
    let q = rule_quotes(
        "At the debate, Sanders compared himself to Clinton, saying that he takes no speaking fees \
         from banks.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Bernie Sanders");
}

#[test]
fn a_participle_after_a_contrasting_clause_speaks_for_its_subject() {
    let names = &[("Obama", "PERSON", "Barack Obama")];
    let q = rule_quotes(
        "President Obama has been criticized for using the term, though in a news conference last \
         week he used stronger language, saying the group \"must be destroyed.\"",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "he");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Barack Obama");
}

#[test]
fn a_participles_content_ends_where_the_main_clause_attributes() {
    let names = &[
        ("Mr Smith", "PERSON", "Doug Smith"),
        ("Mr Johnson", "PERSON", "Alan Johnson"),
    ];
    let q = rule_quotes(
        "In November, when he surprised MPs by announcing Mr Smith's departure, Mr Johnson said \
         the time had come.",
        names,
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0]["text"], "Mr Smith's departure");
    assert_eq!(field(&q[0], &["cue", "text"]), "announcing");
    assert_eq!(q[1]["text"], "the time had come");
    assert_eq!(field(&q[1], &["speaker", "name"]), "Alan Johnson");
    // The quotation is the main clause's, not the participle's.
    let q = rule_quotes(
        "When he surprised MPs by announcing the departure, Mr Johnson said: \"Doug has decided \
         that now is the time to stand aside.\"",
        names,
    );
    let direct: Vec<_> = q.iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 1, "{q:?}");
    assert_eq!(field(direct[0], &["speaker", "name"]), "Alan Johnson");
    assert_eq!(field(direct[0], &["cue", "text"]), "said");
}

#[test]
fn a_role_speaks_for_the_person_the_article_gave_it() {
    let names = &[
        ("Tony Blair", "PERSON", "Tony Blair"),
        ("John Prescott", "PERSON", "John Prescott"),
        ("Gordon Brown", "PERSON", "Gordon Brown"),
    ];
    let text = "Prime Minister Tony Blair and Deputy Prime Minister John Prescott met union \
                leaders. Gordon Brown, the chancellor, stayed away.\n\n\
                The prime minister said the talks had been useful. The chancellor said the \
                budget would not change. The deputy leader said nothing had been agreed.";
    let q = rule_quotes(text, names);
    let speaker = |content: &str| quote_where(&q, &["text"], content)["speaker"].clone();
    // A title before the name, not a longer title ending in the same words.
    let pm = speaker("the talks had been useful");
    assert_eq!(pm["text"], "The prime minister");
    assert_eq!(pm["name"], "Tony Blair");
    assert_eq!(pm["kind"], "person");
    // An apposition after the name.
    assert_eq!(
        speaker("the budget would not change")["name"],
        "Gordon Brown"
    );
    // A role no one was given is still a person's.
    let deputy = speaker("nothing had been agreed");
    assert_eq!(deputy["name"], "The deputy leader");
    assert_eq!(deputy["kind"], "person");
}

#[test]
fn common_nouns_tell_a_speakers_kind() {
    for (text, kind) in [
        (
            "The company said profits would rise next year.",
            "organisation",
        ),
        ("The newspaper reported that the deal was off.", "media"),
        ("Investors said the deal was off.", "group"),
        ("The survey said prices would rise.", "unknown"),
        // A report or a statement is a document, not a group of people.
        ("The report said prices would rise.", "unknown"),
        ("Press reports said the deal was off.", "unknown"),
        ("A statement said the deal was off.", "unknown"),
    ] {
        let q = rule_quotes(text, &[]);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(field(&q[0], &["speaker", "kind"]), kind, "{text}");
    }
}

#[test]
fn no_speaker_opens_with_a_preposition() {
    let names = &[("Merrill Lynch", "ORG", "Merrill Lynch")];
    let q = rule_quotes(
        "\"We are not expecting Fiat to exercise its put,\" brokerage Merrill Lynch said in a note \
         to investors, adding that any legal battle would be protracted.",
        names,
    );
    let adding = quote_where(&q, &["cue", "text"], "adding");
    assert_eq!(field(adding, &["speaker", "name"]), "Merrill Lynch");
}

#[test]
fn speakers_are_counted_in_any_case() {
    let text = "Analysts said the deal would go ahead next year. The merger will cut costs for \
                both firms, analysts say.";
    let value = plugin(true, false)
        .layers_value(&doc(text, &[]))
        .expect("the layers serialise");
    let speakers = value["quote_speakers"]
        .as_array()
        .expect("the quote_speakers layer is an array");
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert_eq!(speakers[0]["name"], "Analysts");
    assert_eq!(speakers[0]["quotes"], 2);
}

#[test]
fn accused_straight_before_of_is_a_passive() {
    let names = &[("Labour", "ORG", "Labour"), ("Obama", "PERSON", "Obama")];
    for text in [
        "Labour accused of broken pledge\n\nThe party denies it.",
        "The man accused of buying the guns will remain in custody, the court heard.",
    ] {
        let q = rule_quotes(text, names);
        assert!(
            q.iter().all(|q| field(q, &["cue", "text"]) != "accused"),
            "{text}: {q:?}"
        );
    }
    // After a pronoun the object stands before it: an active accusation.
    let q = rule_quotes(
        "Obama met the Republicans who he accused of preying on the anxieties of voters.",
        names,
    );
    assert!(
        q.iter().any(|q| field(q, &["cue", "text"]) == "accused"),
        "{q:?}"
    );
}

#[test]
fn names_and_nouns_in_ly_are_no_adverbs() {
    let names = &[("Megyn Kelly", "PERSON", "Megyn Kelly")];
    let q = rule_quotes("The debate was fair, Megyn Kelly said.", names);
    assert_eq!(field(&q[0], &["speaker", "text"]), "Megyn Kelly");
    let q = rule_quotes(
        "The musician has died in Los Angeles at the age of 93, his family has said.",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "text"]), "his family");
    // An adverb still stands between a speaker and the verb.
    let q = rule_quotes("Megyn Kelly publicly said the debate was fair.", names);
    assert_eq!(field(&q[0], &["speaker", "text"]), "Megyn Kelly");
}

#[test]
fn an_addressee_without_that_ends_where_the_content_opens() {
    let names = &[
        ("Bill Smith", "PERSON", "Bill Smith"),
        ("Sean Hannity", "PERSON", "Sean Hannity"),
        ("Clinton", "PERSON", "Hillary Clinton"),
    ];
    for (text, addressee, content) in [
        (
            "Bill Smith told reporters the race was over.",
            "reporters",
            "the race was over",
        ),
        (
            "Bill Smith told host Sean Hannity a Clinton loss was likely.",
            "host Sean Hannity",
            "a Clinton loss was likely",
        ),
        (
            "Bill Smith told his aides he planned to adopt a calmer tone.",
            "his aides",
            "he planned to adopt a calmer tone",
        ),
        (
            "Bill Smith told the court Sean Hannity had not been there.",
            "the court",
            "Sean Hannity had not been there",
        ),
        (
            "Bill Smith told the company to disguise the payment as fees.",
            "the company",
            "to disguise the payment as fees",
        ),
    ] {
        let q = rule_quotes(text, names);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(field(&q[0], &["addressee", "text"]), addressee, "{text}");
        assert_eq!(q[0]["text"], content, "{text}");
    }
}

#[test]
fn an_addressee_named_by_an_outlet_takes_its_programme_or_medium() {
    let names = &[
        ("Curt Hopkins", "PERSON", "Curt Hopkins"),
        ("Lord Falconer", "PERSON", "Lord Falconer"),
        ("Alan Milburn", "PERSON", "Alan Milburn"),
        ("BBC News", "ORG", "BBC News"),
        ("BBC Radio", "ORG", "BBC Radio"),
        ("Reuters", "ORG", "Reuters"),
        ("BBC", "ORG", "BBC"),
    ];
    // The medium after the outlet's name is the addressee's, not what was told: no quote
    // "website" after the direct one.
    let q = rule_quotes(
        "\"I hope this day will focus people,\" Curt Hopkins told the BBC News website.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["addressee", "text"]), "BBC News website");
    // A programme named by a possessive: the content opens after it.
    let q = rule_quotes(
        "Lord Falconer told BBC Radio 4's Today programme he hoped mediation could help.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        field(&q[0], &["addressee", "text"]),
        "BBC Radio 4's Today programme"
    );
    assert_eq!(q[0]["text"], "he hoped mediation could help");
    // A name and a programme before an adverbial still close the sentence's attribution.
    let q = rule_quotes(
        "The job remains undimmed, Alan Milburn told Radio 4's Today programme on Saturday.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["text"], "The job remains undimmed");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Alan Milburn");
    // A programme's own name after its medium, before the content.
    let q = rule_quotes(
        "Alan Milburn told the BBC programme Go Digital how the charity used radio.",
        names,
    );
    assert_eq!(
        field(&q[0], &["addressee", "text"]),
        "BBC programme Go Digital"
    );
    assert_eq!(q[0]["text"], "how the charity used radio");
    // A word after the name that is no medium opens the content.
    let q = rule_quotes("Alan Milburn told Reuters prices would rise.", names);
    assert_eq!(field(&q[0], &["addressee", "text"]), "Reuters");
    assert_eq!(q[0]["text"], "prices would rise");
}

#[test]
fn told_after_a_comma_is_not_an_inversion() {
    // "..., told reporters." names who was told: the speaker is before it, past an apposition.
    let names = &[("Alan Milburn", "PERSON", "Alan Milburn")];
    let q = rule_quotes(
        "The job remains undimmed, Alan Milburn, the election strategist, told reporters.",
        names,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["text"], "The job remains undimmed");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Alan Milburn");
}

#[test]
fn a_verb_of_attitude_after_a_comma_is_not_an_inversion() {
    // "..., attacked X" acts on X: X is no speaker, and the phrase before the comma no content.
    let names = &[("Oliver Letwin", "PERSON", "Oliver Letwin")];
    let q = rule_quotes(
        "But Oliver Letwin, for the Tories, attacked government red tape and debt, dubbing the \
         chancellor a spendthrift.",
        names,
    );
    assert!(q.iter().all(|q| q["speaker"]["text"] != "debt"), "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Oliver Letwin", "{q:?}");
}

#[test]
fn by_right_after_the_verb_names_an_agent_or_an_amount() {
    let text = "The plans were criticised by MPs on Tuesday.\n\n\
                Scam mails declined by 40% last year.";
    let q = rule_quotes(text, &[]);
    assert!(q.is_empty(), "{q:?}");
    // "by saying" says.
    let q = rule_quotes("The coach concluded by saying the season was over.", &[]);
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_role_set_off_before_the_name_describes_it() {
    let names = &[
        ("Craig Prater", "PERSON", "Craig Prater"),
        ("Mr Brown", "PERSON", "Gordon Brown"),
        ("Tad Devine", "PERSON", "Tad Devine"),
    ];
    // Inverted, the role's holder named after a comma at the sentence's end.
    let q = rule_quotes(
        "\"We asked ourselves if we should cancel,\" said the festival's executive director, \
         Craig Prater.",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "Craig Prater", "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "role"]), "executive director");
    // An apposition opening the sentence.
    let q = rule_quotes(
        "His campaign manager, Tad Devine, told reporters the race was not over.",
        names,
    );
    // The name set off after the role speaks, the role describing it.
    assert_eq!(field(&q[0], &["speaker", "name"]), "Tad Devine", "{q:?}");
    assert_eq!(
        field(&q[0], &["speaker", "role"]),
        "campaign manager",
        "{q:?}"
    );
    // A verb's object before the comma is someone else: no role.
    let q = rule_quotes(
        "Asked about claims that he did not trust the prime minister, Mr Brown replied that \
         he did.",
        names,
    );
    let replied = quote_where(&q, &["cue", "text"], "replied");
    assert_eq!(field(replied, &["speaker", "name"]), "Gordon Brown");
    assert!(field(replied, &["speaker", "role"]).is_null(), "{replied}");
    // An apposition whose closing comma is missing still describes the name before it.
    let names = &[
        ("Scott Stanzel", "PERSON", "Scott Stanzel"),
        ("Mika Brzezinski", "PERSON", "Mika Brzezinski"),
    ];
    let q = rule_quotes(
        "Scott Stanzel, a spokesman for the Bush-Cheney campaign said: \"The measure was taken \
         for security reasons.\"",
        names,
    );
    assert_eq!(field(&q[0], &["speaker", "name"]), "Scott Stanzel", "{q:?}");
    // Not a name inside an opening phrase.
    let q = rule_quotes(
        "In an interview with Mika Brzezinski, the Democratic candidate said the remarks were \
         mean.",
        names,
    );
    assert_ne!(
        field(&q[0], &["speaker", "name"]),
        "Mika Brzezinski",
        "{q:?}"
    );
}

#[test]
fn a_participle_after_a_possessive_qualifies_a_noun_next_to_a_quotation_too() {
    let names = &[("John Tomaney", "PERSON", "John Tomaney")];
    let text = "John Tomaney defended the decision to attack the No campaign's alleged political \
                allegiances. \"We felt we had to show who was behind it.\"";
    let q = quotes(text, names);
    assert!(q.iter().all(|q| q["cue"]["text"] != "alleged"), "{q:?}");
}

#[test]
fn a_passives_agent_speaks_next_to_a_quotation() {
    let names = &[
        ("Jobs", "PERSON", "Steve Jobs"),
        ("Sharon", "PERSON", "Sharon Osbourne"),
        ("UKIP", "ORG", "UKIP"),
    ];
    let text = "The machine was described by Jobs as \"the best we have ever made\".\n\n\
                Also taken was a sapphire for their daughters described by Sharon as \"one of \
                the only pure sapphires\".";
    let q = rule_quotes(text, names);
    let best = quote_where(&q, &["text"], "the best we have ever made");
    assert_eq!(field(best, &["speaker", "name"]), "Steve Jobs");
    let pure = quote_where(&q, &["text"], "one of the only pure sapphires");
    assert_eq!(field(pure, &["speaker", "name"]), "Sharon Osbourne");
    // Without an agent a passive next to a quotation is no attribution.
    let q = rule_quotes(
        "The machine was described as \"the best we have ever made\".",
        names,
    );
    assert!(q.iter().all(|q| q["speaker"].is_null()), "{q:?}");
}

#[test]
fn they_is_the_plural_group_that_is_the_subject_before_it() {
    let text = "Five public sector unions will hold private talks with the minister. They want \
                the government to withdraw the plans.\n\n\
                Russian prosecutors are forcing the sale of the unit to pay a tax bill, which \
                they claim is owed by the firm.";
    let q = rule_quotes(text, &[]);
    let want = quote_where(&q, &["cue", "text"], "want");
    assert_eq!(
        field(want, &["speaker", "name"]),
        "Five public sector unions"
    );
    assert_eq!(field(want, &["speaker", "kind"]), "organisation");
    let claim = quote_where(&q, &["cue", "text"], "claim");
    assert_eq!(field(claim, &["speaker", "name"]), "Russian prosecutors");
    assert_eq!(field(claim, &["speaker", "kind"]), "group");
}

#[test]
fn they_is_the_plural_subject_even_before_a_verb_of_no_speech() {
    // No auxiliary or verb of speech ends the subject ("unveiled"); the plural noun opening the
    // sentence is it.
    let text = "The campaigners unveiled a huge poster featuring soldiers fighting the war in                 Iraq before they announced their election plans.";
    let q = rule_quotes(text, &[]);
    let announced = quote_where(&q, &["cue", "text"], "announced");
    assert_eq!(field(announced, &["speaker", "text"]), "they");
    assert_eq!(field(announced, &["speaker", "name"]), "The campaigners");
    assert_eq!(field(announced, &["speaker", "kind"]), "group");
}

#[test]
fn the_company_is_the_firm_that_opens_the_sentence_before_and_it_follows() {
    let names = &[
        ("Oracle", "ORG", "Oracle"),
        ("Peoplesoft", "ORG", "Peoplesoft"),
        ("Reuters", "ORG", "Reuters"),
    ];
    let text = "Oracle has completed its takeover of its smaller rival Peoplesoft. The company \
                said it would cut 5,000 jobs. It added that the cuts would start in March.";
    let q = rule_quotes(text, names);
    let jobs = quote_where(&q, &["text"], "it would cut 5,000 jobs");
    assert_eq!(field(jobs, &["speaker", "text"]), "The company");
    assert_eq!(field(jobs, &["speaker", "name"]), "Oracle");
    let march = quote_where(&q, &["text"], "the cuts would start in March");
    assert_eq!(field(march, &["speaker", "name"]), "Oracle");
    // Not an outlet; and a public body keeps its own words.
    let text = "Reuters reported the deal. The bank said it was pleased.\n\n\
                The ministry said it wanted more phone lines. It also hopes to build a network.";
    let q = rule_quotes(text, names);
    let pleased = quote_where(&q, &["text"], "it was pleased");
    assert_eq!(field(pleased, &["speaker", "name"]), "The bank");
    let network = quote_where(&q, &["text"], "to build a network");
    assert_eq!(field(network, &["speaker", "name"]), "The ministry");
}

#[test]
fn the_actor_is_the_person_that_opens_the_sentence_before() {
    let names = &[
        ("Jeremy Irons", "PERSON", "Jeremy Irons"),
        ("Irons", "PERSON", "Jeremy Irons"),
        ("Gordon Brown", "PERSON", "Gordon Brown"),
    ];
    let text = "Irons said he had wondered whether he should attend. \"I questioned whether I \
                should come,\" the British actor said.\n\n\
                Gordon Brown met the unions. \"We will talk,\" the prime minister said.";
    let q = rule_quotes(text, names);
    let come = quote_where(&q, &["text"], "I questioned whether I should come,");
    assert_eq!(field(come, &["speaker", "text"]), "the British actor");
    assert_eq!(field(come, &["speaker", "name"]), "Jeremy Irons");
    // An office is left to the titles the article gives: Brown was given none.
    let talk = quote_where(&q, &["text"], "We will talk,");
    assert_eq!(field(talk, &["speaker", "name"]), "the prime minister");
    // Sports pages describe their people by position and sport.
    let names = &[("Jason Robinson", "PERSON", "Jason Robinson")];
    let text = "Skipper Jason Robinson believes the mood is good. \"There is no lack of \
                confidence in the team,\" said the Sale full-back.";
    let q = rule_quotes(text, names);
    let mood = quote_where(&q, &["text"], "There is no lack of confidence in the team,");
    assert_eq!(field(mood, &["speaker", "name"]), "Jason Robinson");
    assert_eq!(field(mood, &["speaker", "kind"]), "person");
}

#[test]
fn a_date_that_owns_the_next_noun_opens_the_content() {
    let names = &[
        ("Tony Blair", "PERSON", "Tony Blair"),
        ("Thursday", "DATE", "Thursday"),
        ("this year", "DATE", "this year"),
    ];
    let text = "Tony Blair said Thursday's report reinforced stability.\n\n\
                Tony Blair said this year's increases will be the lowest in a decade.\n\n\
                Tony Blair said Thursday the report was fair.";
    let q = rule_quotes(text, names);
    assert_eq!(
        quote_texts(&q),
        [
            "Thursday's report reinforced stability",
            "this year's increases will be the lowest in a decade",
            "the report was fair"
        ],
        "{q:?}"
    );
}

#[test]
fn they_goes_on_for_the_group_quoted_just_before() {
    let text = "Analysts said the deal was aimed at offsetting a slowing drug business. They \
                pointed out that more mergers are likely.\n\nThe firm opened two plants. Later, \
                they said the plants would close.";
    let q = rule_quotes(text, &[]);
    let speaker = |content: &str| quote_where(&q, &["text"], content)["speaker"].clone();
    let they = speaker("more mergers are likely");
    assert_eq!(they["text"], "They");
    assert_eq!(they["name"], "Analysts");
    assert_eq!(they["kind"], "group");
    // Two sentences on, and after no group: unnamed.
    let later = speaker("the plants would close");
    assert!(later["name"].is_null(), "{later:?}");
}

#[test]
fn a_sentence_adverb_is_no_subject() {
    let q = rule_quotes(
        "Instead, the Vermont senator is sticking to his message, hoping to avoid any misstep \
         that could undermine his lead.",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["speaker", "text"]), "the Vermont senator");
    // Nothing but the adverb before the participle: no subject at all.
    let q = rule_quotes(
        "However, when adding the figures for December, the administration fell short.",
        &[],
    );
    assert!(
        q.iter()
            .all(|q| field(q, &["speaker", "text"]) != "However"),
        "{q:?}"
    );
}

#[test]
fn who_speaks_for_the_person_right_before_it() {
    let names = &[
        ("Barry Fitzpatrick", "PERSON", "Barry Fitzpatrick"),
        ("Mr Fitzpatrick", "PERSON", "Barry Fitzpatrick"),
        ("Jacques Chirac", "PERSON", "Jacques Chirac"),
    ];
    let q = rule_quotes(
        "\"It shows a complete disregard for the rights of our members,\" said Mr Fitzpatrick, \
         who added that the company now planned to cut jobs.",
        names,
    );
    let added = quote_where(&q, &["cue", "text"], "added");
    assert_eq!(field(added, &["speaker", "text"]), "who");
    assert_eq!(field(added, &["speaker", "name"]), "Barry Fitzpatrick");
    let q = rule_quotes(
        "His speech will be pre-empted by French President Jacques Chirac, who announced his \
         attendance at the summit last week.",
        names,
    );
    assert_eq!(
        field(&q[0], &["speaker", "name"]),
        "Jacques Chirac",
        "{q:?}"
    );
}

#[test]
fn a_speaker_is_the_noun_a_phrase_completes_not_its_object() {
    let names = &[
        ("Microsoft", "ORG", "Microsoft"),
        ("Reuters", "ORG", "Reuters"),
        ("William Corr", "PERSON", "William Corr"),
        (
            "Campaign for Tobacco-Free Kids",
            "ORG",
            "Campaign for Tobacco-Free Kids",
        ),
    ];
    let text = "Opponents of Microsoft said the deal was unfair.\n\n\
                A spokesman for the ministry said the plan was sound.\n\n\
                One of the organisers said the march would go ahead.\n\n\
                Most of the economists polled by Reuters said rates would rise.\n\n\
                But William Corr of the Campaign for Tobacco-Free Kids urged the government to appeal.\n\n\
                The government of Iraq said the vote would go ahead.";
    let q = rule_quotes(text, names);
    let expect = [
        ("the deal was unfair", "Opponents of Microsoft", "group"),
        (
            "the plan was sound",
            "A spokesman for the ministry",
            "person",
        ),
        (
            "the march would go ahead",
            "One of the organisers",
            "person",
        ),
        (
            "rates would rise",
            "Most of the economists polled by Reuters",
            "group",
        ),
        ("the government to appeal", "William Corr", "person"),
        (
            "the vote would go ahead",
            "The government of Iraq",
            "organisation",
        ),
    ];
    for (content, speaker, kind) in expect {
        let quote = quote_where(&q, &["text"], content);
        assert_eq!(field(quote, &["speaker", "text"]), speaker, "{quote}");
        assert_eq!(field(quote, &["speaker", "kind"]), kind, "{quote}");
    }
}

#[test]
fn a_clause_opened_by_a_conjunction_has_its_plural_subject() {
    let text = "Its progress was delayed twice when Polish MEPs rejected plans to adopt it.\n\n\
                While environmentalists welcomed the announcement that it would invest in solar energy, others were wary.\n\n\
                But domestic demand seems to be taking up the slack.";
    let q = rule_quotes(text, &[]);
    let rejected = quote_where(&q, &["cue", "text"], "rejected");
    assert_eq!(field(rejected, &["speaker", "text"]), "Polish MEPs");
    assert_eq!(field(rejected, &["speaker", "kind"]), "group");
    let welcomed = quote_where(&q, &["cue", "text"], "welcomed");
    assert_eq!(field(welcomed, &["speaker", "text"]), "environmentalists");
    // "demand" is a noun here: a singular after "But" is no speaker.
    assert!(
        q.iter().all(|q| field(q, &["cue", "text"]) != "demand"),
        "{q:?}"
    );
}

#[test]
fn a_verb_before_a_colon_whose_subject_is_left_out_is_no_speaker() {
    let names = &[("Ms Jowell", "PERSON", "Tessa Jowell")];
    let text =
        "Ms Jowell insisted: “We have a good track record.” And continued: “We will do more.”";
    let q = rule_quotes(text, names);
    let second = quote_where(&q, &["text"], "We will do more.");
    assert_eq!(field(second, &["speaker", "name"]), "Tessa Jowell");
}

#[test]
fn a_participle_after_a_passive_is_said_by_its_agent() {
    let text = "The bill was backed by some hi-tech firms, saying they needed its protections.\n\n\
                The plan was praised by the mayor in a speech, saying it would help.";
    let q = rule_quotes(text, &[]);
    let firms = quote_where(&q, &["text"], "they needed its protections");
    assert_eq!(field(firms, &["speaker", "text"]), "some hi-tech firms");
    // "by the mayor in a speech": the phrase before the comma is not the agent; the clause's
    // subject stays the speaker.
    let plan = quote_where(&q, &["text"], "it would help");
    assert_eq!(field(plan, &["speaker", "text"]), "The plan");
}

#[test]
fn he_refers_to_the_last_person_named_outside_what_was_said() {
    let names = &[
        ("Mark Croucher", "PERSON", "Mark Croucher"),
        ("Mr Croucher", "PERSON", "Mark Croucher"),
        ("Mr Houston", "PERSON", "John Houston"),
        ("Etzioni", "PERSON", "Amitai Etzioni"),
        ("Carter", "PERSON", "Jimmy Carter"),
    ];
    let text = "UKIP spokesman Mark Croucher said Mr Houston's views had been presented as policy. \
                He said they might have been submissions to a committee.\n\n\
                “I met Mr Houston once,” he said.\n\n\
                Etzioni was an adviser to President Carter's White House. He says an attack is the main danger.";
    let q = rule_quotes(text, names);
    for content in [
        "they might have been submissions to a committee",
        "I met Mr Houston once,",
    ] {
        let quote = quote_where(&q, &["text"], content);
        assert_eq!(
            field(quote, &["speaker", "name"]),
            "Mark Croucher",
            "{quote}"
        );
    }
    // A person named as a possessive is passed over for the one before.
    let danger = quote_where(&q, &["text"], "an attack is the main danger");
    assert_eq!(field(danger, &["speaker", "name"]), "Amitai Etzioni");
    // Nor the one a verb of speech acts on, between the verb and its content.
    let names = &[
        ("Vincent Cable", "PERSON", "Vincent Cable"),
        ("Mr Brown", "PERSON", "Gordon Brown"),
    ];
    let text = "Vincent Cable, for the Liberal Democrats, accused Mr Brown of ducking tough \
                choices.\n\nHe said the chancellor had offered the economics of complacency.";
    // (With the tagger, which reads "ducking tough choices" alone as what was said.)
    let q = quotes(text, names);
    let complacency = quote_where(
        &q,
        &["text"],
        "the chancellor had offered the economics of complacency",
    );
    assert_eq!(field(complacency, &["speaker", "name"]), "Vincent Cable");
    // An unnamed person who spoke after the last one named: "he" means the spokesman.
    let names = &[("Edward Leigh", "PERSON", "Edward Leigh")];
    let text = "Edward Leigh said the scheme had been abused. A Home Office spokesman said the \
                system had been toughened.\n\nHe added that a single check would replace it.";
    let q = rule_quotes(text, names);
    let check = quote_where(&q, &["text"], "a single check would replace it");
    assert_eq!(
        field(check, &["speaker", "name"]),
        "A Home Office spokesman"
    );
    // Not a definite role, mostly someone named before: "the chancellor ... he" keeps the name.
    let names = &[("Gordon Brown", "PERSON", "Gordon Brown")];
    let text = "Gordon Brown spoke in Gateshead. The chancellor said the cuts were deep.\n\n\
                He said the plans would fail.";
    let q = rule_quotes(text, names);
    let fail = quote_where(&q, &["text"], "the plans would fail");
    assert_eq!(field(fail, &["speaker", "name"]), "Gordon Brown");
    // "I" outside a quotation is the writer, not the last person named.
    let names = &[("Robbie Williams", "PERSON", "Robbie Williams")];
    let q = rule_quotes(
        "Well done Robbie Williams.\n\nAngels is a good song but I think it is overrated.",
        names,
    );
    let overrated = quote_where(&q, &["text"], "it is overrated");
    assert_eq!(field(overrated, &["speaker", "text"]), "I");
    assert!(
        field(overrated, &["speaker", "name"]).is_null(),
        "{overrated}"
    );
    assert_eq!(field(overrated, &["speaker", "kind"]), "person");
}

#[test]
fn plural_nationalities_and_parties_speak_as_groups() {
    let names = &[
        ("Republicans", "NORP", "Republicans"),
        ("Republican", "NORP", "Republican"),
        ("Mexicans", "NORP", "Mexicans"),
        ("Trump", "PERSON", "Donald Trump"),
    ];
    let text = "Republicans say the leaks matter most. They pointed to the content of the emails.\n\n\
                The Kentucky Republican said the plan would fail.";
    let q = rule_quotes(text, names);
    let say = quote_where(&q, &["text"], "the leaks matter most");
    assert_eq!(field(say, &["speaker", "kind"]), "group");
    let they = quote_where(&q, &["cue", "text"], "pointed to");
    assert_eq!(field(they, &["speaker", "name"]), "Republicans");
    // One person, unnamed: no group.
    let one = quote_where(&q, &["text"], "the plan would fail");
    assert_ne!(field(one, &["speaker", "kind"]), "group");
}

#[test]
fn a_source_span_opening_with_a_name_is_that_name_not_its_apposition() {
    let names = &[
        ("Kenteris", "PERSON", "Kostas Kenteris"),
        ("Sydney", "GPE", "Sydney"),
        ("Brian Carpenter", "PERSON", "Brian Carpenter"),
        ("IETF", "ORG", "IETF"),
    ];
    let text = "Kenteris, a Greek hero after winning gold in Sydney, also confirmed it. \
                The new chair of the IETF, Brian Carpenter, says so.";
    let doc = doc(text, names);
    let span = |from: &str, to: &str| {
        let a = text.find(from).expect("span start");
        (a, text[a..].find(to).expect("span end") + a + to.len())
    };
    let (a, b) = span("Kenteris", "Sydney,");
    let who = crate::speaker::within(&doc, a, b).expect("a speaker");
    assert_eq!(who.name.as_deref(), Some("Kostas Kenteris"));
    // Not opening with a name: the name the span ends with.
    let (a, b) = span("The new chair", "Carpenter");
    let who = crate::speaker::within(&doc, a, b).expect("a speaker");
    assert_eq!(who.name.as_deref(), Some("Brian Carpenter"));
}

#[test]
fn a_passive_next_to_a_quotation_is_no_cue() {
    let names = &[("Kenteris", "PERSON", "Kostas Kenteris")];
    let text = "Kenteris insisted he will be happy if he is charged. “I will accept it gladly.”\n\n\
                Kenteris was quoted as saying: “I want to go to the end.”";
    let q = rule_quotes(text, names);
    let gladly = quote_where(&q, &["text"], "I will accept it gladly.");
    assert_ne!(field(gladly, &["cue", "text"]), "charged", "{gladly}");
    let end = quote_where(&q, &["text"], "I want to go to the end.");
    assert_eq!(field(end, &["speaker", "name"]), "Kostas Kenteris");
}

#[test]
fn a_phrase_headed_by_a_role_or_a_person_word_is_a_person() {
    let names = &[
        ("Yukos", "ORG", "Yukos"),
        ("Ken Livingstone", "PERSON", "Ken Livingstone"),
    ];
    let text = "A judge has dismissed the claim, our correspondent says.\n\n\
                The Waterford man said he would appeal.\n\n\
                Ken Livingstone had accused an Evening Standard journalist of being like a guard.";
    let q = rule_quotes(text, names);
    // "..., our correspondent says": the report it comes through.
    let via = quote_where(&q, &["via", "text"], "our correspondent");
    assert_eq!(field(via, &["via", "kind"]), "person");
    assert_eq!(
        field(
            quote_where(&q, &["speaker", "text"], "The Waterford man"),
            &["speaker", "kind"]
        ),
        "person"
    );
    // The object of "accused" is no speaker, person or not.
    let accused = quote_where(&q, &["cue", "text"], "accused");
    assert_eq!(field(accused, &["speaker", "name"]), "Ken Livingstone");
}

#[test]
fn after_an_adjective_a_verb_of_speech_is_a_noun() {
    let text = "US growth would fall to 3.3% next year from a previous estimate of 3.7%.\n\n\
                The new show will launch in spring.";
    let q = rule_quotes(text, &[]);
    assert!(q.is_empty(), "{q:?}");
    // "rising demand", "a percentage point to", "Fresh hope after ...": nouns too.
    let text = "Borrowing costs are tipped to rise by a quarter of a percentage point to 2.25%.\n\n\
                Prices rose on rising demand for fuel.\n\n\
                Fresh hope after Argentine crisis";
    let q = rule_quotes(text, &[]);
    assert!(q.is_empty(), "{q:?}");
    // A nationality's adjective before "hope" or "show(s)": a noun, not a nation speaking.
    let names = &[
        ("British", "NORP", "British"),
        ("Americans", "NORP", "Americans"),
    ];
    let text = "British hope Imelda Staunton is one of the favourites.\n\n\
                Numerous British shows were nominated for the awards.";
    let q = rule_quotes(text, names);
    assert!(q.is_empty(), "{q:?}");
    let q = rule_quotes("Americans hope the talks will resume.", names);
    assert_eq!(field(&q[0], &["speaker", "text"]), "Americans", "{q:?}");
}

#[test]
fn they_goes_on_for_organisations_named_by_a_plural_noun() {
    let names = &[("Cabinet Office", "ORG", "Cabinet Office")];
    let text = "The tobacco companies deny that they conspired to promote smoking. \
                They also say they have met the terms of earlier deals.";
    let q = rule_quotes(text, names);
    let say = quote_where(&q, &["cue", "text"], "say");
    assert_eq!(field(say, &["speaker", "name"]), "The tobacco companies");
    assert_eq!(field(say, &["speaker", "kind"]), "organisation");
}

#[test]
fn one_spokesman_is_a_person_and_lawyers_a_group() {
    let text = "His lawyer said the appeal would go ahead.\n\n\
                The lawyers said the fees were fair.\n\n\
                A spokesman said the talks had ended.";
    let q = rule_quotes(text, &[]);
    for (content, kind) in [
        ("the appeal would go ahead", "person"),
        ("the fees were fair", "group"),
        ("the talks had ended", "person"),
    ] {
        assert_eq!(
            field(quote_where(&q, &["text"], content), &["speaker", "kind"]),
            kind,
            "{content}"
        );
    }
}

#[test]
fn a_quotation_closed_before_the_comma_is_attributed_once() {
    // British style puts the comma after the closing mark: the verb after it is the quotation's
    // attribution, not a clause whose subject opens the sentence.
    let names = &[("Mr Brown", "PERSON", "Gordon Brown")];
    let text = "Taken together, the measures would create a \"welfare state that is truly \
                family-friendly for the first time in its history\", said Mr Brown.";
    let q = quotes(text, names);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["kind"]), "mixed");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Gordon Brown");
    // A title in quotation marks before the verb is no quotation it attributes.
    let text = "The ad, titled \"Unifier?\", concludes that Trump is too \"dangerous and \
                reckless\" to be president.";
    let q = rule_quotes(text, &[]);
    let concludes = quote_where(&q, &["cue", "text"], "concludes");
    assert_eq!(field(concludes, &["speaker", "text"]), "The ad");
}

#[test]
fn a_second_attribution_after_a_comma_ends_the_first_content() {
    let text = "In a move ministers say should keep council tax rises below 5% next year, the \
                chancellor said he was providing an extra £1bn for local councils.\n\n\
                Officials say the plan is fine, but the chancellor insisted it was too late.";
    let q = rule_quotes(text, &[]);
    let say = quote_where(
        &q,
        &["text"],
        "should keep council tax rises below 5% next year",
    );
    assert_eq!(field(say, &["cue", "text"]), "say");
    let said = quote_where(
        &q,
        &["text"],
        "he was providing an extra £1bn for local councils",
    );
    assert_eq!(field(said, &["speaker", "text"]), "the chancellor");
    quote_where(&q, &["text"], "the plan is fine");
    let insisted = quote_where(&q, &["cue", "text"], "insisted");
    assert_eq!(field(insisted, &["text"]), "it was too late");
    // A degree adverb before a participle: no subject and verb ("most described as").
    let text = "Officials said the vote was close, the candidates most described as outsiders \
                took a combined 61 percent.";
    let q = rule_quotes(text, &[]);
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_quoted_word_the_tagger_marks_alone_keeps_its_mixed_quote() {
    let names = &[("Labour", "ORG", "Labour"), ("Lib Dems", "ORG", "Lib Dems")];
    let text = "The Lib Dems said the plan could let extreme groups run policing, while Labour \
                criticised \"extravagant\" Tory promises on policing.";
    let q = quotes(text, names);
    let criticised = quote_where(&q, &["cue", "text"], "criticised");
    assert_eq!(
        field(criticised, &["text"]),
        "\"extravagant\" Tory promises on policing"
    );
    assert_eq!(field(criticised, &["kind"]), "mixed");
    assert_eq!(field(criticised, &["speaker", "name"]), "Labour");
}

#[test]
fn the_company_is_the_one_organisation_named_before_it_outside_what_it_said() {
    let names = &[
        ("Lycos Europe", "ORG", "Lycos Europe"),
        ("Fannie Mae", "ORG", "Fannie Mae"),
        (
            "Office of Management and Budget",
            "ORG",
            "Office of Management and Budget",
        ),
    ];
    let text = "In a statement from Lycos Europe announcing the scrapping of the scheme, the \
                company denied that this was its fault.";
    let q = rule_quotes(text, names);
    let denied = quote_where(&q, &["cue", "text"], "denied");
    assert_eq!(field(denied, &["speaker", "name"]), "Lycos Europe");
    // An organisation inside the content is what the company spoke of, not the company.
    let text = "Mr Raines, head of the Office of Management and Budget, has taken early \
                retirement, the company said.";
    let q = rule_quotes(text, names);
    let said = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(field(said, &["speaker", "name"]), "the company");
}

#[test]
fn an_apposition_between_dashes_is_skipped_for_the_speaker() {
    let names = &[("Ulrich Bez", "PERSON", "Ulrich Bez")];
    let text = "Ulrich Bez - himself a former executive at a rival - said the new car was the \
                firm's \"most affordable car ever\".";
    let q = rule_quotes(text, names);
    let said = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(field(said, &["speaker", "name"]), "Ulrich Bez");
    let text = "One unnamed correspondent - all are anonymous - wrote: \"My husband spent 11 \
                hours today playing his game.\"";
    let q = rule_quotes(text, &[]);
    assert_eq!(
        field(&q[0], &["speaker", "text"]),
        "One unnamed correspondent"
    );
}

#[test]
fn forecast_reports_after_its_subject_and_is_a_noun_elsewhere() {
    let names = &[("Mr Brown", "PERSON", "Gordon Brown")];
    let text = "Inflation would be 1.75% next year and 2% in the years to follow, Mr Brown \
                forecast.";
    let q = rule_quotes(text, names);
    assert_eq!(field(&q[0], &["cue", "text"]), "forecast");
    assert_eq!(field(&q[0], &["speaker", "name"]), "Gordon Brown");
    let text = "The poll is a surefire forecast of general election results.\n\n\
                The bank cut its economic forecast and technical assumptions.";
    let q = rule_quotes(text, &[]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_relative_clause_inside_the_contents_subject_does_not_end_it() {
    let text = "Campaigners have said that reopening the Waverley Line, which could cost up to \
                £100m, would be a huge economic boost for the Borders.";
    let q = rule_quotes(text, &[]);
    assert_eq!(
        field(&q[0], &["text"]),
        "reopening the Waverley Line, which could cost up to £100m, would be a huge economic \
         boost for the Borders"
    );
    // After an infinitive the relative clause is the writer's.
    let text = "He urged the administration to raise the cutoff to about $51,000, which, in real \
                terms, would be below the level of 1975.";
    let q = rule_quotes(text, &[]);
    assert_eq!(
        field(&q[0], &["text"]),
        "the administration to raise the cutoff to about $51,000"
    );
}

#[test]
fn it_is_the_study_or_body_that_spoke_last_not_a_name_in_what_it_said() {
    let names = &[
        (
            "Scottish Borders Council",
            "ORG",
            "Scottish Borders Council",
        ),
        ("Tweedbank", "ORG", "Tweedbank"),
        ("EDS", "ORG", "EDS"),
    ];
    let text = "A study, which was commissioned by Scottish Borders Council, found that a \
                service from Tweedbank to Edinburgh could cover its costs. It also found that a \
                freight railway could be reinstated.";
    let q = rule_quotes(text, names);
    let second = quote_where(&q, &["text"], "a freight railway could be reinstated");
    assert_eq!(field(second, &["speaker", "name"]), "A study");
    let text = "The committee said the auditors should investigate why the EDS system had gone \
                so badly wrong. It blamed the agency's senior management.";
    let q = rule_quotes(text, names);
    let blamed = quote_where(&q, &["cue", "text"], "blamed");
    assert_eq!(field(blamed, &["speaker", "name"]), "The committee");
}

#[test]
fn a_verbs_base_form_after_a_participle_or_a_and_a_noun_is_a_noun() {
    // A verb would agree: "demand" after "Falling" and "decline" after "a workforce" are nouns.
    let text = "Falling demand and a lower tax take could result in soaring budget pressures.\n\n\
                In Japan, as in Europe which also faces a workforce decline, immigration is a \
                very sensitive subject.\n\n\
                Ratings were boosted by a reality show featuring former stars.\n\n\
                Prices must rise without killing off demand for copper.";
    let q = rule_quotes(text, &[]);
    assert!(q.is_empty(), "{q:?}");
    // A name may end in "-ing".
    let names = &[
        ("Richards", "PERSON", "Ann Richards"),
        ("Yelling", "PERSON", "Liz Yelling"),
    ];
    let text = "And Richards and Yelling agree she could turn the trauma to her advantage.";
    let q = rule_quotes(text, names);
    assert_eq!(field(&q[0], &["speaker", "name"]), "Liz Yelling");
}

#[test]
fn a_name_that_lists_capitalised_words_stays_whole_in_the_speakers_phrase() {
    // The entities layer may split "Department for Culture, Media and Sport" at its commas.
    let names = &[
        ("Department for Culture", "ORG", "Department for Culture"),
        ("Media", "ORG", "Media"),
        ("Sport", "ORG", "Sport"),
        ("Pensions", "ORG", "Pensions"),
    ];
    let text = "A spokesman for the Department for Culture, Media and Sport said there were no \
                plans to sell the channel. He added that new laws would be needed.\n\n\
                A Department for Work and Pensions spokeswoman said the post had been advertised.";
    let q = rule_quotes(text, names);
    let said = quote_where(&q, &["text"], "there were no plans to sell the channel");
    assert_eq!(
        field(said, &["speaker", "text"]),
        "A spokesman for the Department for Culture, Media and Sport"
    );
    assert_eq!(field(said, &["speaker", "kind"]), "person");
    let added = quote_where(&q, &["cue", "text"], "added");
    assert_eq!(
        field(added, &["speaker", "name"]),
        "A spokesman for the Department for Culture, Media and Sport"
    );
    let spokeswoman = quote_where(&q, &["text"], "the post had been advertised");
    assert_eq!(
        field(spokeswoman, &["speaker", "text"]),
        "A Department for Work and Pensions spokeswoman"
    );
    assert_eq!(field(spokeswoman, &["speaker", "kind"]), "person");
}

#[test]
fn nouns_describing_an_organisation_before_its_name_stay_in_the_speakers_phrase() {
    let names = &[
        ("Sendmail", "ORG", "Sendmail"),
        ("JF Sullivan", "PERSON", "JF Sullivan"),
        ("WorldCom", "ORG", "WorldCom"),
        ("Nigel Melville", "PERSON", "Nigel Melville"),
    ];
    let text = "JF Sullivan, spokesman for e-mail software firm Sendmail said many organisations \
                were starting to realise how important messaging was.\n\n\
                The former chief financial officer at US telecoms firm WorldCom admitted he used \
                to lie to fellow board members.\n\n\
                Gloucester director of rugby Nigel Melville said the injury was bad.";
    let q = rule_quotes(text, names);
    let sullivan = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(field(sullivan, &["speaker", "name"]), "JF Sullivan");
    let admitted = quote_where(&q, &["cue", "text"], "admitted");
    assert_eq!(
        field(admitted, &["speaker", "text"]),
        "The former chief financial officer at US telecoms firm WorldCom"
    );
    assert_eq!(field(admitted, &["speaker", "kind"]), "person");
    // A person's name after a role is the speaker.
    let melville = quote_where(&q, &["text"], "the injury was bad");
    assert_eq!(field(melville, &["speaker", "name"]), "Nigel Melville");
}

#[test]
fn a_broadcasters_show_is_a_programme() {
    let names = &[
        ("Channel 4", "ORG", "Channel 4"),
        ("BBC Three", "ORG", "BBC Three"),
    ];
    let text = "Previous winners have included Channel 4 show Faking It and comedy duo French and \
                Saunders.\n\n\
                The giant toothbrushes from his former Channel 4 show were not for sale.\n\n\
                Little Britain, the BBC Three show, beat The Office Christmas Special.\n\n\
                She is a mentor in ITV1 talent show The X-Factor alongside Louis Walsh.\n\n\
                The awards show will also feature performances from U2.";
    let q = rule_quotes(text, names);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn the_dutchman_is_the_person_opening_a_recent_sentence() {
    let names = &[
        ("Martin Jol", "PERSON", "Martin Jol"),
        ("Robbie Keane", "PERSON", "Robbie Keane"),
        ("Noe Pamarot", "PERSON", "Noe Pamarot"),
        ("Dutchman", "NORP", "Dutchman"),
        ("Irishman", "ORG", "Irishman"),
    ];
    let text = "Tottenham manager Martin Jol acclaimed his players for their patience.\n\n\
                \"We had the initiative but it wasn't easy,\" the Dutchman said. Robbie Keane, \
                skipper for the night, echoed his manager's sentiments. He conceded the win, \
                which included goals from Noe Pamarot, was not pretty. \"It wasn't the best \
                display,\" the Irishman said.";
    let q = rule_quotes(text, names);
    let dutchman = quote_where(&q, &["speaker", "text"], "the Dutchman");
    assert_eq!(field(dutchman, &["speaker", "name"]), "Martin Jol");
    assert_eq!(field(dutchman, &["speaker", "kind"]), "person");
    let irishman = quote_where(&q, &["speaker", "text"], "the Irishman");
    assert_eq!(field(irishman, &["speaker", "name"]), "Robbie Keane");
}

#[test]
fn she_is_not_a_man_the_article_calls_mr_nor_he_a_woman_it_calls_ms() {
    let names = &[
        ("Jan Brewer", "PERSON", "Jan Brewer"),
        ("Mr. Trump", "PERSON", "Donald Trump"),
        ("Trump", "PERSON", "Donald Trump"),
        ("Ms Sturgeon", "PERSON", "Nicola Sturgeon"),
        ("Hamish MacDonell", "PERSON", "Hamish MacDonell"),
    ];
    let text = "Governor Jan Brewer met Mr. Trump in Phoenix on Friday. Trump was late. \"We had \
                a good talk,\" she said.\n\n\
                Hamish MacDonell wrote to Ms Sturgeon. \"That is completely untrue,\" he said.";
    let q = rule_quotes(text, names);
    let she = quote_where(&q, &["speaker", "text"], "she");
    assert_eq!(field(she, &["speaker", "name"]), "Jan Brewer");
    let he = quote_where(&q, &["speaker", "text"], "he");
    assert_eq!(field(he, &["speaker", "name"]), "Hamish MacDonell");
}

#[test]
fn she_is_not_a_man_by_his_given_name_nor_he_a_woman_by_hers() {
    let names = &[
        ("Sue Essex", "PERSON", "Sue Essex"),
        ("Gordon Brown", "PERSON", "Gordon Brown"),
        ("Brown", "PERSON", "Gordon Brown"),
        ("Tony Blair", "PERSON", "Tony Blair"),
        ("Cherie Blair", "PERSON", "Cherie Blair"),
    ];
    let text = "Sue Essex met Gordon Brown on Monday. After the talks with Brown, she said the \
                spending plans were fair.\n\n\
                Tony Blair waited while Cherie Blair greeted the guests. \"We are proud of it,\" he \
                said.";
    let q = rule_quotes(text, names);
    let she = quote_where(&q, &["speaker", "text"], "she");
    assert_eq!(field(she, &["speaker", "name"]), "Sue Essex");
    let he = quote_where(&q, &["speaker", "text"], "he");
    assert_eq!(field(he, &["speaker", "name"]), "Tony Blair");
}

#[test]
fn it_is_the_organisation_that_was_the_subject_not_the_last_one_named() {
    let names = &[
        ("EFF", "ORG", "Electronic Frontier Foundation"),
        ("Apple", "ORG", "Apple"),
        ("Porsche", "ORG", "Porsche"),
        ("GM", "ORG", "GM"),
    ];
    let text = "The EFF, representing the reporters, has asked the court to stop Apple pursuing \
                the sources. It argues that the journalists are protected by the constitution.\n\n\
                GM has a hybrid on the market. Even Porsche may join the race, although it insists \
                it is still considering whether to build one.";
    let q = rule_quotes(text, names);
    let argues = quote_where(&q, &["cue", "text"], "argues");
    assert_eq!(
        field(argues, &["speaker", "name"]),
        "Electronic Frontier Foundation"
    );
    let insists = quote_where(&q, &["cue", "text"], "insists");
    assert_eq!(field(insists, &["speaker", "name"]), "Porsche");
}

#[test]
fn a_preposition_before_a_speaker_is_no_part_of_it() {
    let text = "Shares in the firm fell on Monday, with analysts saying that growth would slow.";
    let q = rule_quotes(text, &[]);
    let saying = quote_where(&q, &["cue", "text"], "saying");
    assert_eq!(field(saying, &["speaker", "text"]), "analysts");
    assert_eq!(field(saying, &["speaker", "kind"]), "group");
}

#[test]
fn an_age_or_a_description_is_the_person_named_a_few_sentences_back() {
    let names = &[
        ("Tama Umaga", "PERSON", "Tama Umaga"),
        ("Umaga", "PERSON", "Tama Umaga"),
        ("31-year-old", "CARDINAL", "31-year-old"),
        ("Lions", "GPE", "Lions"),
    ];
    let text = "Tama Umaga will lead the side. \"It'll be good for us,\" Umaga said. \"A lot can \
                change between now and June.\" The 31-year-old admitted interest in the Lions \
                tour was immense, calling it \"the biggest thing to hit New Zealand\".";
    let q = rule_quotes(text, names);
    let admitted = quote_where(&q, &["cue", "text"], "admitted");
    assert_eq!(field(admitted, &["speaker", "text"]), "The 31-year-old");
    assert_eq!(field(admitted, &["speaker", "name"]), "Tama Umaga");
    assert_eq!(field(admitted, &["speaker", "kind"]), "person");
    let calling = quote_where(&q, &["cue", "text"], "calling");
    assert_eq!(field(calling, &["speaker", "name"]), "Tama Umaga");
}

#[test]
fn calibrated_confidence_ranks_a_full_report_above_a_fragment_and_min_confidence_drops_it() {
    let text = "Economy falters\n\nThe finance minister, John Smith, told reporters on Monday that \
                the recovery would take longer than the government had hoped and that \
                unemployment would keep rising.\n\nThe SEC found similar problems.\n";
    let names = &[
        ("John Smith", "PERSON", "John Smith"),
        ("SEC", "ORG", "SEC"),
    ];
    let confidence_of = |quotes: &[Value], speaker: &str| -> f64 {
        quotes
            .iter()
            .find(|q| q["speaker"]["name"] == speaker)
            .unwrap_or_else(|| panic!("no quote of {speaker}: {quotes:?}"))["confidence"]
            .as_f64()
            .expect("a number")
    };
    // The rules give both reports the same score; the calibrated confidence tells the minister's
    // full statement (a long content, "told") from a three-word finding.
    let mut rules = plugin(true, true);
    rules.calibrated = false;
    let raw = quotes_by(&rules, text, names);
    assert_eq!(
        confidence_of(&raw, "John Smith"),
        confidence_of(&raw, "SEC")
    );
    let calibrated = quotes(text, names);
    let (smith, sec) = (
        confidence_of(&calibrated, "John Smith"),
        confidence_of(&calibrated, "SEC"),
    );
    assert!(smith > 0.7 && sec < 0.5, "{smith} {sec}");
    // Above the fragment's confidence, it is left out, and so is its speaker's count.
    let mut strict = plugin(true, true);
    strict.min_confidence = 0.6;
    let layers = strict
        .layers_value(&doc(text, names))
        .expect("the layers serialise");
    let kept = layers["quotes"].as_array().expect("an array");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0]["speaker"]["name"], "John Smith");
    let speakers = layers["quote_speakers"].as_array().expect("an array");
    assert_eq!(speakers.len(), 1, "{speakers:?}");
}

#[test]
fn it_after_a_news_outlet_s_report_is_the_outlet_unless_a_firm_spoke_between() {
    let names = &[
        ("Ferrari", "ORG", "Ferrari"),
        ("Fiat", "ORG", "Fiat"),
        ("Financial Times", "ORG", "Financial Times"),
        ("Qantas", "ORG", "Qantas"),
    ];
    let text = "Ferrari could be listed on the stock market as part of an overhaul of Fiat's \
                carmaking operations, the Financial Times has reported.\n\n\
                It said Fiat was set to restructure its business after a settlement with GM.";
    let q = rule_quotes(text, names);
    let restructure = quote_where(
        &q,
        &["text"],
        "Fiat was set to restructure its business after a settlement with GM",
    );
    assert_eq!(field(restructure, &["speaker", "text"]), "It");
    assert_eq!(field(restructure, &["speaker", "name"]), "Financial Times");
    assert_eq!(field(restructure, &["speaker", "kind"]), "media");
    let text = "Up to 7,000 jobs could move overseas, the Financial Times reported. In a \
                statement, Qantas said it was looking to build its operations overseas. \
                However, it stressed this would not mean job losses.";
    let q = rule_quotes(text, names);
    let stressed = quote_where(&q, &["cue", "text"], "stressed");
    assert_eq!(field(stressed, &["speaker", "name"]), "Qantas");
}

#[test]
fn a_nationality_after_the_and_an_age_is_the_person_named_before() {
    let names = &[
        ("Martina Hingis", "PERSON", "Martina Hingis"),
        ("Le Matin", "ORG", "Le Matin"),
        ("Swiss", "NORP", "Swiss"),
    ];
    let text = "Martina Hingis has admitted that she might consider a return to tennis.\n\n\
                Speaking to Le Matin, the 24-year-old Swiss added: \"At Pattaya there will not \
                be as many people.\"";
    let q = rule_quotes(text, names);
    let pattaya = quote_where(
        &q,
        &["text"],
        "At Pattaya there will not be as many people.",
    );
    assert_eq!(
        field(pattaya, &["speaker", "text"]),
        "the 24-year-old Swiss"
    );
    assert_eq!(field(pattaya, &["speaker", "name"]), "Martina Hingis");
    assert_eq!(field(pattaya, &["speaker", "kind"]), "person");
}

#[test]
fn he_after_our_correspondent_is_the_correspondent_not_the_person_named_before() {
    let names = &[("John Prescott", "PERSON", "John Prescott")];
    let text = "Deputy Prime Minister John Prescott held a private meeting with union leaders on \
                Thursday night. Our correspondent said that he understood no deal had been \
                offered at that meeting. There was some possibility of the strike being avoided, \
                he added.";
    let q = rule_quotes(text, names);
    let avoided = quote_where(&q, &["cue", "text"], "added");
    assert_eq!(field(avoided, &["speaker", "text"]), "he");
    assert_eq!(field(avoided, &["speaker", "name"]), "Our correspondent");
}

#[test]
fn a_quoted_sentence_stays_direct_when_the_tagger_runs_its_content_on_into_the_next() {
    let text = "The behaviour of online shoppers was also changing, he said. \"The single biggest \
                reason people went online before this year was price,\" he said. \"The number \
                one reason now is convenience.\" \"Very few consumers click on the lowest \
                price,\" he said. \"They are looking for good prices and merchant \
                reliability.\" Consumer comments and reviews were also proving popular with \
                shoppers keen to find out who had the most reliable customer service.";
    let q = quotes(text, &[]);
    let reliability = quote_where(
        &q,
        &["text"],
        "They are looking for good prices and merchant reliability.",
    );
    assert_eq!(reliability["kind"], "direct");
    assert_eq!(field(reliability, &["cue", "text"]), "said");
}

#[test]
fn the_tagger_s_paraphrase_ending_on_an_article_does_not_cut_the_rule_quote_short() {
    let text = "Microsoft's Xbox had been winning the race up until last week in sales. The sales \
                figures also suggest that it may be a largely adult audience driving demand, \
                since GTA San Andreas has an 18 certificate.";
    let q = quotes(text, &[]);
    let suggest = quote_where(&q, &["cue", "text"], "suggest");
    let content = suggest["text"].as_str().expect("a text");
    assert!(
        content.starts_with("it may be a largely adult audience driving demand"),
        "{content}"
    );
}

#[test]
fn an_age_makes_a_description_a_person_s_whatever_its_head() {
    let names = &[("Lindsay Davenport", "PERSON", "Lindsay Davenport")];
    let text = "Lindsay Davenport has put any talk of retirement on hold after a largely \
                injury-free season.\n\n\
                The 28-year-old world number one had said that she would quit at the end of last \
                year.";
    let q = rule_quotes(text, names);
    let quit = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(
        field(quit, &["speaker", "text"]),
        "The 28-year-old world number one"
    );
    assert_eq!(field(quit, &["speaker", "name"]), "Lindsay Davenport");
    assert_eq!(field(quit, &["speaker", "kind"]), "person");
}

#[test]
fn a_closing_according_to_names_the_source_and_its_noun_is_no_cue() {
    let text = "The sequel took $44.7m between 24 and 26 December, according to studio \
                estimates.";
    let q = rule_quotes(text, &[]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(field(&q[0], &["cue", "text"]), "according to");
    assert_eq!(
        q[0]["text"],
        "The sequel took $44.7m between 24 and 26 December"
    );
}

#[test]
fn a_rank_opens_a_role_and_stays_in_it() {
    let names = &[
        ("Cary Leahy", "PERSON", "Cary Leahy"),
        (
            "Deutsche Bank Securities",
            "ORG",
            "Deutsche Bank Securities",
        ),
        ("Nick Ross", "PERSON", "Nick Ross"),
        ("PC Pro", "ORG", "PC Pro"),
    ];
    let text = "Cary Leahy, a senior economist at Deutsche Bank Securities, said the rate would \
                rise. \"It is worth printing at home,\" said Nick Ross, top tester at PC Pro.";
    let q = rule_quotes(text, names);
    let rise = quote_where(&q, &["cue", "text"], "said");
    assert_eq!(field(rise, &["speaker", "role"]), "senior economist");
    assert_eq!(
        field(rise, &["speaker", "affiliation"]),
        "Deutsche Bank Securities"
    );
    let home = quote_where(&q, &["speaker", "name"], "Nick Ross");
    assert_eq!(field(home, &["speaker", "role"]), "top tester");
    assert_eq!(field(home, &["speaker", "affiliation"]), "PC Pro");
}
