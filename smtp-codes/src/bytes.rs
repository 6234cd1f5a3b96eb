//! Byte helpers the parsers share, each named for what it does. Private to the crate.

/// The index of the first LF in `bytes`, sixteen bytes a step (two words tested together).
///
/// Kept over `memchr::memchr` (`no_std`, SSE2 here) on measurement (`PERFORMANCE.md`, "Line
/// scan"): reply lines are short (20 to 100 bytes) while a pipelined buffer holds many; memchr's
/// vector loop reads 64 bytes a step past its first 16, where this loop stops within 16 bytes of
/// the LF. A wash reply by reply, a loss on the buffers that readers scan, and one dependency
/// fewer.
#[inline]
pub(crate) fn find_lf(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(16);
    let mut offset = 0;
    for chunk in &mut chunks {
        let (low, high) = (lf_bits(&chunk[..8]), lf_bits(&chunk[8..]));
        if low | high != 0 {
            let index = if low != 0 {
                low.trailing_zeros() / 8
            } else {
                8 + high.trailing_zeros() / 8
            };
            return Some(offset + index as usize);
        }
        offset += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|&byte| byte == b'\n')
        .map(|index| offset + index)
}

/// For eight bytes (little-endian), a word whose lowest set bit is the high bit of the first LF
/// byte, or 0 when there is none. Bits above the first LF may be wrong; only the lowest is used.
#[inline]
fn lf_bits(eight: &[u8]) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const LFS: u64 = u64::from_ne_bytes([b'\n'; 8]);
    let mut bytes = [0; 8];
    bytes.copy_from_slice(eight);
    let word = u64::from_le_bytes(bytes) ^ LFS;
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// `line` without its LF and the CR before it, if any.
pub(crate) fn strip_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The number written by three ASCII digits.
pub(crate) const fn three_digits(a: u8, b: u8, c: u8) -> u16 {
    (a - b'0') as u16 * 100 + (b - b'0') as u16 * 10 + (c - b'0') as u16
}

/// Whether `byte` is white space within a line: a space or a TAB (RFC 5234 `WSP`).
pub(crate) const fn is_wsp(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t')
}

/// `bytes` without spaces and TABs at either end (RFC 5234 `WSP`).
pub(crate) fn trim_wsp(bytes: &[u8]) -> &[u8] {
    trim_matching(bytes, is_wsp)
}

/// `bytes` without spaces, TABs, CRs and LFs at either end: a header field's value, whose
/// folds and line end are not part of it (RFC 5322 §2.2.3).
pub(crate) fn trim_wsp_and_line_ends(bytes: &[u8]) -> &[u8] {
    trim_matching(bytes, |byte| matches!(byte, b' ' | b'\t' | b'\r' | b'\n'))
}

/// `bytes` without the bytes `trimmed` holds for at either end.
fn trim_matching(bytes: &[u8], trimmed: impl Fn(u8) -> bool) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&byte| !trimmed(byte))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&byte| !trimmed(byte))
        .map_or(start, |last| last + 1);
    &bytes[start..end]
}

/// One or more ASCII digits as a number; `None` for anything else or above `u64::MAX`.
pub(crate) fn decimal(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |number, &byte| {
        if byte.is_ascii_digit() {
            number.checked_mul(10)?.checked_add(u64::from(byte - b'0'))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_lf_finds_the_first_lf_in_and_after_the_sixteen_byte_steps() {
        for length in 0..40 {
            for at in 0..length {
                let mut bytes = [b'x'; 40];
                bytes[at] = b'\n';
                // A second LF at the end: the first one is found.
                bytes[length - 1] = b'\n';
                assert_eq!(
                    find_lf(&bytes[..length]),
                    Some(at),
                    "length {length}, LF at {at}"
                );
            }
            assert_eq!(find_lf(&[b'\r'; 40][..length]), None);
        }
    }

    #[test]
    fn the_two_trims_differ_in_line_ends() {
        assert_eq!(trim_wsp(b" \tab c\t "), b"ab c");
        assert_eq!(trim_wsp(b"\r\nab\r\n"), b"\r\nab\r\n");
        assert_eq!(trim_wsp_and_line_ends(b"\r\n ab c\t\r\n"), b"ab c");
        assert_eq!(trim_wsp(b"   "), b"");
    }

    #[test]
    fn decimal_reads_digits_only() {
        assert_eq!(decimal(b"35882577"), Some(35_882_577));
        assert_eq!(decimal(b""), None);
        assert_eq!(decimal(b"10MB"), None);
        assert_eq!(decimal(b"18446744073709551616"), None);
        assert_eq!(three_digits(b'5', b'5', b'0'), 550);
    }
}
