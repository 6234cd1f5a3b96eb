#[smtp_codes::extensions("fixtures/extensions_missing_column.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Keywords {}

fn main() {}
