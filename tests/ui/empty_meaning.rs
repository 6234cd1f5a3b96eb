#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/empty_meaning.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
