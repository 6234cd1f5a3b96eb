#[smtp_codes::enhanced_statuses("../../../../tests/ui/fixtures/enhanced_empty_title.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Statuses {}

fn main() {}
