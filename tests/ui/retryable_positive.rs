#[smtp_codes::reply_codes("fixtures/retryable_positive.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
