#[smtp_codes::reasons(
    "fixtures/reasons_bad_hard.csv",
    "fixtures/reasons_good_phrases.csv",
    "fixtures/reasons_good_statuses.csv"
)]
#[derive(Debug, Clone, Copy)]
pub enum Reason {}

fn main() {}
