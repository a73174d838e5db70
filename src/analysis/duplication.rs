//! Duplication: pairs of bodies that look like they do the same job.

use serde::Serialize;

use crate::analysis::net::{FastMap, Net};
use crate::model::{Id, Relation, RelationKind, Structure};

/// Two bodies that look like they do the same job, with the evidence that
/// produced the score.
///
/// Found by [`Structure::duplicates`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Duplicate {
    /// The two bodies, sorted by id.
    pub bodies: [Id; 2],
    /// The overall score, from 0 to 1: the weighted mean of the component
    /// scores ([`DuplicationOptions`] sets the weights). Rounded to four
    /// decimal places, so that reports are the same on every platform.
    pub score: f64,
    /// Each component's score, from 0 to 1.
    pub scores: ComponentScores,
    /// Themes both bodies have, sorted.
    pub shared_themes: Vec<String>,
    /// Words both bodies' purpose and functions use, as compared (lower
    /// case, plurals made singular, common words left out), the words that
    /// weigh most in the text score first.
    pub shared_words: Vec<String>,
    /// Members who sit on both bodies, sorted by id.
    pub shared_members: Vec<Id>,
    /// Bodies (or posts) both are accountable to, sorted by id.
    pub shared_parents: Vec<Id>,
    /// Every relation written between the two, in either direction: one may
    /// report to the other, or may already have been merged into or replaced
    /// by it (a pair that has been dealt with is still reported, so that the
    /// merge confirms the finding rather than hiding it).
    pub relations: Vec<Relation>,
}

/// The component scores of a [`Duplicate`], each from 0 to 1 and rounded to
/// four decimal places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ComponentScores {
    /// Shared themes: each theme both have, weighted by how rare it is in
    /// the structure (1 for a theme only these two have, less the more
    /// bodies have it), summed over the number of themes either has. When
    /// every shared theme is on these two bodies only, this is the Jaccard
    /// index.
    pub themes: f64,
    /// Similar text: the cosine similarity of the TF-IDF vectors of the two
    /// bodies' purpose and functions.
    pub text: f64,
    /// Shared members, weighted by rarity as themes are: a post that sits
    /// on a hundred bodies says less about two of them than one that sits
    /// on those two only.
    pub members: f64,
    /// Shared accountable parents, weighted by rarity as themes are: a
    /// parent of fifty says less than a parent of two.
    pub parents: f64,
}

/// How [`Structure::duplicates`] scores pairs and which it reports. Every
/// setter takes and returns the options by value.
///
/// # Examples
///
/// ```
/// use govgraph::DuplicationOptions;
///
/// let options = DuplicationOptions::new()
///     .threshold(0.5)
///     .member_weight(0.0)
///     .limit(10);
/// assert_eq!(options.threshold_value(), 0.5);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DuplicationOptions {
    threshold: f64,
    theme_weight: f64,
    text_weight: f64,
    member_weight: f64,
    parent_weight: f64,
    posting_cap: usize,
    limit: Option<usize>,
    include_related: bool,
    include_gone: bool,
}

impl Default for DuplicationOptions {
    fn default() -> DuplicationOptions {
        DuplicationOptions {
            threshold: 0.3,
            theme_weight: 1.0,
            text_weight: 1.0,
            member_weight: 0.25,
            parent_weight: 0.25,
            posting_cap: 50,
            limit: None,
            include_related: false,
            include_gone: false,
        }
    }
}

impl DuplicationOptions {
    /// The defaults: threshold 0.3; weights 1 for themes and for text,
    /// 0.25 for members and for parents; posting cap 50; no limit.
    ///
    /// Themes and text say what a body does; members and parents say who
    /// does it and where it sits, which siblings and bodies chaired by the
    /// same busy post share without doing the same job, so they weigh less.
    /// With these weights two bodies that share all their themes score 0.4
    /// when no other body has those themes, and still reach the threshold
    /// while few do (up to six bodies of forty), however different their
    /// wording: so the Stay Safe Outcome Group and the LSCB of the Solihull
    /// paper are reported. Two siblings whose function lists read alike, as
    /// Halton's Task Groups and Mini Trusts do, score well above.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new();
    /// assert_eq!(options.threshold_value(), 0.3);
    /// ```
    pub fn new() -> DuplicationOptions {
        DuplicationOptions::default()
    }

    /// Reports pairs scoring at least this (from 0 to 1). A threshold of 0
    /// or less reports every candidate pair (every pair sharing something).
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().threshold(0.6);
    /// assert_eq!(options.threshold_value(), 0.6);
    /// ```
    pub fn threshold(mut self, threshold: f64) -> DuplicationOptions {
        self.threshold = if threshold.is_nan() { 0.0 } else { threshold };
        self
    }

