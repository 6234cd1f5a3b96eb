#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/good.csv", example = "Codes")]
pub enum Codes {}

fn main() {}
