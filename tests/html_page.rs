//! The interactive HTML page is one self-contained file that a real
//! browser loads with no console message, builds its filters and details
//! from, and in which no text from the data ever becomes markup or runs.
//! The browser tests run headless Chromium; they skip, saying so, where it
//! is not installed, and CI requires them (`GOVGRAPH_REQUIRE_CHROMIUM`).

mod render_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use govgraph::{
    Backend, BodyKind, BodySpec, DrawOptions, MemberKind, MemberSpec, Overlay, RankDir, Role, Seat,
    Structure, SvgOptions, datasets,
};
use render_support::chromium;

fn page(structure: &Structure, backend: Backend) -> String {
    let report = structure.report();
    let options = DrawOptions::new()
        .rankdir(RankDir::LeftToRight)
        .overlay(Overlay::from(&report));
    structure
        .to_html(&report, &options, &SvgOptions::new().backend(backend))
        .unwrap()
        .into_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("html_page")
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What Chromium printed loading `file#fragment`: the DOM after the
/// page's script ran, and its console messages (every message, whatever
/// its level: the page logs nothing when all is well). Also takes a
/// screenshot of the page to `screenshot`.
struct Loaded {
    dom: String,
    console: Vec<String>,
}

fn load(program: &str, file: &Path, fragment: &str, screenshot: &Path) -> Loaded {
    let url = format!("file://{}{fragment}", file.display());
    let profile = file.with_extension("profile");
    let common = |command: &mut Command| {
        command
            .arg("--headless")
            .arg("--no-sandbox")
            .arg("--disable-gpu")
            .arg("--no-first-run")
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--enable-logging=stderr")
            .arg("--v=0")
            .arg("--virtual-time-budget=5000");
    };
    let mut dump = Command::new(program);
    common(&mut dump);
    let output = dump.arg("--dump-dom").arg(&url).output().unwrap();
    assert!(output.status.success(), "chromium failed: {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let console = stderr
        .lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    let mut shot = Command::new(program);
    common(&mut shot);
    let status = shot
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg("--window-size=1400,1000")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "chromium screenshot failed: {status:?}"
    );
    Loaded {
        dom: String::from_utf8_lossy(&output.stdout).into_owned(),
        console,
    }
}

fn assert_screenshot(path: &Path) {
    let png = std::fs::read(path).unwrap_or_else(|e| panic!("no screenshot {path:?}: {e}"));
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{path:?} is not a PNG"
    );
    // A blank 1400x1000 page compresses to a few kilobytes; a drawing does
    // not.
    assert!(png.len() > 30_000, "{path:?} is only {} bytes", png.len());
}

