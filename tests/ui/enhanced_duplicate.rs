#[smtp_codes::enhanced_statuses("fixtures/enhanced_duplicate.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Statuses {}

fn main() {}
