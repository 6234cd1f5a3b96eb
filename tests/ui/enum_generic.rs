#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/good.csv")]
pub enum Codes<T> {}

fn main() {}
