//! The DCE/RPC endpoint mapper (EPM) in the few PDUs a trust check needs (C706 chapters 12 and
//! 14, MS-RPCE): a bind to the EPM interface (e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0) with
//! the NDR transfer syntax, an `ept_map` request (opnum 3) for a well-known interface over
//! `ncacn_ip_tcp`, and the reading of the answer: the towers it returns and the dynamic TCP port
//! in them. Everything read is untrusted: every length is checked against the bytes present,
//! nothing panics, and a malformed answer is told as such. Pure: the exchange is in `rpc.rs`.

use std::net::Ipv4Addr;

/// The length of the common header of connection-oriented PDUs.
pub const HEADER: usize = 16;
/// The largest fragment adsso sends or accepts.
pub const MAX_FRAGMENT: u16 = 4280;

/// PDU types (C706 12.6.4).
const REQUEST: u8 = 0;
const RESPONSE: u8 = 2;
const FAULT: u8 = 3;
const BIND: u8 = 11;
const BIND_ACK: u8 = 12;
const BIND_NAK: u8 = 13;

/// `EPT_S_NOT_REGISTERED`: no endpoint for the interface.
pub const NOT_REGISTERED: u32 = 0x16c9_a0d6;

/// An RPC interface: its UUID (as written, `8-4-4-4-12` hex) and version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interface {
    /// Its name, for messages.
    pub name: &'static str,
    /// The UUID's 16 bytes in NDR (little-endian fields) order.
    pub uuid: [u8; 16],
    /// Major version.
    pub major: u16,
    /// Minor version.
    pub minor: u16,
}

/// Bytes of a UUID in NDR order from its fields.
const fn uuid(time_low: u32, time_mid: u16, time_hi: u16, rest: [u8; 8]) -> [u8; 16] {
    let a = time_low.to_le_bytes();
    let b = time_mid.to_le_bytes();
    let c = time_hi.to_le_bytes();
    [
        a[0], a[1], a[2], a[3], b[0], b[1], c[0], c[1], rest[0], rest[1], rest[2], rest[3],
        rest[4], rest[5], rest[6], rest[7],
    ]
}

/// The endpoint mapper itself.
pub const EPM: Interface = Interface {
    name: "EPM",
    uuid: uuid(
        0xe1af_8308,
        0x5d1f,
        0x11c9,
        [0x91, 0xa4, 0x08, 0x00, 0x2b, 0x14, 0xa0, 0xfa],
    ),
    major: 3,
    minor: 0,
};
/// The NDR transfer syntax, version 2.
const NDR: Interface = Interface {
    name: "NDR",
    uuid: uuid(
        0x8a88_5d04,
        0x1ceb,
        0x11c9,
        [0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60],
    ),
    major: 2,
    minor: 0,
};
/// LSARPC, which a trust's setup and verification call.
pub const LSARPC: Interface = Interface {
    name: "LSARPC",
    uuid: uuid(
        0x1234_5778,
        0x1234,
        0xabcd,
        [0xef, 0x00, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab],
    ),
    major: 0,
    minor: 0,
};
/// NETLOGON, the trust's secure channel.
pub const NETLOGON: Interface = Interface {
    name: "NETLOGON",
    uuid: uuid(
        0x1234_5678,
        0x1234,
        0xabcd,
        [0xef, 0x00, 0x01, 0x23, 0x45, 0x67, 0xcf, 0xfb],
    ),
    major: 1,
    minor: 0,
};

/// Why an answer is not what the endpoint mapper should send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EpmProblem {
    /// Not a DCE/RPC v5 PDU, or cut short.
    Malformed(&'static str),
    /// A PDU type other than the one expected.
    Unexpected(u8),
    /// The bind was refused (bind_nak), with its reason.
    BindRefused(u16),
    /// The bind was answered but the presentation context not accepted.
    ContextRejected(u16),
    /// A fault PDU, with its status.
    Fault(u32),
    /// `ept_map` answered with a non-zero status (e.g. [`NOT_REGISTERED`]).
    Status(u32),
    /// `ept_map` answered, but no tower named a TCP port.
    NoTcpTower,
}

/// A TCP endpoint read from a tower.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint {
    /// The TCP port.
    pub port: u16,
    /// The IPv4 address the tower names, if any (often 0.0.0.0 or the DC's own).
    pub address: Option<Ipv4Addr>,
}

