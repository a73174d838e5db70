//! The generator's promises: determinism, exact counts, validity, and the
//! shapes the module docs say every structure has.

use std::collections::{BTreeMap, BTreeSet};

use super::authority::authority_name;
use super::{GeneratorOptions, structure, words};
use crate::model::{BodyKind, MemberKind, RelationKind, Role, Status, Structure};

fn small() -> GeneratorOptions {
    GeneratorOptions::new().authorities(5).seed(3)
}

#[test]
fn the_same_seed_gives_equal_structures() {
    assert_eq!(structure(&small()), structure(&small()));
}

#[test]
fn different_seeds_give_different_structures() {
    let a = structure(&small());
    let b = structure(&small().seed(4));
    assert_ne!(a, b);
    // Not just the name: the bodies themselves differ.
    let statuses = |s: &Structure| s.bodies().map(|b| b.status).collect::<Vec<_>>();
    assert_ne!(statuses(&a), statuses(&b));
}

#[test]
fn counts_are_as_asked() {
    for (bodies, memberships) in [
        (0, 0),
        (1, 0),
        (1, 7),
        (19, 190),
        (41, 5),
        (1_000, 10_000),
        (997, 12_345),
    ] {
        let s = structure(
            &GeneratorOptions::new()
                .bodies(bodies)
                .memberships(memberships),
        );
        assert_eq!(
            s.bodies().count(),
            bodies,
            "bodies for {bodies}/{memberships}"
        );
        let expected = if bodies == 0 { 0 } else { memberships };
        assert_eq!(
            s.memberships().len(),
            expected,
            "memberships for {bodies}/{memberships}"
        );
    }
    let s = structure(
        &GeneratorOptions::new()
            .authorities(3)
            .bodies_per_authority(7),
    );
    assert_eq!(s.bodies().count(), 21);
    assert_eq!(s.memberships().len(), 210, "ten seats a body by default");
}

#[test]
fn bodies_are_split_evenly_and_never_over_the_bound() {
    // 1,000 bodies at most 40 an authority: 25 authorities of 40.
    let s = structure(&GeneratorOptions::new().bodies(1_000));
    let per_authority = bodies_per_authority(&s);
    assert_eq!(per_authority.len(), 25);
    assert!(per_authority.values().all(|&n| n == 40));

    // 101 bodies at most 30 an authority: four authorities, 26 25 25 25.
    let s = structure(&GeneratorOptions::new().bodies(101).bodies_per_authority(30));
    let mut sizes: Vec<usize> = bodies_per_authority(&s).into_values().collect();
    sizes.sort_unstable();
    assert_eq!(sizes, [25, 25, 25, 26]);

    // Exactly the authorities asked for, even if that means more per authority.
    let s = structure(&GeneratorOptions::new().bodies(90).authorities(2));
    assert_eq!(bodies_per_authority(&s).len(), 2);
}

/// Bodies per authority, found through each body's Trust Board: the id
/// stem before the first hyphen is the authority's.
fn bodies_per_authority(s: &Structure) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for body in s.bodies() {
        let authority = body.id.as_str().split('-').next().unwrap().to_string();
        *counts.entry(authority).or_insert(0) += 1;
    }
    counts
}

#[test]
fn everything_generated_validates_and_round_trips() {
    for options in [
        small(),
        GeneratorOptions::new().bodies(3).memberships(40),
        GeneratorOptions::new()
            .bodies(500)
            .memberships(9_000)
            .dormant_share(0.9)
            .shared_post_share(0.9)
            .duplicate_share(0.9),
        GeneratorOptions::new()
            .authorities(2)
            .dormant_share(2.0)
            .shared_post_share(-1.0)
            .duplicate_share(f64::NAN),
    ] {
        let s = structure(&options);
        let toml = s.to_toml_string().unwrap();
        assert_eq!(Structure::from_toml_str(&toml).unwrap(), s, "{options:?}");
        let json = s.to_json_string().unwrap();
        assert_eq!(Structure::from_json_str(&json).unwrap(), s, "{options:?}");
    }
}

#[test]
fn every_status_kind_role_and_relation_kind_appears() {
    let s = structure(&GeneratorOptions::new().bodies(4_000).seed(1));
    let statuses: BTreeSet<Status> = s.bodies().map(|b| b.status).collect();
    assert_eq!(statuses, Status::ALL.iter().copied().collect());
    let kinds: BTreeSet<BodyKind> = s.bodies().map(|b| b.kind).collect();
    assert_eq!(kinds, BodyKind::ALL.iter().copied().collect());
    let member_kinds: BTreeSet<MemberKind> = s.members().map(|m| m.kind).collect();
    assert_eq!(member_kinds, MemberKind::ALL.iter().copied().collect());
    let roles: BTreeSet<Role> = s.memberships().iter().map(|m| m.role).collect();
    assert_eq!(roles, Role::ALL.iter().copied().collect());
    let relations: BTreeSet<RelationKind> = s.relations().iter().map(|r| r.kind).collect();
    assert_eq!(relations, RelationKind::ALL.iter().copied().collect());
}

