//! Duplication: pairs of bodies that look like they do the same job.

use serde::{Deserialize, Serialize};

use crate::analysis::features::{Features, Long, relations_from};
use crate::analysis::net::Net;
use crate::model::{Id, Relation, RelationKind, Structure};

/// Two bodies that look like they do the same job, with the evidence that
/// produced the score.
///
/// Found by [`Structure::duplicates`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Duplicate {
    /// The two bodies, sorted by id.
    pub bodies: [Id; 2],
    /// The overall score, from 0 to 1: the component scores combined as
    /// independent evidence ([`Structure::duplicates`];
    /// [`DuplicationOptions`] sets the weights). Rounded to four
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
    /// Whether the two are siblings split by name, as a parent splits its
    /// work by client group: bodies of one kind with a parent in common
    /// whose names have no word in common but the generic ones ("group",
    /// "board", "commissioning"). Their shared parent and themes are the
    /// split's design and count for nothing in the score, and their text
    /// counts half.
    pub split: bool,
    /// Every relation written between the two, in either direction: one may
    /// report to the other, or may already have been merged into or replaced
    /// by it (a pair that has been dealt with is still reported, so that the
    /// merge confirms the finding rather than hiding it).
    #[serde(deserialize_with = "super::finding::relations")]
    pub relations: Vec<Relation>,
}

/// The component scores of a [`Duplicate`], each from 0 to 1 and rounded to
/// four decimal places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    include_successors: bool,
}

impl Default for DuplicationOptions {
    fn default() -> DuplicationOptions {
        DuplicationOptions {
            threshold: 0.3,
            theme_weight: 0.4,
            text_weight: 0.7,
            member_weight: 0.45,
            parent_weight: 0.05,
            posting_cap: 50,
            limit: None,
            include_related: false,
            include_gone: false,
            include_successors: true,
        }
    }
}

