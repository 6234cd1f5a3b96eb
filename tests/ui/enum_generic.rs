#[smtp_codes::reply_codes("fixtures/good.csv")]
pub enum Codes<T> {}

fn main() {}
