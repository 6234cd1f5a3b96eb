#[smtp_codes::reply_codes("fixtures/good.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {
    Mine = 299,
}

fn main() {}