    /// How much shared themes count. Negative or not-a-number weights count
    /// as 0, which leaves the component out.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().theme_weight(2.0);
    /// # let _ = options;
    /// ```
    pub fn theme_weight(mut self, weight: f64) -> DuplicationOptions {
        self.theme_weight = weight_or_zero(weight);
        self
    }

    /// How much similar purpose and functions text counts.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().text_weight(2.0);
    /// # let _ = options;
    /// ```
    pub fn text_weight(mut self, weight: f64) -> DuplicationOptions {
        self.text_weight = weight_or_zero(weight);
        self
    }

    /// How much shared members count. Set it to 0 for structures that list
    /// no seats, so that their absence does not pull every score down.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().member_weight(0.0);
    /// # let _ = options;
    /// ```
    pub fn member_weight(mut self, weight: f64) -> DuplicationOptions {
        self.member_weight = weight_or_zero(weight);
        self
    }

    /// How much shared accountable parents count.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().parent_weight(1.0);
    /// # let _ = options;
    /// ```
    pub fn parent_weight(mut self, weight: f64) -> DuplicationOptions {
        self.parent_weight = weight_or_zero(weight);
        self
    }

    /// Candidate pairs come from inverted indexes (theme, word, member and
    /// parent to the bodies that have it). A theme, word, member or parent
    /// shared by more than `cap` bodies is too common to suggest that any
    /// two of them duplicate each other, so it proposes no pairs; it still
    /// counts in the scores of pairs proposed by something rarer. The cap
    /// bounds the cost: see [`Structure::duplicates`]. At least 2.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().posting_cap(200);
    /// # let _ = options;
    /// ```
    pub fn posting_cap(mut self, cap: usize) -> DuplicationOptions {
        self.posting_cap = cap.max(2);
        self
    }

    /// Reports at most this many pairs, the highest scoring.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().limit(20);
    /// # let _ = options;
    /// ```
    pub fn limit(mut self, limit: usize) -> DuplicationOptions {
        self.limit = Some(limit);
        self
    }

    /// Whether to report pairs already joined by a line of accountability or
    /// succession: a body and its own sub-group, a board and a project it
    /// oversees, a body and the one it was merged into or replaced by. Off by
    /// default, since such pairs share a subject by design; the question is
    /// whether two bodies side by side do the same job.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().include_related(true);
    /// # let _ = options;
    /// ```
    pub fn include_related(mut self, include: bool) -> DuplicationOptions {
        self.include_related = include;
        self
    }

    /// Whether to report pairs with a body that has gone for good (merged
    /// or dissolved, [`Status::is_gone`](crate::Status::is_gone)). Off by
    /// default: a wound-up board duplicates nothing now.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::DuplicationOptions::new().include_gone(true);
    /// # let _ = options;
    /// ```
    pub fn include_gone(mut self, include: bool) -> DuplicationOptions {
        self.include_gone = include;
        self
    }

    /// The threshold in force.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::DuplicationOptions::new().threshold_value(), 0.3);
    /// ```
    pub fn threshold_value(&self) -> f64 {
        self.threshold
    }
}

fn weight_or_zero(weight: f64) -> f64 {
    if weight.is_finite() && weight > 0.0 {
        weight
    } else {
        0.0
    }
}

