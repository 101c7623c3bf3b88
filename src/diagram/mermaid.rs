//! Mermaid `flowchart` rendering of a [`Diagram`]: solid arrows for trusts and the identity
//! source, dotted arrows for the access each trust gives and for network paths, crossed arrows
//! for what a one-way trust lacks.

use std::fmt::Write;

use super::{Diagram, EdgeKind, EdgeStatus};

/// Renders the diagram as a Mermaid flowchart, ending with a newline.
pub fn render_mermaid(diagram: &Diagram) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "---\ntitle: {}\n---", escape(&diagram.headline));
    out.push_str("flowchart LR\n");
    for node in &diagram.nodes {
        let mut label = escape(&node.title);
        for line in &node.lines {
            let _ = write!(label, "<br/>{}", escape(line));
        }
        let _ = writeln!(out, "  {}[\"{label}\"]", node.id.key());
    }
    for edge in &diagram.edges {
        let (from, to) = (edge.from.key(), edge.to.key());
        let line = match (&edge.status, edge.kind) {
            (EdgeStatus::Missing { consequence }, _) => {
                format!(
                    "{from} -. \"MISSING {}: {}\" .-x {to}",
                    escape(&edge.label),
                    escape(consequence)
                )
            }
            (EdgeStatus::Present, EdgeKind::Trust | EdgeKind::IdentitySource) => {
                format!("{from} -- \"{}\" --> {to}", escape(&edge.label))
            }
            (
                EdgeStatus::Present,
                EdgeKind::Access | EdgeKind::Network | EdgeKind::DnsForwarder,
            ) => {
                format!("{from} -. \"{}\" .-> {to}", escape(&edge.explanation))
            }
        };
        let _ = writeln!(out, "  {line}");
    }
    for (index, note) in diagram.notes.iter().enumerate() {
        let _ = writeln!(out, "  note{index}>\"{}\"]", escape(note));
    }
    out
}

/// Makes text safe inside a quoted Mermaid label.
fn escape(text: &str) -> String {
    text.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
}
