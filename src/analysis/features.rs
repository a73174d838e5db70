//! The features duplication compares, by body: themes, words, members and
//! parents, in flat lists, with the inverted indexes over them.

use crate::analysis::duplication::{ComponentScores, Duplicate};
use crate::analysis::net::{FastMap, Net};
use crate::analysis::words::{Interner, for_each_word, is_generic_name_word, lower_case};
use crate::model::{Id, Relation};

/// What one body has in long postings, which candidate generation skips.
#[derive(Clone, Copy, Default)]
pub(super) struct Common {
    /// The length of the part of its text vector in long postings.
    pub(super) text: f64,
    pub(super) members: Long,
    pub(super) parents: Long,
}

/// A body's features of one kind: how many in all, and how many in long
/// postings with their rarity summed.
#[derive(Clone, Copy, Default)]
pub(super) struct Long {
    pub(super) all: u32,
    pub(super) count: u32,
    pub(super) rarity: f64,
}

/// The signature of a body's words, in 64-bit parts.
pub(super) const SIGNATURE_WORDS: usize = 8;

/// How many of each body's heaviest words [`Features::top`] keeps.
const TOP_WORDS: usize = 16;

/// How rare a feature that `k` of `n` bodies have is: see
/// [`Features::rarity`].
fn rarity(n: f64, k: usize) -> f64 {
    let idf = |k: usize| ((1.0 + n) / (1.0 + k as f64)).ln() + 1.0;
    (idf(k) / idf(2)).min(1.0)
}

/// Every body's features, by body number (the position of the body in id
/// order), and the inverted indexes over them.
pub(super) struct Features {
    /// How many bodies there are, for rarity.
    pub(super) bodies: f64,
    /// The rarity of a feature of k bodies, by k, for the common k.
    pub(super) rarities: Vec<f64>,
    /// Theme numbers, sorted.
    pub(super) themes: Lists<u32>,
    pub(super) theme_names: Vec<String>,
    /// Word numbers and unit-length TF-IDF weights, sorted by word number.
    pub(super) words: Lists<(u32, f64)>,
    pub(super) word_names: Vec<String>,
    /// Each body's words as a 512-bit signature (a bit per word, words
    /// hashed onto bits): two bodies share at most as many words as their
    /// signatures share bits.
    pub(super) signatures: Vec<[u64; SIGNATURE_WORDS]>,
    /// Each body's squared word weights, largest first, summed: the i-th
    /// is the most weight its text can put on i + 1 words, for up to
    /// [`TOP_WORDS`] words.
    pub(super) top: Lists<f64>,
    /// The words of each body's name that say what it does rather than
    /// what sort of body it is (not [`is_generic_name_word`]), numbered
    /// as words are, sorted and distinct.
    pub(super) names: Lists<u32>,
    /// Each body's kind, by body number.
    pub(super) kinds: Vec<crate::model::BodyKind>,
    /// Member nodes, sorted and distinct.
    pub(super) members: Lists<u32>,
    /// Parent nodes, sorted.
    pub(super) parents: Lists<u32>,
    pub(super) theme_postings: Lists<u32>,
    /// By word: the bodies that use it, with the word's weight in each.
    pub(super) word_postings: Lists<(u32, f64)>,
    /// By node: the bodies a member sits on, or the bodies accountable to a
    /// parent.
    pub(super) member_postings: Lists<u32>,
    pub(super) parent_postings: Lists<u32>,
}

/// Many short lists in one allocation, the i-th at `items[start[i]..start[i + 1]]`:
/// at national scale, a list per body or per feature in a `Vec` of its own
/// would spend more time in the allocator than in the analysis.
pub(super) struct Lists<T> {
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

