#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/retryable_positive.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
