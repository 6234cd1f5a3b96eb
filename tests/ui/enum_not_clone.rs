// `Copy` without `Clone` is one error too, naming what to add.
#[smtp_codes::enhanced_statuses("fixtures/enhanced_good.csv")]
#[derive(Debug, Copy, PartialEq)]
pub enum Statuses {}

fn main() {}