impl Structure {
    /// Finds pairs of bodies that look like they do the same job, highest
    /// score first (ties by the pair's ids).
    ///
    /// Each pair is scored from four components, each from 0 to 1
    /// ([`ComponentScores`]): shared themes (themes compared in lower case),
    /// similar text, shared members and shared accountable parents. Shared
    /// themes, members and parents count by their rarity: the smoothed
    /// inverse document frequency `ln((1 + n) / (1 + k)) + 1` of a feature
    /// that k of the n bodies have, over that of one that only two have. The text
    /// of a body is its purpose and functions (its name too when it has
    /// neither, since names alone are short and generic: "Strategy Group"),
    /// split into words, lower-cased, plurals made singular, common English
    /// words left out, and weighted by TF-IDF over the whole structure, so a
    /// word every body uses counts for little. The score is the weighted
    /// mean of the components; pairs at or above the threshold are
    /// reported, each with its evidence. By default two kinds of pair are
    /// left out: a body and one it is accountable to, oversees, or was
    /// merged into or replaced by (they share a subject by design), and any
    /// pair with a body that has gone for good; see
    /// [`include_related`](DuplicationOptions::include_related) and
    /// [`include_gone`](DuplicationOptions::include_gone).
    ///
    /// Pairs are never compared all against all. Candidates come from
    /// inverted indexes: two bodies are compared only if they share a theme,
    /// a word, a member or a parent that at most
    /// [`posting_cap`](DuplicationOptions::posting_cap) bodies share. Two
    /// bodies that share nothing rare score low anyway. Walking those
    /// postings tallies what each candidate pair shares through them, which
    /// with what each body has in longer postings bounds the pair's score;
    /// only pairs whose bound reaches the threshold are scored in full.
    ///
    /// # Complexity
    ///
    /// With F the total number of features (themes, words, seats and
    /// accountability lines of every body), c the posting cap, d the most
    /// features one body has and S the pairs whose bound reaches the
    /// threshold: at most **F · c / 2** steps through postings, each
    /// **O(1)**, and **O(S · d)** to score; plus **O(F log F)** to build the
    /// indexes and **O(P log P)** to sort the P pairs reported. For bodies
    /// of bounded size that is linear in the number of bodies and seats.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("alliance", "Alliance Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("task-groups", "Task Groups", BodyKind::Group)
    ///         .reports_to("alliance")
    ///         .function("Link between Alliance Board and service delivery arm")
    ///         .function("Preparing Business Plans"))
    ///     .body(BodySpec::new("mini-trusts", "Mini Trusts", BodyKind::Group)
    ///         .reports_to("alliance")
    ///         .function("Link between Alliance Board and their service delivery arm(s)")
    ///         .function("Preparing Business Plans"))
    ///     .build()?;
    /// let pairs = s.duplicates(&DuplicationOptions::new());
    /// assert_eq!(pairs[0].bodies, ["mini-trusts", "task-groups"]);
    /// assert_eq!(pairs[0].shared_parents, ["alliance"]);
    /// assert!(pairs[0].shared_words.contains(&"business".to_string()));
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn duplicates(&self, options: &DuplicationOptions) -> Vec<Duplicate> {
        duplicates(&Net::new(self), options)
    }
}

pub(crate) fn duplicates(net: &Net<'_>, options: &DuplicationOptions) -> Vec<Duplicate> {
    find(net, options, true)
}

/// Finds the pairs; `prune` is off only in tests, which check that the
/// bound never drops a pair that full scoring would keep.
fn find(net: &Net<'_>, options: &DuplicationOptions, prune: bool) -> Vec<Duplicate> {
    let features = Features::new(net);
    let count = net.body_count;
    let cap = options.posting_cap;
    let weights = [
        options.theme_weight,
        options.text_weight,
        options.member_weight,
        options.parent_weight,
    ];
    let total_weight: f64 = weights.iter().sum();
    let weigh = |scores: &ComponentScores| {
        if total_weight > 0.0 {
            (weights[0] * scores.themes
                + weights[1] * scores.text
                + weights[2] * scores.members
                + weights[3] * scores.parents)
                / total_weight
        } else {
            0.0
        }
    };
    let common = features.common(cap);

    // For each body `a`, walk the short postings of its features and tally,
    // for every later body `b` met there, what the two share through them.
    // Shared features with long postings are not walked, but each body knows
    // how many it has and how much text weight they carry, which bounds
    // what they could add: a pair whose bound falls short of the threshold
    // is dropped without being scored.
    let mut found: Vec<(f64, u32, u32, ComponentScores)> = Vec::new();
    let mut tallies = Tallies::new(count);
    let left_out: Vec<bool> = (0..count as u32)
        .map(|a| !options.include_gone && net.body(a).is_some_and(|b| b.status.is_gone()))
        .collect();
    // Bodies come in order, and so do the bodies of each posting: the k-th
    // body to walk a posting is its k-th entry, and the bodies after it are
    // the rest. A count per posting finds them without searching.
    let mut theme_seen = vec![0u32; features.theme_postings.len()];
    let mut word_seen = vec![0u32; features.word_postings.len()];
    let mut member_seen = vec![0u32; features.member_postings.len()];
    let mut parent_seen = vec![0u32; features.parent_postings.len()];
    for a in 0..count as u32 {
        let ai = a as usize;
        tallies.start(a);
        for &theme in &features.themes[ai] {
            let posting = &features.theme_postings[theme as usize];
            let rarity = features.rarity(posting.len());
            for &b in later(posting, &mut theme_seen[theme as usize], cap) {
                tallies.of(b).themes.add(rarity);
            }
        }
        for &(word, weight) in &features.words[ai] {
            let posting = &features.word_postings[word as usize];
            for &(b, other) in later(posting, &mut word_seen[word as usize], cap) {
                tallies.of(b).text += weight * other;
            }
        }
        for &member in &features.members[ai] {
            let posting = &features.member_postings[member as usize];
            let rarity = features.rarity(posting.len());
            for &b in later(posting, &mut member_seen[member as usize], cap) {
                tallies.of(b).members.add(rarity);
            }
        }
        for &parent in &features.parents[ai] {
            let posting = &features.parent_postings[parent as usize];
            let rarity = features.rarity(posting.len());
            for &b in later(posting, &mut parent_seen[parent as usize], cap) {
                tallies.of(b).parents.add(rarity);
            }
        }

        for (&b, t) in tallies.met.iter().zip(&tallies.tallies) {
            if left_out[ai] || left_out[b as usize] {
                continue;
            }
            let (x, y) = (&common[ai], &common[b as usize]);
            let bound = ComponentScores {
                themes: t.themes.bound(x.themes, y.themes),
                text: (t.text + x.text * y.text).min(1.0),
                members: t.members.bound(x.members, y.members),
                parents: t.parents.bound(x.parents, y.parents),
            };
            // The bound is loose by a hair so that float rounding can never
            // drop a pair that scores exactly the threshold.
            if prune && round(weigh(&bound) + 1e-9) < options.threshold {
                continue;
            }
            let scores = features.scores(a, b);
            let score = round(weigh(&scores));
            if score >= options.threshold && (options.include_related || !in_line(net, a, b)) {
                let rounded = ComponentScores {
                    themes: round(scores.themes),
                    text: round(scores.text),
                    members: round(scores.members),
                    parents: round(scores.parents),
                };
                found.push((score, a, b, rounded));
            }
        }
    }

    found.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    if let Some(limit) = options.limit {
        found.truncate(limit);
    }
    found
        .into_iter()
        .map(|(score, a, b, scores)| features.evidence(net, a, b, score, scores))
        .collect()
}

