#[smtp_codes::reply_codes("fixtures/name_not_identifier.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
