#[smtp_codes::enhanced_statuses("fixtures/enhanced_missing_column.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Statuses {}

fn main() {}
