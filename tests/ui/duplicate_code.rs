#[smtp_codes::reply_codes("fixtures/duplicate_code.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