fn header(kind: u8, call_id: u32, body_length: usize) -> Vec<u8> {
    let length = u16::try_from(HEADER + body_length).unwrap_or(u16::MAX);
    let mut out = vec![5, 0, kind, 0x03, 0x10, 0, 0, 0];
    out.extend(length.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(call_id.to_le_bytes());
    out
}

fn syntax(interface: &Interface) -> Vec<u8> {
    let mut out = interface.uuid.to_vec();
    out.extend(interface.major.to_le_bytes());
    out.extend(interface.minor.to_le_bytes());
    out
}

/// A bind PDU for the endpoint mapper with the NDR transfer syntax (one context, id 0).
pub fn bind(call_id: u32) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(MAX_FRAGMENT.to_le_bytes());
    body.extend(MAX_FRAGMENT.to_le_bytes());
    body.extend(0u32.to_le_bytes());
    body.extend([1, 0, 0, 0]);
    body.extend(0u16.to_le_bytes());
    body.extend([1, 0]);
    body.extend(syntax(&EPM));
    body.extend(syntax(&NDR));
    let mut out = header(BIND, call_id, body.len());
    out.extend(body);
    out
}

/// The tower of `interface` over `ncacn_ip_tcp` with an unspecified port and address, as
/// `ept_map` takes it.
pub fn query_tower(interface: &Interface) -> Vec<u8> {
    let floor = |lhs: &[u8], rhs: &[u8]| {
        let mut out = Vec::new();
        out.extend(u16::try_from(lhs.len()).unwrap_or(0).to_le_bytes());
        out.extend(lhs);
        out.extend(u16::try_from(rhs.len()).unwrap_or(0).to_le_bytes());
        out.extend(rhs);
        out
    };
    let identifier = |interface: &Interface| {
        let mut lhs = vec![0x0d];
        lhs.extend(interface.uuid);
        lhs.extend(interface.major.to_le_bytes());
        floor(&lhs, &interface.minor.to_le_bytes())
    };
    let mut out = 5u16.to_le_bytes().to_vec();
    out.extend(identifier(interface));
    out.extend(identifier(&NDR));
    out.extend(floor(&[0x0b], &[0, 0]));
    out.extend(floor(&[0x07], &[0, 0]));
    out.extend(floor(&[0x09], &[0, 0, 0, 0]));
    out
}

/// An `ept_map` request (opnum 3) for `interface` over TCP, asking for up to 4 towers.
pub fn map_request(call_id: u32, interface: &Interface) -> Vec<u8> {
    let tower = query_tower(interface);
    let length = u32::try_from(tower.len()).unwrap_or(0);
    let mut stub = Vec::new();
    stub.extend(0u32.to_le_bytes()); // object: a null pointer
    stub.extend(1u32.to_le_bytes()); // map_tower: referent id
    stub.extend(length.to_le_bytes()); // tower_length
    stub.extend(length.to_le_bytes()); // the octets' conformance
    stub.extend(&tower);
    stub.resize(stub.len().next_multiple_of(4), 0);
    stub.extend([0u8; 20]); // entry_handle: none
    stub.extend(4u32.to_le_bytes()); // max_towers
    let mut body = u32::try_from(stub.len())
        .unwrap_or(0)
        .to_le_bytes()
        .to_vec();
    body.extend(0u16.to_le_bytes()); // context id
    body.extend(3u16.to_le_bytes()); // opnum: ept_map
    body.extend(stub);
    let mut out = header(REQUEST, call_id, body.len());
    out.extend(body);
    out
}

/// The fragment length a PDU header announces, or why it cannot be trusted.
pub fn fragment_length(header: &[u8]) -> Result<usize, EpmProblem> {
    if header.len() < HEADER || header[0] != 5 || header[1] != 0 {
        return Err(EpmProblem::Malformed("not a DCE/RPC version 5.0 PDU"));
    }
    if header[4] & 0xf0 != 0x10 {
        return Err(EpmProblem::Malformed("not little-endian NDR"));
    }
    let length = usize::from(u16::from_le_bytes([header[8], header[9]]));
    if length < HEADER || length > usize::from(MAX_FRAGMENT) {
        return Err(EpmProblem::Malformed("a fragment length out of range"));
    }
    Ok(length)
}

/// A little-endian reader over untrusted bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], EpmProblem> {
        let end = self.at.checked_add(count).ok_or(CUT)?;
        let slice = self.bytes.get(self.at..end).ok_or(CUT)?;
        self.at = end;
        Ok(slice)
    }
    fn u16(&mut self) -> Result<u16, EpmProblem> {
        let bytes = self.take(2)?;
        Ok(u16::from_le_bytes([bytes[0], bytes[1]]))
    }
    fn u32(&mut self) -> Result<u32, EpmProblem> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }
    fn align(&mut self, to: usize) -> Result<(), EpmProblem> {
        let aligned = self.at.next_multiple_of(to);
        self.take(aligned - self.at).map(|_| ())
    }
}

