//! Commented plan templates printed by `adsso init`. Each `<placeholder>` must be replaced;
//! once they are, the template validates (a test fills them in and checks).

use super::model::Mode;
use super::schema::SCHEMA_MODELINE;

const AD_CONNECTOR: &str = include_str!("../../assets/templates/ad-connector.yaml");
const TRUST: &str = include_str!("../../assets/templates/trust.yaml");

/// The template for a mode, starting with the schema modeline. Simple AD has none: it is refused.
pub fn template(mode: Mode) -> Option<String> {
    let body = match mode {
        Mode::AdConnector => AD_CONNECTOR,
        Mode::Trust => TRUST,
        Mode::SimpleAd => return None,
    };
    Some(format!("{SCHEMA_MODELINE}\n{body}"))
}
