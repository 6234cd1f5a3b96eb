#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/good.csv")]
#[derive(Debug, Clone, Copy)]
pub struct Codes;

fn main() {}
