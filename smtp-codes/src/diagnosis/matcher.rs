//! The runtime walk of the phrase automaton that `#[reasons]` builds at compile time.

/// The tables of a phrase automaton, as static byte strings. Generated code builds it; the
/// layout is documented in the macro crate (`reasons/automaton.rs`).
#[doc(hidden)]
#[derive(Debug)]
pub struct PhraseAutomaton {
    /// The class of every byte (ASCII letters folded).
    pub classes: &'static [u8; 256],
    /// The number of classes: the width of a row of `transitions`.
    pub stride: usize,
    /// `u16` little-endian: the next state, at `state * stride + class`.
    pub transitions: &'static [u8],
    /// The state the walk starts in.
    pub start: u16,
    /// States below this one end at least one phrase.
    pub match_states: u16,
    /// `u16` little-endian: where each match state's phrases start in `outputs` (one more entry
    /// than match states).
    pub output_bounds: &'static [u8],
    /// `u16` little-endian: the phrases ending at each match state, ascending.
    pub outputs: &'static [u8],
}

/// The `index`th little-endian `u16` of `bytes`; 0 past the end (which the tables never reach).
#[inline]
fn u16_at(bytes: &[u8], index: usize) -> u16 {
    match bytes.get(2 * index..2 * index + 2) {
        Some(&[low, high]) => u16::from_le_bytes([low, high]),
        _ => 0,
    }
}

impl PhraseAutomaton {
    /// The lowest-numbered phrase found in `text` for which `accept` is true: one pass over
    /// `text`, one table read per byte, no allocation.
    #[inline]
    pub fn find(&self, text: &[u8], mut accept: impl FnMut(u16) -> bool) -> Option<u16> {
        let mut state = self.start;
        let mut best: Option<u16> = None;
        for &byte in text {
            let class = usize::from(self.classes[usize::from(byte)]);
            state = u16_at(self.transitions, usize::from(state) * self.stride + class);
            if state < self.match_states {
                let from = usize::from(u16_at(self.output_bounds, usize::from(state)));
                let to = usize::from(u16_at(self.output_bounds, usize::from(state) + 1));
                for index in from..to {
                    let phrase = u16_at(self.outputs, index);
                    if best.is_some_and(|best| phrase >= best) {
                        break;
                    }
                    if accept(phrase) {
                        best = Some(phrase);
                        break;
                    }
                }
            }
        }
        best
    }
}
