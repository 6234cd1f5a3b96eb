//! The phrase matcher, built at compile time: an Aho-Corasick automaton over ASCII-folded bytes,
//! turned into a dense DFA so that the runtime walk reads one transition per input byte.
//!
//! The runtime (`smtp_codes`'s `diagnosis::matcher`) walks the tables this module builds; the
//! walk in [`Automaton::find`] is the same loop, kept here so the construction is unit-tested
//! against a naive search.
//!
//! Layout of the tables, all little-endian `u16` where wider than a byte:
//! - `classes[byte]`: the byte's class. Every distinct byte of the phrases, after ASCII
//!   lower-casing, has its own class; an upper-case letter shares its lower-case letter's class;
//!   every other byte is class 0. `stride` is the number of classes.
//! - `transitions[state * stride + class]`: the next state.
//! - States `0..match_states` are the states where at least one phrase ends; the start state is
//!   `start`. `output_bounds[s]..output_bounds[s + 1]` are the slice of `outputs` listing, in
//!   ascending order, the phrases that end at state `s` (including through suffix links).

use std::collections::VecDeque;

/// The largest number of states the `u16` state ids can name.
const MAX_STATES: usize = u16::MAX as usize;

/// A compiled set of phrases.
#[derive(Debug)]
pub struct Automaton {
    pub classes: [u8; 256],
    pub stride: usize,
    pub transitions: Vec<u16>,
    pub start: u16,
    pub match_states: u16,
    pub output_bounds: Vec<u16>,
    pub outputs: Vec<u16>,
}

/// Why a phrase set cannot be compiled.
#[derive(Debug, PartialEq, Eq)]
pub enum BuildError {
    /// Phrase number `.0` is empty: it would match everywhere.
    EmptyPhrase(usize),
    /// More states or phrases than `u16` ids can name.
    TooLarge,
}

/// The ASCII-folded form phrases and text are compared in.
pub fn fold(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().map(u8::to_ascii_lowercase).collect()
}

impl Automaton {
    /// Compiles `phrases`; phrase `i` is reported as `i`, and a lower number is a higher priority.
    pub fn build<P: AsRef<[u8]>>(phrases: &[P]) -> Result<Automaton, BuildError> {
        if phrases.len() > usize::from(u16::MAX) {
            return Err(BuildError::TooLarge);
        }
        let folded: Vec<Vec<u8>> = phrases.iter().map(|p| fold(p.as_ref())).collect();
        if let Some(index) = folded.iter().position(Vec::is_empty) {
            return Err(BuildError::EmptyPhrase(index));
        }
        let (classes, stride) = byte_classes(&folded);
        let trie = Trie::new(&folded, &classes, stride)?;
        Ok(trie.into_dfa(classes, stride))
    }

