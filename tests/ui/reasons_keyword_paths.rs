#[smtp_codes::reasons(
    "fixtures/reasons_good.csv",
    "fixtures/reasons_good_phrases.csv",
    statuses = "fixtures/reasons_good_statuses.csv"
)]
#[derive(Debug, Clone, Copy)]
pub enum Reason {}

fn main() {}
