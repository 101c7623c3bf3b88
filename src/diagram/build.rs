//! Builds the [`Diagram`] of a plan: which boxes, which arrows, and in which state. In trust mode
//! every self-managed domain gets its box, both trusts with the Managed AD and what each carries
//! (sign-in one way, sync the other), and the DNS forwarders of both sides.

use super::{Diagram, Edge, EdgeKind, EdgeStatus, Layout, Node, NodeId};
use crate::plan::validate::DOMAIN_PREFIX_SIGN_IN_FROM;
use crate::plan::{AdConnector, Mode, Plan, Trust, TrustDirection, TrustType};
use crate::text::diagram as words;

pub(super) fn from_plan(plan: &Plan) -> Diagram {
    match (
        plan.connection.mode,
        &plan.connection.trust,
        &plan.connection.ad_connector,
    ) {
        (Mode::Trust, Some(trust), _) => trust_diagram(plan, trust),
        (Mode::AdConnector, _, Some(connector)) => connector_diagram(plan, connector),
        _ => incomplete(plan),
    }
}

fn identity_center(plan: &Plan) -> Node {
    let instance = plan
        .identity_center
        .as_ref()
        .and_then(|center| center.instance_arn.clone())
        .unwrap_or_else(|| words::INSTANCE_DISCOVERED.to_owned());
    Node {
        id: NodeId::IdentityCenter,
        title: words::IDENTITY_CENTER.to_owned(),
        lines: vec![format!("{} · {}", plan.aws.region, instance)],
    }
}

/// The box of domain `index`; with several domains its title says its trust's type.
fn self_managed(plan: &Plan, index: usize) -> Option<Node> {
    let domain = plan.self_managed.all().get(index)?;
    let several = plan.self_managed.len() > 1;
    let title = match &plan.connection.trust {
        Some(trust) if several && plan.connection.mode == Mode::Trust => format!(
            "{} · {}",
            words::SELF_MANAGED,
            type_word(domain.trust_settings(trust).trust_type)
        ),
        _ => words::SELF_MANAGED.to_owned(),
    };
    Some(Node {
        id: NodeId::SelfManaged(index),
        title,
        lines: vec![
            domain.domain.clone(),
            format!("NetBIOS {}", domain.netbios_name),
            format!("DNS {}", domain.dns_servers.join(", ")),
        ],
    })
}

/// Every domain's box, in the plan's order.
fn self_managed_nodes(plan: &Plan) -> Vec<Node> {
    (0..plan.self_managed.len())
        .filter_map(|index| self_managed(plan, index))
        .collect()
}

fn type_word(trust_type: TrustType) -> &'static str {
    match trust_type {
        TrustType::Forest => "forest",
        TrustType::External => "external",
    }
}

fn edge(from: NodeId, to: NodeId, kind: EdgeKind, label: &str, explanation: String) -> Edge {
    Edge {
        from,
        to,
        kind,
        label: label.to_owned(),
        explanation,
        status: EdgeStatus::Present,
    }
}

/// The two trusts with one domain and what each carries: the Managed AD trusts it (sign-in),
/// it trusts the Managed AD (sync). A direction the plan lacks is marked missing.
fn trust_edges(
    node: NodeId,
    aws_domain: &str,
    ours: &str,
    direction: TrustDirection,
    typed: Option<&str>,
) -> [Edge; 4] {
    let trusts = |truster: &str, trusted: &str| match typed {
        Some(kind) => words::trusts_typed(truster, trusted, kind),
        None => words::trusts(truster, trusted),
    };
    let label = typed.map_or_else(|| words::TRUSTS.to_owned(), words::trusts_label);
    let (outgoing, incoming) = match direction {
        TrustDirection::TwoWay => (true, true),
        TrustDirection::OneWayOutgoing => (true, false),
        TrustDirection::OneWayIncoming => (false, true),
    };
    let mut sign_in_trust = edge(
        NodeId::ManagedAd,
        node,
        EdgeKind::Trust,
        &label,
        trusts(aws_domain, ours),
    );
    let mut sign_in = edge(
        node,
        NodeId::ManagedAd,
        EdgeKind::Access,
        words::SIGN_IN,
        words::sign_in(ours),
    );
    let mut sync_trust = edge(
        node,
        NodeId::ManagedAd,
        EdgeKind::Trust,
        &label,
        trusts(ours, aws_domain),
    );
    let mut sync = edge(
        NodeId::IdentityCenter,
        node,
        EdgeKind::Access,
        words::SYNC,
        words::sync(ours),
    );
    if !outgoing {
        let missing = EdgeStatus::Missing {
            consequence: words::sign_in_breaks(ours),
        };
        sign_in_trust.status = missing.clone();
        sign_in.status = missing;
    }
    if !incoming {
        let missing = EdgeStatus::Missing {
            consequence: words::sync_breaks(ours),
        };
        sync_trust.status = missing.clone();
        sync.status = missing;
    }
    [sign_in_trust, sign_in, sync_trust, sync]
}

