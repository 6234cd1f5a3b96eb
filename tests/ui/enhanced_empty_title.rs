#[smtp_codes::enhanced_statuses("fixtures/enhanced_empty_title.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Statuses {}

fn main() {}
