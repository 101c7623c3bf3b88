//! Tests of the endpoint-mapper PDUs: what adsso sends, what a real mapper answers (built here
//! byte by byte as Windows and Samba lay it out), and hostile answers of every shape.

use super::*;
use proptest::prelude::*;

fn response(call_id: u32, stub: &[u8]) -> Vec<u8> {
    let mut body = u32::try_from(stub.len())
        .unwrap_or(0)
        .to_le_bytes()
        .to_vec();
    body.extend([0, 0, 0, 0]);
    body.extend(stub);
    let mut out = header(RESPONSE, call_id, body.len());
    out.extend(body);
    out
}

fn answer_tower(port: u16, address: [u8; 4]) -> Vec<u8> {
    let mut tower = query_tower(&LSARPC);
    let len = tower.len();
    // The query's last two floors are TCP (port 0) and IP (0.0.0.0): fill them in.
    tower[len - 4..].copy_from_slice(&address);
    tower[len - 11..len - 9].copy_from_slice(&port.to_be_bytes());
    tower
}

fn map_stub(towers: &[Vec<u8>], status: u32) -> Vec<u8> {
    let mut stub = vec![0u8; 20];
    let count = u32::try_from(towers.len()).unwrap_or(0);
    stub.extend(count.to_le_bytes());
    stub.extend(4u32.to_le_bytes());
    stub.extend(0u32.to_le_bytes());
    stub.extend(count.to_le_bytes());
    for index in 0..count {
        stub.extend((index + 3).to_le_bytes());
    }
    for tower in towers {
        let length = u32::try_from(tower.len()).unwrap_or(0);
        stub.extend(length.to_le_bytes());
        stub.extend(length.to_le_bytes());
        stub.extend(tower);
        stub.resize(stub.len().next_multiple_of(4), 0);
    }
    stub.extend(status.to_le_bytes());
    stub
}

fn bind_ack(result: u16, address: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(MAX_FRAGMENT.to_le_bytes());
    body.extend(MAX_FRAGMENT.to_le_bytes());
    body.extend(0x1234u32.to_le_bytes());
    body.extend(u16::try_from(address.len()).unwrap_or(0).to_le_bytes());
    body.extend(address);
    while !(HEADER + body.len()).is_multiple_of(4) {
        body.push(0);
    }
    body.extend([1, 0, 0, 0]);
    body.extend(result.to_le_bytes());
    body.extend(if result == 0 { 0u16 } else { 2u16 }.to_le_bytes());
    body.extend(syntax(&NDR));
    let mut out = header(BIND_ACK, 1, body.len());
    out.extend(body);
    out
}

#[test]
fn the_bind_names_the_endpoint_mapper_and_ndr() {
    let pdu = bind(1);
    assert_eq!(pdu.len(), 72);
    assert_eq!(&pdu[..4], &[5, 0, 11, 3]);
    assert_eq!(fragment_length(&pdu), Ok(72));
    // e1af8308-5d1f-11c9-91a4-08002b14a0fa, fields little-endian.
    assert_eq!(
        &pdu[32..48],
        &[
            0x08, 0x83, 0xaf, 0xe1, 0x1f, 0x5d, 0xc9, 0x11, 0x91, 0xa4, 0x08, 0x00, 0x2b, 0x14,
            0xa0, 0xfa
        ]
    );
    assert_eq!(&pdu[48..52], &[3, 0, 0, 0]);
}

#[test]
fn the_map_request_carries_a_five_floor_tcp_tower() {
    let pdu = map_request(2, &NETLOGON);
    assert_eq!(pdu[2], REQUEST);
    assert_eq!(fragment_length(&pdu), Ok(pdu.len()));
    assert_eq!(&pdu[22..24], &[3, 0], "opnum 3 (ept_map)");
    let tower = query_tower(&NETLOGON);
    assert_eq!(&tower[..2], &[5, 0]);
    assert!(pdu.windows(tower.len()).any(|w| w == tower.as_slice()));
    assert_eq!(tcp_endpoint(&tower), None, "port 0 is no endpoint");
}

#[test]
fn an_accepted_bind_is_read_whatever_the_secondary_address() {
    assert_eq!(parse_bind_ack(&bind_ack(0, b"135\0")), Ok(()));
    assert_eq!(parse_bind_ack(&bind_ack(0, b"")), Ok(()));
    assert_eq!(parse_bind_ack(&bind_ack(0, b"49152\0")), Ok(()));
    assert_eq!(
        parse_bind_ack(&bind_ack(2, b"135\0")),
        Err(EpmProblem::ContextRejected(2))
    );
    let mut nak = header(BIND_NAK, 1, 2);
    nak.extend(4u16.to_le_bytes());
    assert_eq!(parse_bind_ack(&nak), Err(EpmProblem::BindRefused(4)));
    assert_eq!(
        parse_bind_ack(&response(1, &[])),
        Err(EpmProblem::Unexpected(RESPONSE))
    );
}

