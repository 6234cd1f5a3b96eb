#[smtp_codes::extensions("fixtures/extensions_empty_description.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Keywords {}

fn main() {}
