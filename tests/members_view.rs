//! The members view shows who sits where: one row per holder, one column
//! per body, each seat's role, seats held for or by a body, and the
//! reciprocal chairs and overlapping memberships reviews look for; every
//! text stays text.

mod render_support;

use govgraph::{
    BodyKind, BodySpec, MemberKind, MemberSpec, MembersOptions, Role, Seat, Structure, datasets,
};
use render_support::{element_names, hostile_structure, parse_svg};

/// (holder, body) -> the seat's words, from each cell's `<title>`.
fn cells(svg: &str) -> Vec<(String, String, String, String)> {
    let document = parse_svg(svg);
    document
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("seat"))
        .map(|g| {
            let title = g
                .children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap_or_default()
                .to_string();
            let symbol = g
                .descendants()
                .filter(|c| c.has_tag_name("text"))
                .filter_map(|t| t.text())
                .collect::<String>();
            (
                g.attribute("data-holder").unwrap_or_default().to_string(),
                g.attribute("data-body").unwrap_or_default().to_string(),
                symbol,
                title,
            )
        })
        .collect()
}

fn herefordshire_like() -> Structure {
    // Herefordshire's survey row: the DCS and the Director of Public Health
    // on both the Trust Board and the Health and Wellbeing Board; and a
    // reciprocal pair: the LSCB's chair sits on the Trust, the Trust's chair
    // on the LSCB.
    Structure::builder()
        .name("Reciprocal & overlapping")
        .member(MemberSpec::new(
            "dcs",
            "Director of Children's Services",
            MemberKind::Post,
        ))
        .member(MemberSpec::new(
            "dph",
            "Director of Public Health",
            MemberKind::Post,
        ))
        .member(MemberSpec::new(
            "lscb-chair",
            "Independent Chair of the LSCB",
            MemberKind::Post,
        ))
        .member(MemberSpec::new(
            "lead-member",
            "Lead Member",
            MemberKind::Post,
        ))
        .body(
            BodySpec::new("trust", "Children's Trust Board", BodyKind::Board)
                .apex()
                .seat("lead-member", Role::Chair)
                .seat("dcs", Role::LeadOfficer)
                .seat("dph", Role::Member)
                .seat_with(Seat::new("lscb-chair", Role::Member).on_behalf_of("lscb")),
        )
        .body(
            BodySpec::new("lscb", "Local Safeguarding Children Board", BodyKind::Board)
                .apex()
                .seat("lscb-chair", Role::Chair)
                .seat("dcs", Role::Member)
                .seat_with(Seat::new("lead-member", Role::Observer).on_behalf_of("trust")),
        )
        .body(
            BodySpec::new("hwb", "Health and Wellbeing Board", BodyKind::Board)
                .apex()
                .seat("dcs", Role::Member)
                .seat("dph", Role::Member)
                .seat_with(Seat::new("trust", Role::Member).intended()),
        )
        .build()
        .unwrap()
}

#[test]
fn each_seat_is_a_cell_with_its_role_in_words() {
    let svg = herefordshire_like().members_svg(&MembersOptions::new());
    let cells = cells(&svg);
    assert_eq!(cells.len(), 10, "{cells:?}");
    let find = |holder: &str, body: &str| {
        cells
            .iter()
            .find(|c| c.0 == holder && c.1 == body)
            .unwrap_or_else(|| panic!("no cell for {holder} on {body}: {cells:?}"))
    };
    assert_eq!(find("lead-member", "trust").2, "C");
    assert_eq!(find("dcs", "trust").2, "L");
    assert_eq!(find("dph", "hwb").2, "•");
    assert_eq!(find("lead-member", "lscb").2, "o");
    assert_eq!(
        find("lscb-chair", "trust").3,
        "Independent Chair of the LSCB: member of Children's Trust Board on behalf of Local Safeguarding Children Board"
    );
    // A seat held by a body, and intended.
    assert_eq!(
        find("trust", "hwb").3,
        "Children's Trust Board: member of Health and Wellbeing Board (intended)"
    );
    // The DCS sits on most bodies: the first row.
    let document = parse_svg(&svg);
    let first = document
        .descendants()
        .find(|n| n.attribute("class") == Some("holder"))
        .unwrap();
    assert_eq!(first.attribute("data-id"), Some("dcs"));
}

#[test]
fn reciprocal_chairs_and_overlaps_are_listed() {
    let svg = herefordshire_like().members_svg(&MembersOptions::new());
    let document = parse_svg(&svg);
    let notes: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| n.parent().and_then(|p| p.attribute("class")) == Some("notes"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        notes.contains(
            &"R1: Local Safeguarding Children Board and Children's Trust Board: each one's chair sits on the other (red cells)"
        ),
        "{notes:?}"
    );
    // DCS and DPH on both the Trust and the HWB.
    assert!(
        notes.contains(
            &"Health and Wellbeing Board and Children's Trust Board share 2 seat holders (the smaller has 3)"
        ),
        "{notes:?}"
    );
    // The LSCB's whole table sits at the Trust's too.
    assert!(
        notes.contains(
            &"Local Safeguarding Children Board and Children's Trust Board share 3 seat holders (the smaller has 3)"
        ),
        "{notes:?}"
    );
    let red = svg.matches("stroke=\"#d7191c\"").count();
    assert_eq!(red, 2, "the two reciprocal seats are outlined");
}

#[test]
fn min_bodies_keeps_only_overlapping_holders() {
    let s = herefordshire_like();
    let svg = s.members_svg(&MembersOptions::new().min_bodies(2));
    let holders: Vec<String> = parse_svg(&svg)
        .descendants()
        .filter(|n| n.attribute("class") == Some("holder"))
        .filter_map(|n| n.attribute("data-id").map(str::to_string))
        .collect();
    assert_eq!(holders, ["dcs", "dph", "lead-member", "lscb-chair"]);
}

#[test]
fn halton_shows_the_dcs_chairing_two_bodies() {
    // Halton App.1: the DCS chairs the Alliance Executive and the
    // Commissioning Partnership.
    let s = datasets::halton_2008();
    let svg = s.members_svg(&MembersOptions::new());
    let chairs: Vec<String> = cells(&svg)
        .into_iter()
        .filter(|c| c.2 == "C")
        .map(|c| format!("{} {}", c.0, c.1))
        .collect();
    assert!(chairs.len() >= 2, "{chairs:?}");
    assert_eq!(svg, s.members_svg(&MembersOptions::new()), "deterministic");
}

#[test]
fn hostile_names_stay_text_in_the_members_view() {
    let mut builder = Structure::builder();
    let s = hostile_structure();
    for body in s.bodies() {
        builder = builder.body(
            BodySpec::new(body.id.clone(), body.name.clone(), body.kind).seat("post", Role::Chair),
        );
    }
    let s = builder
        .member(MemberSpec::new(
            "post",
            "<img src=x onerror=alert(1)> & \"quoted\"",
            MemberKind::Post,
        ))
        .build()
        .unwrap();
    let svg = s.members_svg(&MembersOptions::new().title("<script>alert('t')</script>"));
    let document = parse_svg(&svg);
    let names = element_names(&document);
    for forbidden in ["script", "img", "b"] {
        assert!(
            !names.iter().any(|n| n == forbidden),
            "<{forbidden}> in {svg}"
        );
    }
    let texts: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.contains(&"<script>alert('t')</script>"));
    assert!(texts.contains(&"<img src=x onerror=alert(1)> & \"quoted\""));
    assert!(texts.contains(&"]; injected [label=\"pwned\""));
    // A line break in a name becomes a space: a name is one line here.
    assert!(texts.contains(&"Line one Line two"));
}