impl DuplicationOptions {
    /// The defaults: threshold 0.3; weights 0.4 for themes, 0.7 for text,
    /// 0.45 for members and 0.05 for parents; posting cap 50; no limit.
    ///
    /// A weight is the most that its component can give a score alone
    /// (see [`Structure::duplicates`] for how they combine). Text says most
    /// about what a body does. Shared members are strong evidence beside a
    /// shared subject and weak without one. Themes reach the threshold
    /// alone only when two bodies share all or most of them and few other
    /// bodies have them; one shared theme tag with nothing else counts
    /// half, at most 0.2. A shared parent is how siblings are made, so it
    /// only breaks ties.
    /// Together, shared themes and a little shared text reach the
    /// threshold: the Stay Safe Outcome Group and the LSCB of the Solihull
    /// paper are reported. Two siblings whose function lists read alike,
    /// as Halton's Task Groups and Mini Trusts do, score well above.
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
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Structure};
    ///
    /// // The same purpose: the pair scores the text weight, 0.7.
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership).purpose("Plan play and leisure for children"))
    ///     .body(BodySpec::new("leisure", "Leisure Forum", BodyKind::Group).purpose("Plan play and leisure for children"))
    ///     .build()?;
    /// assert_eq!(s.duplicates(&DuplicationOptions::new().threshold(0.7)).len(), 1);
    /// assert!(s.duplicates(&DuplicationOptions::new().threshold(0.8)).is_empty());
    /// assert_eq!(DuplicationOptions::new().threshold(0.8).threshold_value(), 0.8);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn threshold(mut self, threshold: f64) -> DuplicationOptions {
        self.threshold = if threshold.is_nan() { 0.0 } else { threshold };
        self
    }

    /// The most shared themes can give a score alone, from 0 to 1.
    /// Negative or not-a-number weights count as 0, which leaves the
    /// component out; weights above 1 count as 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Structure};
    ///
    /// // The two share both their themes, and no other body has them: the themes score 1.
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("stay-safe", "Stay Safe Group", BodyKind::Group).theme("safeguarding").theme("early help"))
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).theme("safeguarding").theme("early help"))
    ///     .build()?;
    /// assert_eq!(s.duplicates(&DuplicationOptions::new())[0].score, 0.4);
    /// assert_eq!(s.duplicates(&DuplicationOptions::new().theme_weight(2.0))[0].score, 1.0);
    /// assert!(s.duplicates(&DuplicationOptions::new().theme_weight(0.0)).is_empty());
    /// # Ok::<(), govgraph::Error>(())
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
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Structure};
    ///
    /// // The same purpose: the text scores 1, so the pair scores the text weight.
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership).purpose("Plan play and leisure for children"))
    ///     .body(BodySpec::new("leisure", "Leisure Forum", BodyKind::Group).purpose("Plan play and leisure for children"))
    ///     .build()?;
    /// assert_eq!(s.duplicates(&DuplicationOptions::new())[0].score, 0.7);
    /// assert_eq!(s.duplicates(&DuplicationOptions::new().text_weight(0.5))[0].score, 0.5);
    /// assert!(s.duplicates(&DuplicationOptions::new().text_weight(0.2)).is_empty());
    /// # Ok::<(), govgraph::Error>(())
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
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, MemberKind, MemberSpec, Role, Structure};
    ///
    /// let s = Structure::builder()
    ///     .member(MemberSpec::new("dcs", "DCS", MemberKind::Post))
    ///     .member(MemberSpec::new("dph", "DPH", MemberKind::Post))
    ///     .body(BodySpec::new("a", "Health Group", BodyKind::Group).theme("health")
    ///         .seat("dcs", Role::Member).seat("dph", Role::Member))
    ///     .body(BodySpec::new("b", "Wellbeing Board", BodyKind::Board).theme("health")
    ///         .seat("dcs", Role::Member).seat("dph", Role::Member))
    ///     .build()?;
    /// // Themes and members both score 1: 1 - (1 - 0.4)(1 - 0.45), or 0.4 without members.
    /// assert_eq!(s.duplicates(&DuplicationOptions::new())[0].score, 0.67);
    /// assert_eq!(s.duplicates(&DuplicationOptions::new().member_weight(0.0))[0].score, 0.4);
    /// # Ok::<(), govgraph::Error>(())
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
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Structure};
    ///
    /// // Two bodies with nothing in common but the board they report to.
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
    ///     .body(BodySpec::new("youth", "Youth Forum", BodyKind::Group).reports_to("trust"))
    ///     .body(BodySpec::new("carers", "Carers Panel", BodyKind::Partnership).reports_to("trust"))
    ///     .build()?;
    /// assert!(s.duplicates(&DuplicationOptions::new()).is_empty());
    /// let pairs = s.duplicates(&DuplicationOptions::new().parent_weight(1.0));
    /// assert_eq!(pairs[0].bodies, ["carers", "youth"]);
    /// assert_eq!(pairs[0].shared_parents, ["trust"]);
    /// # Ok::<(), govgraph::Error>(())
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
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "Play Partnership", BodyKind::Partnership).purpose("Plan play for children"))
    ///     .body(BodySpec::new("b", "Play Forum", BodyKind::Group).purpose("Plan play for children"))
    ///     .body(BodySpec::new("c", "Play Board", BodyKind::Board).purpose("Plan play for children"))
    ///     .build()?;
    /// assert_eq!(s.duplicates(&DuplicationOptions::new()).len(), 3);
    /// // Every word is on three bodies, more than the cap: nothing proposes a pair.
    /// assert!(s.duplicates(&DuplicationOptions::new().posting_cap(2)).is_empty());
    /// # Ok::<(), govgraph::Error>(())
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
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "Play Partnership", BodyKind::Partnership).purpose("Plan play for children"))
    ///     .body(BodySpec::new("b", "Play Forum", BodyKind::Group).purpose("Plan play for children"))
    ///     .body(BodySpec::new("c", "Play Board", BodyKind::Board).purpose("Plan play for children"))
    ///     .build()?;
    /// assert_eq!(s.duplicates(&DuplicationOptions::new()).len(), 3);
    /// assert_eq!(s.duplicates(&DuplicationOptions::new().limit(1)).len(), 1);
    /// # Ok::<(), govgraph::Error>(())
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
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, RelationKind, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).purpose("Keep children safe from harm"))
    ///     .body(BodySpec::new("training", "Training Sub-group", BodyKind::SubGroup)
    ///         .sub_group_of("lscb")
    ///         .purpose("Keep children safe from harm"))
    ///     .build()?;
    /// assert!(s.duplicates(&DuplicationOptions::new()).is_empty());
    /// let pairs = s.duplicates(&DuplicationOptions::new().include_related(true));
    /// assert_eq!(pairs[0].relations[0].kind, RelationKind::SubGroupOf);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn include_related(mut self, include: bool) -> DuplicationOptions {
        self.include_related = include;
        self
    }

    /// Whether to report every pair with a body that has gone for good
    /// (merged or dissolved, [`Status::is_gone`](crate::Status::is_gone)),
    /// two gone bodies too. Off by default: two wound-up boards duplicate
    /// nothing now. See also
    /// [`include_successors`](DuplicationOptions::include_successors).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Status, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
    ///         .status(Status::Dissolved)
    ///         .purpose("Plan play and leisure for children"))
    ///     .body(BodySpec::new("leisure", "Leisure Forum", BodyKind::Group)
    ///         .status(Status::Merged)
    ///         .purpose("Plan play and leisure for children"))
    ///     .build()?;
    /// assert!(s.duplicates(&DuplicationOptions::new()).is_empty());
    /// assert_eq!(s.duplicates(&DuplicationOptions::new().include_gone(true)).len(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn include_gone(mut self, include: bool) -> DuplicationOptions {
        self.include_gone = include;
        self
    }

    /// Whether to report a pair of a body that has gone for good and one
    /// that has not: a live body that looks like the dissolved one,
    /// without a succession recorded between them (`merged_into` or
    /// `replaced_by` joins them, and such pairs are left out unless
    /// [`include_related`](DuplicationOptions::include_related)), most
    /// likely carries on its work ("dissolved and subsumed into other
    /// new/existing local partnership arrangements"). On by default.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, DuplicationOptions, Status, Structure};
    ///
    /// // The partnership was dissolved; the forum, alike, may carry on its work.
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
    ///         .status(Status::Dissolved)
    ///         .purpose("Plan play and leisure for children"))
    ///     .body(BodySpec::new("leisure", "Leisure Forum", BodyKind::Group)
    ///         .purpose("Plan play and leisure for children"))
    ///     .build()?;
    /// assert_eq!(s.duplicates(&DuplicationOptions::new())[0].bodies, ["leisure", "play"]);
    /// assert!(s.duplicates(&DuplicationOptions::new().include_successors(false)).is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn include_successors(mut self, include: bool) -> DuplicationOptions {
        self.include_successors = include;
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