const CUT: EpmProblem = EpmProblem::Malformed("cut short");

/// Checks a whole PDU's header and returns its type and body.
fn pdu(bytes: &[u8]) -> Result<(u8, &[u8]), EpmProblem> {
    let length = fragment_length(bytes)?;
    let body = bytes.get(HEADER..length).ok_or(CUT)?;
    Ok((bytes[2], body))
}

/// Reads the answer to [`bind`]: `Ok` when the EPM context was accepted.
pub fn parse_bind_ack(bytes: &[u8]) -> Result<(), EpmProblem> {
    let (kind, body) = pdu(bytes)?;
    // The bind_ack's alignment counts from the start of the PDU.
    let whole = bytes.get(..HEADER + body.len()).ok_or(CUT)?;
    let mut reader = Reader {
        bytes: whole,
        at: HEADER,
    };
    match kind {
        BIND_ACK => {
            reader.take(8)?; // max_xmit_frag, max_recv_frag, assoc_group_id
            let address_length = usize::from(reader.u16()?);
            reader.take(address_length)?;
            reader.align(4)?;
            let results = reader.take(4)?[0];
            if results == 0 {
                return Err(EpmProblem::ContextRejected(u16::MAX));
            }
            let result = reader.u16()?;
            let reason = reader.u16()?;
            if result == 0 {
                Ok(())
            } else {
                Err(EpmProblem::ContextRejected(reason))
            }
        }
        BIND_NAK => Err(EpmProblem::BindRefused(reader.u16()?)),
        other => Err(EpmProblem::Unexpected(other)),
    }
}

/// Reads the answer to [`map_request`]: every TCP endpoint of the towers returned.
pub fn parse_map_response(bytes: &[u8]) -> Result<Vec<Endpoint>, EpmProblem> {
    let (kind, body) = pdu(bytes)?;
    match kind {
        RESPONSE => {}
        FAULT => {
            let mut reader = Reader { bytes: body, at: 8 };
            return Err(EpmProblem::Fault(reader.u32()?));
        }
        other => return Err(EpmProblem::Unexpected(other)),
    }
    let stub = body.get(8..).ok_or(CUT)?;
    let mut reader = Reader { bytes: stub, at: 0 };
    reader.take(20)?; // entry_handle
    let count = reader.u32()?;
    let _max = reader.u32()?;
    let offset = reader.u32()?;
    let actual = reader.u32()?;
    if count > 64 || actual > count || offset > count {
        return Err(EpmProblem::Malformed("a tower count out of range"));
    }
    let mut referents = Vec::new();
    for _ in 0..actual {
        referents.push(reader.u32()?);
    }
    let mut endpoints = Vec::new();
    for referent in referents {
        if referent == 0 {
            continue;
        }
        let length = reader.u32()? as usize;
        let conformance = reader.u32()? as usize;
        if conformance != length {
            return Err(EpmProblem::Malformed("a tower length that disagrees"));
        }
        let tower = reader.take(length)?;
        reader.align(4)?;
        if let Some(endpoint) = tcp_endpoint(tower) {
            endpoints.push(endpoint);
        }
    }
    let status = reader.u32()?;
    if status != 0 {
        return Err(EpmProblem::Status(status));
    }
    if endpoints.is_empty() {
        return Err(EpmProblem::NoTcpTower);
    }
    Ok(endpoints)
}

/// The TCP port (floor protocol 0x07, big-endian) and IPv4 address (0x09) of a tower.
pub fn tcp_endpoint(tower: &[u8]) -> Option<Endpoint> {
    let mut reader = Reader {
        bytes: tower,
        at: 0,
    };
    let floors = reader.u16().ok()?;
    let mut port = None;
    let mut address = None;
    for _ in 0..floors.min(16) {
        let lhs_length = usize::from(reader.u16().ok()?);
        let lhs = reader.take(lhs_length).ok()?;
        let rhs_length = usize::from(reader.u16().ok()?);
        let rhs = reader.take(rhs_length).ok()?;
        match (lhs.first(), rhs) {
            (Some(0x07), [high, low]) => port = Some(u16::from_be_bytes([*high, *low])),
            (Some(0x09), [a, b, c, d]) => address = Some(Ipv4Addr::new(*a, *b, *c, *d)),
            _ => {}
        }
    }
    port.filter(|port| *port != 0)
        .map(|port| Endpoint { port, address })
}

#[cfg(test)]
#[path = "epm_tests.rs"]
mod tests;
