#[smtp_codes::enhanced_statuses(enhanced_csv)]
pub enum Statuses {}

fn main() {}
