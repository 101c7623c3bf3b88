//! The reachability checks of one domain's DCs: each TCP and UDP port the mode needs
//! (`ports.tcp`, `ports.udp`), the RPC endpoint mapper and the dynamic port it names
//! (`rpc.endpoint-mapper`, trust mode), and NTP on UDP 123 with its clock (`ntp`).

use std::time::Duration;

use futures_util::future::join_all;

use super::clock::{self, Skew};
use super::dns::DomainController;
use super::ntp::{self, NtpOutcome};
use super::ports::{self, PortState, Protocol};
use super::rpc::{self, RpcOutcome};
use crate::checks::{Check, CheckId, Status};
use crate::plan::Mode;
use crate::text::preflight as words;
use crate::text::preflight_deep as deep;

pub(super) async fn port_checks(
    mode: Mode,
    controllers: &[&DomainController],
    domain: &str,
    limit: Duration,
) -> Vec<Check> {
    let (tcp_ports, required): (&[u16], &[u16]) = match mode {
        Mode::Trust => (ports::TRUST_TCP, &[53, 88, 389, 445]),
        Mode::AdConnector | Mode::SimpleAd => (ports::CONNECTOR_TCP, ports::CONNECTOR_TCP),
    };
    let mut probes = Vec::new();
    for controller in controllers {
        let ip = controller.addresses[0];
        for &port in tcp_ports {
            probes.push((
                controller.name.clone(),
                Protocol::Tcp,
                port,
                required.contains(&port),
                ip,
            ));
        }
        for &port in ports::UDP {
            probes.push((controller.name.clone(), Protocol::Udp, port, false, ip));
        }
    }
    let states = join_all(probes.iter().map(|(_, protocol, port, _, ip)| async move {
        match protocol {
            Protocol::Tcp => ports::tcp(*ip, *port, limit).await,
            Protocol::Udp => ports::udp(*ip, *port, domain, limit).await,
        }
    }))
    .await;
    probes
        .into_iter()
        .zip(states)
        .map(|((name, protocol, port, required, _), state)| {
            port_check(&name, protocol, port, required, state)
        })
        .collect()
}

fn port_check(
    name: &str,
    protocol: Protocol,
    port: u16,
    required: bool,
    state: PortState,
) -> Check {
    let title = words::port_title(name, protocol == Protocol::Udp, port);
    let id = match protocol {
        Protocol::Tcp => CheckId::PortsTcp,
        Protocol::Udp => CheckId::PortsUdp,
    };
    let severity = match (protocol, required) {
        (Protocol::Tcp, true) => Status::Fail,
        _ => Status::Warn,
    };
    match state {
        PortState::Open => Check::pass(id, title, words::PORT_OPEN),
        PortState::Closed => Check::problem(
            id,
            severity,
            title,
            words::PORT_CLOSED,
            words::port_fix(port),
        ),
        PortState::NoAnswer => Check::problem(
            id,
            severity,
            title,
            words::PORT_NO_ANSWER,
            words::port_fix(port),
        ),
        PortState::Unreachable => Check::problem(
            id,
            Status::Fail,
            title,
            words::PORT_UNREACHABLE,
            words::ROUTE_FIX,
        ),
    }
}

/// `rpc.endpoint-mapper` on every DC (trust mode; none for an AD Connector).
pub(super) async fn rpc_checks(
    mode: Mode,
    controllers: &[&DomainController],
    limit: Duration,
) -> Vec<Check> {
    if mode != Mode::Trust {
        return Vec::new();
    }
    let outcomes = join_all(
        controllers
            .iter()
            .map(|controller| rpc::check(controller.addresses[0], limit)),
    )
    .await;
    controllers
        .iter()
        .zip(outcomes)
        .map(|(controller, outcome)| rpc_check(&controller.name, outcome))
        .collect()
}

fn rpc_check(name: &str, outcome: RpcOutcome) -> Check {
    let title = deep::rpc_title(name);
    let id = CheckId::RpcEndpointMapper;
    match outcome {
        RpcOutcome::Reachable {
            interface,
            endpoint,
        } => Check::pass(id, title, deep::rpc_reachable(interface, endpoint.port)),
        RpcOutcome::DynamicPortShut {
            interface,
            endpoint,
            state,
        } => Check::problem(
            id,
            Status::Fail,
            title,
            deep::rpc_port_shut(interface, endpoint.port, state),
            deep::RPC_PORTS_FIX,
        ),
        // The port check reports TCP 135 itself: said once, there.
        RpcOutcome::MapperShut(state) => Check::skipped(id, title, deep::rpc_mapper_shut(state)),
        RpcOutcome::NotMapper(problem) => Check::problem(
            id,
            Status::Fail,
            title,
            deep::rpc_not_mapper(&problem),
            deep::RPC_SERVICE_FIX,
        ),
        RpcOutcome::Stalled => Check::problem(
            id,
            Status::Fail,
            title,
            deep::RPC_STALLED,
            deep::RPC_SERVICE_FIX,
        ),
    }
}

/// `ntp` on every DC: UDP 123 answers, and the clock it gives. No answer warns: the KDC's
/// clock (`kerberos.clock-skew`) is what breaks sign-in.
pub(super) async fn ntp_checks(controllers: &[&DomainController], limit: Duration) -> Vec<Check> {
    let outcomes = join_all(
        controllers
            .iter()
            .map(|controller| ntp::probe(controller.addresses[0], limit)),
    )
    .await;
    controllers
        .iter()
        .zip(outcomes)
        .map(|(controller, outcome)| ntp_check(&controller.name, &outcome))
        .collect()
}

fn ntp_check(name: &str, outcome: &NtpOutcome) -> Check {
    let title = deep::ntp_title(name);
    let id = CheckId::Ntp;
    match outcome {
        NtpOutcome::Answered { stratum, offset_ms } => match clock::judge(*offset_ms) {
            Skew::Within => Check::pass(id, title, deep::ntp_answer(*stratum, *offset_ms)),
            Skew::Drifting => Check::problem(
                id,
                Status::Warn,
                title,
                deep::ntp_off(*stratum, *offset_ms),
                deep::CLOCK_FIX,
            ),
            Skew::TooFar => Check::problem(
                id,
                Status::Fail,
                title,
                deep::ntp_off(*stratum, *offset_ms),
                deep::CLOCK_FIX,
            ),
        },
        NtpOutcome::Unusable(problem) => Check::problem(
            id,
            Status::Warn,
            title,
            deep::ntp_unusable(problem),
            deep::NTP_FIX,
        ),
        NtpOutcome::Silent(state) => Check::problem(
            id,
            Status::Warn,
            title,
            deep::ntp_silent(*state),
            deep::NTP_FIX,
        ),
    }
}
