#[smtp_codes::reply_codes("fixtures/name_reserved.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
