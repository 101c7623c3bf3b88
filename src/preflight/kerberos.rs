//! Kerberos probe: an AS-REQ without pre-authentication sent to a DC's KDC (TCP or UDP 88).
//! A healthy AD answers KRB-ERROR 25 (pre-authentication required); other answers are told in
//! plain words. No password is involved.

use super::der::{self, context, integer, sequence, tlv};

/// What the KDC answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdcAnswer {
    /// KRB-ERROR 25: the principal exists and pre-authentication is required (healthy).
    PreauthRequired,
    /// An AS-REP without pre-authentication: the account does not require it.
    NoPreauthRequired,
    /// KRB-ERROR 6: the client principal is unknown.
    PrincipalUnknown,
    /// KRB-ERROR 18: the client's credentials were revoked (disabled, locked or expired).
    ClientRevoked,
    /// KRB-ERROR 68: wrong realm.
    WrongRealm,
    /// Another KRB-ERROR code.
    Error(i64),
    /// Something that is not a Kerberos reply.
    NotKerberos,
}

/// GeneralString (Kerberos strings are IA5 in practice).
fn general_string(text: &str) -> Vec<u8> {
    tlv(0x1b, text.as_bytes())
}

/// PrincipalName ::= SEQUENCE { name-type [0] Int32, name-string [1] SEQUENCE OF KerberosString }
fn principal(name_type: u32, parts: &[&str]) -> Vec<u8> {
    let names: Vec<Vec<u8>> = parts.iter().map(|part| general_string(part)).collect();
    sequence(&[
        context(0, &integer(name_type)),
        context(1, &sequence(&names)),
    ])
}

/// An AS-REQ for `user@REALM` asking for a TGT, without pre-authentication data.
pub fn as_req(user: &str, realm: &str, nonce: u32) -> Vec<u8> {
    let realm = realm.to_ascii_uppercase();
    // forwardable, renewable, canonicalize, renewable-ok
    let options = tlv(0x03, &[0x00, 0x40, 0x81, 0x00, 0x10]);
    let till = tlv(0x18, b"20370913024805Z");
    let etypes = sequence(&[integer(18), integer(17), integer(23)]);
    let body = sequence(&[
        context(0, &options),
        context(1, &principal(1, &[user])),
        context(2, &general_string(&realm)),
        context(3, &principal(2, &["krbtgt", &realm])),
        context(5, &till),
        context(7, &integer(nonce & 0x7fff_ffff)),
        context(8, &etypes),
    ]);
    let request = sequence(&[
        context(1, &integer(5)),
        context(2, &integer(10)),
        context(4, &body),
    ]);
    tlv(0x6a, &request)
}

/// Classifies a KDC reply (without the TCP length prefix).
pub fn classify(reply: &[u8]) -> KdcAnswer {
    let Some((outer, _)) = der::read(reply) else {
        return KdcAnswer::NotKerberos;
    };
    match outer.tag {
        0x6b => KdcAnswer::NoPreauthRequired,
        0x7e => error_code(outer.content).map_or(KdcAnswer::NotKerberos, |code| match code {
            25 => KdcAnswer::PreauthRequired,
            6 => KdcAnswer::PrincipalUnknown,
            18 => KdcAnswer::ClientRevoked,
            68 => KdcAnswer::WrongRealm,
            other => KdcAnswer::Error(other),
        }),
        _ => KdcAnswer::NotKerberos,
    }
}

/// KRB-ERROR ::= [APPLICATION 30] SEQUENCE { ..., error-code [6] Int32, ... }
fn error_code(content: &[u8]) -> Option<i64> {
    let (sequence, _) = der::read(content)?;
    let field = der::children(sequence.content)
        .into_iter()
        .find(|item| item.tag == 0xa6)?;
    let (value, _) = der::read(field.content)?;
    der::read_integer(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn krb_error(code: u32) -> Vec<u8> {
        let fields = sequence(&[
            context(0, &integer(5)),
            context(1, &integer(30)),
            context(4, &tlv(0x18, b"20261122000000Z")),
            context(5, &integer(0)),
            context(6, &integer(code)),
            context(9, &general_string("CORP.EXAMPLE.TEST")),
        ]);
        tlv(0x7e, &fields)
    }

    #[test]
    fn request_is_well_formed_der() {
        let request = as_req("svc-adconnector", "corp.example.test", 42);
        let (outer, rest) = der::read(&request).unwrap();
        assert_eq!(outer.tag, 0x6a);
        assert!(rest.is_empty());
        let (body, _) = der::read(outer.content).unwrap();
        let fields: Vec<u8> = der::children(body.content).iter().map(|f| f.tag).collect();
        assert_eq!(fields, [0xa1, 0xa2, 0xa4]);
        assert!(request.windows(17).any(|w| w == b"CORP.EXAMPLE.TEST"));
    }

    #[test]
    fn classifies_replies() {
        assert_eq!(classify(&krb_error(25)), KdcAnswer::PreauthRequired);
        assert_eq!(classify(&krb_error(6)), KdcAnswer::PrincipalUnknown);
        assert_eq!(classify(&krb_error(18)), KdcAnswer::ClientRevoked);
        assert_eq!(classify(&krb_error(41)), KdcAnswer::Error(41));
        assert_eq!(classify(&tlv(0x6b, &[])), KdcAnswer::NoPreauthRequired);
        assert_eq!(classify(b"HTTP/1.1 400"), KdcAnswer::NotKerberos);
        assert_eq!(classify(&[]), KdcAnswer::NotKerberos);
    }
}
