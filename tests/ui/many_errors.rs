#[smtp_codes::reply_codes("fixtures/many_errors.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
