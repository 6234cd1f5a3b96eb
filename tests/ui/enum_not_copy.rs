#[smtp_codes::reply_codes("fixtures/good.csv")]
#[derive(Debug)]
pub enum Codes {}

fn main() {}
