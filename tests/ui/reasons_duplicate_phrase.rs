#[smtp_codes::reasons(
    "fixtures/reasons_good.csv",
    "fixtures/reasons_duplicate_phrase.csv",
    "fixtures/reasons_good_statuses.csv"
)]
#[derive(Debug, Clone, Copy)]
pub enum Reason {}

fn main() {}
