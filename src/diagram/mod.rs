//! The diagram model of a plan (nodes, trust edges, access edges, DNS forwarders, notes) and its
//! renderings: Unicode text that fits 80 columns (also used by the TUI) and Mermaid. Pure.
//!
//! Trust direction and access direction are opposite: when domain A trusts domain B, users of B
//! can reach A. The model keeps both so the operator sees which trust gives which access; a plan
//! of several self-managed domains has both trusts, and what each carries, for every domain.

mod build;
mod mermaid;
mod text;

pub use mermaid::render_mermaid;
pub use text::{WIDTH, render_text};

/// A drawable view of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagram {
    /// One line saying what is drawn.
    pub headline: String,
    /// Which arrangement the text renderer uses.
    pub layout: Layout,
    /// The boxes.
    pub nodes: Vec<Node>,
    /// The arrows.
    pub edges: Vec<Edge>,
    /// Facts the operator must know about this design.
    pub notes: Vec<String>,
}

/// The two arrangements, one per supported design.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Identity Center above the Managed AD, with the self-managed domains beside it (one
    /// below the other, each with its two trust arrows).
    Trust,
    /// Identity Center, AD Connector and the self-managed domain in a column.
    Connector,
}

/// A box in the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Which part of the design this is.
    pub id: NodeId,
    /// Box title.
    pub title: String,
    /// Detail lines inside the box.
    pub lines: Vec<String>,
}

/// The parts a diagram can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeId {
    /// IAM Identity Center.
    IdentityCenter,
    /// The AWS Managed Microsoft AD.
    ManagedAd,
    /// The AD Connector.
    AdConnector,
    /// The self-managed domain `selfManaged[i]` and its domain controllers.
    SelfManaged(usize),
}

impl NodeId {
    /// A short identifier for Mermaid: `self_managed` for the first domain, `self_managed_2`,
    /// `self_managed_3`... for the others.
    pub fn key(self) -> String {
        match self {
            NodeId::IdentityCenter => "identity_center".to_owned(),
            NodeId::ManagedAd => "managed_ad".to_owned(),
            NodeId::AdConnector => "ad_connector".to_owned(),
            NodeId::SelfManaged(0) => "self_managed".to_owned(),
            NodeId::SelfManaged(index) => format!("self_managed_{}", index.saturating_add(1)),
        }
    }
}

/// An arrow between two parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Where the arrow starts.
    pub from: NodeId,
    /// Where it points.
    pub to: NodeId,
    /// What the arrow means.
    pub kind: EdgeKind,
    /// Short label on the arrow.
    pub label: String,
    /// The full sentence for the legend.
    pub explanation: String,
    /// Whether the plan has it.
    pub status: EdgeStatus,
}

/// What an arrow means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// Identity Center uses the directory as its identity source.
    IdentitySource,
    /// `from` trusts `to`.
    Trust,
    /// Access one trust gives: sign-in or sync.
    Access,
    /// A DNS conditional forwarder on `from` toward `to`'s DNS servers.
    DnsForwarder,
    /// Network traffic (DNS, Kerberos, LDAP) from `from` to `to`.
    Network,
}

/// Whether the plan has an arrow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EdgeStatus {
    /// The plan sets it up.
    Present,
    /// The plan lacks it; the text says what breaks.
    Missing {
        /// What breaks without it.
        consequence: String,
    },
}

impl Diagram {
    /// The diagram of a plan. Works on any parsed plan, valid or not, so that `validate` can
    /// show a one-way trust's missing arrow.
    pub fn from_plan(plan: &crate::plan::Plan) -> Self {
        build::from_plan(plan)
    }

    /// The node with this id, if drawn.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.iter().find(|node| node.id == id)
    }

    /// The edges of one kind.
    pub fn edges_of(&self, kind: EdgeKind) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |edge| edge.kind == kind)
    }
}

#[cfg(test)]
mod tests;
