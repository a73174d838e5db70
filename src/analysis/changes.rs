//! Findings that change between two snapshots: which a later report no
//! longer has, and which it has that the earlier did not.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::analysis::{FindingKind, Report};
use crate::model::Id;

/// The findings resolved and introduced between two reports, from
/// [`Report::diff`]. A finding is the same in both when its kind and the
/// ids that say which it is (an orphan's body, a duplicate's pair, an
/// interlock's member) are the same; a change in its evidence or score
/// alone is neither.
///
/// Its `Display` lists both, one finding a line, each as its report
/// prints it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FindingChanges {
    /// Findings of the earlier report that the later one does not have,
    /// worded as the earlier report words them.
    pub resolved: Vec<ChangedFinding>,
    /// Findings of the later report that the earlier one does not have,
    /// worded as the later report words them.
    pub introduced: Vec<ChangedFinding>,
}

/// One finding resolved or introduced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChangedFinding {
    /// Its kind.
    pub kind: FindingKind,
    /// The ids that say which finding it is.
    pub ids: Vec<Id>,
    /// Its line, as its report prints it.
    pub text: String,
}

impl Report {
    /// Which findings are resolved, and which introduced, from this report
    /// to a `later` one: the report of an earlier snapshot against a
    /// later, or of the structure as it is against the structure as
    /// proposed. Each list comes kind by kind in the order of
    /// [`FindingKind::ALL`], and in each report's order within a kind.
    ///
    /// # Complexity
    ///
    /// **O(F log F)** for F findings in both reports.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, FindingKind, Status, Structure};
    ///
    /// let now = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex().meets("quarterly".parse().unwrap()))
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership).meets("monthly".parse().unwrap()))
    ///     .build()?;
    /// let proposed = Structure::builder()
    ///     .body(BodySpec::new("trust", "Trust Board", BodyKind::Board).apex().meets("quarterly".parse().unwrap()))
    ///     .body(BodySpec::new("play", "Play Partnership", BodyKind::Partnership)
    ///         .meets("monthly".parse().unwrap())
    ///         .reports_to("trust"))
    ///     .build()?;
    /// let changes = now.report().diff(&proposed.report());
    /// assert_eq!(changes.resolved[0].kind, FindingKind::Orphan);
    /// assert_eq!(changes.resolved[0].text, "Play Partnership is accountable to no one");
    /// assert!(changes.introduced.is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn diff(&self, later: &Report) -> FindingChanges {
        let keys = |report: &Report| -> BTreeSet<(FindingKind, Vec<Id>)> {
            report
                .findings()
                .map(|f| (f.kind(), f.ids().to_vec()))
                .collect()
        };
        let (before, after) = (keys(self), keys(later));
        let only = |report: &Report, other: &BTreeSet<(FindingKind, Vec<Id>)>| {
            report
                .findings()
                .filter_map(|f| {
                    let ids: Vec<Id> = f.ids().to_vec();
                    let key = (f.kind(), ids);
                    (!other.contains(&key)).then(|| ChangedFinding {
                        kind: key.0,
                        ids: key.1,
                        text: f.to_string(),
                    })
                })
                .collect()
        };
        FindingChanges {
            resolved: only(self, &after),
            introduced: only(later, &before),
        }
    }
}

impl FindingChanges {
    /// Whether no finding was resolved or introduced.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("board", "Board", BodyKind::Board)).build()?;
    /// assert!(s.report().diff(&s.report()).is_empty());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.resolved.is_empty() && self.introduced.is_empty()
    }
}

impl fmt::Display for FindingChanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (title, list) in [
            ("resolved", &self.resolved),
            ("introduced", &self.introduced),
        ] {
            if list.is_empty() {
                writeln!(f, "findings {title}: none")?;
                continue;
            }
            writeln!(f, "findings {title}: {}", list.len())?;
            for finding in list {
                writeln!(f, "  {}: {}", finding.kind, finding.text)?;
            }
        }
        Ok(())
    }
}
