//! The report as Markdown: the text report's sections as headings, one
//! bullet a finding, for pasting into an issue, a wiki or a committee
//! paper. Built from the report's public parts, so it says what the text
//! report says in the same words.

use std::fmt::Write;

use govgraph::{Counts, FindingKind, Report, Structure};

/// The report of `structure` as a Markdown document; `threshold` and
/// `interlock_min` are the duplication threshold and the interlock size it
/// was made with.
pub fn report(
    structure: &Structure,
    report: &Report,
    threshold: f64,
    interlock_min: usize,
) -> String {
    let mut out = String::new();
    let title = structure.meta().name.as_deref().map_or_else(
        || "Governance report".to_string(),
        |name| format!("Governance report: {}", escape(name)),
    );
    let _ = writeln!(out, "# {title}");

    let summary = report.summary();
    let _ = writeln!(out, "\n## Summary\n");
    let _ = writeln!(out, "- bodies: {}", counts(&summary.bodies));
    for tier in &summary.tiers {
        match &tier.tier {
            Some(name) => {
                let _ = writeln!(out, "- tier {}: {}", escape(name), counts(&tier.counts));
            }
            None => {
                let _ = writeln!(out, "- no tier: {}", counts(&tier.counts));
            }
        }
    }
    let _ = writeln!(
        out,
        "- members: {}; seats: {}; relations: {}",
        summary.members, summary.memberships, summary.relations
    );
    if summary.deepest_chain.is_empty() {
        let _ = writeln!(out, "- depth: 0 (no apex)");
    } else {
        let chain: Vec<String> = summary
            .deepest_chain
            .iter()
            .map(|id| escape(structure.name_of(id.as_str())))
            .collect();
        let _ = writeln!(out, "- depth: {} ({})", summary.depth, chain.join(" > "));
    }
    if let Some(span) = &summary.widest_span {
        let _ = writeln!(
            out,
            "- widest span of control: {}, {} directly accountable",
            escape(structure.name_of(span.id.as_str())),
            span.children
        );
    }

    let findings = |out: &mut String, kind: FindingKind| {
        for finding in report.findings().filter(|f| f.kind() == kind) {
            let _ = writeln!(out, "- {}", escape(&finding.to_string()));
        }
    };

    heading(&mut out, "Orphaned groups", report.orphans().len());
    findings(&mut out, FindingKind::Orphan);

    heading(&mut out, "Closure impact", report.closure_impacts().len());
    for impact in report.closure_impacts() {
        let mut names: Vec<String> = impact
            .cut_off
            .iter()
            .map(|id| escape(structure.name_of(id.as_str())))
            .collect();
        let more = impact.total - impact.cut_off.len();
        if more > 0 {
            names.push(format!("{more} more"));
        }
        let noun = if impact.total == 1 { "body" } else { "bodies" };
        let _ = writeln!(
            out,
            "- closing **{}** would cut off {} {noun}: {}",
            escape(structure.name_of(impact.body.as_str())),
            impact.total,
            names.join(", ")
        );
    }

    heading(
        &mut out,
        &format!("Possible duplication (score at least {threshold:.2})"),
        report.duplicates().len(),
    );
    findings(&mut out, FindingKind::Duplicate);

    heading(&mut out, "Accountability cycles", report.cycles().len());
    findings(&mut out, FindingKind::Cycle);

    heading(&mut out, "Mutual scrutiny", report.mutual_scrutiny().len());
    findings(&mut out, FindingKind::MutualScrutiny);

    heading(
        &mut out,
        "Multiple accountability",
        report.multiple_accountability().len(),
    );
    findings(&mut out, FindingKind::MultipleAccountability);

    heading(
        &mut out,
        &format!("Interlocks (members on {interlock_min} or more bodies)"),
        report.interlocks().len(),
    );
    findings(&mut out, FindingKind::Interlock);

    heading(
        &mut out,
        "Active bodies with no known meeting pattern",
        report.load().unknown.len(),
    );
    findings(&mut out, FindingKind::UnknownMeetings);
    out
}

fn heading(out: &mut String, title: &str, count: usize) {
    if count == 0 {
        let _ = writeln!(out, "\n## {title}: none");
    } else {
        let _ = writeln!(out, "\n## {title}: {count}\n");
    }
}

fn counts(counts: &Counts) -> String {
    format!(
        "{}, {} active, {} not active",
        counts.total, counts.active, counts.not_active
    )
}

/// Escapes the characters that Markdown would read as markup, so a name
/// with an asterisk or underscore comes out as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(
            escape("Children's Trust & *LSCB*"),
            r"Children's Trust & \*LSCB\*"
        );
        assert_eq!(escape("a_b [c] <d>"), r"a\_b \[c\] \<d\>");
    }
}
