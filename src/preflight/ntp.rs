//! NTP probe (RFC 5905): one client request (mode 3) to UDP 123 of a domain controller, the
//! reply checked (server mode, our transmit time echoed as its origin, a synchronised stratum)
//! and the clock offset computed from the four timestamps. The domain's members and a trusting
//! domain take their time from the DCs; the offset is a second reading beside Kerberos'. The
//! packet parser is pure and never panics; the exchange reads at most one datagram in `limit`.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, SystemTime};

use tokio::net::UdpSocket;
use tokio::time::timeout;

use super::clock::unix_ms;
use super::ports::{PortState, classify_error};

/// Seconds from the NTP epoch (1900) to the Unix epoch (1970).
const NTP_UNIX_OFFSET: i64 = 2_208_988_800;
/// The size of an NTP header without extensions.
const HEADER: usize = 48;
/// The largest datagram read (extensions and MACs past the header are ignored).
const MAX_REPLY: usize = 1024;

/// A well-formed answer from an NTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NtpReply {
    /// The server's stratum (1-15).
    pub stratum: u8,
    /// When the server received the request (Unix milliseconds).
    pub received_ms: i64,
    /// When the server sent the reply (Unix milliseconds).
    pub sent_ms: i64,
}

/// Why a datagram is not a usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NtpProblem {
    /// Shorter than an NTP header.
    TooShort,
    /// Not a server reply (its mode).
    NotServer(u8),
    /// Its origin timestamp is not our request's transmit time (a stray or spoofed packet).
    NotOurs,
    /// A kiss-o'-death (stratum 0) with its four-letter code, e.g. `RATE`, `DENY`.
    Kiss(String),
    /// The server says it is not synchronised (leap indicator 3 or stratum 16 and above).
    Unsynchronised,
}

/// What the NTP probe found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NtpOutcome {
    /// The server answered; `offset_ms` is its clock minus ours.
    Answered {
        /// The server's stratum.
        stratum: u8,
        /// Its clock minus ours, in milliseconds.
        offset_ms: i64,
    },
    /// Something answered, but not usably.
    Unusable(NtpProblem),
    /// No answer, or the port refused (the state says which).
    Silent(PortState),
}

/// An NTP timestamp (seconds and fraction since 1900) for a Unix time in milliseconds.
pub fn timestamp(unix_ms: i64) -> [u8; 8] {
    let seconds = unix_ms.div_euclid(1000) + NTP_UNIX_OFFSET;
    let millis = unix_ms.rem_euclid(1000);
    // Era 0 ends in 2036; the low 32 bits carry on into era 1 (RFC 5905 section 6).
    let seconds = (seconds & 0xffff_ffff) as u32;
    let fraction = ((millis << 32) / 1000) as u32;
    let mut out = [0u8; 8];
    out[..4].copy_from_slice(&seconds.to_be_bytes());
    out[4..].copy_from_slice(&fraction.to_be_bytes());
    out
}

/// The Unix time in milliseconds of an NTP timestamp, placed in the era nearest `near_ms`.
pub fn unix_ms_of(stamp: [u8; 8], near_ms: i64) -> i64 {
    let seconds = i128::from(u32::from_be_bytes([stamp[0], stamp[1], stamp[2], stamp[3]]));
    let fraction = i128::from(u32::from_be_bytes([stamp[4], stamp[5], stamp[6], stamp[7]]));
    let era_seconds = 1i128 << 32;
    let offset = i128::from(NTP_UNIX_OFFSET);
    let near_ntp = i128::from(near_ms).div_euclid(1000) + offset;
    let era = (near_ntp - seconds + era_seconds / 2).div_euclid(era_seconds);
    let ms = (seconds + era * era_seconds - offset) * 1000 + ((fraction * 1000 + (1 << 31)) >> 32);
    i64::try_from(ms).unwrap_or(if ms < 0 { i64::MIN } else { i64::MAX })
}

/// A client request (version 4, mode 3) whose transmit timestamp is `transmit`.
pub fn request(transmit: [u8; 8]) -> [u8; HEADER] {
    let mut packet = [0u8; HEADER];
    packet[0] = (4 << 3) | 3;
    packet[40..48].copy_from_slice(&transmit);
    packet
}

/// Reads a server's reply to the request that carried `transmit`.
pub fn parse(reply: &[u8], transmit: [u8; 8], near_ms: i64) -> Result<NtpReply, NtpProblem> {
    if reply.len() < HEADER {
        return Err(NtpProblem::TooShort);
    }
    let mode = reply[0] & 0x07;
    if mode != 4 {
        return Err(NtpProblem::NotServer(mode));
    }
    if reply[24..32] != transmit {
        return Err(NtpProblem::NotOurs);
    }
    let stratum = reply[1];
    if stratum == 0 {
        let code: String = reply[12..16].iter().map(|byte| char::from(*byte)).collect();
        return Err(NtpProblem::Kiss(code));
    }
    if reply[0] >> 6 == 3 || stratum >= 16 {
        return Err(NtpProblem::Unsynchronised);
    }
    let stamp = |at: usize| {
        let mut out = [0u8; 8];
        out.copy_from_slice(&reply[at..at + 8]);
        unix_ms_of(out, near_ms)
    };
    Ok(NtpReply {
        stratum,
        received_ms: stamp(32),
        sent_ms: stamp(40),
    })
}

