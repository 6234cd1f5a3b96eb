#[smtp_codes::reply_codes("fixtures/missing_column.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
