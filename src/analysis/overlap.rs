//! Overlapping membership: two bodies with largely the same members, or
//! the same organisations around the table.

use serde::{Deserialize, Serialize};

use crate::analysis::net::{FastMap, Net};
use crate::analysis::seats::{member_organisations, represented};
use crate::model::{Id, Structure};

/// Two bodies with largely the same people or organisations around the
/// table: "considerable overlap in terms of the organisations represented
/// on the Health and Wellbeing Board and the Children's Trust"; "the same
/// people in senior positions across different bodies".
///
/// Found by [`Structure::overlaps`]. Both measures are given, whichever
/// made the pair count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Overlap {
    /// The two bodies, sorted by id.
    pub bodies: [Id; 2],
    /// The members (posts, people, organisations) who hold seats on both.
    pub members: Shared,
    /// The organisations represented on both: an organisation holding a
    /// seat, the organisation a post or person belongs to, and the
    /// organisation a seat is held on behalf of. Organisations represented
    /// on more than half of the bodies of their part of the structure (the
    /// bodies joined by lines of accountability, when there are at least
    /// four with organisations), such as a council present nearly
    /// everywhere, are usual there and left out of this measure.
    pub organisations: Shared,
}

/// What two bodies share of one kind (members, or organisations
/// represented), and how much of each body that is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Shared {
    /// What both have, sorted by id.
    pub shared: Vec<Id>,
    /// How many each body has, in the order of [`Overlap::bodies`].
    pub sizes: [usize; 2],
    /// The share of the smaller body's that the other has too: 1 when one
    /// body's are all the other's (a small body contained in a larger one).
    /// Rounded to four decimal places; 0 when either has none.
    pub containment: f64,
    /// The Jaccard index: what both have over what either has. Rounded to
    /// four decimal places; 0 when neither has any.
    pub jaccard: f64,
}

/// Which pairs [`Structure::overlaps`] reports. Every setter takes and
/// returns the options by value.
///
/// A pair is reported when, by members or by organisations, the two bodies
/// share at least [`min_shared`](OverlapOptions::min_shared) and either
/// the share of the smaller body reaches
/// [`min_containment`](OverlapOptions::min_containment) or the Jaccard
/// index reaches [`min_jaccard`](OverlapOptions::min_jaccard). The Jaccard
/// index never exceeds the share of the smaller body, so its threshold
/// matters only when set below the other.
///
/// # Examples
///
/// ```
/// use govgraph::OverlapOptions;
///
/// let options = OverlapOptions::new().min_shared(2).min_containment(0.5);
/// assert_eq!(options.min_shared_value(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverlapOptions {
    min_shared: usize,
    min_containment: f64,
    min_jaccard: f64,
}

impl Default for OverlapOptions {
    fn default() -> OverlapOptions {
        OverlapOptions {
            min_shared: 3,
            min_containment: 0.6,
            min_jaccard: 0.5,
        }
    }
}

impl OverlapOptions {
    /// The defaults: at least 3 in common, and 60% of the smaller body's
    /// or a Jaccard index of 0.5. Three posts or organisations in common
    /// is more than the Director of Children's Services and the lead
    /// member who sit on nearly every board; three fifths of the smaller
    /// body is most of it.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::OverlapOptions::new();
    /// assert_eq!(options.min_shared_value(), 3);
    /// ```
    pub fn new() -> OverlapOptions {
        OverlapOptions::default()
    }

    /// At least this many members (or organisations) in common; at least 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let options = govgraph::OverlapOptions::new().min_shared(4);
    /// assert_eq!(options.min_shared_value(), 4);
    /// ```
    pub fn min_shared(mut self, min: usize) -> OverlapOptions {
        self.min_shared = min.max(1);
        self
    }