    pub(super) fn len(&self) -> usize {
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
    pub(super) fn new<'s>(net: &Net<'s>) -> Features {
        let count = net.body_count;
        let mut theme_numbers: FastMap<String, u32> = FastMap::default();
        let mut theme_names = Vec::new();
        let mut word_numbers = Interner::with_capacity(count);
        let mut word_names: Vec<String> = Vec::new();
        let mut themes = Lists::with_capacity(count, count * 2);
        let mut counted_words: Lists<(u32, u32)> = Lists::with_capacity(count, count * 16);
        let mut buffer = String::new();
        let mut body_words = Vec::new();
        // The words of each distinct purpose and function, in order, as
        // ranges of one list.
        let mut texts: FastMap<&str, (u32, u32)> = FastMap::default();
        let mut text_words: Vec<u32> = Vec::new();
        let mut names = Lists::with_capacity(count, count * 2);
        let mut kinds = Vec::with_capacity(count);
        // The words of the structure's own name ("Halton", "Solihull") are
        // on every body's name or none, and say nothing about what it does.
        let mut own_name: Vec<String> = Vec::new();
        if let Some(name) = &net.structure.meta().name {
            for_each_word(name, &mut buffer, |word| own_name.push(word.to_string()));
        }
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

            kinds.push(body.kind);
            let first = names.items.len();
            for_each_word(&body.name, &mut buffer, |word| {
                if !is_generic_name_word(word) && !own_name.iter().any(|w| w == word) {
                    names.items.push(word_numbers.number(word, &mut word_names));
                }
            });
            names.items[first..].sort_unstable();
            let distinct = dedup_tail(&mut names.items, first);
            names.items.truncate(distinct);

            body_words.clear();
            if body.purpose.is_none() && body.functions.is_empty() {
                // The name stands in for the text, without the words that
                // only say what sort of body it is.
                body_words.extend_from_slice(&names.items[first..]);
            }
            names.close();
            // A text met before gives the words it gave then: structures
            // repeat purposes and functions from body to body.
            let mut add = |text: &'s str| {
                let (from, to) = *texts.entry(text).or_insert_with(|| {
                    let from = text_words.len() as u32;
                    for_each_word(text, &mut buffer, |word| {
                        text_words.push(word_numbers.number(word, &mut word_names));
                    });
                    (from, text_words.len() as u32)
                });
                body_words.extend_from_slice(&text_words[from as usize..to as usize]);
            };
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
        let mut signatures = Vec::with_capacity(count);
        let mut top = Lists::with_capacity(count, count * TOP_WORDS);
        let mut squares: Vec<f64> = Vec::new();
        for b in 0..count {
            let mut signature = [0u64; SIGNATURE_WORDS];
            squares.clear();
            for &(w, x) in &words[b] {
                let bit = (w.wrapping_mul(0x9E37_79B9) >> 23) as usize;
                signature[bit / 64] |= 1 << (bit % 64);
                squares.push(x * x);
            }
            signatures.push(signature);
            squares.sort_unstable_by(|x, y| y.total_cmp(x));
            let mut sum = 0.0;
            for &square in squares.iter().take(TOP_WORDS) {
                sum += square;
                top.items.push(sum);
            }
            top.close();
        }
        let word_postings = words.invert(word_names.len(), |(w, _)| w as usize, |b, (_, x)| (b, x));
        let theme_postings = themes.invert(theme_names.len(), |t| t as usize, |b, _| b);

