// The attribute below the derives: they run on the empty enum before the table fills it. One
// error, at the attribute, saying to move it; not one per derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[smtp_codes::reply_codes("fixtures/good.csv")]
pub enum Codes {}

fn main() {}
