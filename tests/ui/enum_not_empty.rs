#[smtp_codes::reply_codes("../../../../tests/ui/fixtures/good.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {
    Mine = 299,
}

fn main() {}