fn trust_diagram(plan: &Plan, trust: &Trust) -> Diagram {
    let managed = &trust.managed_ad;
    let (aws_domain, aws_lines) = match (&managed.create, &managed.existing_directory_id) {
        (Some(create), _) => (
            create.domain.clone(),
            vec![
                create.domain.clone(),
                format!("NetBIOS {}", create.netbios_name),
                format!("new · {:?} · {}", create.edition, create.vpc_id),
            ],
        ),
        (None, Some(id)) => (
            words::EXISTING_DIRECTORY.to_owned(),
            vec![format!("existing {id}")],
        ),
        (None, None) => (
            words::EXISTING_DIRECTORY.to_owned(),
            vec![words::NOT_CHOSEN.to_owned()],
        ),
    };
    let direction = match trust.direction {
        TrustDirection::TwoWay => "two-way",
        TrustDirection::OneWayOutgoing => "one-way outgoing",
        TrustDirection::OneWayIncoming => "one-way incoming",
    };
    let domains = plan.self_managed.all();
    let several = domains.len() > 1;
    let mut edges = vec![edge(
        NodeId::IdentityCenter,
        NodeId::ManagedAd,
        EdgeKind::IdentitySource,
        words::IDENTITY_SOURCE,
        words::IDENTITY_SOURCE_SWITCH.to_owned(),
    )];
    let mut forwarders = Vec::new();
    for (index, domain) in domains.iter().enumerate() {
        let node = NodeId::SelfManaged(index);
        let kind = type_word(domain.trust_settings(trust).trust_type);
        edges.extend(trust_edges(
            node,
            &aws_domain,
            &domain.domain,
            trust.direction,
            several.then_some(kind),
        ));
        let dns = domain.dns_servers.join(", ");
        forwarders.push(edge(
            NodeId::ManagedAd,
            node,
            EdgeKind::DnsForwarder,
            words::FORWARDER,
            words::aws_forwarder(&domain.domain, &dns),
        ));
        forwarders.push(edge(
            node,
            NodeId::ManagedAd,
            EdgeKind::DnsForwarder,
            words::FORWARDER,
            if several {
                words::onprem_forwarder_of(&domain.domain, &aws_domain)
            } else {
                words::onprem_forwarder(&aws_domain)
            },
        ));
    }
    edges.extend(forwarders);
    let headline = if several {
        words::trusts_headline(
            direction,
            domains.len(),
            &plan.metadata.name,
            &plan.aws.region,
        )
    } else {
        let kind = type_word(plan.self_managed.first().trust_settings(trust).trust_type);
        words::trust_headline(direction, kind, &plan.metadata.name, &plan.aws.region)
    };
    let mut nodes = vec![
        identity_center(plan),
        Node {
            id: NodeId::ManagedAd,
            title: words::MANAGED_AD.to_owned(),
            lines: aws_lines,
        },
    ];
    nodes.extend(self_managed_nodes(plan));
    let mut notes: Vec<String> = words::TRUST_NOTES
        .iter()
        .map(|note| (*note).to_owned())
        .collect();
    if several {
        notes.extend(words::several_domains_notes(
            domains.len() >= DOMAIN_PREFIX_SIGN_IN_FROM,
        ));
    }
    Diagram {
        headline,
        layout: Layout::Trust,
        nodes,
        edges,
        notes,
    }
}

fn connector_diagram(plan: &Plan, connector: &AdConnector) -> Diagram {
    let connector_node = Node {
        id: NodeId::AdConnector,
        title: format!("{} ({:?})", words::AD_CONNECTOR, connector.size),
        lines: vec![
            connector.vpc_id.clone(),
            format!("subnets {}", connector.subnet_ids.join(", ")),
            format!("service account {}", connector.service_account.user_name),
        ],
    };
    Diagram {
        headline: words::connector_headline(&plan.metadata.name, &plan.aws.region),
        layout: Layout::Connector,
        nodes: [identity_center(plan), connector_node]
            .into_iter()
            .chain(self_managed_nodes(plan))
            .collect(),
        edges: vec![
            edge(
                NodeId::IdentityCenter,
                NodeId::AdConnector,
                EdgeKind::IdentitySource,
                words::IDENTITY_SOURCE,
                words::IDENTITY_SOURCE_SWITCH.to_owned(),
            ),
            edge(
                NodeId::AdConnector,
                NodeId::SelfManaged(0),
                EdgeKind::Network,
                words::CONNECTOR_TRAFFIC,
                words::connector_traffic(&plan.self_managed.first().domain),
            ),
        ],
        notes: words::CONNECTOR_NOTES
            .iter()
            .map(|note| (*note).to_owned())
            .collect(),
    }
}

fn incomplete(plan: &Plan) -> Diagram {
    Diagram {
        headline: words::INCOMPLETE_HEADLINE.to_owned(),
        layout: Layout::Connector,
        nodes: std::iter::once(identity_center(plan))
            .chain(self_managed_nodes(plan))
            .collect(),
        edges: Vec::new(),
        notes: vec![words::INCOMPLETE_NOTE.to_owned()],
    }
}
