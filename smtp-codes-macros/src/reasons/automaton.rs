//! The phrase matcher, built at compile time: an Aho-Corasick automaton over ASCII-folded bytes,
//! turned into a DFA whose every transition is resolved, so that the runtime walk takes one
//! transition per input byte and never follows a failure link.
//!
//! The runtime (`smtp_codes`'s `diagnosis::matcher`) walks the tables this module builds; the
//! walk in [`Automaton::find`] is the same loop, kept here so the construction is unit-tested
//! against a naive search.
//!
//! A DFA with one dense row per state grows with the phrases times the byte classes (about
//! 12 states a phrase, 40 to 60 classes): 1,500 phrases would take 2 MiB. Most of a text keeps
//! the walk near the start, where the rows are dense; deeper states, inside a phrase's prefix,
//! differ from a shallower state's row in only a few classes. So the states are split:
//!
//! - **dense states**, the states of depth up to some `D` (chosen so their rows fit a budget):
//!   one row each, `dense[state * stride + class]`;
//! - **sparse states**, the deeper ones: each names a *base*, the deepest dense state on its
//!   failure chain, and lists the classes where its transitions differ from the base's row
//!   (usually one to three); every other class goes where the base's row goes.
//!
//! Layout of the tables, all little-endian `u16` where wider than a byte:
//! - `classes[byte]`: the byte's class. Every distinct byte of the phrases, after ASCII
//!   lower-casing, has its own class; an upper-case letter shares its lower-case letter's class;
//!   every other byte is class 0. `stride` is the number of classes.
//! - States are numbered breadth first from the start state, 0; states `0..dense_states` are
//!   dense. A transition's target is a state number, with [`MATCH`] set when a phrase ends there.
//! - `dense[state * stride + class]`: the target, for a dense state.
//! - `sparse[2 * i]`, `sparse[2 * i + 1]`: for sparse state `dense_states + i`, its base and the
//!   index of its first exception; its exceptions run to the next state's first (a last pair
//!   closes the list). `exception_classes[k]` (one byte) and `exception_targets[k]` are
//!   exception `k`.
//! - `output_bounds[s]..output_bounds[s + 1]` are the slice of `outputs` listing, in ascending
//!   order, the phrases that end at state `s` (including through failure links).

use std::collections::VecDeque;

/// The bit of a transition's target that says a phrase ends at the target state.
pub const MATCH: u16 = 0x8000;

/// The largest number of states a target can name beside [`MATCH`].
const MAX_STATES: usize = MATCH as usize;

/// How many bytes of dense rows the automaton may take: whole depths of the trie are made dense
/// while their rows fit.
const DENSE_BUDGET: usize = 256 * 1024;

/// A compiled set of phrases.
#[derive(Debug)]
pub struct Automaton {
    pub classes: [u8; 256],
    pub stride: usize,
    pub dense: Vec<u16>,
    pub dense_states: u16,
    pub sparse: Vec<u16>,
    pub exception_classes: Vec<u8>,
    pub exception_targets: Vec<u16>,
    pub output_bounds: Vec<u16>,
    pub outputs: Vec<u16>,
}

/// Why a phrase set cannot be compiled.
#[derive(Debug, PartialEq, Eq)]
pub enum BuildError {
    /// Phrase number `.0` is empty: it would match everywhere.
    EmptyPhrase(usize),
    /// More states, exceptions or phrases than the tables' `u16` entries can name.
    TooLarge,
}

/// The ASCII-folded form phrases and text are compared in.
pub fn fold(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().map(u8::to_ascii_lowercase).collect()
}

impl Automaton {
    /// Compiles `phrases`; phrase `i` is reported as `i`, and a lower number is a higher priority.
    pub fn build<P: AsRef<[u8]>>(phrases: &[P]) -> Result<Automaton, BuildError> {
        Automaton::build_with(phrases, DenseStates::Budget(DENSE_BUDGET))
    }

    /// [`Automaton::build`], with the dense states chosen by `dense`.
    pub fn build_with<P: AsRef<[u8]>>(
        phrases: &[P],
        dense: DenseStates,
    ) -> Result<Automaton, BuildError> {
        if phrases.len() > usize::from(u16::MAX) {
            return Err(BuildError::TooLarge);
        }
        let folded: Vec<Vec<u8>> = phrases.iter().map(|p| fold(p.as_ref())).collect();
        if let Some(index) = folded.iter().position(Vec::is_empty) {
            return Err(BuildError::EmptyPhrase(index));
        }
        let (classes, stride) = byte_classes(&folded);
        let trie = Trie::new(&folded, &classes, stride)?;
        trie.into_automaton(classes, stride, dense)
    }