    /// At least this share of the smaller body's members (or
    /// organisations), from 0 to 1, in common.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, OverlapOptions, Role, Structure};
    ///
    /// let mut builder = Structure::builder();
    /// for id in ["x", "y", "z", "p", "q", "r", "s"] {
    ///     builder = builder.member(MemberSpec::new(id, id, MemberKind::Person));
    /// }
    /// let board = |id: &str, holders: &[&str]| {
    ///     holders.iter().fold(BodySpec::new(id, id, BodyKind::Board), |b, h| b.seat(*h, Role::Member))
    /// };
    /// // Three in common: 3 of the small board's 4 (0.75), 3 of the 7 on either (Jaccard 0.43).
    /// let s = builder
    ///     .body(board("small", &["x", "y", "z", "p"]))
    ///     .body(board("large", &["x", "y", "z", "q", "r", "s"]))
    ///     .build()?;
    /// assert_eq!(s.overlaps(&OverlapOptions::new()).len(), 1);
    /// assert!(s.overlaps(&OverlapOptions::new().min_containment(0.8)).is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn min_containment(mut self, share: f64) -> OverlapOptions {
        self.min_containment = share_or_one(share);
        self
    }

    /// Or at least this Jaccard index, from 0 to 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, OverlapOptions, Role, Structure};
    ///
    /// let mut builder = Structure::builder();
    /// for id in ["x", "y", "z", "p", "q", "r", "s"] {
    ///     builder = builder.member(MemberSpec::new(id, id, MemberKind::Person));
    /// }
    /// let board = |id: &str, holders: &[&str]| {
    ///     holders.iter().fold(BodySpec::new(id, id, BodyKind::Board), |b, h| b.seat(*h, Role::Member))
    /// };
    /// // Three in common: 3 of the small board's 4 (0.75), 3 of the 7 on either (Jaccard 0.43).
    /// let s = builder
    ///     .body(board("small", &["x", "y", "z", "p"]))
    ///     .body(board("large", &["x", "y", "z", "q", "r", "s"]))
    ///     .build()?;
    /// assert_eq!(s.overlaps(&OverlapOptions::new()).len(), 1);
    /// let by_share_alone = OverlapOptions::new().min_containment(0.8);
    /// assert!(s.overlaps(&by_share_alone).is_empty());
    /// assert_eq!(s.overlaps(&by_share_alone.min_jaccard(0.4)).len(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn min_jaccard(mut self, index: f64) -> OverlapOptions {
        self.min_jaccard = share_or_one(index);
        self
    }

    /// The least number in common in force.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::OverlapOptions::new().min_shared_value(), 3);
    /// ```
    pub fn min_shared_value(&self) -> usize {
        self.min_shared
    }

    /// The least share of the smaller body in force.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::OverlapOptions::new().min_containment_value(), 0.6);
    /// ```
    pub fn min_containment_value(&self) -> f64 {
        self.min_containment
    }

    /// The least Jaccard index in force.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(govgraph::OverlapOptions::new().min_jaccard_value(), 0.5);
    /// ```
    pub fn min_jaccard_value(&self) -> f64 {
        self.min_jaccard
    }

    fn passes(&self, shared: usize, a: usize, b: usize) -> bool {
        shared >= self.min_shared
            && shared > 0
            && (ratio(shared, a.min(b)) >= self.min_containment
                || ratio(shared, a + b - shared) >= self.min_jaccard)
    }
}

