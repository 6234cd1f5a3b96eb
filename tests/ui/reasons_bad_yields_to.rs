#[smtp_codes::reasons(
    "fixtures/reasons_good.csv",
    "fixtures/reasons_good_phrases.csv",
    "fixtures/reasons_bad_yields_to.csv"
)]
#[derive(Debug, Clone, Copy)]
pub enum Reason {}

fn main() {}
