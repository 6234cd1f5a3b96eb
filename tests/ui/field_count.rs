#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/field_count.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
