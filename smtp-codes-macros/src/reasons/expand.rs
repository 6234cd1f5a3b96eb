//! The generated code: the `Reason` enum, its table of phrases and status rules, and the phrase
//! automaton as static byte strings.

use std::fmt::Write as _;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use syn::LitByteStr;

use super::automaton::{le_bytes, Automaton};
use super::valid::Tables;
use super::COMMANDS;
use crate::api;
use crate::docs::doc_text;
use crate::runtime;
use crate::Input;

/// The generated tables must stay small: they are linked into every program that diagnoses.
const MAX_TABLE_BYTES: usize = 1024 * 1024;

fn variant_doc(tables: &Tables, index: usize) -> String {
    let entry = &tables.reasons[index];
    let mut doc = format!("{}.", doc_text(entry.description.trim_end_matches('.')));
    doc.push_str(if entry.hard {
        "\n\nA hard bounce: suppress the address."
    } else {
        "\n\nA soft bounce: keep the address."
    });
    let statuses: Vec<String> = tables
        .statuses
        .iter()
        .filter(|status| status.reason == index)
        .map(|status| {
            let class = if status.class == 0 {
                "X".to_owned()
            } else {
                status.class.to_string()
            };
            format!("`{class}.{}.{}`", status.subject, status.detail)
        })
        .collect();
    if !statuses.is_empty() {
        doc.push_str("\n\n- Enhanced status codes: ");
        doc.push_str(&statuses.join(", "));
    }
    let phrases = tables.phrases.iter().filter(|p| p.reason == index).count();
    let _ = write!(doc, "\n- Phrases in the table: {phrases}");
    if !entry.reference.is_empty() {
        doc.push_str("\n- Reference: ");
        doc.push_str(&doc_text(&entry.reference));
    }
    doc
}

pub fn generate(input: &Input, tables: &Tables) -> syn::Result<TokenStream> {
    let ident = &input.item.ident;
    if input.examples.is_some() {
        return Err(input.sources[0].error(
            "the reasons attribute has no `examples` option: its generated items carry their own \
             docs",
        ));
    }
    let automaton = automaton(input, tables)?;
    let names: Vec<Ident> = tables
        .reasons
        .iter()
        .map(|entry| Ident::new(&entry.name, Span::call_site()))
        .collect();
    let name_refs: Vec<&Ident> = names.iter().collect();
    let variants: Vec<api::Variant> = names
        .iter()
        .enumerate()
        .map(|(index, name)| api::Variant {
            name,
            doc: variant_doc(tables, index),
            discriminant: None,
        })
        .collect();
    let enum_item = api::enum_item(&input.item, None, &variants);
    let tracking = api::tracking(&input.sources, ident);
    let all = api::all(
        ident,
        &name_refs,
        "Every reason, in the order of the reasons table.",
    );
    let str_type = quote!(&'static str);
    let reasons = &tables.reasons;
    let accessors = [
        api::accessor(
            "The reason's name, as in the table (`UserUnknown`).",
            "name",
            &str_type,
            &name_refs,
            reasons.iter().map(|e| e.name.as_str()),
        ),
        api::accessor(
            "What the reason means, from the table.",
            "description",
            &str_type,
            &name_refs,
            reasons.iter().map(|e| e.description.as_str()),
        ),
        api::accessor(
            "Whether the table calls the reason a hard bounce: the address should be suppressed.",
            "is_hard",
            &quote!(bool),
            &name_refs,
            reasons.iter().map(|e| e.hard),
        ),
        api::accessor(
            "Where the reason is defined or described.",
            "reference",
            &str_type,
            &name_refs,
            reasons.iter().map(|e| e.reference.as_str()),
        ),
    ];
    let rows = rows(tables, &names, &phrase_rows(input, tables, &names));
    let find_phrase = find_phrase(&automaton, tables.phrases.len());
    let impls = trait_impls(ident, tables);
    Ok(quote! {
        #enum_item

        #tracking

        impl #ident {
            #all
            #rows
            #(#accessors)*
            #find_phrase
        }

        #impls
    })
}

