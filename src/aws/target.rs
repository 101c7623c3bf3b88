//! Where and as whom adsso calls AWS: the Region, a named profile, an endpoint override and the
//! call timeouts. One value carries them from the command line (`--region`, `--profile`,
//! `--endpoint-url`, `--aws-timeout`) through the commands and the wizard to the SDK clients.
//! Unset fields fall back to the standard AWS environment variables and config files.

use super::sdk::Timeouts;

/// Where and as whom to call AWS.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    /// The Region; `None` until a plan (or the wizard's draft) says which.
    pub region: Option<String>,
    /// A named profile of the AWS config files.
    pub profile: Option<String>,
    /// An endpoint override for every service (an emulator, a VPC endpoint).
    pub endpoint_url: Option<String>,
    /// How long each call may take.
    pub timeouts: Timeouts,
}

impl Target {
    /// The same target in `region`.
    pub fn in_region(&self, region: &str) -> Target {
        Target {
            region: Some(region.to_owned()),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_region_keeps_everything_else() {
        let target = Target {
            region: Some("us-east-1".to_owned()),
            profile: Some("ops".to_owned()),
            endpoint_url: Some("http://127.0.0.1:5000".to_owned()),
            timeouts: Timeouts::for_operation(std::time::Duration::from_secs(9)),
        };
        let moved = target.in_region("eu-west-1");
        assert_eq!(moved.region.as_deref(), Some("eu-west-1"));
        assert_eq!(
            Target {
                region: target.region.clone(),
                ..moved
            },
            target
        );
    }
}
