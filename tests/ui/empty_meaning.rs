#[smtp_codes::reply_codes("fixtures/empty_meaning.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
