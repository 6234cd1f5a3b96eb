#[smtp_codes::enhanced_statuses("fixtures/enhanced_basic_codes.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Statuses {}

fn main() {}