/// The clock offset (server minus ours) from the four timestamps of an exchange.
pub fn offset_ms(sent_ms: i64, reply: NtpReply, received_ms: i64) -> i64 {
    let there = reply.received_ms.saturating_sub(sent_ms);
    let back = reply.sent_ms.saturating_sub(received_ms);
    there.saturating_add(back) / 2
}

/// Asks the NTP server at `ip` for the time, waiting at most `limit`.
pub async fn probe(ip: Ipv4Addr, limit: Duration) -> NtpOutcome {
    let exchange = async {
        let socket = UdpSocket::bind(SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0))).await?;
        socket.connect(SocketAddr::from((ip, 123))).await?;
        let sent_ms = unix_ms(SystemTime::now());
        let transmit = timestamp(sent_ms);
        socket.send(&request(transmit)).await?;
        let mut buffer = vec![0u8; MAX_REPLY];
        let size = socket.recv(&mut buffer).await?;
        let received_ms = unix_ms(SystemTime::now());
        let reply = buffer.get(..size).unwrap_or_default();
        Ok::<_, std::io::Error>(match parse(reply, transmit, sent_ms) {
            Ok(answer) => NtpOutcome::Answered {
                stratum: answer.stratum,
                offset_ms: offset_ms(sent_ms, answer, received_ms),
            },
            Err(problem) => NtpOutcome::Unusable(problem),
        })
    };
    match timeout(limit, exchange).await {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(error)) => NtpOutcome::Silent(classify_error(error.kind())),
        Err(_) => NtpOutcome::Silent(PortState::NoAnswer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: i64 = 1_796_037_166_250;

    fn reply(transmit: [u8; 8], server_ms: i64, stratum: u8) -> Vec<u8> {
        let mut packet = vec![0u8; HEADER];
        packet[0] = (4 << 3) | 4;
        packet[1] = stratum;
        packet[24..32].copy_from_slice(&transmit);
        packet[32..40].copy_from_slice(&timestamp(server_ms));
        packet[40..48].copy_from_slice(&timestamp(server_ms + 1));
        packet
    }

    #[test]
    fn timestamps_round_trip_across_the_2036_era_change() {
        for ms in [
            0,
            1500,
            NOW,
            2_085_978_495_999,
            2_085_978_496_000,
            2_200_000_000_123,
        ] {
            assert_eq!(unix_ms_of(timestamp(ms), ms), ms, "{ms}");
        }
    }

    #[test]
    fn a_server_reply_gives_the_offset() {
        let transmit = timestamp(NOW);
        let packet = reply(transmit, NOW + 600_000 + 10, 10);
        let answer = parse(&packet, transmit, NOW).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(answer.stratum, 10);
        // Sent at NOW, answered 20 ms later: 10 ms each way.
        assert_eq!(offset_ms(NOW, answer, NOW + 20), 600_000);
        let mut longer = packet.clone();
        longer.extend([0u8; 100]);
        assert!(parse(&longer, transmit, NOW).is_ok());
    }

    #[test]
    fn unusable_replies_are_told_apart() {
        let transmit = timestamp(NOW);
        let good = reply(transmit, NOW, 2);
        assert_eq!(parse(&good[..47], transmit, NOW), Err(NtpProblem::TooShort));
        assert_eq!(
            parse(&good, timestamp(NOW + 1), NOW),
            Err(NtpProblem::NotOurs)
        );
        let mut client = good.clone();
        client[0] = (4 << 3) | 3;
        assert_eq!(parse(&client, transmit, NOW), Err(NtpProblem::NotServer(3)));
        let mut kiss = reply(transmit, NOW, 0);
        kiss[12..16].copy_from_slice(b"RATE");
        assert_eq!(
            parse(&kiss, transmit, NOW),
            Err(NtpProblem::Kiss("RATE".into()))
        );
        let mut alarm = good.clone();
        alarm[0] |= 0xc0;
        assert_eq!(
            parse(&alarm, transmit, NOW),
            Err(NtpProblem::Unsynchronised)
        );
        let unsynchronised = reply(transmit, NOW, 16);
        assert_eq!(
            parse(&unsynchronised, transmit, NOW),
            Err(NtpProblem::Unsynchronised)
        );
    }

    #[test]
    fn the_request_is_a_version_4_client_packet() {
        let packet = request([1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(packet[0], 0x23);
        assert_eq!(&packet[40..], &[1, 2, 3, 4, 5, 6, 7, 8]);
    }

    proptest! {
        #[test]
        fn any_datagram_is_parsed_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200), near in any::<i64>()) {
            let _ = parse(&bytes, timestamp(NOW), near);
        }
    }
}
