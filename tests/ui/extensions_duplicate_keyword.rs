#[smtp_codes::extensions("fixtures/extensions_duplicate_keyword.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Keywords {}

fn main() {}
