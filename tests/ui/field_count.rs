#[smtp_codes::reply_codes("fixtures/field_count.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
