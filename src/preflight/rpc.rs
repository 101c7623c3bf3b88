//! The endpoint-mapper exchange with a domain controller (trust mode): TCP 135, a bind to the
//! endpoint mapper, `ept_map` for LSARPC (then NETLOGON when LSARPC has no TCP endpoint), and a
//! TCP connect to the dynamic port the mapper names. A trust's setup and verification reach
//! LSARPC and NETLOGON on that port, in the dynamic range 49152-65535 by default. Every read is
//! bounded by [`epm::MAX_FRAGMENT`] and the whole exchange by the probe limit.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::epm::{self, Endpoint, EpmProblem, Interface};
use super::ports::{self, PortState};

/// What the endpoint-mapper check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RpcOutcome {
    /// The mapper named `endpoint` for `interface`, and its port answers.
    Reachable {
        /// The interface mapped.
        interface: &'static str,
        /// The dynamic endpoint.
        endpoint: Endpoint,
    },
    /// The mapper named a port that does not answer (its state).
    DynamicPortShut {
        /// The interface mapped.
        interface: &'static str,
        /// The dynamic endpoint.
        endpoint: Endpoint,
        /// What a connect to it saw.
        state: PortState,
    },
    /// TCP 135 itself did not connect.
    MapperShut(PortState),
    /// TCP 135 connected, but the answers were not an endpoint mapper's.
    NotMapper(EpmProblem),
    /// The exchange stalled after connecting.
    Stalled,
}

/// Reads one PDU: the header, then the rest of the fragment it announces (at most
/// [`epm::MAX_FRAGMENT`] bytes in all).
async fn read_pdu(stream: &mut TcpStream) -> std::io::Result<Result<Vec<u8>, EpmProblem>> {
    let mut pdu = vec![0u8; epm::HEADER];
    stream.read_exact(&mut pdu).await?;
    let length = match epm::fragment_length(&pdu) {
        Ok(length) => length,
        Err(problem) => return Ok(Err(problem)),
    };
    pdu.resize(length, 0);
    stream.read_exact(&mut pdu[epm::HEADER..]).await?;
    Ok(Ok(pdu))
}

/// Binds and maps `interfaces` in turn on one connection; the first TCP endpoint found wins.
async fn map(
    stream: &mut TcpStream,
    interfaces: &[Interface],
) -> std::io::Result<Result<(&'static str, Endpoint), EpmProblem>> {
    stream.write_all(&epm::bind(1)).await?;
    let ack = match read_pdu(stream).await? {
        Ok(ack) => ack,
        Err(problem) => return Ok(Err(problem)),
    };
    if let Err(problem) = epm::parse_bind_ack(&ack) {
        return Ok(Err(problem));
    }
    let mut last = EpmProblem::NoTcpTower;
    for (call_id, interface) in (2u32..).zip(interfaces) {
        stream
            .write_all(&epm::map_request(call_id, interface))
            .await?;
        let answer = match read_pdu(stream).await? {
            Ok(answer) => answer,
            Err(problem) => return Ok(Err(problem)),
        };
        match epm::parse_map_response(&answer) {
            Ok(endpoints) => {
                if let Some(endpoint) = endpoints.first() {
                    return Ok(Ok((interface.name, *endpoint)));
                }
            }
            Err(problem @ (EpmProblem::Status(_) | EpmProblem::NoTcpTower)) => last = problem,
            Err(problem) => return Ok(Err(problem)),
        }
    }
    Ok(Err(last))
}

/// Runs the endpoint-mapper check against the DC at `ip`, each step within `limit`.
pub async fn check(ip: Ipv4Addr, limit: Duration) -> RpcOutcome {
    let mut stream = match timeout(limit, TcpStream::connect(SocketAddr::from((ip, 135)))).await {
        Ok(Ok(stream)) => stream,
        Ok(Err(error)) => return RpcOutcome::MapperShut(ports::classify_error(error.kind())),
        Err(_) => return RpcOutcome::MapperShut(PortState::NoAnswer),
    };
    let mapped = match timeout(limit, map(&mut stream, &[epm::LSARPC, epm::NETLOGON])).await {
        Ok(Ok(Ok(mapped))) => mapped,
        Ok(Ok(Err(problem))) => return RpcOutcome::NotMapper(problem),
        Ok(Err(_)) | Err(_) => return RpcOutcome::Stalled,
    };
    drop(stream);
    let (interface, endpoint) = mapped;
    match ports::tcp(ip, endpoint.port, limit).await {
        PortState::Open => RpcOutcome::Reachable {
            interface,
            endpoint,
        },
        state => RpcOutcome::DynamicPortShut {
            interface,
            endpoint,
            state,
        },
    }
}