        // Seats come in body order, each body's in holder id order; a
        // holder may be a body (numbered before every member), so each
        // body's holders are sorted by node. Two roles on one body are one
        // seat here.
        let seats = net.seats();
        let mut members = Lists::with_capacity(count, seats.len());
        let mut seat = 0;
        for b in 0..count as u32 {
            let first = members.items.len();
            while seat < seats.len() && seats[seat].0 == b {
                members.items.push(seats[seat].1);
                seat += 1;
            }
            members.items[first..].sort_unstable();
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
            signatures,
            top,
            names,
            kinds,
            members,
            parents,
            theme_postings,
            word_postings,
            member_postings,
            parent_postings,
        }
    }

    /// What each body has in postings longer than `cap`.
    pub(super) fn common(&self, cap: usize) -> Vec<Common> {
        (0..self.themes.len())
            .map(|b| Common {
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
    pub(super) fn rarity(&self, bodies: usize) -> f64 {
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
    pub(super) fn scores(&self, a: u32, b: u32) -> ComponentScores {
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

    /// The theme score of two bodies, unrounded, as [`Features::scores`]
    /// gives it.
    pub(super) fn theme_score(&self, a: usize, b: usize) -> f64 {
        self.overlap(&self.themes[a], &self.themes[b], &self.theme_postings)
    }

    /// The most the text score of two bodies can be, read from their
    /// signatures and heaviest words alone: they share at most `k` words,
    /// `k` the bits their signatures share, and by the Cauchy-Schwarz
    /// inequality the products of the weights of `k` shared words sum to
    /// at most the root of the product of each body's `k` heaviest squared
    /// weights. Loose by a hair, so that rounding never makes it less than
    /// the score.
    pub(super) fn text_bound(&self, a: usize, b: usize) -> f64 {
        let shared: u32 = self.signatures[a]
            .iter()
            .zip(&self.signatures[b])
            .map(|(x, y)| (x & y).count_ones())
            .sum();
        if shared == 0 {
            return 0.0;
        }
        let (x, y) = (&self.top[a], &self.top[b]);
        let k = (shared as usize)
            .min(self.words[a].len())
            .min(self.words[b].len());
        if k > TOP_WORDS {
            return 1.0;
        }
        // Each keeps its min(n, TOP_WORDS) heaviest, and k is at most both.
        let at = |top: &[f64]| top[k - 1];
        ((at(x) * at(y)).sqrt() * (1.0 + 1e-9) + 1e-12).min(1.0)
    }

    /// The component scores as weighed, which reads two patterns a
    /// reviewer reads. Siblings deliberately split by client group under
    /// one parent ("Early Intervention", "Children with complex needs",
    /// "Children living away from home" commissioning groups): two bodies
    /// of one kind with a parent in common whose names, the generic words
    /// left out, have no word in common. Their shared parent and themes are
    /// the split's design, not duplication, and count for nothing, and
    /// their text counts half (a parent gives its groups one template of
    /// purpose: "Oversight of '...' activity in the CYPP"); only much text
    /// or many members in common can still make them duplicates. And one
    /// shared theme tag with nothing else in common is weak evidence: it
    /// counts half. Neither ever raises a score, so the bound still holds.
    pub(super) fn weighed_scores(&self, a: u32, b: u32) -> ComponentScores {
        let mut scores = self.scores(a, b);
        let (ai, bi) = (a as usize, b as usize);
        if scores.parents > 0.0 && self.is_split(ai, bi) {
            scores.themes = 0.0;
            scores.parents = 0.0;
            scores.text /= 2.0;
        } else if scores.text == 0.0 && scores.members == 0.0 && scores.themes > 0.0 {
            let mut shared = 0;
            merge(
                &self.themes[ai],
                &self.themes[bi],
                |&t| t,
                |_, _| shared += 1,
            );
            if shared == 1 {
                scores.themes *= 0.5;
            }
        }
        scores
    }

    /// Whether two bodies are siblings split by client group (see
    /// [`Features::weighed_scores`]), given that they share a parent.
    pub(super) fn is_split(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.names[a], &self.names[b]);
        if self.kinds[a] != self.kinds[b] || x.is_empty() || y.is_empty() {
            return false;
        }
        let mut shared = false;
        merge(x, y, |&w| w, |_, _| shared = true);
        !shared
    }

    pub(super) fn evidence(
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
            split: !shared_parents.is_empty() && self.is_split(ai, bi),
            shared_parents: net.to_ids(&shared_parents),
            relations: between,
        }
    }
}

/// The relations written on `id`, from relations sorted by source.
pub(super) fn relations_from<'r>(
    relations: &'r [Relation],
    id: &'r Id,
) -> impl Iterator<Item = &'r Relation> {
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
