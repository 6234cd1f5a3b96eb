#[smtp_codes::extensions("fixtures/extensions_bad_keyword.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Keywords {}

fn main() {}
