//! Duplication: ranked pairs of bodies that look like they do the same job,
//! each with the evidence behind its score.

use govgraph::{
    BodyKind, BodySpec, Duplicate, DuplicationOptions, MemberKind, MemberSpec, RelationKind,
    Report, ReportOptions, Role, Status, Structure,
};

fn group(id: &str) -> BodySpec {
    BodySpec::new(id, id.to_uppercase(), BodyKind::Group)
}

fn pairs(found: &[Duplicate]) -> Vec<(String, String)> {
    found
        .iter()
        .map(|d| (d.bodies[0].to_string(), d.bodies[1].to_string()))
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

/// The rarity of a feature that `k` of `n` bodies have: its smoothed
/// inverse document frequency over that of a feature of two bodies.
fn rarity(k: f64, n: f64) -> f64 {
    (((1.0 + n) / (1.0 + k)).ln() + 1.0) / (((1.0 + n) / 3.0).ln() + 1.0)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn everything() -> DuplicationOptions {
    DuplicationOptions::new().threshold(0.0)
}

fn with_functions(mut spec: BodySpec, functions: &[&str]) -> BodySpec {
    for function in functions {
        spec = spec.function(*function);
    }
    spec
}

/// Halton's Appendix 1, "Function of Each Board": each body's column of the
/// table, read down.
fn halton() -> Structure {
    Structure::builder()
        .body(with_functions(
            BodySpec::new(
                "alliance-board",
                "Alliance Board Children's Trust",
                BodyKind::Board,
            )
            .apex(),
            &[
                "Multi agency working and vision",
                "Strategic needs analysis and agreeing developmental priorities",
                "LAA signoff",
                "Signing off strategies and plans",
                "Participation (in conjunction with CPE Sub Group)",
                "Sharing information",
            ],
        ))
        .body(with_functions(
            BodySpec::new(
                "alliance-executive",
                "Alliance Executive",
                BodyKind::Executive,
            )
            .reports_to("alliance-board"),
            &[
                "Driving integration/ Children's Trust developments",
                "Driving preparations for inspections",
                "Children & Young People's Plan",
                "Business planning fed by task groups",
                "Community Strategy targets",
                "Receive performance monitoring exceptions reports",
            ],
        ))
        .body(with_functions(
            BodySpec::new(
                "commissioning-partnership",
                "Commissioning Partnership",
                BodyKind::Partnership,
            )
            .reports_to("alliance-board"),
            &[
                "Commissioning of services across the Children's Trust",
                "Specialist Strategic Partnership",
                "Aligned/pooled budgets",
                "Integrated commissioning strategy",
                "LAA development",
                "NRF/WNF/monitor SLAs",
            ],
        ))
        .body(with_functions(
            BodySpec::new(
                "performance-management-group",
                "Performance Management Group",
                BodyKind::Group,
            )
            .reports_to("alliance-board"),
            &[
                "Performance monitoring re CYPP",
                "Monitoring Community Strategy targets",
            ],
        ))
        .body(with_functions(
            BodySpec::new("task-groups", "Task Groups", BodyKind::Group)
                .reports_to("alliance-board"),
            &[
                "Link between Alliance Board and service delivery arm",
                "Preparing Business Plans",
                "Monitoring performance of their own area of CYPP",
                "Oversee their sub groups",
            ],
        ))
        .body(with_functions(
            BodySpec::new("mini-trusts", "Mini Trusts", BodyKind::Group)
                .reports_to("alliance-board"),
            &[
                "Commissioning functions",
                "Link between Alliance Board and their service delivery arm(s)",
                "Preparing Business Plans",
                "Monitoring performance of their own area of CYPP",
                "Oversee work of sub groups",
            ],
        ))
        .build()
        .expect("a valid structure")
}

#[test]
fn halton_task_groups_and_mini_trusts_are_the_top_pair() {
    let found = halton().duplicates(&DuplicationOptions::new());
    assert_eq!(pairs(&found)[0], pair("mini-trusts", "task-groups"));
    let top = &found[0];
    // Both report to the Alliance Board, and nothing else; so do three
    // more of the six bodies.
    assert_eq!(top.shared_parents, ["alliance-board"]);
    assert_eq!(top.scores.parents, round4(rarity(5.0, 6.0)));
    for word in [
        "link",
        "delivery",
        "arm",
        "preparing",
        "business",
        "plan",
        "area",
        "oversee",
        "sub",
    ] {
        assert!(
            top.shared_words.iter().any(|w| w == word),
            "{word:?} missing from {:?}",
            top.shared_words
        );
    }
    // Four of the Task Groups' four functions reappear among the Mini
    // Trusts' five, so the texts are close, but not the same.
    assert!(top.scores.text > 0.7 && top.scores.text < 1.0, "{top:?}");
    assert!(found[1..].iter().all(|d| d.score < top.score));
}

#[test]
fn stay_safe_outcome_group_and_lscb_are_duplicates_on_a_shared_theme_and_shared_words() {
    // Solihull s3.3.3: the Stay Safe Outcome Group "faltered due to capacity
    // issues and concern about duplication with the LSCB". Their purposes
    // (s5 row 5; s3.3.1) share no word, but both are about safeguarding: one
    // theme tag and nothing else is weak evidence, under the threshold.
    let s = Structure::builder()
        .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex())
        .body(
            BodySpec::new("pcg", "Performance & Commissioning Group", BodyKind::Group)
                .reports_to("trust"),
        )
        .body(
            BodySpec::new("stay-safe", "Stay Safe Outcome Group", BodyKind::Group)
                .status(Status::NeverMet)
                .purpose("Oversight of 'safe' activity in the CYPP")
                .theme("safeguarding")
                .reports_to("pcg"),
        )
        .body(
            BodySpec::new("be-healthy", "Be Healthy Outcome Group", BodyKind::Group)
                .purpose("Oversight of children's health work")
                .theme("health")
                .reports_to("pcg"),
        )
        .body(
            BodySpec::new("lscb", "Local Safeguarding Children Board", BodyKind::Board)
                .apex()
                .statutory()
                .purpose(
                    "Co-ordinate local work to safeguard and promote the welfare of children, \
                     and ensure the effectiveness of that work",
                )
                .theme("Safeguarding"),
        )
        .build()
        .unwrap();
    let found = s.duplicates(&DuplicationOptions::new());
    assert!(found.is_empty(), "{found:?}");
    let all = s.duplicates(&everything());
    let d = all
        .iter()
        .find(|d| d.bodies == ["lscb", "stay-safe"])
        .expect("the pair shares a theme");
    assert_eq!(d.shared_themes, ["safeguarding"]);
    assert_eq!(d.scores.text, 0.0);
    // One theme shared of one each, no other body has it: 1, counted half
    // with nothing else in common; themes can give at most 0.4.
    assert_eq!(d.scores.themes, 0.5);
    assert_eq!(d.score, 0.2);

    // Its functions (s5 row 5) say what the LSCB does too: "Strengthen the
    // ability of the Trust to drive forward work on safeguarding (and
    // respond to LSCB recommendations)". Theme and words together reach
    // the threshold.
    let s = Structure::builder()
        .body(
            BodySpec::new("stay-safe", "Stay Safe Outcome Group", BodyKind::Group)
                .function(
                    "Strengthen the ability of the Trust to drive forward work on \
                     safeguarding (and respond to LSCB recommendations)",
                )
                .theme("safeguarding"),
        )
        .body(
            BodySpec::new("lscb", "Local Safeguarding Children Board", BodyKind::Board)
                .function("Co-ordinate local work on safeguarding children")
                .theme("safeguarding"),
        )
        .body(
            BodySpec::new("be-healthy", "Be Healthy Outcome Group", BodyKind::Group)
                .function("Oversight of children's health work")
                .theme("health"),
        )
        .build()
        .unwrap();
    let found = s.duplicates(&DuplicationOptions::new());
    assert_eq!(pairs(&found), [pair("lscb", "stay-safe")]);
    let d = &found[0];
    assert!(d.shared_words.contains(&"safeguarding".to_string()));
    assert!(d.scores.text > 0.0);
    let expected = 1.0 - (1.0 - 0.4 * d.scores.themes) * (1.0 - 0.7 * d.scores.text);
    assert!((d.score - expected).abs() < 1e-3, "{d:?}");
}

#[test]
fn each_component_is_the_share_of_what_either_body_has() {
    let s = Structure::builder()
        .member(MemberSpec::new("x", "X", MemberKind::Post))
        .member(MemberSpec::new("y", "Y", MemberKind::Post))
        .member(MemberSpec::new("z", "Z", MemberKind::Post))
        .member(MemberSpec::new("w", "W", MemberKind::Post))
        .body(group("p"))
        .body(group("q"))
        .body(
            group("a")
                .theme("health")
                .theme("parenting")
                .reports_to("p")
                .reports_to("q")
                .seat("x", Role::Chair)
                .seat("y", Role::Member)
                .seat("z", Role::Member),
        )
        .body(
            group("b")
                .theme("parenting")
                .reports_to("q")
                .seat("y", Role::Member)
                .seat("z", Role::Chair)
                .seat("w", Role::Member),
        )
        .build()
        .unwrap();
    let found = s.duplicates(&everything());
    let d = found
        .iter()
        .find(|d| d.bodies == ["a", "b"])
        .expect("a and b share members");
    // Every shared feature is on these two bodies only, so counts 1.
    assert_eq!(d.scores.themes, 0.5); // parenting, of health and parenting
    assert_eq!(d.scores.members, 0.5); // y and z, of w, x, y and z
    assert_eq!(d.scores.parents, 0.5); // q, of p and q
    assert_eq!(d.scores.text, 0.0); // neither has any text
    assert_eq!(d.shared_themes, ["parenting"]);
    assert_eq!(d.shared_members, ["y", "z"]);
    assert_eq!(d.shared_parents, ["q"]);
    // Independent evidence, each at most its weight: 0.4 for themes, 0.45
    // for members (counted in full beside a shared theme), 0.05 for
    // parents.
    let expected = 1.0 - (1.0 - 0.4 * 0.5) * (1.0 - 0.45 * 0.5) * (1.0 - 0.05 * 0.5);
    assert_eq!(d.score, round4(expected));
}

#[test]
fn identical_text_scores_one_and_unrelated_text_scores_zero() {
    let s = Structure::builder()
        .body(group("a").purpose("Oversees the anti-bullying strategy"))
        .body(group("b").purpose("Oversees the anti-bullying strategy"))
        .body(group("c").purpose("Manage referrals in to Short Breaks Services"))
        .build()
        .unwrap();
    let found = s.duplicates(&everything());
    assert_eq!(pairs(&found), [pair("a", "b")]);
    assert_eq!(found[0].scores.text, 1.0);
    // Text alone gives at most its weight.
    assert_eq!(found[0].score, 0.7);
}

#[test]
fn names_count_only_for_bodies_with_no_purpose_or_functions() {
    let s = Structure::builder()
        .body(BodySpec::new(
            "a",
            "Young Carers Strategy Group",
            BodyKind::Group,
        ))
        .body(BodySpec::new("b", "Young Carers Forum", BodyKind::Forum))
        .body(
            BodySpec::new("c", "Young Carers Network", BodyKind::Network)
                .purpose("Support families"),
        )
        .build()
        .unwrap();
    let found = s.duplicates(&everything());
    assert_eq!(pairs(&found), [pair("a", "b")]);
    // "Young", like "Strategy Group", is a generic word of names.
    assert_eq!(found[0].shared_words, ["carer"]);
}

#[test]
fn the_threshold_weights_and_limit_are_the_users_to_set() {
    let s = halton();
    let all = s.duplicates(&everything());
    assert!(all.len() > 1);
    assert!(all.windows(2).all(|w| w[0].score >= w[1].score));

    let top = all[0].score;
    let above = s.duplicates(&DuplicationOptions::new().threshold(top + 0.0001));
    assert!(above.is_empty());
    let at = s.duplicates(&DuplicationOptions::new().threshold(top));
    assert_eq!(pairs(&at), [pair("mini-trusts", "task-groups")]);

    let limited = s.duplicates(&everything().limit(2));
    assert_eq!(pairs(&limited), pairs(&all[..2]));

    // With only parents weighed, every pair of the Alliance Board's five
    // children scores the rarity of a parent of five bodies of six, but
    // one: the Performance Management Group and the Mini Trusts are groups
    // whose names share no word but generic ones, a split of the Board's
    // work whose shared parent counts for nothing.
    let sibling = round4(rarity(5.0, 6.0));
    let parents_only = DuplicationOptions::new()
        .threshold(sibling)
        .theme_weight(0.0)
        .text_weight(0.0)
        .member_weight(0.0)
        .parent_weight(1.0);
    let siblings = s.duplicates(&parents_only);
    assert_eq!(siblings.len(), 9); // 5 siblings, 5 x 4 / 2 pairs, less one
    assert!(
        !siblings
            .iter()
            .any(|d| d.bodies == ["mini-trusts", "performance-management-group"])
    );

    // Weights that make no sense leave their component out.
    let nonsense = DuplicationOptions::new()
        .threshold(sibling)
        .theme_weight(f64::NAN)
        .text_weight(-1.0)
        .member_weight(f64::INFINITY)
        .parent_weight(1.0);
    assert_eq!(s.duplicates(&nonsense).len(), 9);
}

#[test]
fn a_theme_on_more_bodies_than_the_cap_proposes_no_pairs_but_still_scores() {
    let mut builder = Structure::builder();
    for id in ["a", "b", "c", "d", "e"] {
        builder = builder.body(group(id).theme("children"));
    }
    let s = builder
        .body(group("f").theme("children").theme("play"))
        .body(group("g").theme("children").theme("play"))
        .build()
        .unwrap();
    // Seven bodies share "children": with a cap of 6 it proposes nothing, and
    // only f and g, which also share "play", are compared. "children" still
    // counts in their score, for as little as a theme of every body does.
    let capped = s.duplicates(&everything().posting_cap(6));
    assert_eq!(pairs(&capped), [pair("f", "g")]);
    assert_eq!(capped[0].shared_themes, ["children", "play"]);
    assert_eq!(
        capped[0].scores.themes,
        round4((rarity(7.0, 7.0) + rarity(2.0, 7.0)) / 2.0)
    );
    // With a cap of 7 every pair of the seven is compared.
    assert_eq!(s.duplicates(&everything().posting_cap(7)).len(), 21);
}

#[test]
fn a_pair_already_merged_is_left_out_unless_asked_for_and_then_shows_the_merge() {
    // Solihull s5 row 8: the Economic Wellbeing Outcome Group was
    // "Integrated with 'Prosperous' sub group". The merge has settled the
    // duplication, so by default the pair is not reported.
    let s = Structure::builder()
        .body(
            group("economic")
                .status(Status::Merged)
                .purpose("Oversight of economic wellbeing activity")
                .merged_into("prosperous"),
        )
        .body(group("prosperous").purpose("Oversight of economic wellbeing activity"))
        .build()
        .unwrap();
    assert!(s.duplicates(&DuplicationOptions::new()).is_empty());
    // Gone bodies alone still leave it out, since the two are joined by the
    // merge; related pairs alone too, when a gone body's successors are
    // not asked for.
    assert!(
        s.duplicates(&DuplicationOptions::new().include_gone(true))
            .is_empty()
    );
    assert!(
        s.duplicates(
            &DuplicationOptions::new()
                .include_related(true)
                .include_successors(false)
        )
        .is_empty()
    );

    // A merged body and the live one it was merged into are a gone body
    // and its successor: asked for related pairs, the report shows it.
    let options = DuplicationOptions::new().include_related(true);
    let found = s.duplicates(&options);
    assert_eq!(pairs(&found), [pair("economic", "prosperous")]);
    let merge = &found[0].relations[0];
    assert_eq!(
        (merge.from.as_str(), merge.kind, merge.to.as_str()),
        ("economic", RelationKind::MergedInto, "prosperous")
    );
    let report = Report::with_options(&s, &ReportOptions::new().duplication(options));
    assert!(
        report
            .to_string()
            .contains("; ECONOMIC is merged into PROSPEROUS")
    );
}

#[test]
fn a_sub_group_is_not_a_duplicate_of_the_body_it_answers_to() {
    // Solihull s5 rows 29 and 31: the Parenting Programmes Steering Group
    // reports to the Parenting Strategy Group; sharing its subject is the
    // point of a sub-group, not a duplication.
    let s = Structure::builder()
        .body(
            group("strategy")
                .theme("parenting")
                .purpose("Develop and monitor the Parenting Strategy"),
        )
        .body(
            group("programmes")
                .theme("parenting")
                .purpose("Oversees implementation of the Parenting Strategy's programmes")
                .reports_to("strategy"),
        )
        .build()
        .unwrap();
    assert!(s.duplicates(&DuplicationOptions::new()).is_empty());
    let found = s.duplicates(&DuplicationOptions::new().include_related(true));
    assert_eq!(pairs(&found), [pair("programmes", "strategy")]);
}

#[test]
fn pairs_with_equal_scores_come_in_id_order() {
    let s = Structure::builder()
        .body(group("d").theme("play"))
        .body(group("c").theme("play"))
        .body(group("b").theme("health"))
        .body(group("a").theme("health"))
        .build()
        .unwrap();
    let found = s.duplicates(&everything());
    assert_eq!(pairs(&found), [pair("a", "b"), pair("c", "d")]);
}

#[test]
fn an_empty_structure_and_a_single_body_have_no_pairs() {
    let empty = Structure::builder().build().unwrap();
    assert!(empty.duplicates(&everything()).is_empty());
    let single = Structure::builder()
        .body(group("a").theme("play").purpose("Play"))
        .build()
        .unwrap();
    assert!(single.duplicates(&everything()).is_empty());
}

#[test]
fn siblings_split_by_client_group_under_one_parent_are_not_duplicates() {
    // Kent survey, Hertfordshire: "We will have three children's
    // commissioning groups reporting to the Strategic Commissioning Group.
    // These are 'Early Intervention', 'Children with complex needs',
    // 'Children living away from home'."
    let group = |id: &str, name: &str| {
        BodySpec::new(id, name, BodyKind::Group)
            .theme("commissioning")
            .theme("children")
            .reports_to("scg")
    };
    let s = Structure::builder()
        .body(
            BodySpec::new(
                "scg",
                "Strategic Commissioning Group for Children's Services",
                BodyKind::Group,
            )
            .apex(),
        )
        .body(group("early", "Early Intervention commissioning group"))
        .body(group(
            "complex",
            "Children with complex needs commissioning group",
        ))
        .body(group(
            "away",
            "Children living away from home commissioning group",
        ))
        .build()
        .unwrap();
    assert!(s.duplicates(&DuplicationOptions::new()).is_empty());
    let all = s.duplicates(&everything());
    assert!(all.iter().all(|d| d.split && d.score == 0.0), "{all:?}");
    // Two groups that share a word of what they are for are not a split.
    let s = Structure::builder()
        .body(BodySpec::new("scg", "Strategic Commissioning Group", BodyKind::Group).apex())
        .body(group("early", "Early Intervention commissioning group"))
        .body(group("early-2", "Early Intervention steering group"))
        .build()
        .unwrap();
    let found = s.duplicates(&everything());
    assert_eq!(pairs(&found), [pair("early", "early-2")]);
    assert!(!found[0].split);
    assert_eq!(found[0].shared_words, ["early", "intervention"]);
}

#[test]
fn generic_words_of_names_are_not_shared_purpose() {
    // "Group", "board", "commissioning", "partnership" say what sort of
    // body it is, not what it does.
    let s = Structure::builder()
        .body(BodySpec::new(
            "a",
            "Play Partnership Board",
            BodyKind::Board,
        ))
        .body(BodySpec::new(
            "b",
            "Youth Offending Partnership Board",
            BodyKind::Board,
        ))
        .body(BodySpec::new(
            "c",
            "Joint Commissioning Group",
            BodyKind::Group,
        ))
        .body(BodySpec::new(
            "d",
            "Strategic Commissioning Group",
            BodyKind::Group,
        ))
        .build()
        .unwrap();
    assert!(s.duplicates(&everything()).is_empty());
}

#[test]
fn shared_members_with_a_shared_subject_are_strong_and_without_one_weak() {
    let mut builder = Structure::builder();
    for post in ["dcs", "dph", "gp", "head", "police", "vcs"] {
        builder = builder.member(MemberSpec::new(post, post, MemberKind::Post));
    }
    let seated = |mut spec: BodySpec| {
        for post in ["dcs", "dph", "gp", "head", "police", "vcs"] {
            spec = spec.seat(post, Role::Member);
        }
        spec
    };
    let s = builder
        .body(seated(group("a").purpose("Reduce teenage pregnancy")))
        .body(seated(
            group("b").purpose("Teenage pregnancy and sexual health"),
        ))
        .body(seated(group("c").purpose("Youth justice")))
        .build()
        .unwrap();
    let found = s.duplicates(&everything());
    let score = |x: &str, y: &str| {
        found
            .iter()
            .find(|d| d.bodies == [x, y])
            .map(|d| d.score)
            .unwrap()
    };
    // The same six people around three tables: a and b also share a
    // subject ("teenage pregnancy"), a and c share nothing else.
    assert!(score("a", "b") >= 0.3, "{found:?}");
    assert!(score("a", "c") < 0.3, "{found:?}");
    assert!(score("a", "b") > score("a", "c"));
}

#[test]
fn a_live_body_like_a_dissolved_one_is_reported_as_its_likely_successor() {
    // Kent survey, Staffordshire: the District Trust Boards "have been
    // 'dissolved' and subsumed into other new/existing local partnership
    // arrangements". No succession recorded: the likeness is the finding.
    let purpose = "Co-ordinate services for children in the district";
    let s = Structure::builder()
        .body(
            group("district-trust")
                .status(Status::Dissolved)
                .purpose(purpose),
        )
        .body(group("district-partnership").purpose(purpose))
        .body(
            group("old-board")
                .status(Status::Dissolved)
                .purpose(purpose),
        )
        .build()
        .unwrap();
    let found = s.duplicates(&DuplicationOptions::new());
    // Two dissolved bodies duplicate nothing now.
    assert_eq!(
        pairs(&found),
        [
            pair("district-partnership", "district-trust"),
            pair("district-partnership", "old-board")
        ]
    );
    assert!(
        s.duplicates(&DuplicationOptions::new().include_successors(false))
            .is_empty()
    );
    assert_eq!(
        s.duplicates(&DuplicationOptions::new().include_gone(true))
            .len(),
        3
    );
}
