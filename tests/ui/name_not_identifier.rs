#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/name_not_identifier.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
