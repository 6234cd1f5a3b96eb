#[smtp_codes::reply_codes("fixtures/code_not_digits.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
