// A meaning with letters outside ASCII is not mangled into a name (`EmpfNgerAbgelehnt`): the
// `name` column is asked for. Line 3 has one, and is fine.
#[smtp_codes::reply_codes("fixtures/name_not_ascii.csv")]
#[derive(Debug, Clone, Copy)]
pub enum Codes {}

fn main() {}
