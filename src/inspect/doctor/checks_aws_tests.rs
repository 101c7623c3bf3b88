use super::*;
use crate::aws::{DirectoryKind, Limit, TrustState};
use crate::plan::example;

fn directory(stage: &str, reason: &str) -> Directory {
    let mut d = crate::aws::fake::Fake::directory("d-1", "corp", DirectoryKind::MicrosoftAd);
    d.stage = DirectoryStage::from_name(stage);
    d.stage_reason = reason.to_owned();
    d
}

#[test]
fn stages_map_to_statuses() {
    assert_eq!(stage(None).status, Status::Skipped);
    assert_eq!(stage(Some(&directory("Active", ""))).status, Status::Pass);
    assert_eq!(stage(Some(&directory("Creating", ""))).status, Status::Warn);
    assert_eq!(stage(Some(&directory("Updating", ""))).status, Status::Warn);
    let impaired = stage(Some(&directory("Impaired", "DCs unreachable")));
    assert_eq!(impaired.status, Status::Fail);
    assert_eq!(impaired.detail, "Impaired: DCs unreachable");
    assert_eq!(
        stage(Some(&directory("Inoperable", ""))).status,
        Status::Fail
    );
    assert_eq!(stage(Some(&directory("Failed", "x"))).status, Status::Fail);
}

#[test]
fn limits_fail_at_the_limit_and_pass_one_below() {
    let plan = example("trust.yaml");
    let of = |current, reached| DirectoryLimits {
        managed_ad: Limit {
            current,
            limit: 10,
            reached,
        },
        ..DirectoryLimits::default()
    };
    assert_eq!(limits(&plan, Some(&of(9, false))).status, Status::Pass);
    assert_eq!(limits(&plan, Some(&of(10, false))).status, Status::Fail);
    assert_eq!(limits(&plan, Some(&of(3, true))).status, Status::Fail);
    assert_eq!(limits(&plan, None).status, Status::Skipped);
    let connector = example("ad-connector.yaml");
    let check = limits(&connector, Some(&of(10, true)));
    assert_eq!(
        check.status,
        Status::Fail,
        "AD Connector counts connected directories"
    );
    assert_eq!(check.detail, "0 of 0 used");
}

fn trust(state: &str, reason: &str) -> TrustInfo {
    TrustInfo {
        id: "t-1".to_owned(),
        directory_id: "d-1".to_owned(),
        remote_domain: "CORP.example.com".to_owned(),
        direction: "Two-Way".to_owned(),
        trust_type: "Forest".to_owned(),
        selective_auth: "Disabled".to_owned(),
        state: TrustState::from_name(state),
        state_reason: reason.to_owned(),
    }
}

#[test]
fn trusts_map_their_reason_to_the_documented_fix() {
    let plan = example("trust.yaml");
    let one = |found: &[TrustInfo]| trusts(&plan, Some(found)).remove(0);
    assert_eq!(one(&[trust("Verified", "")]).status, Status::Pass);
    let denied = one(&[trust("Failed", "Access is denied.")]);
    assert_eq!(denied.status, Status::Fail);
    assert_eq!(denied.domain, "corp.example.com");
    let fix = denied.fix.unwrap();
    assert!(
        fix.contains("password") && fix.contains("netlogon, samr and lsarpc"),
        "{fix}"
    );
    assert!(fix.contains("site names"), "{fix}");
    let overlap = one(&[trust("Failed", "The operation could not be performed.")]);
    assert!(overlap.fix.unwrap().contains("NetBIOS"));
    let contacted = one(&[trust("VerifyFailed", "could not be contacted")]);
    assert!(contacted.fix.unwrap().contains("network.sg-egress"));
    assert_eq!(one(&[]).status, Status::Fail);
    assert_eq!(one(&[trust("Creating", "")]).status, Status::Warn);
    assert_eq!(trusts(&plan, None)[0].status, Status::Skipped);
    assert!(trusts(&example("ad-connector.yaml"), Some(&[])).is_empty());
}

fn instance_of(owner: &str, status: &str) -> Instance {
    Instance {
        arn: "arn:aws:sso:::instance/ssoins-1".to_owned(),
        identity_store_id: "d-1".to_owned(),
        owner_account: owner.to_owned(),
        status: InstanceStatus::from_name(status),
    }
}

#[test]
fn the_instance_must_exist_be_active_and_be_this_accounts() {
    let plan = example("ad-connector.yaml");
    let account = "123456789012";
    let check = |list: &[Instance]| instance(&plan, list, account);
    assert_eq!(
        check(&[instance_of(account, "ACTIVE")]).status,
        Status::Pass
    );
    assert_eq!(check(&[]).status, Status::Fail);
    let other = check(&[instance_of("210987654321", "ACTIVE")]);
    assert_eq!(other.status, Status::Fail);
    assert!(other.fix.unwrap().contains("management account"));
    assert_eq!(
        check(&[instance_of(account, "CREATE_IN_PROGRESS")]).status,
        Status::Fail
    );
}
