//! The [`Explanation`] as the JSON the page renders: field names in snake case, absent values
//! `null`.

use crate::json::{object, ToJson};
use crate::{
    AdviceFacts, CapabilityFacts, CodeFacts, CommandFacts, ComplaintFacts, DiagnosisFacts,
    EhloFacts, EmailFacts, EnhancedFacts, Explanation, Item, OriginalFacts, RecipientFacts,
    Verdict,
};

impl ToJson for Explanation {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("input", self.input.name())
                .field("summary", &self.summary)
                .field("items", &self.items)
                .field("notes", &self.notes)
                .field("error", &self.error)
                .field("email", &self.email);
        });
    }
}

impl ToJson for Item {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("heading", &self.heading)
                .field("verdict", &self.verdict)
                .field("lines", &self.lines)
                .field("recipient", &self.recipient)
                .field("code", &self.code)
                .field("enhanced", &self.enhanced)
                .field("command", &self.command)
                .field("advice", &self.advice)
                .field("diagnosis", &self.diagnosis)
                .field("ehlo", &self.ehlo);
        });
    }
}

impl ToJson for Verdict {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("kind", self.kind.name())
                .field("headline", &self.headline)
                .field("detail", &self.detail);
        });
    }
}

impl ToJson for CodeFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("code", &self.code)
                .field("known", &self.known)
                .field("meaning", &self.meaning)
                .field("reference", self.reference)
                .field("class_digit", &self.class_digit)
                .field("class_name", self.class_name)
                .field("class_plain", self.class_plain)
                .field("category", &self.category)
                .field("category_digit", &self.category_digit)
                .field("retryable", &self.retryable);
        });
    }
}

impl ToJson for EnhancedFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("code", &self.code)
                .field("class_name", self.class_name)
                .field("subject", &self.subject)
                .field("title", &self.title)
                .field("reference", &self.reference);
        });
    }
}

impl ToJson for CommandFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("name", self.name).field("source", self.source);
        });
    }
}

impl ToJson for AdviceFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("decision", self.decision)
                .field("closing", &self.closing)
                .field("rule", &self.rule);
        });
    }
}

impl ToJson for DiagnosisFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("reason", &self.reason)
                .field("description", self.description)
                .field("hard", &self.hard)
                .field("rule", &self.rule)
                .field("summary", &self.summary);
        });
    }
}

impl ToJson for EhloFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("domain", &self.domain)
                .field("greeting", &self.greeting)
                .field("capabilities", &self.capabilities);
        });
    }
}

impl ToJson for CapabilityFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("line", &self.line)
                .field("keyword", &self.keyword)
                .field("description", &self.description)
                .field("reference", &self.reference)
                .field("note", &self.note);
        });
    }
}

impl ToJson for RecipientFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("address", &self.address)
                .field("original_address", &self.original_address)
                .field("action", &self.action)
                .field("action_stated", &self.action_stated)
                .field("status", &self.status)
                .field("remote_mta", &self.remote_mta)
                .field("diagnostic_type", &self.diagnostic_type)
                .field("reporting_mta", &self.reporting_mta)
                .field("date", &self.date)
                .field("source", &self.source);
        });
    }
}

impl ToJson for EmailFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("kind", self.kind)
                .field("verdict", &self.verdict)
                .field("format", &self.format)
                .field("format_plain", &self.format_plain)
                .field("reporting_mta", &self.reporting_mta)
                .field("subject", &self.subject)
                .field("from", &self.from)
                .field("date", &self.date)
                .field("original", &self.original)
                .field("complaint", &self.complaint);
        });
    }
}

impl ToJson for OriginalFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("message_id", &self.message_id)
                .field("subject", &self.subject)
                .field("from", &self.from)
                .field("to", &self.to)
                .field("date", &self.date)
                .field("envelope_sender", &self.envelope_sender)
                .field("envelope_id", &self.envelope_id)
                .field("verp_recipient", &self.verp_recipient);
        });
    }
}

impl ToJson for ComplaintFacts {
    fn write_json(&self, out: &mut String) {
        object(out, |o| {
            o.field("feedback_type", &self.feedback_type)
                .field("recipient", &self.recipient)
                .field("original_mail_from", &self.original_mail_from)
                .field("source_ip", &self.source_ip)
                .field("arrival_date", &self.arrival_date)
                .field("user_agent", &self.user_agent)
                .field("reported_domain", &self.reported_domain);
        });
    }
}
