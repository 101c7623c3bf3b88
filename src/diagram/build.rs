//! Builds the [`Diagram`] of a plan: which boxes, which arrows, and in which state.

use super::{Diagram, Edge, EdgeKind, EdgeStatus, Layout, Node, NodeId};
use crate::plan::{AdConnector, Mode, Plan, Trust, TrustDirection};
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

fn self_managed(plan: &Plan) -> Node {
    let domain = plan.self_managed.first();
    Node {
        id: NodeId::SelfManaged,
        title: words::SELF_MANAGED.to_owned(),
        lines: vec![
            domain.domain.clone(),
            format!("NetBIOS {}", domain.netbios_name),
            format!("DNS {}", domain.dns_servers.join(", ")),
        ],
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

fn trust_diagram(plan: &Plan, trust: &Trust) -> Diagram {
    let ours = &plan.self_managed.first().domain;
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
    let kind = match trust.trust_type {
        crate::plan::TrustType::Forest => "forest",
        crate::plan::TrustType::External => "external",
    };
    let (direction, outgoing, incoming) = match trust.direction {
        TrustDirection::TwoWay => ("two-way", true, true),
        TrustDirection::OneWayOutgoing => ("one-way outgoing", true, false),
        TrustDirection::OneWayIncoming => ("one-way incoming", false, true),
    };
    let mut sign_in_trust = edge(
        NodeId::ManagedAd,
        NodeId::SelfManaged,
        EdgeKind::Trust,
        words::TRUSTS,
        words::trusts(&aws_domain, ours),
    );
    let mut sign_in = edge(
        NodeId::SelfManaged,
        NodeId::ManagedAd,
        EdgeKind::Access,
        words::SIGN_IN,
        words::sign_in(ours),
    );
    let mut sync_trust = edge(
        NodeId::SelfManaged,
        NodeId::ManagedAd,
        EdgeKind::Trust,
        words::TRUSTS,
        words::trusts(ours, &aws_domain),
    );
    let mut sync = edge(
        NodeId::IdentityCenter,
        NodeId::SelfManaged,
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
    let dns = plan.self_managed.first().dns_servers.join(", ");
    Diagram {
        headline: words::trust_headline(direction, kind, &plan.metadata.name, &plan.aws.region),
        layout: Layout::Trust,
        nodes: vec![
            identity_center(plan),
            Node {
                id: NodeId::ManagedAd,
                title: words::MANAGED_AD.to_owned(),
                lines: aws_lines,
            },
            self_managed(plan),
        ],
        edges: vec![
            edge(
                NodeId::IdentityCenter,
                NodeId::ManagedAd,
                EdgeKind::IdentitySource,
                words::IDENTITY_SOURCE,
                words::IDENTITY_SOURCE_SWITCH.to_owned(),
            ),
            sign_in_trust,
            sign_in,
            sync_trust,
            sync,
            edge(
                NodeId::ManagedAd,
                NodeId::SelfManaged,
                EdgeKind::DnsForwarder,
                words::FORWARDER,
                words::aws_forwarder(ours, &dns),
            ),
            edge(
                NodeId::SelfManaged,
                NodeId::ManagedAd,
                EdgeKind::DnsForwarder,
                words::FORWARDER,
                words::onprem_forwarder(&aws_domain),
            ),
        ],
        notes: words::TRUST_NOTES
            .iter()
            .map(|note| (*note).to_owned())
            .collect(),
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
        nodes: vec![identity_center(plan), connector_node, self_managed(plan)],
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
                NodeId::SelfManaged,
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
        nodes: vec![identity_center(plan), self_managed(plan)],
        edges: Vec::new(),
        notes: vec![words::INCOMPLETE_NOTE.to_owned()],
    }
}