#[test]
fn the_page_is_self_contained_and_deterministic() {
    let structure = datasets::solihull_2011();
    let text = page(&structure, Backend::Embedded);
    assert!(text.starts_with("<!DOCTYPE html>"));
    // Nothing is fetched: the only URLs are the SVG namespaces.
    let without_namespaces = text
        .replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
        .replace("xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    assert!(!without_namespaces.contains("http:"), "a URL in the page");
    assert!(!without_namespaces.contains("https:"), "a URL in the page");
    for fetching in ["<link", "<iframe", "<img", "src=", "@import", "url("] {
        assert!(!text.contains(fetching), "{fetching} in the page");
    }
    assert!(text.contains("Content-Security-Policy"));
    assert!(text.contains("default-src &#39;none&#39;"));
    // The drawing and the members view are inline; the script is the only
    // one that runs.
    assert_eq!(text.matches("<svg").count(), 2);
    assert_eq!(text.matches("<script").count(), 2);
    assert_eq!(text, page(&structure, Backend::Embedded));
}

#[test]
fn solihull_page_loads_in_chromium_with_details_filters_and_no_console_message() {
    let Some(program) = chromium("solihull_page_loads_in_chromium") else {
        return;
    };
    let dir = scratch("solihull");
    for backend in [Backend::Embedded, Backend::Auto] {
        let structure = datasets::solihull_2011();
        let file = dir.join(format!("solihull-{backend:?}.html"));
        std::fs::write(&file, page(&structure, backend)).unwrap();
        let shot = dir.join(format!("solihull-{backend:?}.png"));
        let loaded = load(&program, &file, "#body=stay-safe", &shot);
        assert_eq!(loaded.console, [] as [String; 0], "{backend:?}");
        let dom = &loaded.dom;
        assert!(
            dom.contains("data-ready=\"true\""),
            "the script did not finish"
        );
        // The deep link opened the Stay Safe Outcome Group's details: its
        // name, and the duplication the paper found (s3.3.3).
        assert!(
            dom.contains("<h2>Stay Safe Outcome Group</h2>"),
            "{backend:?}"
        );
        assert!(dom.contains("<h3>Findings</h3>"));
        assert!(dom.contains("Local Safeguarding Children Board and Stay Safe Outcome Group"));
        // Filters, one per status and relation kind drawn, built by the
        // script: active, on hold, dormant, ... and reports to, oversees, ...
        let boxes = dom.matches("type=\"checkbox\"").count();
        assert!(boxes >= 10, "{boxes} checkboxes");
        assert!(dom.contains(" on hold ("));
        assert!(dom.contains(" reports to ("));
        assert!(dom.contains("<option value=\"orphan\">orphan (46)</option>"));
        // Every drawn body is reachable by keyboard.
        let focusable = dom.matches("tabindex=\"0\"").count();
        assert!(focusable >= 58, "{focusable} focusable bodies");
        // The script found every drawn node and edge by its title, and
        // retitled it in words for the hover.
        assert!(
            !dom.contains("<title>n_"),
            "a node or edge the script missed"
        );
        assert!(dom.contains(
            "<title>Stay Safe Outcome Group reports to Performance &amp; Commissioning Group</title>"
        ));
        assert_screenshot(&shot);

        // A search, and a kind of finding, from the link. Drawn are the 58
        // bodies and the posts a relation names; the search matches names
        // and ids, whatever their case.
        let solihull = datasets::solihull_2011();
        let posts: std::collections::BTreeSet<&str> = solihull
            .relations()
            .iter()
            .flat_map(|r| [r.from.as_str(), r.to.as_str()])
            .filter(|id| solihull.member(id).is_some())
            .collect();
        let drawn = solihull.bodies().count() + posts.len();
        let searched = load(&program, &file, "#search=SAFEGUARDING", &shot);
        assert_eq!(searched.console, [] as [String; 0]);
        let matching = solihull
            .bodies()
            .filter(|b| b.name.to_lowercase().contains("safeguarding"))
            .count();
        assert!(matching >= 1);
        assert!(
            searched.dom.contains(&format!(
                "<span id=\"gg-count\">{matching} of {drawn} match</span>"
            )),
            "{matching} of {drawn}"
        );
        let orphans = load(&program, &file, "#finding=orphan", &shot);
        assert!(
            orphans
                .dom
                .contains(&format!("<span id=\"gg-count\">46 of {drawn} match</span>"))
        );
        assert_eq!(orphans.dom.matches("gg-node gg-hit").count(), 46);
    }
}

/// A structure whose every text tries to become markup or script: names,
/// the structure's name and source, a tier, purposes, functions, notes,
/// sources, seats and their holders.
fn hostile() -> Structure {
    let attacks = [
        "<script>document.title='pwned'</script>",
        "<img src=x onerror=\"document.title='pwned'\">",
        "</script><script>document.title='pwned'</script>",
        "<!-- \u{2028} --> ]]> <![CDATA[",
        "\"><svg onload=\"document.title='pwned'\">",
        "&lt;b&gt; &amp; \\u003c ${x} `${x}`",
    ];
    let mut builder = Structure::builder()
        .name(attacks[0])
        .source(attacks[1])
        .member(MemberSpec::new("post", attacks[1], MemberKind::Post));
    for (i, attack) in attacks.iter().enumerate() {
        let mut body = BodySpec::new(format!("b{i}"), *attack, BodyKind::Group)
            .tier(attacks[(i + 1) % attacks.len()])
            .purpose(*attack)
            .function(attacks[(i + 2) % attacks.len()])
            .theme(*attack)
            .source(*attack)
            .note(*attack)
            .seat_with(Seat::new("post", Role::Chair).source(*attack));
        body = if i == 0 {
            body.apex()
        } else {
            body.reports_to(format!("b{}", i - 1))
        };
        builder = builder.body(body);
    }
    builder.build().unwrap()
}

#[test]
fn hostile_text_stays_text_in_the_page() {
    let structure = hostile();
    let text = page(&structure, Backend::Embedded);
    assert_eq!(text.matches("<script").count(), 2, "a script from the data");
    assert!(!text.contains("<img"));
    assert!(!text.contains("<svg onload"));
    let Some(program) = chromium("hostile_text_stays_text_in_the_page") else {
        return;
    };
    let dir = scratch("hostile");
    for backend in [Backend::Embedded, Backend::Auto] {
        let file = dir.join(format!("hostile-{backend:?}.html"));
        std::fs::write(&file, page(&structure, backend)).unwrap();
        let shot = dir.join(format!("hostile-{backend:?}.png"));
        for (fragment, name) in [
            (
                "#body=b1",
                "&lt;img src=x onerror=\"document.title='pwned'\"&gt;",
            ),
            (
                "#body=b2",
                "&lt;/script&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;",
            ),
        ] {
            let loaded = load(&program, &file, fragment, &shot);
            // Nothing ran but the page's script, and nothing was refused
            // (a refusal by the Content-Security-Policy is a console
            // message too).
            assert_eq!(loaded.console, [] as [String; 0], "{backend:?}");
            let dom = &loaded.dom;
            assert!(dom.contains("data-ready=\"true\""));
            assert!(!dom.contains("pwned</title>"), "the title changed");
            assert!(!dom.contains("<img"), "an <img> from the data");
            assert!(!dom.contains("<svg onload"), "an element from the data");
            assert_eq!(dom.matches("<script").count(), 2, "{backend:?}");
            // The details show the text, as text.
            assert!(
                dom.contains(&format!("<h2>{name}</h2>")),
                "{backend:?} {fragment}"
            );
        }
    }
}
