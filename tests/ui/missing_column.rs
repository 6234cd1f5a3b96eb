#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/missing_column.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
