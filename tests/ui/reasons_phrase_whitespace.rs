#[smtp_codes::reasons(
    "fixtures/reasons_good.csv",
    "fixtures/reasons_phrase_whitespace.csv",
    "fixtures/reasons_good_statuses.csv"
)]
#[derive(Debug, Clone, Copy)]
pub enum Reason {}

fn main() {}
