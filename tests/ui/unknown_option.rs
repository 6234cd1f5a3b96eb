#[smtp_codes::reply_codes("fixtures/good.csv", example = "Codes")]
pub enum Codes {}

fn main() {}
