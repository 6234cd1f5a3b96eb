// A column of another table (`retryable` belongs to reply codes) is refused, not ignored.
#[smtp_codes::enhanced_statuses("fixtures/enhanced_unknown_column.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Statuses {}

fn main() {}
