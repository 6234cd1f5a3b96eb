//! The runtime walk of the phrase automaton that `#[reasons]` builds at compile time.

/// The bit of a transition's target that says a phrase ends at the target state.
const MATCH: u16 = 0x8000;

/// The tables of a phrase automaton, as static byte strings. Generated code builds it; the
/// layout is documented in the macro crate (`reasons/automaton.rs`): dense rows for the states
/// near the start, and for the deeper ones the classes where they differ from a dense row.
#[doc(hidden)]
#[derive(Debug)]
pub struct PhraseAutomaton {
    /// The class of every byte (ASCII letters folded).
    pub classes: &'static [u8; 256],
    /// The number of classes: the width of a dense row.
    pub stride: usize,
    /// `u16` little-endian: the target at `state * stride + class`, for the dense states.
    pub dense: &'static [u8],
    /// The states `0..dense_states` have dense rows; the start state, 0, is one of them.
    pub dense_states: usize,
    /// `u16` little-endian pairs, for each sparse state: its base (a dense state) and its first
    /// exception; a last pair closes the list.
    pub sparse: &'static [u8],
    /// The class of each exception.
    pub exception_classes: &'static [u8],
    /// `u16` little-endian: the target of each exception.
    pub exception_targets: &'static [u8],
    /// `u16` little-endian: where each state's phrases start in `outputs` (one more entry than
    /// states).
    pub output_bounds: &'static [u8],
    /// `u16` little-endian: the phrases ending at each state, ascending.
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
    /// `text`, one transition per byte, no allocation.
    #[inline]
    pub fn find(&self, text: &[u8], mut accept: impl FnMut(u16) -> bool) -> Option<u16> {
        let mut state = 0usize;
        let mut best: Option<u16> = None;
        for &byte in text {
            let class = usize::from(self.classes[usize::from(byte)]);
            let target = if state < self.dense_states {
                u16_at(self.dense, state * self.stride + class)
            } else {
                self.sparse_target(state - self.dense_states, class)
            };
            state = usize::from(target & !MATCH);
            if target & MATCH != 0 {
                let from = usize::from(u16_at(self.output_bounds, state));
                let to = usize::from(u16_at(self.output_bounds, state + 1));
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

    /// The target of sparse state `sparse` on `class`: its exception for the class, else its
    /// base's.
    #[inline]
    fn sparse_target(&self, sparse: usize, class: usize) -> u16 {
        let base = usize::from(u16_at(self.sparse, 2 * sparse));
        let from = usize::from(u16_at(self.sparse, 2 * sparse + 1));
        let to = usize::from(u16_at(self.sparse, 2 * sparse + 3));
        let classes = self.exception_classes.get(from..to).unwrap_or_default();
        match classes.iter().position(|&own| usize::from(own) == class) {
            Some(offset) => u16_at(self.exception_targets, from + offset),
            None => u16_at(self.dense, base * self.stride + class),
        }
    }
}
