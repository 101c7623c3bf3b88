//! Tests of the table from validation paths to wizard fields.

use super::*;

#[test]
fn each_table_path_and_what_lies_inside_it_belongs_to_its_field() {
    for (path, id) in FIELD_PATHS {
        assert_eq!(field_of(path), Some(*id), "{path}");
        assert_eq!(field_of(&format!("{path}.env")), Some(*id), "{path}.env");
    }
    assert_eq!(
        field_of("selfManaged.dnsServers[3]"),
        Some(FieldId::DnsServers)
    );
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
fn a_path_that_only_contains_a_field_path_is_not_that_field() {
    for path in [
        "connection.trust.passwordHint",
        "identityCenter.permissionSets[0].name",
        "metadata.names",
        "x.selfManaged.domain",
        "",
    ] {
        assert_eq!(field_of(path), None, "{path}");
    }
}

#[test]
fn every_field_validation_can_speak_about_is_in_the_table() {
    use FieldId::*;
    let validated = [
        Domain,
        Netbios,
        DnsServers,
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
}
