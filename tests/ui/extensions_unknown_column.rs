#[smtp_codes::extensions("fixtures/extensions_unknown_column.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Keywords {}

fn main() {}
