//! Why an answer given as a flag (`adsso wizard --domain ...`) is refused, beyond the rule the
//! typed answer follows. Re-exported by [`super::wizard`], where the rest of the wizard's words
//! are.

/// `--subnets` with more than two subnets.
pub const FLAG_TWO_SUBNETS: &str = "give the two subnets, comma separated (subnet-a,subnet-b), in two different Availability Zones";
/// A second `--domain` (or `--netbios`, `--dns`) for an AD Connector.
pub const FLAG_ONE_DOMAIN: &str = "an AD Connector reaches one domain: give it once (several domains or forests need --mode trust)";
/// A flag of one design given with `--mode` of the other.
pub fn flag_for_other_design(design: &str) -> String {
    format!("answers a question of --mode {design} only; drop it, or give --mode {design}")
}