/// A share from 0 to 1; not-a-number asks for everything.
fn share_or_one(share: f64) -> f64 {
    if share.is_nan() {
        1.0
    } else {
        share.clamp(0.0, 1.0)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Structure {
    /// Finds pairs of bodies with largely the same members, or the same
    /// organisations represented ([`OverlapOptions`] says how much is
    /// enough), measured both as the share of the smaller body (so that a
    /// small body mostly contained in a larger one counts) and as the
    /// Jaccard index. Bodies that have gone for good (merged or dissolved)
    /// are left out. Sorted by the larger of the two shares of the smaller
    /// body, highest first, then by how many in common, then by ids.
    ///
    /// # Complexity
    ///
    /// Pairs are never compared all against all. Each body's members are
    /// ordered rarest first, and two bodies are compared only if they meet
    /// in the postings of the first few (prefix filtering: a pair with `t`
    /// in common must share one of the first `n - t + 1` of each body's
    /// `n`), so the cost is the seats S, sorted, plus the pairs met that
    /// way, each compared in time linear in its sizes. The pairs met are at
    /// most the pairs sharing a member; on structures where a few members
    /// sit everywhere they are far fewer, since those members come last.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, OverlapOptions, Role, Structure};
    ///
    /// let mut builder = Structure::builder();
    /// let mut trust = BodySpec::new("trust", "Children's Trust Board", BodyKind::Board);
    /// let mut hwb = BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board);
    /// for post in ["dcs", "dph", "lead-member", "gp", "police"] {
    ///     builder = builder.member(MemberSpec::new(post, post, MemberKind::Post));
    ///     trust = trust.seat(post, Role::Member);
    /// }
    /// for post in ["dcs", "dph", "lead-member", "gp", "das", "cx", "healthwatch"] {
    ///     if !["dcs", "dph", "lead-member", "gp"].contains(&post) {
    ///         builder = builder.member(MemberSpec::new(post, post, MemberKind::Post));
    ///     }
    ///     hwb = hwb.seat(post, Role::Member);
    /// }
    /// let s = builder.body(trust).body(hwb).build()?;
    /// let found = s.overlaps(&OverlapOptions::new());
    /// assert_eq!(found[0].bodies, ["hwb", "trust"]);
    /// assert_eq!(found[0].members.shared.len(), 4);
    /// assert_eq!(found[0].members.containment, 0.8); // 4 of the Trust's 5
    /// assert_eq!(found[0].members.jaccard, 0.5); // 4 of the 8 on either
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn overlaps(&self, options: &OverlapOptions) -> Vec<Overlap> {
        overlaps(&Net::new(self), options)
    }
}

/// Each body's features, sorted by node and distinct, in flat lists.
struct Sets {
    start: Vec<usize>,
    items: Vec<u32>,
}

impl Sets {
    fn of(&self, body: usize) -> &[u32] {
        &self.items[self.start[body]..self.start[body + 1]]
    }
}

pub(crate) fn overlaps(net: &Net<'_>, options: &OverlapOptions) -> Vec<Overlap> {
    let count = net.body_count;
    let live: Vec<bool> = (0..count as u32).map(|b| !net.is_gone(b)).collect();
    let organisations = member_organisations(net);
    let seats = net.seats();
    let memberships = net.structure.memberships();

    let mut members = Sets {
        start: Vec::with_capacity(count + 1),
        items: Vec::with_capacity(seats.len()),
    };
    let mut orgs = Sets {
        start: Vec::with_capacity(count + 1),
        items: Vec::new(),
    };
    members.start.push(0);
    orgs.start.push(0);
    let mut seat = 0;
    for body in 0..count as u32 {
        let (first_member, first_org) = (members.items.len(), orgs.items.len());
        while seat < seats.len() && seats[seat].0 == body {
            let member = seats[seat].1;
            if live[body as usize] {
                members.items.push(member);
                represented(net, &organisations, &memberships[seat], member, |o| {
                    orgs.items.push(o)
                });
            }
            seat += 1;
        }
        sort_dedup_tail(&mut members.items, first_member);
        sort_dedup_tail(&mut orgs.items, first_org);
        members.start.push(members.items.len());
        orgs.start.push(orgs.items.len());
    }
    let orgs = without_usual(net, orgs, count);

    let mut pairs: Vec<(u32, u32)> = similar(net.len(), &members, count, options);
    pairs.extend(similar(net.len(), &orgs, count, options));
    pairs.sort_unstable();
    pairs.dedup();

    let shared = |sets: &Sets, a: u32, b: u32| {
        let (x, y) = (sets.of(a as usize), sets.of(b as usize));
        let mut both = intersection(x, y);
        net.sort(&mut both);
        let n = both.len();
        Shared {
            shared: net.to_ids(&both),
            sizes: [x.len(), y.len()],
            containment: round(ratio(n, x.len().min(y.len()))),
            jaccard: round(ratio(n, x.len() + y.len() - n)),
        }
    };
    let mut found: Vec<Overlap> = pairs
        .into_iter()
        .map(|(a, b)| {
            // Body nodes are in id order, so `a < b` is id order.
            Overlap {
                bodies: [net.id(a).clone(), net.id(b).clone()],
                members: shared(&members, a, b),
                organisations: shared(&orgs, a, b),
            }
        })
        .collect();
    let key = |o: &Overlap| {
        let best = o.members.containment.max(o.organisations.containment);
        (best, o.members.shared.len() + o.organisations.shared.len())
    };
    // Pairs come in id order, and the sort is stable: ties stay in id order.
    found.sort_by(|x, y| {
        let (kx, ky) = (key(x), key(y));
        ky.0.total_cmp(&kx.0).then(ky.1.cmp(&kx.1))
    });
    found
}

/// Each body's organisations without the usual ones: those represented on
/// more than half of the bodies with organisations in their part of the
/// structure (the bodies joined to each other by lines of accountability),
/// where that part has at least four such bodies. The council and the PCT
/// that sit nearly everywhere do not make two bodies overlap; a national
/// file of many authorities is judged authority by authority.
fn without_usual(net: &Net<'_>, orgs: Sets, count: usize) -> Sets {
    // Parts of the structure: weakly connected through accountability.
    let mut part: Vec<u32> = (0..net.len() as u32).collect();
    fn find(part: &mut [u32], mut x: u32) -> u32 {
        while part[x as usize] != x {
            part[x as usize] = part[part[x as usize] as usize];
            x = part[x as usize];
        }
        x
    }
    for child in 0..net.len() as u32 {
        for &parent in net.parents.of(child) {
            let (a, b) = (find(&mut part, child), find(&mut part, parent));
            if a != b {
                part[a.max(b) as usize] = a.min(b);
            }
        }
    }
    let mut with_orgs: FastMap<u32, u32> = FastMap::default();
    let mut represented: FastMap<(u32, u32), u32> = FastMap::default();
    let part_of: Vec<u32> = (0..count as u32).map(|b| find(&mut part, b)).collect();
    for (body, &p) in part_of.iter().enumerate() {
        let set = orgs.of(body);
        if set.is_empty() {
            continue;
        }
        *with_orgs.entry(p).or_default() += 1;
        for &o in set {
            *represented.entry((p, o)).or_default() += 1;
        }
    }
    let usual = |p: u32, o: u32| {
        let bodies = with_orgs[&p];
        bodies >= 4 && 2 * represented[&(p, o)] > bodies
    };
    let mut kept = Sets {
        start: Vec::with_capacity(count + 1),
        items: Vec::with_capacity(orgs.items.len()),
    };
    kept.start.push(0);
    for (body, &p) in part_of.iter().enumerate() {
        for &o in orgs.of(body) {
            if !usual(p, o) {
                kept.items.push(o);
            }
        }
        kept.start.push(kept.items.len());
    }
    kept
}

/// The pairs of bodies `(a, b)`, `a < b`, whose sets pass the options, by
/// prefix filtering.
fn similar(nodes: usize, sets: &Sets, count: usize, options: &OverlapOptions) -> Vec<(u32, u32)> {
    let least = options.min_shared.max(1);
    // Any passing pair has at least this share of the smaller set in
    // common: the Jaccard index never exceeds that share.
    let share = options.min_containment.min(options.min_jaccard);

    let mut frequency = vec![0u32; nodes];
    for &f in &sets.items {
        frequency[f as usize] += 1;
    }
    // Each body's set, rarest first (ties by node).
    let mut ordered = sets.items.clone();
    for body in 0..count {
        ordered[sets.start[body]..sets.start[body + 1]]
            .sort_unstable_by_key(|&f| (frequency[f as usize], f));
    }
    let prefix = |body: usize, needed: usize| {
        let set = &ordered[sets.start[body]..sets.start[body + 1]];
        &set[..set.len() + 1 - needed]
    };

    // Postings of each body's indexed prefix: enough to meet any pair with
    // `least` in common. Built by counting, in one allocation.
    let mut start = vec![0u32; nodes + 1];
    for body in 0..count {
        if sets.of(body).len() >= least {
            for &f in prefix(body, least) {
                start[f as usize + 1] += 1;
            }
        }
    }
    for i in 0..nodes {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut list = vec![0u32; start[nodes] as usize];
    for body in 0..count {
        if sets.of(body).len() >= least {
            for &f in prefix(body, least) {
                list[next[f as usize] as usize] = body as u32;
                next[f as usize] += 1;
            }
        }
    }
    let posting = |f: u32| &list[start[f as usize] as usize..start[f as usize + 1] as usize];

    let mut pairs = Vec::new();
    let mut seen = vec![u32::MAX; count];
    for a in 0..count {
        let size = sets.of(a).len();
        if size < least {
            continue;
        }
        // `a` probes as the smaller of the pair (or the first by id when
        // the sizes are equal), so it must share this many.
        let needed = least
            .max(((share * size as f64) - 1e-9).ceil() as usize)
            .min(size);
        for &f in prefix(a, needed) {
            for &b in posting(f) {
                let other = sets.of(b as usize).len();
                let bi = b as usize;
                if bi == a || other < size || (other == size && bi < a) || seen[bi] == a as u32 {
                    continue;
                }
                seen[bi] = a as u32;
                let n = intersection_len(sets.of(a), sets.of(bi));
                if options.passes(n, size, other) {
                    pairs.push(((a as u32).min(b), (a as u32).max(b)));
                }
            }
        }
    }
    pairs
}

fn intersection(x: &[u32], y: &[u32]) -> Vec<u32> {
    let mut both = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both.push(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
    both
}

fn intersection_len(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Sorts and removes repeats from the run of `items` that starts at `first`.
fn sort_dedup_tail(items: &mut Vec<u32>, first: usize) {
    items[first..].sort_unstable();
    let mut kept = first;
    for i in first..items.len() {
        if i == first || items[i] != items[kept - 1] {
            items[kept] = items[i];
            kept += 1;
        }
    }
    items.truncate(kept);
}