/// A weight from 0 to 1: negative or not-a-number weights are 0, which
/// leaves the component out; weights above 1 are 1.
fn weight_or_zero(weight: f64) -> f64 {
    if weight.is_finite() && weight > 0.0 {
        weight.min(1.0)
    } else {
        0.0
    }
}

/// The score of a pair from its component scores: each component is
/// independent evidence that can give at most its weight, and evidence
/// adds up the way independent chances do (`1 - (1 - w1 c1)(1 - w2 c2)...`),
/// so two kinds of evidence together say more than either alone and no
/// one kind can reach more than its weight. Shared members say who does
/// the work, not what it is: without a shared theme or word they count
/// half (two bodies with the same people around the table overlap, a
/// finding of its own, without doing the same job). It rises with every
/// component, which is what lets a bound on the components bound it.
fn combine(weights: &[f64; 4], scores: &ComponentScores) -> f64 {
    let subject = scores.themes > 0.0 || scores.text > 0.0;
    let members = if subject {
        scores.members
    } else {
        scores.members / 2.0
    };
    let components = [scores.themes, scores.text, members, scores.parents];
    let unexplained: f64 = weights
        .iter()
        .zip(components)
        .map(|(w, c)| 1.0 - w * c.clamp(0.0, 1.0))
        .product();
    1.0 - unexplained
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
    /// combination of the components, each independent evidence that can
    /// give at most its weight: `1 - (1 - w1 c1)(1 - w2 c2)...`, where shared
    /// members count half for a pair with no theme or word in common
    /// (bodies with the same people around the table are reported as
    /// overlapping, [`Structure::overlaps`]). Two patterns are weighed as
    /// a reviewer weighs them: siblings of one kind split by name under a
    /// parent (their names share no word but generic ones such as
    /// "group", "board", "commissioning", "partnership", or the words of
    /// the structure's own name) have their shared parent and themes not
    /// counted and their text counted half ([`Duplicate::split`]); and one
    /// shared theme with nothing
    /// else in common counts half. Pairs at or above the threshold are
    /// reported, each with its evidence. By default two kinds of pair are
    /// left out: a body and one it is accountable to, oversees, or was
    /// merged into or replaced by (they share a subject by design), and a
    /// pair of bodies that have both gone for good; see
    /// [`include_related`](DuplicationOptions::include_related),
    /// [`include_gone`](DuplicationOptions::include_gone) and
    /// [`include_successors`](DuplicationOptions::include_successors).
    ///
    /// Pairs are never compared all against all. Candidates come from
    /// inverted indexes: two bodies are compared only if they share a theme,
    /// a word, a member or a parent that at most
    /// [`posting_cap`](DuplicationOptions::posting_cap) bodies share. Two
    /// bodies that share nothing rare score low anyway. Walking those
    /// postings tallies what each candidate pair shares through them, which
    /// with what each body has in longer postings bounds the pair's score;
    /// the pair's exact theme score, and a bound on its text score from a
    /// 512-bit signature of each body's words and the weight of its
    /// heaviest words, tighten the bound where every word is common. Only
    /// pairs whose bound reaches the threshold are scored in full.
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
    let weigh = |scores: &ComponentScores| combine(&weights, scores);
    let common = features.common(cap);

    // For each body `a`, walk the short postings of its features and tally,
    // for every later body `b` met there, what the two share through them.
    // Shared features with long postings are not walked, but each body knows
    // how many it has and how much text weight they carry, which bounds
    // what they could add: a pair whose bound falls short of the threshold
    // is dropped without being scored.
    let mut found: Vec<(f64, u32, u32, ComponentScores)> = Vec::new();
    let mut tallies = Tallies::new(count);
    let gone: Vec<bool> = (0..count as u32)
        .map(|a| net.body(a).is_some_and(|b| b.status.is_gone()))
        .collect();
    let left_out = |a: usize, b: usize| {
        !options.include_gone
            && match (gone[a], gone[b]) {
                (false, false) => false,
                (true, true) => true,
                _ => !options.include_successors,
            }
    };
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
            if left_out(ai, b as usize) {
                continue;
            }
            let (x, y) = (&common[ai], &common[b as usize]);
            let mut bound = ComponentScores {
                // Themes are few: their exact score costs less than the
                // scoring it can spare.
                themes: features.theme_score(ai, b as usize),
                text: (t.text + x.text * y.text)
                    .min(features.text_bound(ai, b as usize))
                    .min(1.0),
                members: t.members.bound(x.members, y.members),
                parents: t.parents.bound(x.parents, y.parents),
            };
            // A parent met in the postings is a parent in common for
            // certain: siblings split by name are weighed as scoring will
            // weigh them.
            if t.parents.count > 0 && features.is_split(ai, b as usize) {
                bound.themes = 0.0;
                bound.parents = 0.0;
                bound.text /= 2.0;
            }
            // The bound is loose by a hair so that float rounding can never
            // drop a pair that scores exactly the threshold.
            if prune && round(weigh(&bound) + 1e-9) < options.threshold {
                continue;
            }
            let scores = features.weighed_scores(a, b);
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

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