#[test]
fn the_mapped_port_is_read_from_the_towers() {
    let answer = response(2, &map_stub(&[answer_tower(49153, [10, 200, 0, 10])], 0));
    assert_eq!(
        parse_map_response(&answer),
        Ok(vec![Endpoint {
            port: 49153,
            address: Some(Ipv4Addr::new(10, 200, 0, 10)),
        }])
    );
    let two = response(
        2,
        &map_stub(
            &[answer_tower(49153, [0; 4]), answer_tower(49154, [0; 4])],
            0,
        ),
    );
    assert_eq!(parse_map_response(&two).map(|e| e.len()), Ok(2));
}

#[test]
fn refusals_and_faults_are_told_apart() {
    let none = response(2, &map_stub(&[], NOT_REGISTERED));
    assert_eq!(
        parse_map_response(&none),
        Err(EpmProblem::Status(NOT_REGISTERED))
    );
    let empty = response(2, &map_stub(&[], 0));
    assert_eq!(parse_map_response(&empty), Err(EpmProblem::NoTcpTower));
    let mut fault = header(FAULT, 2, 16);
    fault.extend([0u8; 8]);
    fault.extend(0x1c01_0002u32.to_le_bytes());
    fault.extend([0u8; 4]);
    assert_eq!(
        parse_map_response(&fault),
        Err(EpmProblem::Fault(0x1c01_0002))
    );
}

#[test]
fn hostile_answers_are_refused_not_panicking() {
    let good = response(2, &map_stub(&[answer_tower(49153, [0; 4])], 0));
    for cut in 0..good.len() {
        assert!(parse_map_response(&good[..cut]).is_err(), "cut at {cut}");
    }
    let ack = bind_ack(0, b"135\0");
    for cut in 0..ack.len() {
        assert!(parse_bind_ack(&ack[..cut]).is_err(), "cut at {cut}");
    }
    // A huge tower count, a tower longer than the PDU, an oversized fragment, big-endian data.
    let mut stub = map_stub(&[], 0);
    stub[20..24].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(parse_map_response(&response(2, &stub)).is_err());
    let mut long = map_stub(&[answer_tower(1, [0; 4])], 0);
    long[40..44].copy_from_slice(&0x7fff_ffffu32.to_le_bytes());
    assert!(parse_map_response(&response(2, &long)).is_err());
    let mut oversized = good.clone();
    oversized[8..10].copy_from_slice(&u16::MAX.to_le_bytes());
    assert!(fragment_length(&oversized).is_err());
    let mut big_endian = good.clone();
    big_endian[4] = 0;
    assert!(parse_map_response(&big_endian).is_err());
    // Trailing bytes past the fragment are not read.
    let mut trailing = good;
    trailing.extend([0xff; 64]);
    assert!(parse_map_response(&trailing).is_ok());
}

#[test]
fn towers_with_odd_floors_are_read_safely() {
    assert_eq!(tcp_endpoint(&[]), None);
    assert_eq!(tcp_endpoint(&[0xff, 0xff]), None);
    // One floor: TCP port 135, nothing else.
    let tower = [1, 0, 1, 0, 0x07, 2, 0, 0, 135];
    assert_eq!(
        tcp_endpoint(&tower),
        Some(Endpoint {
            port: 135,
            address: None
        })
    );
    // A TCP floor whose port field is three bytes long is not a port.
    assert_eq!(tcp_endpoint(&[1, 0, 1, 0, 0x07, 3, 0, 0, 135, 1]), None);
}

proptest! {
    #[test]
    fn any_bytes_are_parsed_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse_bind_ack(&bytes);
        let _ = parse_map_response(&bytes);
        let _ = tcp_endpoint(&bytes);
        let _ = fragment_length(&bytes);
    }

    #[test]
    fn any_stub_behind_a_valid_header_is_parsed_without_panicking(stub in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse_map_response(&response(2, &stub));
    }

    #[test]
    fn mutated_answers_never_panic(index in 0usize..200, value in any::<u8>()) {
        let mut answer = response(2, &map_stub(&[answer_tower(49153, [0; 4])], 0));
        let at = index % answer.len();
        answer[at] = value;
        let _ = parse_map_response(&answer);
    }
}
