//! The members view: who sits where, as a matrix of seat holders (rows)
//! by bodies (columns), written directly as SVG. No layout engine is
//! needed: the matrix is a grid.
//!
//! Rows are the members and bodies that hold seats, those on most bodies
//! first; columns are the bodies with seats, the fullest first. Each cell
//! says the holder's role there; a seat held on behalf of another body, or
//! by a body, is marked; intended seats are pale. Below the grid, pairs of
//! bodies whose chairs sit on each other's body (reciprocal chairs) and the
//! pairs with most holders in common (overlapping membership) are listed,
//! the reciprocal cells outlined in red.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::{Id, Membership, Role, Structure};
use crate::render::markup::{escape, number, text_width};
use crate::render::style::{BLACK, CLUSTER_LINE, CLUSTER_TEXT, FLAG, FONT, GREY, WHITE};

/// What the members view shows: its title, and which holders.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, MemberKind, MemberSpec, MembersOptions, Role, Structure};
///
/// let s = Structure::builder()
///     .member(MemberSpec::new("dcs", "Director of Children's Services", MemberKind::Post))
///     .member(MemberSpec::new("gp", "GP representative", MemberKind::Post))
///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).seat("dcs", Role::Chair))
///     .body(BodySpec::new("lscb", "LSCB", BodyKind::Board).seat("dcs", Role::Member).seat("gp", Role::Member))
///     .build()?;
/// let options = MembersOptions::new().title("Who sits where").min_bodies(2);
/// let svg = s.members_svg(&options);
/// assert!(svg.contains(">Who sits where</text>"));
/// // Only the director sits on two bodies.
/// assert!(svg.contains("Director of Children&#39;s Services"));
/// assert!(!svg.contains("GP representative"));
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MembersOptions {
    title: Option<Option<String>>,
    min_bodies: usize,
}

impl MembersOptions {
    /// Every holder of a seat, titled "Who sits where" and the structure's
    /// name.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MembersOptions, datasets};
    ///
    /// let svg = datasets::halton_2008().members_svg(&MembersOptions::new());
    /// assert!(svg.contains(">Who sits where: Halton"));
    /// ```
    pub fn new() -> MembersOptions {
        MembersOptions::default()
    }

    /// Titles the view.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MembersOptions, datasets};
    ///
    /// let svg = datasets::halton_2008().members_svg(&MembersOptions::new().title("Halton: seats"));
    /// assert!(svg.contains(">Halton: seats</text>"));
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> MembersOptions {
        self.title = Some(Some(title.into()));
        self
    }

    /// Draws no title.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MembersOptions, datasets};
    ///
    /// let svg = datasets::halton_2008().members_svg(&MembersOptions::new().no_title());
    /// assert!(!svg.contains("Who sits where"));
    /// ```
    pub fn no_title(mut self) -> MembersOptions {
        self.title = Some(None);
        self
    }

    /// Shows only holders with seats on at least `bodies` bodies (2 shows
    /// only overlapping membership). Default: 1, every holder.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MembersOptions, datasets};
    ///
    /// let halton = datasets::halton_2008();
    /// let all = halton.members_svg(&MembersOptions::new());
    /// let overlapping = halton.members_svg(&MembersOptions::new().min_bodies(2));
    /// assert!(overlapping.matches("class=\"holder\"").count() < all.matches("class=\"holder\"").count());
    /// ```
    pub fn min_bodies(mut self, bodies: usize) -> MembersOptions {
        self.min_bodies = bodies;
        self
    }
}

