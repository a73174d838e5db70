//! The interactive HTML page: one self-contained file holding the drawing
//! (inline SVG), the members view, the structure's details as JSON, and a
//! small script that shows details on hover or click, filters by status,
//! relation kind and finding, and searches by name.
//!
//! Nothing is fetched: no network, no CDN. Data text is inert twice over:
//! it is escaped wherever it is written (markup, and JSON with `<`, `>` and
//! `&` written as `\u` escapes, so it cannot close its script element), and
//! the page's Content-Security-Policy lets only the page's own script run
//! (by its SHA-256), so even markup that got through could run nothing.
//! The script writes data into the page only as text (`textContent`).

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Value, json};

use crate::analysis::Report;
use crate::model::{Entity, Id, Structure};
use crate::render::markup::escape;
use crate::render::members::MembersOptions;
use crate::render::scene::Scene;
use crate::render::style::State;
use crate::render::{Backend, DrawOptions, RenderError, SvgOptions, svg};

const SCRIPT: &str = include_str!("page.js");

/// A rendered HTML page, with the backend that drew its drawing and any
/// warnings the drawing gave.
///
/// # Examples
///
/// ```
/// use govgraph::{Backend, DrawOptions, Overlay, SvgOptions, datasets};
///
/// let s = datasets::halton_2008();
/// let report = s.report();
/// let options = DrawOptions::new().overlay(Overlay::from(&report));
/// let page = s.to_html(&report, &options, &SvgOptions::new().backend(Backend::Embedded))?;
/// assert!(page.as_str().starts_with("<!DOCTYPE html>"));
/// assert_eq!(page.backend(), Backend::Embedded);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Html {
    text: String,
    backend: Backend,
    warnings: Vec<String>,
}

impl Html {
    /// The page.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, DrawOptions, SvgOptions, datasets};
    ///
    /// let s = datasets::halton_2008();
    /// let page = s.to_html(&s.report(), &DrawOptions::new(), &SvgOptions::new().backend(Backend::Embedded))?;
    /// assert!(page.as_str().ends_with("</html>\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The page, owned.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, DrawOptions, SvgOptions, datasets};
    ///
    /// let s = datasets::halton_2008();
    /// let page = s.to_html(&s.report(), &DrawOptions::new(), &SvgOptions::new().backend(Backend::Embedded))?;
    /// let text: String = page.into_string();
    /// assert!(text.contains("<svg"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_string(self) -> String {
        self.text
    }

    /// The backend that drew the drawing: [`Backend::Dot`] or
    /// [`Backend::Embedded`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, DrawOptions, SvgOptions, datasets};
    ///
    /// let s = datasets::halton_2008();
    /// let page = s.to_html(&s.report(), &DrawOptions::new(), &SvgOptions::new())?;
    /// assert_ne!(page.backend(), Backend::Auto);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The drawing's warnings ([`Svg::warnings`](crate::Svg::warnings)).
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, DrawOptions, SvgOptions, datasets};
    ///
    /// let s = datasets::solihull_2011();
    /// // Graphviz cannot be run from here, so the embedded renderer draws,
    /// // and the page says why.
    /// let options = SvgOptions::new().dot_program("/no/such/directory/dot");
    /// let page = s.to_html(&s.report(), &DrawOptions::new(), &options)?;
    /// assert_eq!(page.backend(), Backend::Embedded);
    /// assert!(page.warnings().iter().any(|w| w.contains("could not be run")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Structure {
    /// The structure as one self-contained, interactive HTML page: the
    /// drawing (drawn as `options` say, rendered as `svg` says), details of
    /// each body on hover or click (purpose, functions, members, source,
    /// the `report`'s findings about it), filters by status, relation kind
    /// and finding, a search by name, and the members view
    /// ([`Structure::members_svg`]). `page.html#body=ID` opens with that
    /// body's details shown, `#search=TEXT` with a search made, and
    /// `#finding=KIND` (`orphan`, `duplicate`, ...) with the bodies of one
    /// kind of finding picked out.
    ///
    /// The page needs no network and fetches nothing; open the file in any
    /// browser. Every text from the structure is escaped, and the page's
    /// Content-Security-Policy lets only its own script run.
    ///
    /// # Errors
    ///
    /// As [`Structure::to_svg`]: the drawing could not be rendered.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{Backend, DrawOptions, Overlay, SvgOptions, datasets};
    ///
    /// let s = datasets::solihull_2011();
    /// let report = s.report();
    /// let options = DrawOptions::new().overlay(Overlay::from(&report));
    /// let page = s.to_html(&report, &options, &SvgOptions::new().backend(Backend::Embedded))?;
    /// assert!(page.as_str().contains("Content-Security-Policy"));
    /// // Nothing is fetched: no stylesheet, script or image from elsewhere.
    /// assert!(!page.as_str().contains("<link") && !page.as_str().contains("src="));
    /// // The Stay Safe Outcome Group's details are in the page's data.
    /// assert!(page.as_str().contains(r#""id":"stay-safe""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_html(
        &self,
        report: &Report,
        options: &DrawOptions,
        svg: &SvgOptions,
    ) -> Result<Html, RenderError> {
        let scene = Scene::new(self, options);
        let drawn = svg::render(&scene, svg)?;
        let members = self.members_svg(&MembersOptions::new().no_title());
        let data = data(self, report, &scene);
        let title = self
            .meta()
            .name
            .clone()
            .unwrap_or_else(|| "Governance structure".to_string());
        Ok(Html {
            text: page(&title, self, inline_svg(drawn.as_str()), &members, &data),
            backend: drawn.backend,
            warnings: drawn.warnings,
        })
    }
}

