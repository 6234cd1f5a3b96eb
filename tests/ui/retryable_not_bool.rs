#[smtp_codes::reply_codes("fixtures/retryable_not_bool.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