impl Structure {
    /// The members view as an SVG document: a matrix of who sits where,
    /// holders (members, and bodies that hold seats) by bodies, with each
    /// seat's role (C chair, V vice-chair, L lead officer, • member,
    /// o observer, d deputy), seats held on behalf of a body or by a body
    /// marked, intended seats pale, and the reciprocal chairs and
    /// overlapping memberships listed below. Every cell has a `<title>`
    /// saying the seat in words.
    ///
    /// Every seat in the structure is drawn, whatever its dates; draw
    /// [`Structure::in_force`] or [`Structure::as_at`] for the seats of a
    /// date. Every text is escaped. The same structure gives the same bytes.
    ///
    /// # Complexity
    ///
    /// **O(H·B + S log S)** for H holders, B bodies with seats and S seats.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{MembersOptions, datasets};
    ///
    /// let svg = datasets::halton_2008().members_svg(&MembersOptions::new());
    /// assert!(svg.starts_with("<svg"));
    /// // The Chief Executive chairs the Alliance Board (App.1).
    /// assert!(svg.contains("<title>Chief Executive: chair of Children and Young People&#39;s Alliance Board [App.1 Membership]</title>"));
    /// ```
    pub fn members_svg(&self, options: &MembersOptions) -> String {
        Matrix::new(self, options).svg(self, options)
    }
}

/// One cell: the seats a holder has on a body.
struct Cell<'a> {
    seats: Vec<&'a Membership>,
}

struct Matrix<'a> {
    holders: Vec<&'a Id>,
    bodies: Vec<&'a Id>,
    cells: BTreeMap<(&'a Id, &'a Id), Cell<'a>>,
    /// Pairs of bodies whose chairs sit on each other's body, and the two
    /// cells that show it.
    reciprocal: Vec<(&'a Id, &'a Id)>,
    reciprocal_cells: BTreeSet<(&'a Id, &'a Id)>,
    /// Pairs of bodies with the number of holders they share, most first.
    overlaps: Vec<(&'a Id, &'a Id, usize, usize)>,
}

const CELL: f64 = 22.0;
const SIZE: f64 = 12.0;
const MARGIN: f64 = 16.0;
const LIST_LIMIT: usize = 5;

