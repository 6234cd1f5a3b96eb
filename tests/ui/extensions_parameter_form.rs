#[smtp_codes::extensions("fixtures/extensions_parameter_form.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Keywords {}

fn main() {}