/// The phrase automaton, refused when its tables would be too large.
fn automaton(input: &Input, tables: &Tables) -> syn::Result<Automaton> {
    let phrase_source = &input.sources[1];
    let texts: Vec<&str> = tables.phrases.iter().map(|p| p.text.as_str()).collect();
    let automaton = Automaton::build(&texts).map_err(|err| {
        phrase_source.error(format_args!(
            "the phrases cannot be compiled into a matcher: {err:?}"
        ))
    })?;
    let table_bytes = automaton.table_bytes();
    if table_bytes > MAX_TABLE_BYTES {
        return Err(phrase_source.error(format_args!(
            "the phrase matcher's tables would take {table_bytes} bytes, over the limit of \
             {MAX_TABLE_BYTES}: shorten or merge phrases"
        )));
    }
    Ok(automaton)
}

/// The rows of the phrase table, as `Phrase` constructors.
fn phrase_rows(input: &Input, tables: &Tables, names: &[Ident]) -> Vec<TokenStream> {
    let phrase_source = &input.sources[1];
    let phrases = tables.phrases.iter().enumerate().map(|(index, phrase)| {
        let text = phrase.text.as_str();
        // The automaton refuses more phrases than a u16 counts (automaton.rs).
        let index = Literal::u16_unsuffixed(u16::try_from(index).unwrap_or(u16::MAX));
        let reason = &names[phrase.reason];
        let commands = phrase.commands.iter().map(|&index| {
            let variant = Ident::new(COMMANDS[index].1, Span::call_site());
            runtime::command(&variant)
        });
        let origin = phrase.origin.as_str();
        let line = Literal::u32_unsuffixed(u32::try_from(phrase.line).unwrap_or(u32::MAX));
        let location = phrase_source.at(phrase.line);
        runtime::phrase(&quote! {
            #text, Self::#reason, &[#(#commands),*], #index, #origin, #line, #location
        })
    });
    phrases.collect()
}

