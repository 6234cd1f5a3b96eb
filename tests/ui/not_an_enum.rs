#[smtp_codes::reply_codes("fixtures/good.csv")]
#[derive(Debug, Clone, Copy)]
pub struct Codes;

fn main() {}
