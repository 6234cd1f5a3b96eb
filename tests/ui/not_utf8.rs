#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/not_utf8.csv")]
pub enum Codes {}

fn main() {}