/// `PHRASES` and `STATUS_RULES`: every row of the two tables, and `status_rule`.
fn rows(tables: &Tables, names: &[Ident], phrases: &[TokenStream]) -> TokenStream {
    let phrase_ty = runtime::phrase_type();
    let status_rule_ty = runtime::status_rule_type();
    let enhanced_code = runtime::enhanced_code_type();
    let statuses = tables.statuses.iter().map(|status| {
        let class = Literal::u8_unsuffixed(status.class);
        let subject = Literal::u16_unsuffixed(status.subject);
        let detail = Literal::u16_unsuffixed(status.detail);
        let reason = &names[status.reason];
        let status_first = status.status_first;
        let note = status.note.as_str();
        let yields_to = status.yields_to.iter().map(|&index| &names[index]);
        runtime::status_rule(&quote! {
            #class, #subject, #detail, Self::#reason, #status_first, #note,
            &[#(Self::#yields_to),*]
        })
    });
    // `status_rule` as one `match` on (class, subject, detail): the exact-class rows first, in
    // table order, then the any-class (`X`) rows, so the first arm that matches is the rule the
    // documented order picks. The compiler turns it into a few comparisons where the two linear
    // searches of the table it replaced made up to 2 x 69 (a fifth of `Diagnosis::of`'s
    // instructions on the corpus, measured with callgrind; PERFORMANCE.md).
    let exact = tables
        .statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| s.class != 0);
    let any = tables
        .statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| s.class == 0);
    let arms = exact.chain(any).map(|(index, status)| {
        let class = if status.class == 0 {
            quote!(_)
        } else {
            let class = Literal::u8_unsuffixed(status.class);
            quote!(#class)
        };
        let subject = Literal::u16_unsuffixed(status.subject);
        let detail = Literal::u16_unsuffixed(status.detail);
        let index = Literal::usize_unsuffixed(index);
        quote!((#class, #subject, #detail) => #index,)
    });
    quote! {
        /// Every row of the phrase table, in file order: the first that matches decides.
        // A reference to a constant array is promoted to a static: the table is never copied
        // to the stack, whatever its size.
        #[allow(clippy::large_stack_arrays)]
        pub const PHRASES: &'static [#phrase_ty<Self>] = &[#(#phrases),*];

        /// Every row of the status table: which enhanced status codes decide which reason.
        pub const STATUS_RULES: &'static [#status_rule_ty<Self>] = &[#(#statuses),*];

        /// The status rule for `code`: a rule for its exact class (`5.1.1`) before one for
        /// any class (`X.1.1`); `None` when the table has neither.
        #[must_use]
        pub fn status_rule(
            code: #enhanced_code,
        ) -> ::core::option::Option<&'static #status_rule_ty<Self>> {
            // A table with two rows for one code leaves the second arm unreachable: harmless, the
            // first row wins as documented.
            #[allow(unreachable_patterns)]
            let index = match (code.class().digit(), code.subject(), code.detail()) {
                #(#arms)*
                _ => return ::core::option::Option::None,
            };
            Self::STATUS_RULES.get(index)
        }
    }
}

/// `find_phrase` and `MATCHER_TABLE_BYTES`: the automaton's tables as static byte strings and
/// the runtime walk over them.
fn find_phrase(automaton: &Automaton, phrase_count: usize) -> TokenStream {
    let phrase_ty = runtime::phrase_type();
    let command = runtime::command_type();
    let automaton_ty = runtime::phrase_automaton_type();
    let span = Span::call_site();
    let classes = LitByteStr::new(&automaton.classes, span);
    let dense = LitByteStr::new(&le_bytes(&automaton.dense), span);
    let sparse = LitByteStr::new(&le_bytes(&automaton.sparse), span);
    let exception_classes = LitByteStr::new(&automaton.exception_classes, span);
    let exception_targets = LitByteStr::new(&le_bytes(&automaton.exception_targets), span);
    let output_bounds = LitByteStr::new(&le_bytes(&automaton.output_bounds), span);
    let outputs = LitByteStr::new(&le_bytes(&automaton.outputs), span);
    let (stride, dense_states) = (automaton.stride, usize::from(automaton.dense_states));
    let states = automaton.states();
    let table_bytes = automaton.table_bytes();
    let doc = format!(
        "The first row of the phrase table (in file order) whose phrase occurs in `text`, ASCII \
         case-insensitively, and that applies to `command`: a row naming commands applies only \
         when `command` is one of them.\n\n\
         One pass over `text` through an automaton built at compile time ({phrase_count} \
         phrases, {states} states of which {dense_states} with dense rows, {stride} byte \
         classes, {table_bytes} bytes of tables); no allocation."
    );
    quote! {
        /// The size in bytes of the phrase automaton's tables.
        pub const MATCHER_TABLE_BYTES: usize = #table_bytes;

        #[doc = #doc]
        #[must_use]
        pub fn find_phrase(
            text: &[u8],
            command: ::core::option::Option<#command>,
        ) -> ::core::option::Option<&'static #phrase_ty<Self>> {
            static AUTOMATON: #automaton_ty = #automaton_ty {
                classes: #classes,
                stride: #stride,
                dense: #dense,
                dense_states: #dense_states,
                sparse: #sparse,
                exception_classes: #exception_classes,
                exception_targets: #exception_targets,
                output_bounds: #output_bounds,
                outputs: #outputs,
            };
            let phrases = Self::PHRASES;
            AUTOMATON
                .find(text, |index| {
                    phrases
                        .get(usize::from(index))
                        .is_some_and(|phrase| phrase.applies_to(command))
                })
                .and_then(|index| phrases.get(usize::from(index)))
        }
    }
}

/// `Display` (the name) and `FromStr` (the name, ASCII case-insensitively).
fn trait_impls(ident: &Ident, tables: &Tables) -> TokenStream {
    let parse_error = runtime::parse_reason_error_type();
    let new_parse_error = runtime::parse_reason_error();
    let phrase_sources = runtime::phrase_sources_trait();
    let sources = tables.phrases.iter().map(|phrase| phrase.source.as_str());
    quote! {
        impl #phrase_sources for #ident {
            /// The phrase table's `source` column, read only through this function: a program
            /// that never calls it leaves the column out.
            fn phrase_source(index: usize) -> &'static str {
                #[allow(clippy::large_stack_arrays)]
                static SOURCES: &[&str] = &[#(#sources),*];
                SOURCES.get(index).copied().unwrap_or("")
            }
        }

        impl ::core::fmt::Display for #ident {
            /// The reason's name (`UserUnknown`).
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = #parse_error;

            /// A reason by its name, ASCII case-insensitively (`UserUnknown`, `userunknown`).
            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|reason| reason.name().eq_ignore_ascii_case(text))
                    .ok_or(#new_parse_error)
            }
        }
    }
}