/// The SVG document from its root element on: no XML declaration, no
/// DOCTYPE, no comments before it, as HTML wants it inline.
fn inline_svg(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |start| &svg[start..])
}

/// The JSON the script reads: bodies (by drawn node key), edges (by the
/// title both renderers give them), and the filters' choices.
fn data(structure: &Structure, report: &Report, scene: &Scene) -> Value {
    let name = |id: &Id| structure.name_of(id.as_str()).to_string();
    let mut findings: BTreeMap<&Id, Vec<Value>> = BTreeMap::new();
    let mut finding_counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for finding in report.findings() {
        let kind = finding.kind().as_str();
        *finding_counts.entry(kind).or_default() += 1;
        for id in finding.ids() {
            findings
                .entry(id)
                .or_default()
                .push(json!({ "kind": kind, "text": finding.to_string() }));
        }
    }
    let mut relations: BTreeMap<&Id, Vec<String>> = BTreeMap::new();
    for r in structure.relations() {
        let intended = if r.intended { " (intended)" } else { "" };
        relations.entry(&r.from).or_default().push(format!(
            "{} {}{intended}",
            r.kind.phrase(),
            name(&r.to)
        ));
        relations.entry(&r.to).or_default().push(format!(
            "{} {} (from)",
            name(&r.from),
            r.kind.phrase()
        ));
    }
    let seat_words = |s: &crate::model::Membership, who: &str| {
        let mut text = format!("{who}: {}", s.role.as_str().replace('-', " "));
        if let Some(whom) = &s.on_behalf_of {
            text.push_str(&format!(", on behalf of {}", name(whom)));
        }
        if s.intended {
            text.push_str(" (intended)");
        }
        if let Some(source) = &s.source {
            text.push_str(&format!(" [{source}]"));
        }
        text
    };
    let mut holds: BTreeMap<&Id, Vec<String>> = BTreeMap::new();
    for s in structure.memberships() {
        holds
            .entry(&s.member)
            .or_default()
            .push(seat_words(s, &name(&s.body)));
    }

    let mut statuses: BTreeMap<(usize, &'static str), (String, usize)> = BTreeMap::new();
    let mut bodies = Vec::new();
    for node in &scene.nodes {
        let id = &node.id;
        let base = json!({
            "key": node.key,
            "id": id.as_str(),
            "findings": findings.get(id).cloned().unwrap_or_default(),
            "relations": relations.get(id).cloned().unwrap_or_default(),
            "holds": holds.get(id).cloned().unwrap_or_default(),
        });
        let Value::Object(mut object) = base else {
            continue;
        };
        match structure.entity(id.as_str()) {
            Some(Entity::Body(b)) => {
                let position = crate::model::Status::ALL
                    .iter()
                    .position(|s| *s == b.status)
                    .unwrap_or(usize::MAX);
                let label = b.status.as_str().replace('-', " ");
                statuses
                    .entry((position, b.status.as_str()))
                    .or_insert((label.clone(), 0))
                    .1 += 1;
                let seats: Vec<String> = structure
                    .seats_on(b.id.as_str())
                    .map(|s| seat_words(s, &name(&s.member)))
                    .collect();
                let fields = json!({
                    "name": b.name,
                    "kind": b.kind.as_str().replace('-', " "),
                    "status": label,
                    "status_key": b.status.as_str(),
                    "provisional": State::of(b.status) == State::Provisional,
                    "count": b.count,
                    "tier": b.tier,
                    "meets": b.meets.map(|m| m.to_string()),
                    "statutory": b.statutory,
                    "apex": b.apex,
                    "accountability": b.accountability.map(|a| a.as_str()),
                    "purpose": b.purpose,
                    "functions": b.functions,
                    "themes": b.themes,
                    "formerly": b.formerly,
                    "seats": seats,
                    "source": b.source,
                    "note": b.note,
                });
                if let Value::Object(fields) = fields {
                    object.extend(fields);
                }
            }
            Some(Entity::Member(m)) => {
                let fields = json!({
                    "name": m.name,
                    "kind": "member",
                    "status": m.status.as_str().replace('-', " "),
                    "status_key": "member",
                    "count": 1,
                    "functions": [],
                    "themes": [],
                    "formerly": [],
                    "seats": [],
                    "source": m.source,
                    "note": m.note,
                });
                if let Value::Object(fields) = fields {
                    object.extend(fields);
                }
            }
            None => continue,
        }
        bodies.push(Value::Object(object));
    }

    let mut kinds: BTreeMap<(usize, &'static str), (&'static str, usize)> = BTreeMap::new();
    let mut edges = Vec::new();
    for edge in &scene.edges {
        let crate::render::style::EdgeMark::Relation(kind) = edge.look.mark;
        let position = crate::model::RelationKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(usize::MAX);
        kinds
            .entry((position, kind.key()))
            .or_insert((kind.phrase(), 0))
            .1 += 1;
        let (tail, head) = (&scene.nodes[edge.tail], &scene.nodes[edge.head]);
        // The relation as written: a child reports to its parent, though
        // drawn parent first.
        let (from, to) = if edge.back {
            (head, tail)
        } else {
            (tail, head)
        };
        let intended = if edge.look.intended {
            " (intended)"
        } else {
            ""
        };
        edges.push(json!({
            "title": format!("{}->{}", tail.key, head.key),
            "tail": tail.key,
            "head": head.key,
            "kind": kind.key(),
            "words": format!("{} {} {}{intended}", name(&from.id), kind.phrase(), name(&to.id)),
        }));
    }
    let members = structure.members().count();
    let mut status_list: Vec<Value> = statuses
        .into_iter()
        .map(|((_, key), (label, count))| json!({ "key": key, "label": label, "count": count }))
        .collect();
    if scene
        .nodes
        .iter()
        .any(|n| structure.member(n.id.as_str()).is_some())
    {
        let drawn = scene
            .nodes
            .iter()
            .filter(|n| structure.member(n.id.as_str()).is_some())
            .count();
        status_list.push(json!({ "key": "member", "label": "posts and members", "count": drawn }));
    }
    json!({
        "name": structure.meta().name,
        "members": members,
        "bodies": bodies,
        "edges": edges,
        "statuses": status_list,
        "kinds": kinds
            .into_iter()
            .map(|((_, key), (label, count))| json!({ "key": key, "label": label, "count": count }))
            .collect::<Vec<_>>(),
        "finding_kinds": crate::analysis::FindingKind::ALL
            .iter()
            .filter_map(|k| {
                let count = finding_counts.get(k.as_str())?;
                Some(json!({ "key": k.as_str(), "label": k.as_str(), "count": count }))
            })
            .collect::<Vec<_>>(),
    })
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` (which
/// could close the element or open a comment) and the line separators
/// JavaScript once refused are written as `\u` escapes. They only occur in
/// strings, where the escape means the same character.
fn script_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body{margin:0;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#000;background:#fff}
header{padding:10px 16px;border-bottom:1px solid #ccc}
header h1{font-size:20px;margin:0 0 4px}
header p{margin:0;color:#505050}
#gg-controls{display:flex;flex-wrap:wrap;gap:8px 24px;padding:8px 16px;border-bottom:1px solid #ccc;background:#fafafa}
#gg-controls fieldset{border:1px solid #ddd;margin:0;padding:4px 8px}
#gg-controls label{margin-right:10px;white-space:nowrap}
#gg-layout{display:flex;align-items:flex-start}
#gg-drawing{flex:1 1 auto;overflow:auto;padding:8px}
#gg-drawing svg{max-width:none;height:auto}
#gg-details{flex:0 0 340px;position:sticky;top:0;max-height:100vh;overflow:auto;border-left:1px solid #ccc;padding:8px 16px;background:#fff}
#gg-details h2{font-size:17px;margin:4px 0 8px}
#gg-details h3{font-size:14px;margin:12px 0 4px}
#gg-details dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0}
#gg-details dt{color:#505050}
#gg-details dd{margin:0}
#gg-details ul{margin:0;padding-left:18px}
#gg-members{padding:8px 16px;border-top:1px solid #ccc;overflow:auto}
.gg-node{cursor:pointer}
.gg-node:focus{outline:2px solid #0072b2}
.gg-hidden{opacity:0.06}
.gg-dim{opacity:0.25}
.gg-hit polygon,.gg-hit rect,.gg-hit ellipse,.gg-hit path{stroke:#0072b2;stroke-width:3px}
.gg-selected polygon,.gg-selected rect,.gg-selected ellipse,.gg-selected path{stroke:#0072b2;stroke-width:4px}
#gg-count{color:#505050}
";

fn page(title: &str, structure: &Structure, drawing: &str, members: &str, data: &Value) -> String {
    let csp = format!(
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{}'",
        base64(&sha256(SCRIPT.as_bytes()))
    );
    let source = structure
        .meta()
        .source
        .as_deref()
        .map(|s| format!("<p>{}</p>", escape(&format!("From {s}"))))
        .unwrap_or_default();
    let counts = format!(
        "{} bodies, {} members, {} seats. Click or hover a body for its details; \
         press Enter on one reached with Tab.",
        structure.bodies().count(),
        structure.members().count(),
        structure.memberships().len()
    );
    let mut out = String::with_capacity(drawing.len() + members.len() + SCRIPT.len() + 8192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        escape(&csp)
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(title)));
    out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str(&format!(
        "<header><h1>{}</h1>{source}<p>{}</p></header>\n",
        escape(title),
        escape(&counts)
    ));
    out.push_str(
        "<form id=\"gg-controls\" role=\"search\">\n\
         <fieldset><legend>Search</legend><input id=\"gg-search\" type=\"search\" \
         placeholder=\"name or id\" aria-label=\"Search bodies by name\"> <span id=\"gg-count\"></span></fieldset>\n\
         <fieldset><legend>Finding</legend><select id=\"gg-finding\" aria-label=\"Show the bodies of one kind of finding\">\
         <option value=\"\">all bodies</option></select></fieldset>\n\
         <fieldset id=\"gg-statuses\"><legend>Status</legend></fieldset>\n\
         <fieldset id=\"gg-kinds\"><legend>Relations</legend></fieldset>\n\
         </form>\n",
    );
    out.push_str("<div id=\"gg-layout\">\n<main id=\"gg-drawing\">\n");
    out.push_str(drawing.trim_end());
    out.push_str(
        "\n</main>\n<aside id=\"gg-details\" aria-live=\"polite\"><p id=\"gg-hint\">\
                  Click a body in the drawing, or in the members view, to see its purpose, \
                  functions, members, source and findings.</p></aside>\n</div>\n",
    );
    out.push_str("<section id=\"gg-members\"><h2>Who sits where</h2>\n");
    out.push_str(members.trim_end());
    out.push_str("\n</section>\n");
    out.push_str("<script type=\"application/json\" id=\"gg-data\">");
    out.push_str(&script_json(data));
    out.push_str("</script>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// SHA-256 (FIPS 180-4), for the Content-Security-Policy hash of the
/// page's script.
fn sha256(bytes: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = bytes.to_vec();
    let length_bits = (bytes.len() as u64).wrapping_mul(8);
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&length_bits.to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(choice)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_base64_match_the_standards_test_vectors() {
        // FIPS 180-4 example "abc", and RFC 4648's base64 vectors.
        let hex: String = sha256(b"abc").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let empty: String = sha256(b"").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            empty,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let long = vec![b'a'; 1000];
        assert_eq!(sha256(&long).len(), 32);
        for (input, output) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), output);
        }
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let value = json!({ "name": "</script><script>alert(1)</script>&<!--" });
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}
