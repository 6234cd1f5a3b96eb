// A table held to RFC 5321's categories refuses a second digit above 5; without the option the
// same row is accepted (see tests/tests/vendor.rs).
#[smtp_codes::reply_codes("fixtures/code_category.csv", rfc5321_categories = true)]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
