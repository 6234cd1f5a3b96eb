#[smtp_codes::reply_codes("fixtures/no-such-file.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
