//! Port checks on each domain controller: TCP connects told apart as open, refused (closed) or
//! no answer (filtered), and UDP probes that speak the service's protocol (DNS, Kerberos, CLDAP)
//! so an answer proves the port open; an ICMP refusal shows it closed.

use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, SystemTime};

use tokio::net::{TcpStream, UdpSocket};
use tokio::time::timeout;

use super::der::{integer, sequence, tlv};
use super::{clock, kerberos};

/// The state of one port as seen from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortState {
    /// TCP connect succeeded, or the UDP service answered.
    Open,
    /// The host refused (TCP reset or ICMP port unreachable).
    Closed,
    /// No answer in time: a firewall drops the traffic, or (UDP) the service ignored the probe.
    NoAnswer,
    /// The network or host is unreachable from here.
    Unreachable,
}

/// A transport protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
}

/// TCP ports AD Connector needs on a DC.
pub const CONNECTOR_TCP: &[u16] = &[53, 88, 389];
/// TCP ports a two-way trust needs on a DC.
pub const TRUST_TCP: &[u16] = &[53, 88, 135, 389, 445, 464, 636, 3268, 3269];
/// UDP ports probed in both modes.
pub const UDP: &[u16] = &[53, 88, 389];

/// Connects to `ip:port` over TCP.
pub async fn tcp(ip: Ipv4Addr, port: u16, limit: Duration) -> PortState {
    match timeout(limit, TcpStream::connect(SocketAddr::from((ip, port)))).await {
        Ok(Ok(_)) => PortState::Open,
        Ok(Err(error)) => classify_error(error.kind()),
        Err(_) => PortState::NoAnswer,
    }
}

/// A socket error as a port state: refused, unreachable, or no answer.
pub fn classify_error(kind: ErrorKind) -> PortState {
    match kind {
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionReset => PortState::Closed,
        ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable => PortState::Unreachable,
        _ => PortState::NoAnswer,
    }
}

/// Sends a protocol probe to `ip:port` over UDP and waits for any answer.
pub async fn udp(ip: Ipv4Addr, port: u16, domain: &str, limit: Duration) -> PortState {
    let Some(probe) = udp_probe(port, domain) else {
        return PortState::NoAnswer;
    };
    let attempt = async {
        let socket = UdpSocket::bind(SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0))).await?;
        socket.connect(SocketAddr::from((ip, port))).await?;
        socket.send(&probe).await?;
        let mut buffer = vec![0u8; 4096];
        socket.recv(&mut buffer).await
    };
    match timeout(limit, attempt).await {
        Ok(Ok(_)) => PortState::Open,
        Ok(Err(error)) => classify_error(error.kind()),
        Err(_) => PortState::NoAnswer,
    }
}

/// A request the service on `port` answers: a DNS SOA query, a Kerberos AS-REQ, a CLDAP
/// root DSE search.
fn udp_probe(port: u16, domain: &str) -> Option<Vec<u8>> {
    match port {
        53 => Some(dns_query(domain)),
        88 => Some(kerberos::as_req("adsso-preflight-probe", domain, 0x5eed)),
        389 => Some(cldap_root_dse()),
        _ => None,
    }
}

/// A DNS query for the SOA of `domain`.
fn dns_query(domain: &str) -> Vec<u8> {
    let mut query = vec![0x4a, 0x44, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in domain.split('.').filter(|label| !label.is_empty()) {
        let bytes = label.as_bytes();
        query.push(bytes.len().min(63) as u8);
        query.extend_from_slice(&bytes[..bytes.len().min(63)]);
    }
    query.extend_from_slice(&[0, 0, 6, 0, 1]);
    query
}

/// LDAPMessage { 1, searchRequest { "", base, never, 0, 0, false, (objectClass=*), [] } }.
fn cldap_root_dse() -> Vec<u8> {
    let request = [
        tlv(0x04, b""),
        tlv(0x0a, &[0]),
        tlv(0x0a, &[0]),
        integer(0),
        integer(0),
        tlv(0x01, &[0]),
        tlv(0x87, b"objectClass"),
        sequence(&[tlv(0x04, b"defaultNamingContext")]),
    ]
    .concat();
    sequence(&[integer(1), tlv(0x63, &request)])
}

/// What a KDC answered over TCP, and its clock against ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdcReply {
    /// The answer.
    pub answer: kerberos::KdcAnswer,
    /// The KDC's clock minus ours in milliseconds (`None`: the reply carried no time).
    pub offset_ms: Option<i64>,
}

/// Sends an AS-REQ for `user` over TCP 88 and returns the KDC's answer and clock offset.
pub async fn kerberos_tcp(
    ip: Ipv4Addr,
    user: &str,
    realm: &str,
    limit: Duration,
) -> Result<KdcReply, PortState> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let request = kerberos::as_req(user, realm, 0x5eed_1234);
    let exchange = async {
        let mut stream = TcpStream::connect(SocketAddr::from((ip, 88))).await?;
        let sent_ms = clock::unix_ms(SystemTime::now());
        let mut framed = (request.len() as u32).to_be_bytes().to_vec();
        framed.extend_from_slice(&request);
        stream.write_all(&framed).await?;
        let length = stream.read_u32().await?;
        let mut reply = vec![0u8; length.min(65_536) as usize];
        stream.read_exact(&mut reply).await?;
        let received_ms = clock::unix_ms(SystemTime::now());
        Ok::<_, std::io::Error>((reply, sent_ms, received_ms))
    };
    match timeout(limit, exchange).await {
        Ok(Ok((reply, sent_ms, received_ms))) => Ok(KdcReply {
            answer: kerberos::classify(&reply),
            offset_ms: clock::krb_error_time(&reply)
                .map(|server_ms| clock::offset_ms(server_ms, sent_ms, received_ms)),
        }),
        Ok(Err(error)) => Err(classify_error(error.kind())),
        Err(_) => Err(PortState::NoAnswer),
    }
}
