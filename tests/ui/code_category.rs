#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/code_category.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
