#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/duplicate_code.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
