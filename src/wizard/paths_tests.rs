//! Tests of the tables from validation paths to wizard questions.

use super::*;

fn field_of(path: &str) -> Option<FieldId> {
    field_at(path)
        .filter(|at| at.domain.is_none())
        .map(|at| at.id)
}

fn domain_field(path: &str) -> Option<(usize, FieldId)> {
    field_at(path).and_then(|at| Some((at.domain?, at.id)))
}

#[test]
fn each_table_path_and_what_lies_inside_it_belongs_to_its_field() {
    for (path, id) in FIELD_PATHS {
        assert_eq!(field_of(path), Some(*id), "{path}");
        assert_eq!(field_of(&format!("{path}.env")), Some(*id), "{path}.env");
    }
    assert_eq!(
        field_of("connection.adConnector.subnetIds[2]"),
        Some(FieldId::Subnet2)
    );
    assert_eq!(
        field_of("connection.trust.managedAd.create.subnetIds[0]"),
        Some(FieldId::Subnet1)
    );
}

#[test]
fn a_domain_path_lands_on_its_domain_in_either_form() {
    for (inside, id) in DOMAIN_PATHS {
        assert_eq!(
            domain_field(&format!("selfManaged.{inside}")),
            Some((0, *id)),
            "{inside}"
        );
        assert_eq!(
            domain_field(&format!("selfManaged[3].{inside}.env")),
            Some((3, *id)),
            "{inside}"
        );
    }
    assert_eq!(
        domain_field("selfManaged.dnsServers[3]"),
        Some((0, FieldId::DnsServers))
    );
    assert_eq!(
        domain_field("selfManaged[1].dnsServers[0]"),
        Some((1, FieldId::DnsServers))
    );
    assert_eq!(domain_field("selfManaged"), Some((0, FieldId::Domain)));
    assert_eq!(domain_field("selfManaged[2]"), Some((2, FieldId::Domain)));
}

#[test]
fn a_path_that_only_contains_a_field_path_is_not_that_field() {
    for path in [
        "connection.trust.passwordHint",
        "identityCenter.permissionSets[0].name",
        "metadata.names",
        "x.selfManaged.domain",
        "selfManagedX.domain",
        "selfManaged[x].domain",
        "selfManaged[1]x",
        "selfManaged[0].domainName",
        "",
    ] {
        assert_eq!(field_at(path), None, "{path}");
    }
}

#[test]
fn every_field_validation_can_speak_about_is_in_a_table() {
    use FieldId::*;
    let validated = [
        PlanName,
        Region,
        AccountId,
        ConnectorSize,
        VpcId,
        Subnet1,
        Subnet2,
        ServiceUser,
        TrustType,
        SelectiveAuth,
        ExistingDirectoryId,
        ManagedDomain,
        ManagedNetbios,
        Edition,
        ServicePassword,
        TrustPassword,
        AdminPassword,
    ];
    for id in validated {
        assert!(
            FIELD_PATHS.iter().any(|(_, field)| *field == id),
            "{id:?} has no plan path"
        );
    }
    for id in [
        Domain,
        Netbios,
        DnsServers,
        DomainTrustType,
        DomainSelectiveAuth,
        DomainTrustPassword,
    ] {
        assert!(id.is_per_domain());
        assert!(
            DOMAIN_PATHS.iter().any(|(_, field)| *field == id),
            "{id:?} has no domain path"
        );
    }
}
