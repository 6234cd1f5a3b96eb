#[smtp_codes::reply_codes("fixtures/code_class.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
