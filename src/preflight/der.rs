//! A minimal DER writer and reader, enough for a Kerberos AS-REQ and an LDAP-over-UDP (CLDAP)
//! search, and for reading the error code of a KRB-ERROR. Reading never panics on any input.

/// Encodes one TLV: `tag`, a DER length, `content`.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let length = content.len();
    if length < 0x80 {
        out.push(length as u8);
    } else {
        let bytes: Vec<u8> = length
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

/// A DER INTEGER for a non-negative value.
pub fn integer(value: u32) -> Vec<u8> {
    let mut bytes: Vec<u8> = value
        .to_be_bytes()
        .into_iter()
        .skip_while(|b| *b == 0)
        .collect();
    if bytes.first().is_none_or(|b| b & 0x80 != 0) {
        bytes.insert(0, 0);
    }
    tlv(0x02, &bytes)
}

/// A SEQUENCE of already encoded items.
pub fn sequence(items: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &items.concat())
}

/// A context-specific constructed tag `[n]` around an encoded item.
pub fn context(n: u8, item: &[u8]) -> Vec<u8> {
    tlv(0xa0 | n, item)
}

/// One TLV read from a buffer: its tag and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The identifier octet (single-byte tags only).
    pub tag: u8,
    /// The content octets.
    pub content: &'a [u8],
}

/// Reads the TLV at the start of `input`; returns it and the rest. `None` when malformed.
pub fn read(input: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let length = rest[..count]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (length, &rest[count..])
    };
    if rest.len() < length {
        return None;
    }
    let (content, rest) = rest.split_at(length);
    Some((Tlv { tag, content }, rest))
}

/// All TLVs directly inside `content`, stopping at the first malformed one.
pub fn children(mut content: &[u8]) -> Vec<Tlv<'_>> {
    let mut out = Vec::new();
    while let Some((item, rest)) = read(content) {
        out.push(item);
        content = rest;
    }
    out
}

/// The value of a DER INTEGER of at most 4 bytes.
pub fn read_integer(tlv: Tlv<'_>) -> Option<i64> {
    if tlv.tag != 0x02 || tlv.content.is_empty() || tlv.content.len() > 4 {
        return None;
    }
    let negative = tlv.content[0] & 0x80 != 0;
    let start: i64 = if negative { -1 } else { 0 };
    Some(
        tlv.content
            .iter()
            .fold(start, |acc, b| (acc << 8) | i64::from(*b)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_short_and_long_lengths() {
        for size in [0usize, 5, 127, 128, 300, 70_000] {
            let content = vec![7u8; size];
            let encoded = tlv(0x04, &content);
            let (item, rest) = read(&encoded).unwrap();
            assert_eq!(item.tag, 0x04);
            assert_eq!(item.content.len(), size);
            assert!(rest.is_empty());
        }
    }

    #[test]
    fn integers() {
        for value in [0u32, 5, 127, 128, 255, 256, 25, 0x7fff_ffff, u32::MAX] {
            let encoded = integer(value);
            let (item, _) = read(&encoded).unwrap();
            assert_eq!(
                read_integer(item),
                if value > 0x7fff_ffff {
                    None
                } else {
                    Some(i64::from(value))
                }
            );
        }
    }

    #[test]
    fn malformed_input_is_refused_not_panicking() {
        for input in [
            &[][..],
            &[0x30],
            &[0x30, 0x05, 1],
            &[0x30, 0x85, 1, 1, 1, 1, 1],
            &[0x30, 0x82, 0xff],
        ] {
            assert!(read(input).is_none(), "{input:?}");
        }
    }
}