/// The tallies of the pairs of one body with the bodies after it, kept
/// densely in the order those bodies are first met: the array by body only
/// says where each tally is, so the walk touches little memory at random.
struct Tallies {
    /// By body: one more than the body whose pairs it was last met for, and
    /// where its tally was then.
    slot: Vec<(u32, u32)>,
    stamp: u32,
    /// The bodies met, and what each shares with the current body.
    met: Vec<u32>,
    tallies: Vec<Tally>,
}

impl Tallies {
    fn new(bodies: usize) -> Tallies {
        Tallies {
            slot: vec![(0, 0); bodies],
            stamp: 0,
            met: Vec::new(),
            tallies: Vec::new(),
        }
    }

    /// Starts the tallies of body `a`'s pairs.
    fn start(&mut self, a: u32) {
        self.stamp = a + 1;
        self.met.clear();
        self.tallies.clear();
    }

    /// The tally of the pair with body `b`, started afresh the first time
    /// `b` is met for the current body.
    fn of(&mut self, b: u32) -> &mut Tally {
        let (seen, at) = &mut self.slot[b as usize];
        if *seen != self.stamp {
            *seen = self.stamp;
            *at = self.tallies.len() as u32;
            self.met.push(b);
            self.tallies.push(Tally::default());
        }
        &mut self.tallies[*at as usize]
    }
}

/// What two bodies were found to share through short postings.
#[derive(Clone, Copy, Default)]
struct Tally {
    themes: Shared,
    text: f64,
    members: Shared,
    parents: Shared,
}

/// Features of one kind that two bodies share: how many, and their rarity
/// summed.
#[derive(Clone, Copy, Default)]
struct Shared {
    count: u32,
    rarity: f64,
}

impl Shared {
    fn add(&mut self, rarity: f64) {
        self.count += 1;
        self.rarity += rarity;
    }

    /// The most the rarity-weighted overlap of two bodies' features of one
    /// kind can be, given these shared for certain and what each has in
    /// long postings, which they may share too. More shared features only
    /// raise the overlap, so the bound takes as many as can be, with as
    /// much rarity as can be.
    fn bound(&self, x: Long, y: Long) -> f64 {
        let known = self.count;
        let more = x
            .count
            .min(y.count)
            .min(x.all.min(y.all).saturating_sub(known));
        let union = x.all + y.all - known - more;
        if union == 0 {
            return 0.0;
        }
        ((self.rarity + x.rarity.min(y.rarity)) / f64::from(union)).min(1.0)
    }
}

/// What one body has in long postings, which candidate generation skips.
#[derive(Clone, Copy, Default)]
struct Common {
    themes: Long,
    /// The length of the part of its text vector in long postings.
    text: f64,
    members: Long,
    parents: Long,
}

/// A body's features of one kind: how many in all, and how many in long
/// postings with their rarity summed.
#[derive(Clone, Copy, Default)]
struct Long {
    all: u32,
    count: u32,
    rarity: f64,
}

/// The entries after the one of the body walking a posting, given how many
/// bodies walked it before (`seen`, which this counts up); none if the
/// posting is longer than `cap`.
fn later<'p, T>(posting: &'p [T], seen: &mut u32, cap: usize) -> &'p [T] {
    *seen += 1;
    if posting.len() > cap {
        return &[];
    }
    &posting[*seen as usize..]
}

