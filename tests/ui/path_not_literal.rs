#[smtp_codes::reply_codes(codes_csv)]
pub enum Codes {}

fn main() {}
