//! Unicode text rendering of a [`Diagram`]: boxes and arrows, then a legend in plain words.
//! Every line fits [`WIDTH`] columns; long values are cut with `…` inside boxes and wrapped in
//! the legend. The TUI draws the same lines.

use super::{Diagram, Edge, EdgeKind, EdgeStatus, Layout, Node, NodeId};

/// The widest line the renderer produces.
pub const WIDTH: usize = 80;
/// Width of full-width boxes (leaves a margin in an 80-column terminal).
const FULL: usize = 78;
/// Width of each of the two side-by-side boxes in the trust layout.
const SIDE: usize = 31;
/// Width of the arrow column between them.
const MIDDLE: usize = FULL - 2 * SIDE;

/// Renders the diagram as text, ending with a newline.
pub fn render_text(diagram: &Diagram) -> String {
    let mut lines = Vec::new();
    wrap(&diagram.headline, "", "  ", &mut lines);
    lines.push(String::new());
    match diagram.layout {
        Layout::Trust => trust_layout(diagram, &mut lines),
        Layout::Connector => column_layout(diagram, &mut lines),
    }
    legend(diagram, &mut lines);
    let mut text = lines
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

/// Cuts `text` to `width` characters (with `…`) and pads it to exactly `width`.
fn fit(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        format!("{text}{}", " ".repeat(width - count))
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Centres `text` in `width` characters.
fn centre(text: &str, width: usize) -> String {
    let count = text.chars().count().min(width);
    let left = (width - count) / 2;
    fit(&format!("{}{text}", " ".repeat(left)), width)
}

/// A box of `width` columns with the title in its top border.
fn boxed(node: &Node, width: usize, rows: usize) -> Vec<String> {
    let inner = width - 4;
    let title = fit(&node.title, inner.saturating_sub(1))
        .trim_end()
        .to_owned();
    let rule = width.saturating_sub(title.chars().count() + 5);
    let mut out = vec![format!("┌─ {title} {}┐", "─".repeat(rule))];
    for index in 0..rows.max(node.lines.len()) {
        let line = node.lines.get(index).map_or("", String::as_str);
        out.push(format!("│ {} │", fit(line, inner)));
    }
    out.push(format!("└{}┘", "─".repeat(width - 2)));
    out
}

/// A vertical arrow between two stacked boxes, labelled.
fn down_arrow(label: &str, lines: &mut Vec<String>) {
    lines.push(format!("{}│ {label}", " ".repeat(8)));
    lines.push(format!("{}▼", " ".repeat(8)));
}

fn node_or_blank(diagram: &Diagram, id: NodeId) -> Node {
    diagram.node(id).cloned().unwrap_or(Node {
        id,
        title: String::new(),
        lines: Vec::new(),
    })
}

/// The Managed AD box on the left, spanning one block of five lines per self-managed domain on
/// the right; between them each domain's two trust arrows and what each carries.
fn trust_layout(diagram: &Diagram, lines: &mut Vec<String>) {
    lines.extend(boxed(
        &node_or_blank(diagram, NodeId::IdentityCenter),
        FULL,
        1,
    ));
    let source = diagram.edges_of(EdgeKind::IdentitySource).next();
    down_arrow(source.map_or("", |edge| edge.label.as_str()), lines);
    let mut domains: Vec<NodeId> = diagram
        .nodes
        .iter()
        .map(|node| node.id)
        .filter(|id| matches!(id, NodeId::SelfManaged(_)))
        .collect();
    if domains.is_empty() {
        domains.push(NodeId::SelfManaged(0));
    }
    let mut right = Vec::new();
    let mut middle = Vec::new();
    for &id in &domains {
        right.extend(boxed(&node_or_blank(diagram, id), SIDE, 3));
        middle.extend(trust_arrows(diagram, id));
    }
    // The left box is as tall as the column of domain boxes (five lines each).
    let rows = right.len().saturating_sub(2).max(3);
    let left = boxed(&node_or_blank(diagram, NodeId::ManagedAd), SIDE, rows);
    for (row, (left, right)) in left.iter().zip(&right).enumerate() {
        let arrow = middle
            .get(row)
            .map_or_else(|| " ".repeat(MIDDLE), Clone::clone);
        lines.push(format!("{left}{arrow}{right}"));
    }
}

/// The arrow column between the Managed AD (left) and one self-managed domain (right): five
/// lines, beside that domain's box.
fn trust_arrows(diagram: &Diagram, domain: NodeId) -> Vec<String> {
    let trust = |from: NodeId, to: NodeId| {
        diagram
            .edges_of(EdgeKind::Trust)
            .find(|edge| edge.from == from && edge.to == to)
            .map(|edge| matches!(edge.status, EdgeStatus::Present))
    };
    let access = |present: Option<bool>, word: &str| match present {
        Some(true) => centre(&format!("({word})"), MIDDLE),
        Some(false) => centre(&format!("(no {word})"), MIDDLE),
        None => " ".repeat(MIDDLE),
    };
    let outgoing = trust(NodeId::ManagedAd, domain);
    let incoming = trust(domain, NodeId::ManagedAd);
    let arrow = |present: Option<bool>, right: bool| match (present, right) {
        (Some(true), true) => centre("──trusts──▶", MIDDLE),
        (Some(true), false) => centre("◀──trusts──", MIDDLE),
        (Some(false), _) => centre("✗ missing ✗", MIDDLE),
        (None, _) => " ".repeat(MIDDLE),
    };
    vec![
        " ".repeat(MIDDLE),
        arrow(outgoing, true),
        access(outgoing, "sign-in"),
        arrow(incoming, false),
        access(incoming, "sync"),
    ]
}

fn column_layout(diagram: &Diagram, lines: &mut Vec<String>) {
    let order = [NodeId::IdentityCenter, NodeId::AdConnector]
        .into_iter()
        .chain(
            diagram
                .nodes
                .iter()
                .map(|node| node.id)
                .filter(|id| matches!(id, NodeId::SelfManaged(_))),
        );
    let mut previous: Option<NodeId> = None;
    for id in order {
        let Some(node) = diagram.node(id) else {
            continue;
        };
        if let Some(from) = previous {
            let label = diagram
                .edges
                .iter()
                .find(|edge| edge.from == from && edge.to == id)
                .map_or("", |edge| edge.label.as_str());
            down_arrow(label, lines);
        }
        lines.extend(boxed(node, FULL, 1));
        previous = Some(id);
    }
}

fn legend(diagram: &Diagram, lines: &mut Vec<String>) {
    let trusts: Vec<&Edge> = diagram.edges_of(EdgeKind::Trust).collect();
    let access: Vec<&Edge> = diagram.edges_of(EdgeKind::Access).collect();
    if !trusts.is_empty() {
        section("Trust directions and the access each gives", lines);
        for (trust, access) in trusts.iter().zip(&access) {
            match &trust.status {
                EdgeStatus::Present => {
                    wrap(&format!("✓ {}", trust.explanation), "  ", "    ", lines);
                    wrap(
                        &format!("→ {}", access.explanation),
                        "      ",
                        "        ",
                        lines,
                    );
                }
                EdgeStatus::Missing { consequence } => {
                    wrap(
                        &format!("✗ MISSING: {}", trust.explanation),
                        "  ",
                        "    ",
                        lines,
                    );
                    wrap(&format!("→ {consequence}"), "      ", "        ", lines);
                }
            }
        }
    }
    let forwarders: Vec<&Edge> = diagram.edges_of(EdgeKind::DnsForwarder).collect();
    if !forwarders.is_empty() {
        section("DNS conditional forwarders (both sides)", lines);
        for edge in forwarders {
            wrap(&format!("• {}", edge.explanation), "  ", "    ", lines);
        }
    }
    for edge in diagram.edges_of(EdgeKind::Network) {
        section("Network", lines);
        wrap(&format!("• {}", edge.explanation), "  ", "    ", lines);
    }
    for edge in diagram.edges_of(EdgeKind::IdentitySource) {
        section("Identity source", lines);
        wrap(&format!("• {}", edge.explanation), "  ", "    ", lines);
    }
    if !diagram.notes.is_empty() {
        section("Notes", lines);
        for note in &diagram.notes {
            wrap(&format!("• {note}"), "  ", "    ", lines);
        }
    }
}

fn section(title: &str, lines: &mut Vec<String>) {
    lines.push(String::new());
    lines.push(title.to_owned());
}

/// Word-wraps `text` to [`WIDTH`] with the given indents; a word longer than a line is cut.
fn wrap(text: &str, first: &str, rest: &str, lines: &mut Vec<String>) {
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!empty) + word.chars().count();
        if !empty && needed > WIDTH {
            lines.push(std::mem::replace(&mut line, rest.to_owned()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        let room = WIDTH.saturating_sub(line.chars().count());
        line.push_str(fit(word, room.min(word.chars().count())).as_str());
        empty = false;
    }
    lines.push(line);
}
