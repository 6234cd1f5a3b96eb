#[smtp_codes::reply_codes("fixtures/code_category.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