    /// The lowest-numbered phrase found in `text` for which `accept` is true, walking the tables
    /// exactly as the runtime does.
    #[cfg(test)]
    pub fn find(&self, text: &[u8], accept: impl Fn(u16) -> bool) -> Option<u16> {
        let mut state = self.start;
        let mut best = None::<u16>;
        for &byte in text {
            let class = usize::from(self.classes[usize::from(byte)]);
            state = self.transitions[usize::from(state) * self.stride + class];
            if state < self.match_states {
                let s = usize::from(state);
                let found = &self.outputs
                    [usize::from(self.output_bounds[s])..usize::from(self.output_bounds[s + 1])];
                for &phrase in found {
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

    /// The bytes of the generated tables.
    pub fn table_bytes(&self) -> usize {
        256 + 2 * (self.transitions.len() + self.output_bounds.len() + self.outputs.len())
    }
}

/// Little-endian bytes of `values`, for a byte-string literal.
pub fn le_bytes(values: &[u16]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect()
}

/// One class per distinct folded byte of the phrases, upper-case letters sharing theirs.
fn byte_classes(folded: &[Vec<u8>]) -> ([u8; 256], usize) {
    let mut seen = [false; 256];
    for phrase in folded {
        for &byte in phrase {
            seen[usize::from(byte)] = true;
        }
    }
    let mut classes = [0u8; 256];
    let mut next = 1usize;
    for byte in 0..=255u8 {
        if seen[usize::from(byte)] && !byte.is_ascii_uppercase() {
            // At most 256 - 26 classes: upper-case letters never get their own.
            classes[usize::from(byte)] = u8::try_from(next).unwrap_or(u8::MAX);
            next += 1;
        }
    }
    for byte in b'A'..=b'Z' {
        classes[usize::from(byte)] = classes[usize::from(byte.to_ascii_lowercase())];
    }
    (classes, next)
}

/// The Aho-Corasick trie with failure links, before it becomes a DFA.
struct Trie {
    /// `goto[state * stride + class]`, `None` where the trie has no edge.
    goto: Vec<Option<u32>>,
    fail: Vec<u32>,
    /// Phrases ending at each state, its own first.
    outputs: Vec<Vec<u16>>,
    /// States in breadth-first order (the root first).
    order: Vec<u32>,
    stride: usize,
}

impl Trie {
    fn new(folded: &[Vec<u8>], classes: &[u8; 256], stride: usize) -> Result<Trie, BuildError> {
        let mut trie = Trie {
            goto: vec![None; stride],
            fail: vec![0],
            outputs: vec![Vec::new()],
            order: Vec::new(),
            stride,
        };
        for (index, phrase) in folded.iter().enumerate() {
            let mut state = 0usize;
            for &byte in phrase {
                let slot = state * stride + usize::from(classes[usize::from(byte)]);
                state = if let Some(next) = trie.goto[slot] {
                    next as usize
                } else {
                    let next = trie.fail.len();
                    if next >= MAX_STATES {
                        return Err(BuildError::TooLarge);
                    }
                    trie.goto[slot] = Some(u32::try_from(next).map_err(|_| BuildError::TooLarge)?);
                    trie.goto.extend(std::iter::repeat(None).take(stride));
                    trie.fail.push(0);
                    trie.outputs.push(Vec::new());
                    next
                };
            }
            trie.outputs[state].push(u16::try_from(index).map_err(|_| BuildError::TooLarge)?);
        }
        trie.link();
        Ok(trie)
    }

    /// Failure links and inherited outputs, breadth first.
    fn link(&mut self) {
        let stride = self.stride;
        let mut queue = VecDeque::from([0u32]);
        while let Some(state) = queue.pop_front() {
            self.order.push(state);
            let s = state as usize;
            for class in 0..stride {
                let Some(child) = self.goto[s * stride + class] else {
                    continue;
                };
                let c = child as usize;
                if s != 0 {
                    let mut fallback = self.fail[s] as usize;
                    loop {
                        if let Some(next) = self.goto[fallback * stride + class] {
                            self.fail[c] = next;
                            break;
                        }
                        if fallback == 0 {
                            break;
                        }
                        fallback = self.fail[fallback] as usize;
                    }
                }
                let inherited = self.outputs[self.fail[c] as usize].clone();
                self.outputs[c].extend(inherited);
                queue.push_back(child);
            }
        }
        for outputs in &mut self.outputs {
            outputs.sort_unstable();
            outputs.dedup();
        }
    }

    /// Every transition resolved through the failure links; states renumbered so that the ones
    /// where a phrase ends come first.
    fn into_dfa(self, classes: [u8; 256], stride: usize) -> Automaton {
        let count = self.fail.len();
        let mut delta = vec![0u32; count * stride];
        // Breadth first, so a state's failure target is resolved before the state.
        for &state in &self.order {
            let s = state as usize;
            for class in 0..stride {
                delta[s * stride + class] = match self.goto[s * stride + class] {
                    Some(next) => next,
                    None if s == 0 => 0,
                    None => delta[self.fail[s] as usize * stride + class],
                };
            }
        }
        let mut ids = vec![0u16; count];
        let mut matching: Vec<usize> = (0..count)
            .filter(|&s| !self.outputs[s].is_empty())
            .collect();
        let match_states = matching.len();
        matching.extend((0..count).filter(|&s| self.outputs[s].is_empty()));
        for (new, &old) in matching.iter().enumerate() {
            // `Trie::new` keeps the state count below `MAX_STATES`.
            ids[old] = u16::try_from(new).unwrap_or(u16::MAX);
        }
        let mut transitions = vec![0u16; count * stride];
        for (old, &new) in ids.iter().enumerate() {
            for class in 0..stride {
                transitions[usize::from(new) * stride + class] =
                    ids[delta[old * stride + class] as usize];
            }
        }
        let mut output_bounds = vec![0u16];
        let mut outputs = Vec::new();
        for &old in &matching[..match_states] {
            outputs.extend_from_slice(&self.outputs[old]);
            output_bounds.push(u16::try_from(outputs.len()).unwrap_or(u16::MAX));
        }
        Automaton {
            classes,
            stride,
            transitions,
            start: ids[0],
            match_states: u16::try_from(match_states).unwrap_or(u16::MAX),
            output_bounds,
            outputs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lowest-numbered accepted phrase that occurs in `text`, by brute force.
    fn naive(phrases: &[&str], text: &[u8], accept: impl Fn(u16) -> bool) -> Option<u16> {
        let text = fold(text);
        (0..phrases.len())
            .map(|i| u16::try_from(i).unwrap())
            .find(|&i| {
                let phrase = fold(phrases[usize::from(i)].as_bytes());
                accept(i) && text.windows(phrase.len()).any(|window| window == phrase)
            })
    }

    #[test]
    fn finds_the_first_phrase_in_priority_not_position() {
        let phrases = ["user unknown", "unknown", "mailbox full"];
        let automaton = Automaton::build(&phrases).unwrap();
        assert_eq!(automaton.find(b"550 Unknown user", |_| true), Some(1));
        assert_eq!(automaton.find(b"550 USER UNKNOWN", |_| true), Some(0));
        assert_eq!(
            automaton.find(b"mailbox full; user unknown", |_| true),
            Some(0)
        );
        assert_eq!(automaton.find(b"Mailbox Full", |_| true), Some(2));
        assert_eq!(automaton.find(b"nothing here", |_| true), None);
        assert_eq!(automaton.find(b"", |_| true), None);
    }

    #[test]
    fn accept_filters_phrases() {
        let phrases = ["user unknown", "unknown"];
        let automaton = Automaton::build(&phrases).unwrap();
        assert_eq!(automaton.find(b"user unknown", |p| p != 0), Some(1));
        assert_eq!(automaton.find(b"user unknown", |_| false), None);
    }

    #[test]
    fn suffix_outputs_are_found_through_failure_links() {
        // "she" ends inside "ushers"; "he" and "hers" through failure links.
        let phrases = ["hers", "he", "she", "his"];
        let automaton = Automaton::build(&phrases).unwrap();
        assert_eq!(automaton.find(b"ushers", |_| true), Some(0));
        assert_eq!(automaton.find(b"ushe", |_| true), Some(1));
        assert_eq!(automaton.find(b"ushe", |p| p == 2), Some(2));
        assert_eq!(automaton.find(b"ahis", |_| true), Some(3));
    }

    #[test]
    fn folds_ascii_only_and_matches_other_bytes_exactly() {
        let phrases = ["é bloqué", "ok"];
        let automaton = Automaton::build(&phrases).unwrap();
        assert_eq!(automaton.find("É BLOQUÉ".as_bytes(), |_| true), None);
        assert_eq!(automaton.find("é BLOQUé".as_bytes(), |_| true), Some(0));
        assert_eq!(automaton.find(b"OK", |_| true), Some(1));
    }

    #[test]
    fn refuses_empty_phrases() {
        assert_eq!(
            Automaton::build(&["a", ""]).unwrap_err(),
            BuildError::EmptyPhrase(1)
        );
    }

    #[test]
    fn tables_have_the_documented_shape() {
        let automaton = Automaton::build(&["ab", "b"]).unwrap();
        // Classes: 0 for others, then `a` and `b`.
        assert_eq!(automaton.stride, 3);
        assert_eq!(
            automaton.classes[usize::from(b'A')],
            automaton.classes[usize::from(b'a')]
        );
        assert_eq!(automaton.classes[usize::from(b'z')], 0);
        // States: root, `a`, `ab`, `b`; `ab` and `b` match.
        assert_eq!(automaton.transitions.len(), 4 * 3);
        assert_eq!(automaton.match_states, 2);
        assert!(automaton.start >= automaton.match_states);
        assert_eq!(automaton.output_bounds.len(), 3);
        assert_eq!(
            automaton.table_bytes(),
            256 + 2 * (12 + 3 + automaton.outputs.len())
        );
        assert_eq!(le_bytes(&[0x0102]), [2, 1]);
    }

    /// A small deterministic generator, so the comparison needs no extra dependency.
    fn lcg(seed: &mut u64) -> usize {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // 31 bits: fits any `usize`.
        usize::try_from(*seed >> 33).unwrap()
    }

    #[test]
    fn agrees_with_a_naive_search_on_random_inputs() {
        let alphabet = b"abAB c";
        let mut seed = 7;
        for _ in 0..300 {
            let count = 1 + lcg(&mut seed) % 6;
            let phrases: Vec<String> = (0..count)
                .map(|_| {
                    let len = 1 + lcg(&mut seed) % 4;
                    (0..len)
                        .map(|_| char::from(alphabet[lcg(&mut seed) % alphabet.len()]))
                        .collect()
                })
                .collect();
            let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
            let automaton = Automaton::build(&refs).unwrap();
            let mask = lcg(&mut seed);
            let accept = |p: u16| mask >> (p % 16) & 1 == 1 || p % 3 == 0;
            for _ in 0..20 {
                let len = lcg(&mut seed) % 12;
                let text: Vec<u8> = (0..len)
                    .map(|_| alphabet[lcg(&mut seed) % alphabet.len()])
                    .collect();
                assert_eq!(
                    automaton.find(&text, accept),
                    naive(&refs, &text, accept),
                    "phrases {refs:?}, text {:?}",
                    String::from_utf8_lossy(&text)
                );
            }
        }
    }
}