#[test]
fn the_dormant_share_is_about_what_was_asked() {
    for share in [0.0, 0.2, 0.5, 1.0] {
        let s = structure(&GeneratorOptions::new().bodies(4_000).dormant_share(share));
        let inactive = s.bodies().filter(|b| !b.is_active()).count() as f64 / 4_000.0;
        // Every body but five standing ones in each 40 draws its status with
        // this chance; 4,000 draws put the share within a few points of it.
        let expected = share * 35.0 / 40.0;
        assert!(
            (inactive - expected).abs() < 0.03,
            "share {share}: {inactive}"
        );
    }
}

#[test]
fn each_authority_has_its_trust_and_statutory_boards() {
    let s = structure(&small());
    for authority in bodies_per_authority(&s).keys() {
        let body = |stem: &str| s.body(&format!("{authority}-{stem}")).unwrap();
        assert!(body("board").apex);
        assert_eq!(
            s.accountable_parents(&format!("{authority}-executive"))
                .collect::<Vec<_>>(),
            [format!("{authority}-board")]
        );
        for statutory in ["lscb", "hwb", "yos"] {
            assert!(
                body(statutory).apex && body(statutory).statutory,
                "{authority}-{statutory}"
            );
        }
        let lscb_scrutinises_board = s.relations().iter().any(|r| {
            r.kind == RelationKind::Scrutinises
                && r.from.as_str() == format!("{authority}-lscb")
                && r.to.as_str() == format!("{authority}-board")
        });
        assert!(lscb_scrutinises_board);
        assert_eq!(
            s.accountable_parents(&format!("{authority}-jcb"))
                .collect::<Vec<_>>(),
            [format!("{authority}-hwb")]
        );
    }
}

#[test]
fn there_are_orphans_two_parent_bodies_and_shared_posts() {
    let s = structure(&GeneratorOptions::new().bodies(2_000).seed(9));
    // A body whose every accountable parent is inactive, the orphan case
    // Solihull describes (6.6.2).
    let orphans = s
        .bodies()
        .filter(|b| !b.apex)
        .filter(|b| {
            let mut parents = s.accountable_parents(b.id.as_str()).peekable();
            parents.peek().is_some() && parents.all(|p| s.body(p).is_some_and(|p| !p.is_active()))
        })
        .count();
    assert!(orphans > 0);
    let no_parent = s
        .bodies()
        .filter(|b| !b.apex && s.accountable_parents(b.id.as_str()).next().is_none())
        .count();
    assert!(no_parent > 0);
    let two_parents = s
        .bodies()
        .filter(|b| s.accountable_parents(b.id.as_str()).count() >= 2)
        .count();
    assert!(two_parents > 0);

    // Senior posts sit on many bodies: with a fifth of some 20,000 seats
    // held by 10 posts in each of 50 authorities, a post averages 8.
    let mut seats: BTreeMap<&str, usize> = BTreeMap::new();
    for m in s.memberships() {
        *seats.entry(m.member.as_str()).or_insert(0) += 1;
    }
    let dcs: Vec<usize> = seats
        .iter()
        .filter(|(id, _)| id.ends_with("-dcs"))
        .map(|(_, n)| *n)
        .collect();
    assert_eq!(dcs.len(), 50);
    assert!(dcs.iter().sum::<usize>() / dcs.len() >= 5);
    // Members sit on behalf of partner organisations, and posts have two
    // lines of accountability.
    assert!(s.memberships().iter().any(|m| m.on_behalf_of.is_some()));
    assert!(
        s.members()
            .any(|m| s.accountable_parents(m.id.as_str()).count() == 2)
    );
}

#[test]
fn near_duplicates_share_themes_and_function_words() {
    let s = structure(
        &GeneratorOptions::new()
            .bodies(400)
            .duplicate_share(0.5)
            .seed(5),
    );
    let groups: Vec<_> = s
        .bodies()
        .filter(|b| {
            b.kind == BodyKind::Group && b.tier.as_deref() == Some("Strategy / Delivery Groups")
        })
        .collect();
    let pairs = groups
        .iter()
        .enumerate()
        .flat_map(|(i, a)| groups[i + 1..].iter().map(move |b| (*a, *b)))
        .filter(|(a, b)| a.id.as_str().split('-').next() == b.id.as_str().split('-').next())
        .filter(|(a, b)| a.themes == b.themes)
        .filter(|(a, b)| a.functions.len() == b.functions.len() && a.functions.len() > 1)
        .filter(|(a, b)| {
            a.functions
                .iter()
                .filter(|f| b.functions.contains(f))
                .count()
                == a.functions.len() - 1
        })
        .count();
    assert!(pairs > 0, "copies keep all but one function");
}

#[test]
fn authority_names_are_all_distinct() {
    let rounds = words::PLACE_PREFIXES.len() * words::PLACE_SUFFIXES.len() * 2;
    let names: BTreeSet<String> = (0..rounds).map(|i| authority_name(i).1).collect();
    assert_eq!(names.len(), rounds);
}
