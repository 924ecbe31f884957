//! Little-endian binary writer and bounds-checked reader for the model file.
//!
//! The format is a flat sequence of fixed-width integers, length-prefixed UTF-8 strings and
//! length-prefixed arrays; every read is checked, so a truncated or corrupt file yields
//! [`SyntaxError::Format`] with the byte offset instead of a panic.

use crate::SyntaxError;

/// Appends values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// Reads values from a byte slice with bounds checks.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], SyntaxError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end {
            Some(end) => {
                let s = &self.buf[self.pos..end];
                self.pos = end;
                Ok(s)
            }
            None => Err(SyntaxError::Format(format!(
                "unexpected end of model data at byte {} (wanted {n} more bytes)",
                self.pos
            ))),
        }
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], SyntaxError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], SyntaxError> {
        self.take(n)
    }
    pub(crate) fn u8(&mut self) -> Result<u8, SyntaxError> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u16(&mut self) -> Result<u16, SyntaxError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub(crate) fn u32(&mut self) -> Result<u32, SyntaxError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, SyntaxError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// A length prefix, checked against the bytes left (each element needs at least `min_size`).
    pub(crate) fn len(&mut self, min_size: usize) -> Result<usize, SyntaxError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size.max(1)) > self.buf.len() - self.pos && min_size > 0 {
            return Err(SyntaxError::Format(format!(
                "length {n} at byte {} exceeds the model data",
                self.pos - 4
            )));
        }
        Ok(n)
    }
    pub(crate) fn str(&mut self) -> Result<String, SyntaxError> {
        let n = self.len(1)?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| {
            SyntaxError::Format(format!("invalid UTF-8 string before byte {}", self.pos))
        })
    }
    pub(crate) fn is_done(&self) -> bool {
        self.pos == self.buf.len()
    }
}
