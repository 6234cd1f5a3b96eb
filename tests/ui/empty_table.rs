#[smtp_codes::reply_codes("fixtures/empty_table.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