impl<'a> Matrix<'a> {
    fn new(structure: &'a Structure, options: &MembersOptions) -> Matrix<'a> {
        let mut cells: BTreeMap<(&Id, &Id), Cell<'a>> = BTreeMap::new();
        for seat in structure.memberships() {
            cells
                .entry((&seat.member, &seat.body))
                .or_insert_with(|| Cell { seats: Vec::new() })
                .seats
                .push(seat);
        }
        let mut on: BTreeMap<&Id, BTreeSet<&Id>> = BTreeMap::new();
        let mut around: BTreeMap<&Id, BTreeSet<&Id>> = BTreeMap::new();
        for (holder, body) in cells.keys() {
            on.entry(holder).or_default().insert(body);
            around.entry(body).or_default().insert(holder);
        }
        let mut holders: Vec<&Id> = on
            .iter()
            .filter(|(_, bodies)| bodies.len() >= options.min_bodies)
            .map(|(holder, _)| *holder)
            .collect();
        holders.sort_by_key(|h| (std::cmp::Reverse(on[h].len()), *h));
        let shown: BTreeSet<&Id> = holders.iter().copied().collect();
        let mut bodies: Vec<&Id> = around
            .iter()
            .filter(|(_, holders)| holders.iter().any(|h| shown.contains(h)))
            .map(|(body, _)| *body)
            .collect();
        let shown_around = |b: &Id| around[b].iter().filter(|h| shown.contains(*h)).count();
        bodies.sort_by_key(|b| (std::cmp::Reverse(shown_around(b)), *b));

        // Reciprocal chairs: A's chair (or A itself) has a seat on B, and
        // B's chair (or B itself) a seat on A.
        let chairs_of = |body: &'a Id| -> BTreeSet<&'a Id> {
            let mut chairs: BTreeSet<&Id> = structure
                .seats_on(body.as_str())
                .filter(|s| s.role == Role::Chair)
                .map(|s| &s.member)
                .collect();
            if let Some(b) = structure.body(body.as_str()) {
                chairs.insert(&b.id);
            }
            chairs
        };
        let mut reciprocal = Vec::new();
        let mut reciprocal_cells = BTreeSet::new();
        for (i, a) in bodies.iter().enumerate() {
            for b in &bodies[i + 1..] {
                let a_on_b = chairs_of(a)
                    .into_iter()
                    .find(|h| cells.contains_key(&(*h, *b)) && shown.contains(h));
                let b_on_a = chairs_of(b)
                    .into_iter()
                    .find(|h| cells.contains_key(&(*h, *a)) && shown.contains(h));
                if let (Some(x), Some(y)) = (a_on_b, b_on_a)
                    && x != y
                {
                    let (first, second) = if a <= b { (*a, *b) } else { (*b, *a) };
                    reciprocal.push((first, second));
                    reciprocal_cells.insert((x, *b));
                    reciprocal_cells.insert((y, *a));
                }
            }
        }
        reciprocal.sort();

        let mut overlaps = Vec::new();
        for (i, a) in bodies.iter().enumerate() {
            for b in &bodies[i + 1..] {
                let (sa, sb) = (&around[a], &around[b]);
                let shared = sa.intersection(sb).filter(|h| shown.contains(*h)).count();
                let smaller = shown_around(a).min(shown_around(b));
                if shared >= 2 {
                    let (first, second) = if a <= b { (*a, *b) } else { (*b, *a) };
                    overlaps.push((first, second, shared, smaller));
                }
            }
        }
        overlaps
            .sort_by_key(|(a, b, shared, smaller)| (std::cmp::Reverse(*shared), *smaller, *a, *b));
        overlaps.truncate(LIST_LIMIT);

        Matrix {
            holders,
            bodies,
            cells,
            reciprocal,
            reciprocal_cells,
            overlaps,
        }
    }

    fn svg(&self, structure: &Structure, options: &MembersOptions) -> String {
        let title = match &options.title {
            Some(title) => title.clone(),
            None => Some(match &structure.meta().name {
                Some(name) => format!("Who sits where: {name}"),
                None => "Who sits where".to_string(),
            }),
        };
        let name = |id: &Id| clean(structure.name_of(id.as_str()));
        let label_w = self
            .holders
            .iter()
            .map(|h| text_width(&name(h), SIZE))
            .fold(80.0_f64, f64::max)
            + 12.0;
        // Column heads run up and to the right at 45 degrees.
        let head_h = self
            .bodies
            .iter()
            .map(|b| text_width(&name(b), SIZE))
            .fold(40.0_f64, f64::max)
            * std::f64::consts::FRAC_1_SQRT_2
            + 16.0;
        let title_h = if title.is_some() { 30.0 } else { 0.0 };
        let grid_x = MARGIN + label_w;
        let grid_y = MARGIN + title_h + head_h;
        let grid_w = self.bodies.len() as f64 * CELL;
        let grid_h = self.holders.len() as f64 * CELL;

        let mut notes: Vec<String> = Vec::new();
        notes.push(
            "C chair · V vice-chair · L lead officer · • member · o observer · d deputy; \
             blue corner: held for a body; italic row: a body holding a seat; pale: intended"
                .to_string(),
        );
        for (i, (a, b)) in self.reciprocal.iter().enumerate() {
            notes.push(format!(
                "R{}: {} and {}: each one's chair sits on the other (red cells)",
                i + 1,
                name(a),
                name(b)
            ));
        }
        for (a, b, shared, smaller) in &self.overlaps {
            notes.push(format!(
                "{} and {} share {shared} seat holders (the smaller has {smaller})",
                name(a),
                name(b)
            ));
        }
        if self.holders.is_empty() {
            notes.push("No seats are recorded.".to_string());
        }
        let notes_y = grid_y + grid_h + 28.0;
        let notes_h = notes.len() as f64 * 18.0;
        let head_w = self.bodies.last().map_or(0.0, |b| {
            text_width(&name(b), SIZE) * std::f64::consts::FRAC_1_SQRT_2
        });
        let notes_w = notes
            .iter()
            .map(|n| text_width(n, SIZE))
            .fold(0.0, f64::max);
        let title_w = title.as_deref().map_or(0.0, |t| text_width(t, 18.0));
        let width = (grid_x + grid_w + 40.0 + head_w)
            .max(MARGIN * 2.0 + notes_w)
            .max(MARGIN * 2.0 + title_w)
            .ceil();
        let height = (notes_y + notes_h + MARGIN).ceil();

        let mut out = String::new();
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"members\" width=\"{w}\" \
             height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{font}\" font-size=\"{size}\">",
            w = number(width),
            h = number(height),
            font = escape(FONT),
            size = number(SIZE),
        );
        let _ = writeln!(
            out,
            "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"{WHITE}\"/>"
        );
        if let Some(title) = &title {
            let _ = writeln!(
                out,
                "<text class=\"title\" x=\"{}\" y=\"{}\" font-size=\"18\">{}</text>",
                number(MARGIN),
                number(MARGIN + 18.0),
                escape(&clean(title))
            );
        }
        // Column heads.
        for (j, body) in self.bodies.iter().enumerate() {
            let x = grid_x + (j as f64 + 0.5) * CELL;
            let y = grid_y - 6.0;
            let _ = writeln!(
                out,
                "<g class=\"body\" data-id=\"{id}\"><title>{name}</title>\
                 <text x=\"{x}\" y=\"{y}\" transform=\"rotate(-45 {x} {y})\" fill=\"{BLACK}\">{name}</text></g>",
                id = escape(body.as_str()),
                name = escape(&name(body)),
                x = number(x),
                y = number(y),
            );
        }
        // Rows: a band every other row, the holder's name, its cells.
        for (i, holder) in self.holders.iter().enumerate() {
            let y = grid_y + i as f64 * CELL;
            let is_body = structure.body(holder.as_str()).is_some();
            let count = self
                .bodies
                .iter()
                .filter(|b| self.cells.contains_key(&(*holder, **b)))
                .count();
            let _ = write!(
                out,
                "<g class=\"holder\" data-id=\"{}\"><title>{}: {} bod{}</title>",
                escape(holder.as_str()),
                escape(&name(holder)),
                count,
                if count == 1 { "y" } else { "ies" }
            );
            if i % 2 == 0 {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f4f4\"/>",
                    number(MARGIN),
                    number(y),
                    number(label_w + grid_w),
                    number(CELL)
                );
            }
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" fill=\"{BLACK}\"{}>{}</text>",
                number(grid_x - 8.0),
                number(y + CELL / 2.0 + SIZE * 0.35),
                if is_body {
                    " text-anchor=\"end\" font-style=\"italic\""
                } else {
                    " text-anchor=\"end\""
                },
                escape(&name(holder))
            );
            out.push_str("</g>\n");
            for (j, body) in self.bodies.iter().enumerate() {
                let Some(cell) = self.cells.get(&(*holder, *body)) else {
                    continue;
                };
                let x = grid_x + j as f64 * CELL;
                out.push_str(&self.cell_svg(structure, cell, x, y, holder, body));
            }
        }
        // Grid lines.
        let _ = write!(
            out,
            "<g class=\"grid\" stroke=\"{CLUSTER_LINE}\" stroke-width=\"0.5\">"
        );
        for j in 0..=self.bodies.len() {
            let x = grid_x + j as f64 * CELL;
            let _ = write!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
                number(grid_y),
                number(grid_y + grid_h),
                x = number(x)
            );
        }
        for i in 0..=self.holders.len() {
            let y = grid_y + i as f64 * CELL;
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
                number(grid_x),
                number(grid_x + grid_w),
                y = number(y)
            );
        }
        out.push_str("</g>\n");
        // The notes.
        let _ = write!(out, "<g class=\"notes\" fill=\"{CLUSTER_TEXT}\">");
        for (i, note) in notes.iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" xml:space=\"preserve\">{}</text>",
                number(MARGIN),
                number(notes_y + i as f64 * 18.0),
                escape(note)
            );
        }
        out.push_str("</g>\n</svg>\n");
        out
    }

    fn cell_svg(
        &self,
        structure: &Structure,
        cell: &Cell<'_>,
        x: f64,
        y: f64,
        holder: &Id,
        body: &Id,
    ) -> String {
        let name = |id: &Id| clean(structure.name_of(id.as_str()));
        // The most senior role shows; every seat is in the title.
        let rank = |role: Role| match role {
            Role::Chair => 0,
            Role::ViceChair => 1,
            Role::LeadOfficer => 2,
            Role::Member => 3,
            Role::Deputy => 4,
            Role::Observer => 5,
        };
        let Some(top) = cell.seats.iter().min_by_key(|s| (s.intended, rank(s.role))) else {
            return String::new();
        };
        let symbol = match top.role {
            Role::Chair => "C",
            Role::ViceChair => "V",
            Role::LeadOfficer => "L",
            Role::Member => "•",
            Role::Deputy => "d",
            Role::Observer => "o",
        };
        let intended = cell.seats.iter().all(|s| s.intended);
        let for_a_body = cell.seats.iter().any(|s| {
            s.on_behalf_of
                .as_ref()
                .is_some_and(|b| structure.body(b.as_str()).is_some())
        }) || structure.body(holder.as_str()).is_some();
        let words: Vec<String> = cell
            .seats
            .iter()
            .map(|s| {
                let mut text = format!("{} of {}", s.role.as_str().replace('-', " "), name(body));
                if let Some(whom) = &s.on_behalf_of {
                    let _ = write!(text, " on behalf of {}", name(whom));
                }
                if s.intended {
                    text.push_str(" (intended)");
                }
                if let Some(source) = &s.source {
                    let _ = write!(text, " [{}]", clean(source));
                }
                text
            })
            .collect();
        let reciprocal = self.reciprocal_cells.contains(&(holder, body));
        let fill = if top.role == Role::Chair {
            "#dbe9f6"
        } else {
            WHITE
        };
        let mut out = format!(
            "<g class=\"seat\" data-holder=\"{}\" data-body=\"{}\"><title>{}: {}</title>\
             <rect x=\"{}\" y=\"{}\" width=\"{c}\" height=\"{c}\" fill=\"{fill}\" stroke=\"{}\" \
             stroke-width=\"{}\"{}/>",
            escape(holder.as_str()),
            escape(body.as_str()),
            escape(&name(holder)),
            escape(&words.join("; ")),
            number(x + 1.0),
            number(y + 1.0),
            if reciprocal { FLAG } else { "none" },
            if reciprocal { "2" } else { "0" },
            if intended {
                " stroke-dasharray=\"3,2\" fill-opacity=\"0.5\""
            } else {
                ""
            },
            c = number(CELL - 2.0),
        );
        if for_a_body {
            let _ = write!(
                out,
                "<polygon points=\"{},{} {},{} {},{}\" fill=\"#0072b2\"/>",
                number(x + CELL - 8.0),
                number(y + 1.0),
                number(x + CELL - 1.0),
                number(y + 1.0),
                number(x + CELL - 1.0),
                number(y + 8.0)
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{}\">{symbol}</text></g>",
            number(x + CELL / 2.0),
            number(y + CELL / 2.0 + SIZE * 0.35),
            if intended { GREY } else { BLACK }
        );
        out
    }
}

/// Drops `\r` and turns line breaks and other control characters into
/// spaces: a name is one line in the matrix.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\r')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BodyKind, BodySpec, MemberKind, MemberSpec, Seat};

    #[test]
    fn reciprocal_chairs_are_found_once() {
        let s = Structure::builder()
            .member(MemberSpec::new("a-chair", "Chair A", MemberKind::Person))
            .member(MemberSpec::new("b-chair", "Chair B", MemberKind::Person))
            .body(
                BodySpec::new("a", "Board A", BodyKind::Board)
                    .seat("a-chair", Role::Chair)
                    .seat_with(Seat::new("b-chair", Role::Member).on_behalf_of("b")),
            )
            .body(
                BodySpec::new("b", "Board B", BodyKind::Board)
                    .seat("b-chair", Role::Chair)
                    .seat("a-chair", Role::Member),
            )
            .build()
            .unwrap();
        let matrix = Matrix::new(&s, &MembersOptions::new());
        assert_eq!(matrix.reciprocal.len(), 1);
        assert_eq!(matrix.reciprocal_cells.len(), 2);
    }
}
