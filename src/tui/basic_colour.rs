//! crossterm writes even the 16 basic colours in the 256-colour form (`ESC[38;5;2m` for
//! green). Terminals limited to 8/16 colours (a Linux console, an old PuTTY profile, TERM=xterm
//! on some systems) may ignore or misread that. This writer turns `38;5;n` and `48;5;n` with
//! n < 16 back into the classic codes (`32`, `90`, `41`, …) on the way to the terminal, which
//! every colour terminal understands and which is shorter too. Everything else passes through.

use std::io::{self, Write};

/// The longest control sequence held back while its end is awaited.
const MAX_PENDING: usize = 64;
const ESC: u8 = 0x1b;

pub struct BasicColours<W: Write> {
    inner: W,
    /// An unfinished `ESC [ params` sequence.
    pending: Vec<u8>,
    /// What a write turns into, kept between writes: crossterm writes a frame in a few
    /// thousand pieces of a few bytes, and a fresh buffer for each was a third of the cost of
    /// sending the first frame.
    out: Vec<u8>,
}

impl<W: Write> BasicColours<W> {
    pub fn new(inner: W) -> BasicColours<W> {
        BasicColours { inner, pending: Vec::new(), out: Vec::new() }
    }
}

impl<W: Write> Write for BasicColours<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Text, and most pieces crossterm writes, holds no escape: nothing to rewrite.
        if self.pending.is_empty() && !buf.contains(&ESC) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = std::mem::take(&mut self.out);
        out.clear();
        for &b in buf {
            self.push(b, &mut out);
        }
        let written = self.inner.write_all(&out);
        self.out = out;
        written?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A sequence cut by a flush goes out as it is: the rest of the stream completes it.
        self.inner.write_all(&self.pending)?;
        self.pending.clear();
        self.inner.flush()
    }
}

impl<W: Write> BasicColours<W> {
    fn push(&mut self, b: u8, out: &mut Vec<u8>) {
        match self.pending.len() {
            0 if b == ESC => self.pending.push(b),
            0 => out.push(b),
            1 if b == b'[' => self.pending.push(b),
            1 => {
                out.append(&mut self.pending);
                self.push(b, out);
            }
            _ if (b.is_ascii_digit() || b == b';') && self.pending.len() < MAX_PENDING => {
                self.pending.push(b)
            }
            _ if b == b'm' => {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(rewrite(&self.pending[2..]).as_bytes());
                out.push(b'm');
                self.pending.clear();
            }
            _ => {
                out.append(&mut self.pending);
                self.push(b, out);
            }
        }
    }
}

/// SGR parameters with `38;5;n`/`48;5;n` (n < 16) in their classic form.
fn rewrite(params: &[u8]) -> String {
    let text = String::from_utf8_lossy(params);
    let tokens: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let colour = |base: u8, bright: u8| {
            let n: u8 = tokens.get(i + 2)?.parse().ok().filter(|n| *n < 16)?;
            Some(if n < 8 { base + n } else { bright + n - 8 })
        };
        let classic = match (tokens[i], tokens.get(i + 1)) {
            ("38", Some(&"5")) => colour(30, 90),
            ("48", Some(&"5")) => colour(40, 100),
            _ => None,
        };
        match classic {
            Some(code) => {
                out.push(code.to_string());
                i += 3;
            }
            None if matches!(tokens[i], "38" | "48") && tokens.get(i + 1) == Some(&"2") => {
                // 24-bit colour: keep the five parameters together.
                out.extend(tokens[i..(i + 5).min(tokens.len())].iter().map(|t| (*t).to_owned()));
                i += 5;
            }
            None if matches!(tokens[i], "38" | "48") && tokens.get(i + 1) == Some(&"5") => {
                out.extend(tokens[i..(i + 3).min(tokens.len())].iter().map(|t| (*t).to_owned()));
                i += 3;
            }
            None => {
                out.push(tokens[i].to_owned());
                i += 1;
            }
        }
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> Vec<u8> {
        let mut writer = BasicColours::new(Vec::new());
        for chunk in chunks {
            writer.write_all(chunk).expect("write");
        }
        writer.flush().expect("flush");
        writer.inner
    }

    #[test]
    fn basic_colours_take_their_classic_codes() {
        assert_eq!(through(&[b"\x1b[38;5;2;49mok"]), b"\x1b[32;49mok");
        assert_eq!(through(&[b"\x1b[38;5;8m\x1b[48;5;1m\x1b[38;5;14m"]), b"\x1b[90m\x1b[41m\x1b[96m");
        assert_eq!(through(&[b"\x1b[1;38;5;6m"]), b"\x1b[1;36m");
    }

    #[test]
    fn everything_else_passes_unchanged() {
        let other: &[u8] = b"\x1b[38;5;200m\x1b[38;2;1;5;3m\x1b[?1049h\x1b[2;3H\x1b[0m text \x1b";
        assert_eq!(through(&[other]), other);
        assert_eq!(through(&["Việt ✔".as_bytes()]), "Việt ✔".as_bytes());
    }

    #[test]
    fn a_sequence_split_across_writes_is_still_rewritten() {
        assert_eq!(through(&[b"a\x1b", b"[38;", b"5;3", b"mb"]), b"a\x1b[33mb");
        // Pieces without an escape in the middle of a sequence, as crossterm writes them.
        assert_eq!(
            through(&[b"\x1b[", b"38;5;", b"9", b"m", b"x", b"\x1b[", b"2;3", b"H"]),
            b"\x1b[91mx\x1b[2;3H"
        );
    }
}