/// How rare a feature that `k` of `n` bodies have is: see
/// [`Features::rarity`].
fn rarity(n: f64, k: usize) -> f64 {
    let idf = |k: usize| ((1.0 + n) / (1.0 + k as f64)).ln() + 1.0;
    (idf(k) / idf(2)).min(1.0)
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Every body's features, by body number (the position of the body in id
/// order), and the inverted indexes over them.
struct Features {
    /// How many bodies there are, for rarity.
    bodies: f64,
    /// The rarity of a feature of k bodies, by k, for the common k.
    rarities: Vec<f64>,
    /// Theme numbers, sorted.
    themes: Lists<u32>,
    theme_names: Vec<String>,
    /// Word numbers and unit-length TF-IDF weights, sorted by word number.
    words: Lists<(u32, f64)>,
    word_names: Vec<String>,
    /// Member nodes, sorted and distinct.
    members: Lists<u32>,
    /// Parent nodes, sorted.
    parents: Lists<u32>,
    theme_postings: Lists<u32>,
    /// By word: the bodies that use it, with the word's weight in each.
    word_postings: Lists<(u32, f64)>,
    /// By node: the bodies a member sits on, or the bodies accountable to a
    /// parent.
    member_postings: Lists<u32>,
    parent_postings: Lists<u32>,
}

/// Many short lists in one allocation, the i-th at `items[start[i]..start[i + 1]]`:
/// at national scale, a list per body or per feature in a `Vec` of its own
/// would spend more time in the allocator than in the analysis.
struct Lists<T> {
    start: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy> Lists<T> {
    fn with_capacity(lists: usize, items: usize) -> Lists<T> {
        let mut start = Vec::with_capacity(lists + 1);
        start.push(0);
        Lists {
            start,
            items: Vec::with_capacity(items),
        }
    }

    /// Ends the list being pushed to and starts the next.
    fn close(&mut self) {
        self.start.push(self.items.len() as u32);
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// For each of `count` targets, the lists that hold it, with `value`
    /// of each item: the inverted index, built by counting, each posting in
    /// list order.
    fn invert<U: Copy + Default>(
        &self,
        count: usize,
        target: impl Fn(T) -> usize,
        value: impl Fn(u32, T) -> U,
    ) -> Lists<U> {
        let mut start = vec![0u32; count + 1];
        for &item in &self.items {
            start[target(item) + 1] += 1;
        }
        for i in 0..count {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut items = vec![U::default(); self.items.len()];
        for list in 0..self.len() {
            for &item in &self[list] {
                let at = &mut next[target(item)];
                items[*at as usize] = value(list as u32, item);
                *at += 1;
            }
        }
        Lists { start, items }
    }
}

impl<T> std::ops::Index<usize> for Lists<T> {
    type Output = [T];

    fn index(&self, i: usize) -> &[T] {
        &self.items[self.start[i] as usize..self.start[i + 1] as usize]
    }
}

impl Features {
    fn new(net: &Net<'_>) -> Features {
        let count = net.body_count;
        let mut theme_numbers: FastMap<String, u32> = FastMap::default();
        let mut theme_names = Vec::new();
        let mut word_numbers = Interner::with_capacity(count);
        let mut word_names: Vec<String> = Vec::new();
        let mut themes = Lists::with_capacity(count, count * 2);
        let mut counted_words: Lists<(u32, u32)> = Lists::with_capacity(count, count * 16);
        let mut buffer = String::new();
        let mut body_words = Vec::new();
        for node in 0..net.body_count as u32 {
            let body = net.body(node).expect("body nodes are bodies");
            let first = themes.items.len();
            for theme in &body.themes {
                lower_case(theme.trim(), &mut buffer);
                if buffer.is_empty() {
                    continue;
                }
                let number = match theme_numbers.get(buffer.as_str()) {
                    Some(&n) => n,
                    None => {
                        let n = theme_names.len() as u32;
                        theme_names.push(buffer.clone());
                        theme_numbers.insert(buffer.clone(), n);
                        n
                    }
                };
                themes.items.push(number);
            }
            themes.items[first..].sort_unstable();
            let distinct = dedup_tail(&mut themes.items, first);
            themes.items.truncate(distinct);
            themes.close();

            body_words.clear();
            let mut add = |text: &str| {
                for_each_word(text, &mut buffer, |word| {
                    body_words.push(word_numbers.number(word, &mut word_names));
                });
            };
            if body.purpose.is_none() && body.functions.is_empty() {
                add(&body.name);
            }
            if let Some(purpose) = &body.purpose {
                add(purpose);
            }
            for function in &body.functions {
                add(function);
            }
            body_words.sort_unstable();
            for run in body_words.chunk_by(|x, y| x == y) {
                counted_words.items.push((run[0], run.len() as u32));
            }
            counted_words.close();
        }

        let mut frequency = vec![0u32; word_names.len()];
        for &(word, _) in &counted_words.items {
            frequency[word as usize] += 1;
        }
        // Smoothed inverse document frequency: a word on every body still
        // weighs a little, a rare one much more.
        let bodies = count as f64;
        let idf: Vec<f64> = frequency
            .iter()
            .map(|&n| ((1.0 + bodies) / (1.0 + f64::from(n))).ln() + 1.0)
            .collect();
        let mut words = Lists::with_capacity(count, counted_words.items.len());
        for b in 0..count {
            let first = words.items.len();
            for &(w, tf) in &counted_words[b] {
                words
                    .items
                    .push((w, (1.0 + f64::from(tf).ln()) * idf[w as usize]));
            }
            let weighted = &mut words.items[first..];
            let norm = weighted.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, x) in weighted {
                    *x /= norm;
                }
            }
            words.close();
        }
        let word_postings = words.invert(word_names.len(), |(w, _)| w as usize, |b, (_, x)| (b, x));
        let theme_postings = themes.invert(theme_names.len(), |t| t as usize, |b, _| b);

        // Seats come in body order, each body's in member id order, which
        // is member node order; two roles on one body are one seat here.
        let seats = net.seats();
        let mut members = Lists::with_capacity(count, seats.len());
        let mut seat = 0;
        for b in 0..count as u32 {
            let first = members.items.len();
            while seat < seats.len() && seats[seat].0 == b {
                members.items.push(seats[seat].1);
                seat += 1;
            }
            let distinct = dedup_tail(&mut members.items, first);
            members.items.truncate(distinct);
            members.close();
        }
        let mut parents = Lists::with_capacity(count, count);
        for b in 0..count as u32 {
            let first = parents.items.len();
            parents.items.extend_from_slice(net.parents.of(b));
            parents.items[first..].sort_unstable();
            parents.close();
        }
        let member_postings = members.invert(net.len(), |m| m as usize, |b, _| b);
        let parent_postings = parents.invert(net.len(), |p| p as usize, |b, _| b);

        Features {
            bodies,
            rarities: (0..1024).map(|k| rarity(bodies, k)).collect(),
            themes,
            theme_names,
            words,
            word_names,
            members,
            parents,
            theme_postings,
            word_postings,
            member_postings,
            parent_postings,
        }
    }

    /// What each body has in postings longer than `cap`.
    fn common(&self, cap: usize) -> Vec<Common> {
        (0..self.themes.len())
            .map(|b| Common {
                themes: self.long(&self.themes[b], &self.theme_postings, cap),
                text: self.words[b]
                    .iter()
                    .filter(|&&(w, _)| self.word_postings[w as usize].len() > cap)
                    .map(|&(_, weight)| weight * weight)
                    .sum::<f64>()
                    .sqrt(),
                members: self.long(&self.members[b], &self.member_postings, cap),
                parents: self.long(&self.parents[b], &self.parent_postings, cap),
            })
            .collect()
    }

    fn long(&self, features: &[u32], postings: &Lists<u32>, cap: usize) -> Long {
        let mut long = Long {
            all: features.len() as u32,
            ..Long::default()
        };
        for &f in features {
            let bodies = postings[f as usize].len();
            if bodies > cap {
                long.count += 1;
                long.rarity += self.rarity(bodies);
            }
        }
        long
    }

    /// How rare a feature that `bodies` bodies have is, from 1 for one only
    /// two bodies have down towards 0 for one every body has: its smoothed
    /// inverse document frequency over that of a feature of two bodies.
    fn rarity(&self, bodies: usize) -> f64 {
        match self.rarities.get(bodies) {
            Some(&rarity) => rarity,
            None => rarity(self.bodies, bodies),
        }
    }

    /// The rarity-weighted overlap of two sorted, distinct feature lists:
    /// the rarity of each shared feature, summed, over the number of
    /// features either has; 0 when both are empty.
    fn overlap(&self, x: &[u32], y: &[u32], postings: &Lists<u32>) -> f64 {
        if x.is_empty() && y.is_empty() {
            return 0.0;
        }
        let (mut shared, mut rarity) = (0, 0.0);
        merge(
            x,
            y,
            |&f| f,
            |&f, _| {
                shared += 1;
                rarity += self.rarity(postings[f as usize].len());
            },
        );
        rarity / (x.len() + y.len() - shared) as f64
    }

    /// The component scores of a pair, unrounded: the score is weighed from
    /// these, and only then are both rounded for the report, so that the
    /// bound, which is never below these, never drops a reported pair.
    fn scores(&self, a: u32, b: u32) -> ComponentScores {
        let (a, b) = (a as usize, b as usize);
        let mut text = 0.0;
        merge(
            &self.words[a],
            &self.words[b],
            |x| x.0,
            |x, y| {
                text += x.1 * y.1;
            },
        );
        ComponentScores {
            themes: self.overlap(&self.themes[a], &self.themes[b], &self.theme_postings),
            text: text.min(1.0),
            members: self.overlap(&self.members[a], &self.members[b], &self.member_postings),
            parents: self.overlap(&self.parents[a], &self.parents[b], &self.parent_postings),
        }
    }

    fn evidence(
        &self,
        net: &Net<'_>,
        a: u32,
        b: u32,
        score: f64,
        scores: ComponentScores,
    ) -> Duplicate {
        let (ai, bi) = (a as usize, b as usize);
        let (node_a, node_b) = (a, b);

        let mut shared_themes = Vec::new();
        merge(
            &self.themes[ai],
            &self.themes[bi],
            |&t| t,
            |&t, _| {
                shared_themes.push(self.theme_names[t as usize].clone());
            },
        );
        shared_themes.sort();

        let mut weighed: Vec<(f64, &str)> = Vec::new();
        merge(
            &self.words[ai],
            &self.words[bi],
            |x| x.0,
            |x, y| {
                weighed.push((x.1 * y.1, &self.word_names[x.0 as usize]));
            },
        );
        weighed.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
        let shared_words = weighed.into_iter().map(|(_, w)| w.to_string()).collect();

        let mut shared_members = Vec::new();
        merge(
            &self.members[ai],
            &self.members[bi],
            |&m| m,
            |&m, _| {
                shared_members.push(m);
            },
        );
        net.sort(&mut shared_members);
        let mut shared_parents = Vec::new();
        merge(
            &self.parents[ai],
            &self.parents[bi],
            |&p| p,
            |&p, _| {
                shared_parents.push(p);
            },
        );
        net.sort(&mut shared_parents);

        let (id_a, id_b) = (net.id(node_a), net.id(node_b));
        let relations = net.structure.relations();
        let mut between: Vec<Relation> = relations_from(relations, id_a)
            .filter(|r| &r.to == id_b)
            .chain(relations_from(relations, id_b).filter(|r| &r.to == id_a))
            .cloned()
            .collect();
        between.sort();

        Duplicate {
            bodies: [id_a.clone(), id_b.clone()],
            score,
            scores,
            shared_themes,
            shared_words,
            shared_members: net.to_ids(&shared_members),
            shared_parents: net.to_ids(&shared_parents),
            relations: between,
        }
    }
}

/// The relations written on `id`, from relations sorted by source.
/// Whether one of two bodies is accountable to the other, or was merged
/// into or replaced by it.
fn in_line(net: &Net<'_>, a: u32, b: u32) -> bool {
    let (id_a, id_b) = (net.id(a), net.id(b));
    let relations = net.structure.relations();
    let joins = |from: &Id, to: &Id| {
        relations_from(relations, from).any(|r| {
            &r.to == to
                && (r.kind.is_accountability()
                    || matches!(r.kind, RelationKind::MergedInto | RelationKind::ReplacedBy))
        })
    };
    joins(id_a, id_b) || joins(id_b, id_a)
}

fn relations_from<'r>(relations: &'r [Relation], id: &'r Id) -> impl Iterator<Item = &'r Relation> {
    let start = relations.partition_point(|r| &r.from < id);
    relations[start..].iter().take_while(move |r| &r.from == id)
}

/// Walks two lists sorted by `key` and calls `both` on each pair of items
/// with equal keys.
fn merge<T, K: Ord>(x: &[T], y: &[T], key: impl Fn(&T) -> K, mut both: impl FnMut(&T, &T)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match key(&x[i]).cmp(&key(&y[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both(&x[i], &y[j]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Calls `each` on every word of `text` as compared: split at anything that
/// is not a letter or digit, lower-cased, without common English words,
/// numbers and single letters, and with a plural `s` taken off.
fn for_each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    for raw in text.split(|c: char| !c.is_alphanumeric()) {
        if raw.is_empty() {
            continue;
        }
        lower_case(raw, buffer);
        if buffer.chars().nth(1).is_none()
            || buffer.chars().all(char::is_numeric)
            || is_stop_word(buffer)
        {
            continue;
        }
        let word = singular(buffer);
        each(word);
    }
}

/// Removes repeats from the sorted run of `items` that starts at `first`,
/// returning the new length.
fn dedup_tail<T: PartialEq + Copy>(items: &mut [T], first: usize) -> usize {
    let mut kept = first;
    for i in first..items.len() {
        if i == first || items[i] != items[kept - 1] {
            items[kept] = items[i];
            kept += 1;
        }
    }
    kept
}

/// Numbers words in the order they are first seen. Words of up to 16 bytes
/// (nearly all) are keyed by their bytes packed into one integer, so a
/// lookup reads the table only, not a string elsewhere in memory.
struct Interner {
    short: FastMap<u128, u32>,
    long: FastMap<Box<str>, u32>,
}

impl Interner {
    fn with_capacity(capacity: usize) -> Interner {
        Interner {
            short: FastMap::with_capacity_and_hasher(capacity, Default::default()),
            long: FastMap::default(),
        }
    }

    /// The number of `word`, adding it to `names` if it is new.
    fn number(&mut self, word: &str, names: &mut Vec<String>) -> u32 {
        let next = names.len() as u32;
        let number = if word.len() <= 16 {
            // Words have no NUL bytes, so zero padding keeps keys distinct.
            let mut bytes = [0u8; 16];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            *self.short.entry(u128::from_le_bytes(bytes)).or_insert(next)
        } else {
            match self.long.get(word) {
                Some(&n) => n,
                None => *self.long.entry(word.into()).or_insert(next),
            }
        };
        if number == next {
            names.push(word.to_string());
        }
        number
    }
}

/// Writes `text` lower-cased into `buffer`, quickly when it is ASCII.
fn lower_case(text: &str, buffer: &mut String) {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// Takes a plural `s` off a word ("plans", "groups", "services"), leaving
/// words that end in "ss", "us" or "is" ("business", "status", "analysis")
/// and short words alone. Deliberately light: it does no stemming, so
/// "safe" and "safeguarding" stay different words.
fn singular(word: &str) -> &str {
    if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        &word[..word.len() - 1]
    } else {
        word
    }
}

fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<FastMap<&'static str, ()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().map(|&w| (w, ())).collect())
        .contains_key(word)
}

/// Common English words that say nothing about what a body does, sorted so
/// that a reader finds them.
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "eg", "either",
    "etc", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "ie", "if", "in", "into", "is", "it", "its", "itself", "may",
    "me", "might", "more", "most", "must", "my", "no", "nor", "not", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "out", "over", "own", "per", "same", "shall", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "would", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_string()));
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// The bound that spares most pairs from full scoring never drops
        /// one that full scoring keeps, whatever the cap, threshold and
        /// weights.
        #[test]
        fn pruning_by_the_bound_loses_no_pair(
            bodies in proptest::collection::vec(
                (
                    proptest::collection::vec(0..6usize, 0..3),
                    proptest::collection::vec(0..12usize, 0..6),
                    proptest::collection::vec(0..8usize, 0..4),
                    proptest::option::of(0..10usize),
                ),
                2..24,
            ),
            cap in 2..8usize,
            threshold in 0.0..0.8f64,
            weights in proptest::array::uniform4(0.0..2.0f64),
        ) {
            let mut builder = crate::Structure::builder();
            for m in 0..8 {
                builder = builder.member(crate::MemberSpec::new(
                    format!("m{m}"),
                    format!("M{m}"),
                    crate::MemberKind::Post,
                ));
            }
            for (i, (themes, words, seats, parent)) in bodies.iter().enumerate() {
                let words: Vec<String> = words.iter().map(|w| format!("word{w}")).collect();
                let mut spec =
                    crate::BodySpec::new(format!("b{i:02}"), format!("B{i}"), crate::BodyKind::Group)
                        .purpose(words.join(" "));
                for t in themes {
                    spec = spec.theme(format!("theme {t}"));
                }
                for m in seats {
                    spec = spec.seat(format!("m{m}").as_str(), crate::Role::Member);
                }
                if let Some(p) = parent.filter(|p| *p < bodies.len() && *p != i) {
                    spec = spec.reports_to(format!("b{p:02}").as_str());
                }
                builder = builder.body(spec);
            }
            let structure = builder.build().unwrap();
            let net = Net::new(&structure);
            let options = DuplicationOptions::new()
                .threshold(threshold)
                .posting_cap(cap)
                .theme_weight(weights[0])
                .text_weight(weights[1])
                .member_weight(weights[2])
                .parent_weight(weights[3]);
            proptest::prop_assert_eq!(find(&net, &options, true), find(&net, &options, false));
        }
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_lower_case_singular_and_without_common_words() {
        assert_eq!(
            words("Link between Alliance Board and their service delivery arm(s)"),
            ["link", "alliance", "board", "service", "delivery", "arm"]
        );
        assert_eq!(
            words("Oversight of 'safe' activity in the CYPP"),
            ["oversight", "safe", "activity", "cypp"]
        );
        assert_eq!(
            words("Preparing Business Plans for 14 - 19 year olds"),
            ["preparing", "business", "plan", "year", "old"]
        );
        assert_eq!(words("Children's status"), ["children", "status"]);
    }
}
