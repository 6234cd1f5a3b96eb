#[smtp_codes::reply_codes("fixtures/not_utf8.csv")]
pub enum Codes {}

fn main() {}
