#[smtp_codes::extensions("fixtures/extensions_derived_name.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Keywords {}

fn main() {}