    /// The lowest-numbered phrase found in `text` for which `accept` is true, walking the tables
    /// exactly as the runtime does.
    #[cfg(test)]
    pub fn find(&self, text: &[u8], accept: impl Fn(u16) -> bool) -> Option<u16> {
        let mut state = 0usize;
        let mut best = None::<u16>;
        for &byte in text {
            let class = usize::from(self.classes[usize::from(byte)]);
            let target = if state < usize::from(self.dense_states) {
                self.dense[state * self.stride + class]
            } else {
                let i = state - usize::from(self.dense_states);
                let (base, from, to) = (
                    self.sparse[2 * i],
                    usize::from(self.sparse[2 * i + 1]),
                    usize::from(self.sparse[2 * i + 3]),
                );
                (from..to)
                    .find(|&k| usize::from(self.exception_classes[k]) == class)
                    .map_or(self.dense[usize::from(base) * self.stride + class], |k| {
                        self.exception_targets[k]
                    })
            };
            state = usize::from(target & !MATCH);
            if target & MATCH != 0 {
                let found = &self.outputs[usize::from(self.output_bounds[state])
                    ..usize::from(self.output_bounds[state + 1])];
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

    /// The number of states.
    pub fn states(&self) -> usize {
        self.output_bounds.len() - 1
    }

    /// The bytes of the generated tables.
    pub fn table_bytes(&self) -> usize {
        256 + 2 * self.dense.len()
            + 2 * self.sparse.len()
            + 3 * self.exception_classes.len()
            + 2 * (self.output_bounds.len() + self.outputs.len())
    }
}

/// Which states get a dense row.
#[derive(Debug, Clone, Copy)]
pub enum DenseStates {
    /// Whole depths of the trie, from the start, while their rows fit in this many bytes (the
    /// start state always does).
    Budget(usize),
    /// The states up to this depth (for tests).
    #[cfg(test)]
    Depth(usize),
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
    /// Each state's depth: the length of the prefix it stands for.
    depth: Vec<u32>,
    stride: usize,
}

impl Trie {
    fn new(folded: &[Vec<u8>], classes: &[u8; 256], stride: usize) -> Result<Trie, BuildError> {
        let mut trie = Trie {
            goto: vec![None; stride],
            fail: vec![0],
            outputs: vec![Vec::new()],
            order: Vec::new(),
            depth: vec![0],
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
                    trie.depth.push(trie.depth[state] + 1);
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

    /// Every transition resolved through the failure links, breadth first (a state's failure
    /// target is resolved before the state), indexed by the trie's state numbers.
    fn resolve(&self) -> Vec<u32> {
        let stride = self.stride;
        let mut delta = vec![0u32; self.fail.len() * stride];
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
        delta
    }

    /// The number of states, in breadth-first order, that get a dense row.
    fn dense_count(&self, dense: DenseStates) -> usize {
        let depth_limit = match dense {
            DenseStates::Budget(budget) => {
                let row_bytes = 2 * self.stride;
                let mut limit = 0;
                loop {
                    let count = self.states_up_to(limit + 1);
                    if count == self.states_up_to(limit) || count * row_bytes > budget {
                        break limit;
                    }
                    limit += 1;
                }
            }
            #[cfg(test)]
            DenseStates::Depth(depth) => depth,
        };
        self.states_up_to(depth_limit)
    }

    /// The number of states of depth `limit` or less.
    fn states_up_to(&self, limit: usize) -> usize {
        self.depth.iter().filter(|&&d| d as usize <= limit).count()
    }

    /// The tables: states renumbered breadth first, the first `dense_count` with dense rows,
    /// the others as exceptions to the row of their base.
    fn into_automaton(
        self,
        classes: [u8; 256],
        stride: usize,
        dense: DenseStates,
    ) -> Result<Automaton, BuildError> {
        let delta = self.resolve();
        let count = self.fail.len();
        // New numbers: the breadth-first position.
        let mut ids = vec![0usize; count];
        for (new, &old) in self.order.iter().enumerate() {
            ids[old as usize] = new;
        }
        let dense_count = self.dense_count(dense);
        let target = |old: u32| -> u16 {
            let matching = !self.outputs[old as usize].is_empty();
            // `Trie::new` keeps every state number below `MAX_STATES`.
            let id = u16::try_from(ids[old as usize]).unwrap_or(u16::MAX) & !MATCH;
            if matching {
                id | MATCH
            } else {
                id
            }
        };
        let mut dense_rows = Vec::with_capacity(dense_count * stride);
        for &old in &self.order[..dense_count] {
            let row = &delta[old as usize * stride..(old as usize + 1) * stride];
            dense_rows.extend(row.iter().map(|&next| target(next)));
        }
        let mut sparse = Vec::new();
        let mut exception_classes = Vec::new();
        let mut exception_targets = Vec::new();
        for &old in &self.order[dense_count..] {
            // The base: the deepest dense state on the failure chain (the root at the latest).
            let mut base = self.fail[old as usize];
            while ids[base as usize] >= dense_count {
                base = self.fail[base as usize];
            }
            sparse.push(u16::try_from(ids[base as usize]).map_err(|_| BuildError::TooLarge)?);
            sparse.push(u16::try_from(exception_classes.len()).map_err(|_| BuildError::TooLarge)?);
            for class in 0..stride {
                let own = delta[old as usize * stride + class];
                if own != delta[base as usize * stride + class] {
                    // `byte_classes` gives at most 256 classes.
                    exception_classes.push(u8::try_from(class).unwrap_or(u8::MAX));
                    exception_targets.push(target(own));
                }
            }
        }
        sparse.push(0);
        sparse.push(u16::try_from(exception_classes.len()).map_err(|_| BuildError::TooLarge)?);
        let mut output_bounds = vec![0u16];
        let mut outputs = Vec::new();
        for &old in &self.order {
            outputs.extend_from_slice(&self.outputs[old as usize]);
            output_bounds.push(u16::try_from(outputs.len()).map_err(|_| BuildError::TooLarge)?);
        }
        Ok(Automaton {
            classes,
            stride,
            dense: dense_rows,
            dense_states: u16::try_from(dense_count).map_err(|_| BuildError::TooLarge)?,
            sparse,
            exception_classes,
            exception_targets,
            output_bounds,
            outputs,
        })
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
        // States, breadth first: root 0, `a` 1, `b` 2, `ab` 3; `b` and `ab` match.
        let automaton = Automaton::build_with(&["ab", "b"], DenseStates::Depth(1)).unwrap();
        // Classes: 0 for others, then `a` and `b`.
        assert_eq!(automaton.stride, 3);
        assert_eq!(
            automaton.classes[usize::from(b'A')],
            automaton.classes[usize::from(b'a')]
        );
        assert_eq!(automaton.classes[usize::from(b'z')], 0);
        let (a, b) = (
            usize::from(automaton.classes[usize::from(b'a')]),
            usize::from(automaton.classes[usize::from(b'b')]),
        );
        // Depth up to 1 is dense: the root, `a` and `b`, three rows of three.
        assert_eq!(automaton.dense_states, 3);
        assert_eq!(automaton.dense.len(), 3 * 3);
        assert_eq!(automaton.dense[a], 1);
        assert_eq!(automaton.dense[b], 2 | MATCH);
        assert_eq!(automaton.dense[3 + b], 3 | MATCH); // `a` then `b`: `ab`
                                                       // `ab` is sparse; its failure link is `b`, a dense state, whose row it shares: no
                                                       // exceptions, and one closing pair.
        assert_eq!(automaton.sparse, [2, 0, 0, 0]);
        assert!(automaton.exception_classes.is_empty());
        assert_eq!(automaton.states(), 4);
        assert_eq!(automaton.output_bounds.len(), 5);
        assert_eq!(
            automaton.table_bytes(),
            256 + 2 * 9 + 2 * 4 + 2 * (5 + automaton.outputs.len())
        );
        assert_eq!(le_bytes(&[0x0102]), [2, 1]);
    }

    #[test]
    fn a_sparse_state_lists_where_it_differs_from_its_base() {
        // Only the root is dense. `abc` (state of `ab`) has the root as base and differs from it
        // where the trie goes on (`c`) and where `a` starts again (the root's own `a`, same).
        let automaton = Automaton::build_with(&["abc"], DenseStates::Depth(0)).unwrap();
        assert_eq!(automaton.dense_states, 1);
        let c = automaton.classes[usize::from(b'c')];
        // Sparse states `a`, `ab`, `abc`: `a` differs at `b`, `ab` at `c`, `abc` nowhere.
        assert_eq!(automaton.sparse.len(), 2 * 3 + 2);
        let ab = 1; // the second sparse state
        let (from, to) = (
            usize::from(automaton.sparse[2 * ab + 1]),
            usize::from(automaton.sparse[2 * ab + 3]),
        );
        assert_eq!(&automaton.exception_classes[from..to], [c]);
        assert_eq!(automaton.exception_targets[from], 3 | MATCH);
        assert_eq!(automaton.find(b"xxabcxx", |_| true), Some(0));
        assert_eq!(automaton.find(b"abab", |_| true), None);
    }

    #[test]
    fn a_budget_makes_whole_depths_dense() {
        let phrases = ["abc", "abd", "xyz"];
        // Eight classes (others, a, b, c, d, x, y, z): rows of 16 bytes. Depth 0 is the root,
        // depth 1 adds `a` and `x` (3 states), depth 2 `ab` and `xy` (5).
        let root_only = Automaton::build_with(&phrases, DenseStates::Budget(3 * 16 - 1)).unwrap();
        assert_eq!(root_only.stride, 8);
        assert_eq!(root_only.dense_states, 1);
        let depth_one = Automaton::build_with(&phrases, DenseStates::Budget(3 * 16)).unwrap();
        assert_eq!(depth_one.dense_states, 3);
        let depth_two = Automaton::build_with(&phrases, DenseStates::Budget(5 * 16)).unwrap();
        assert_eq!(depth_two.dense_states, 5);
        let all = Automaton::build_with(&phrases, DenseStates::Budget(1 << 20)).unwrap();
        assert_eq!(usize::from(all.dense_states), all.states());
        assert!(all.exception_classes.is_empty());
    }

    /// Phrases like a large table's: two to four words of a mail-error vocabulary, distinct.
    fn synthetic_phrases(count: usize, seed: &mut u64) -> Vec<String> {
        const WORDS: &[&str] = &[
            "mailbox",
            "user",
            "unknown",
            "full",
            "quota",
            "exceeded",
            "rate",
            "limit",
            "sender",
            "recipient",
            "rejected",
            "denied",
            "access",
            "relay",
            "blocked",
            "listed",
            "spam",
            "virus",
            "message",
            "size",
            "too",
            "many",
            "connections",
            "domain",
            "not",
            "found",
            "host",
            "dns",
            "reverse",
            "ptr",
            "record",
            "policy",
            "reasons",
            "spf",
            "dkim",
            "dmarc",
            "failed",
            "authentication",
            "required",
            "tls",
            "starttls",
            "temporarily",
            "deferred",
            "service",
            "unavailable",
            "disabled",
            "account",
            "suspended",
            "inactive",
            "expired",
            "queue",
            "timeout",
            "delivery",
            "retry",
            "later",
            "local",
            "error",
            "system",
            "storage",
            "disk",
            "loop",
            "hops",
            "invalid",
            "address",
            "syntax",
            "command",
            "sequence",
            "reputation",
            "poor",
            "ip",
            "your",
            "please",
            "contact",
            "postmaster",
            "5.7.1",
            "#5.1.1",
            "x-",
            "(#4.4.1)",
            "rbl",
            "zen.spamhaus.org",
        ];
        let mut phrases = std::collections::BTreeSet::new();
        while phrases.len() < count {
            let words = 2 + lcg(seed) % 3;
            let phrase: Vec<&str> = (0..words).map(|_| WORDS[lcg(seed) % WORDS.len()]).collect();
            phrases.insert(phrase.join(" "));
        }
        phrases.into_iter().collect()
    }

    #[test]
    fn the_tables_of_1500_phrases_stay_under_one_mebibyte() {
        let mut seed = 11;
        let phrases = synthetic_phrases(1500, &mut seed);
        let automaton = Automaton::build(&phrases).unwrap();
        let bytes = automaton.table_bytes();
        assert!(bytes < 1 << 20, "{bytes} bytes for 1,500 phrases");
        // The same phrases as dense rows only would not fit: the split is what keeps them small.
        let all_dense = Automaton::build_with(&phrases, DenseStates::Budget(usize::MAX)).unwrap();
        assert!(
            all_dense.table_bytes() > 1 << 20,
            "{}",
            all_dense.table_bytes()
        );
        // And both find the same phrases.
        for text in [
            "550 5.7.1 sender rejected: ip blocked",
            "mailbox full quota exceeded x",
        ] {
            assert_eq!(
                automaton.find(text.as_bytes(), |_| true),
                all_dense.find(text.as_bytes(), |_| true),
                "{text}"
            );
        }
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
            // Every split between dense and sparse states gives the naive search's answers.
            let automata = [
                Automaton::build(&refs).unwrap(),
                Automaton::build_with(&refs, DenseStates::Depth(0)).unwrap(),
                Automaton::build_with(&refs, DenseStates::Depth(1)).unwrap(),
                Automaton::build_with(&refs, DenseStates::Depth(2)).unwrap(),
            ];
            let mask = lcg(&mut seed);
            let accept = |p: u16| mask >> (p % 16) & 1 == 1 || p % 3 == 0;
            for _ in 0..20 {
                let len = lcg(&mut seed) % 12;
                let text: Vec<u8> = (0..len)
                    .map(|_| alphabet[lcg(&mut seed) % alphabet.len()])
                    .collect();
                for automaton in &automata {
                    assert_eq!(
                        automaton.find(&text, accept),
                        naive(&refs, &text, accept),
                        "phrases {refs:?}, text {:?}, {} dense states",
                        String::from_utf8_lossy(&text),
                        automaton.dense_states
                    );
                }
            }
        }
    }
}
