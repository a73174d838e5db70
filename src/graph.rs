//! petgraph views of a structure, for analyses and for users' own algorithms.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{Id, RelationKind, Structure};

/// A structure as a petgraph graph: one node for every body and member, one
/// edge for every relation, pointing the way it is written (from the body
/// that `reports_to` to its parent; from the board that `oversees` to its
/// project).
///
/// Node weights are ids, so any petgraph algorithm's answer can be mapped
/// back with [`Graph::id`]. The graph is built once and never changed, so its
/// `NodeIndex` values are valid for as long as this `Graph` lives; they are
/// not stable across structures, so store ids, not indices.
///
/// # Examples
///
/// ```
/// use govgraph::{BodyKind, BodySpec, Structure};
/// use petgraph::algo::is_cyclic_directed;
///
/// let s = Structure::builder()
///     .body(BodySpec::new("board", "Board", BodyKind::Board).apex())
///     .body(BodySpec::new("exec", "Executive", BodyKind::Executive).reports_to("board"))
///     .build()?;
/// let graph = s.graph();
/// assert!(!is_cyclic_directed(graph.relations()));
/// let exec = graph.index("exec").unwrap();
/// let parent = graph.accountability().neighbors(exec).next().unwrap();
/// assert_eq!(graph.id(parent).as_str(), "board");
/// # Ok::<(), govgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Graph {
    relations: DiGraph<Id, RelationKind>,
    accountability: DiGraph<Id, RelationKind>,
    index: HashMap<Id, NodeIndex>,
}

impl Structure {
    /// Builds the petgraph view of this structure.
    ///
    /// # Complexity
    ///
    /// **O(|V| + |E|)** for bodies and members V and relations E.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("a", "A", BodyKind::Board)).build()?;
    /// assert_eq!(s.graph().relations().node_count(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "petgraph")))]
    pub fn graph(&self) -> Graph {
        let nodes = self.bodies.len() + self.members.len();
        let mut relations = DiGraph::with_capacity(nodes, self.relations.len());
        let mut index = HashMap::with_capacity(nodes);
        // Bodies then members, each sorted by id: indices are deterministic.
        for id in self.bodies.keys().chain(self.members.keys()) {
            index.insert(id.clone(), relations.add_node(id.clone()));
        }
        let mut accountability =
            relations.filter_map(|_, id| Some(id.clone()), |_, _| None::<RelationKind>);
        for relation in &self.relations {
            let (from, to) = (index[&relation.from], index[&relation.to]);
            relations.add_edge(from, to, relation.kind);
            if let Some((child, parent)) = relation.accountability() {
                accountability.add_edge(index[child], index[parent], relation.kind);
            }
        }
        Graph {
            relations,
            accountability,
            index,
        }
    }
}

impl Graph {
    /// Every relation, as written.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("a", "A", BodyKind::Board))
    ///     .body(BodySpec::new("b", "B", BodyKind::Board).scrutinises("a"))
    ///     .build()?;
    /// assert_eq!(s.graph().relations().edge_count(), 1);
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn relations(&self) -> &DiGraph<Id, RelationKind> {
        &self.relations
    }

    /// Lines of accountability only, each pointing from the accountable body
    /// (or post) to the one it is accountable to, whatever relation said so
    /// (`reports_to`, `sub_group_of`, or `oversees` read backwards). Node
    /// indices are the same as in [`Graph::relations`].
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder()
    ///     .body(BodySpec::new("iwpb", "IWPB", BodyKind::ProgrammeBoard).oversees("lincs"))
    ///     .body(BodySpec::new("lincs", "LINCS", BodyKind::Project))
    ///     .build()?;
    /// let g = s.graph();
    /// let lincs = g.index("lincs").unwrap();
    /// let parent = g.accountability().neighbors(lincs).next().unwrap();
    /// assert_eq!(g.id(parent).as_str(), "iwpb");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn accountability(&self) -> &DiGraph<Id, RelationKind> {
        &self.accountability
    }

    /// The node of a body or member.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("a", "A", BodyKind::Board)).build()?;
    /// assert!(s.graph().index("a").is_some());
    /// assert!(s.graph().index("z").is_none());
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn index(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The id of a node.
    ///
    /// # Panics
    ///
    /// If `index` is not a node of this graph.
    ///
    /// # Examples
    ///
    /// ```
    /// use govgraph::{BodyKind, BodySpec, Structure};
    ///
    /// let s = Structure::builder().body(BodySpec::new("a", "A", BodyKind::Board)).build()?;
    /// let g = s.graph();
    /// assert_eq!(g.id(g.index("a").unwrap()).as_str(), "a");
    /// # Ok::<(), govgraph::Error>(())
    /// ```
    pub fn id(&self, index: NodeIndex) -> &Id {
        &self.relations[index]
    }
}
