//! `adsso wizard --edit FILE`: a saved plan turned into a draft, every answer the wizard asks
//! for filled in from it (every domain too). The plan itself is kept in the draft, so what the
//! wizard does not ask about (Identity Center, tags) is saved back unchanged. The file is read
//! by `commands/wizard.rs` through the bounded loader and validated before it gets here.

use super::domains::{AS_PLAN, DomainDraft};
use super::draft::{Draft, FieldId, secret_text};
use crate::plan::{ConnectorSize, Edition, Plan, TrustType};

fn trust_type(value: TrustType) -> &'static str {
    match value {
        TrustType::Forest => "forest",
        TrustType::External => "external",
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

fn subnets(draft: &mut Draft, ids: &[String]) {
    let mut ids = ids.iter();
    for field in [FieldId::Subnet1, FieldId::Subnet2] {
        draft.set(field, ids.next().cloned().unwrap_or_default());
    }
}

impl Draft {
    /// The draft of a saved plan: its answers, its domains, and the plan kept underneath.
    pub fn from_plan(plan: Plan) -> Draft {
        let mut draft = Draft::default();
        draft.mode = plan.connection.mode;
        draft.set(FieldId::PlanName, plan.metadata.name.clone());
        draft.set(FieldId::Region, plan.aws.region.clone());
        draft.set(
            FieldId::AccountId,
            plan.aws.account_id.clone().unwrap_or_default(),
        );
        if let Some(trust) = &plan.connection.trust {
            draft.set(FieldId::TrustType, trust_type(trust.trust_type));
            draft.set(FieldId::SelectiveAuth, yes_no(trust.selective_auth));
            draft.set(FieldId::TrustPassword, secret_text(&trust.password));
            match (
                &trust.managed_ad.existing_directory_id,
                &trust.managed_ad.create,
            ) {
                (Some(id), _) => {
                    draft.set(FieldId::ManagedAdSource, "existing");
                    draft.set(FieldId::ExistingDirectoryId, id.clone());
                }
                (None, Some(create)) => {
                    draft.set(FieldId::ManagedAdSource, "new");
                    draft.set(FieldId::ManagedDomain, create.domain.clone());
                    draft.set(FieldId::ManagedNetbios, create.netbios_name.clone());
                    draft.set(
                        FieldId::Edition,
                        match create.edition {
                            Edition::Standard => "Standard",
                            Edition::Enterprise => "Enterprise",
                        },
                    );
                    draft.set(FieldId::VpcId, create.vpc_id.clone());
                    subnets(&mut draft, &create.subnet_ids);
                    draft.set(FieldId::AdminPassword, secret_text(&create.admin_password));
                }
                (None, None) => {}
            }
        }
        if let Some(connector) = &plan.connection.ad_connector {
            draft.set(
                FieldId::ConnectorSize,
                match connector.size {
                    ConnectorSize::Small => "Small",
                    ConnectorSize::Large => "Large",
                },
            );
            draft.set(FieldId::VpcId, connector.vpc_id.clone());
            subnets(&mut draft, &connector.subnet_ids);
            draft.set(
                FieldId::ServiceUser,
                connector.service_account.user_name.clone(),
            );
            draft.set(
                FieldId::ServicePassword,
                secret_text(&connector.service_account.password),
            );
        }
        draft.domains = plan
            .self_managed
            .all()
            .iter()
            .map(|domain| {
                let mut answers = DomainDraft::default();
                answers.set(FieldId::Domain, domain.domain.clone());
                answers.set(FieldId::Netbios, domain.netbios_name.clone());
                answers.set(FieldId::DnsServers, domain.dns_servers.join(", "));
                if let Some(over) = &domain.trust {
                    answers.set(
                        FieldId::DomainTrustType,
                        over.trust_type.map_or(AS_PLAN, trust_type),
                    );
                    answers.set(
                        FieldId::DomainSelectiveAuth,
                        over.selective_auth.map_or(AS_PLAN, yes_no),
                    );
                    if let Some(password) = &over.password {
                        answers.set(FieldId::DomainTrustPassword, secret_text(password));
                    }
                }
                answers
            })
            .collect();
        if draft.domains.is_empty() {
            draft.domains.push(DomainDraft::default());
        }
        draft.current = 0;
        draft.form = plan.self_managed.form();
        draft.base = Some(Box::new(plan));
        draft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::plan::example;

    #[test]
    fn every_example_goes_plan_draft_plan_unchanged() {
        for name in ["trust.yaml", "ad-connector.yaml", "trust-two-forests.yaml"] {
            let plan = example(name);
            let draft = Draft::from_plan(plan.clone());
            assert_eq!(draft.to_plan(), plan, "{name}");
        }
    }

    #[test]
    fn a_two_forest_plan_opens_with_both_domains_and_the_override() {
        let draft = Draft::from_plan(example("trust-two-forests.yaml"));
        assert_eq!(draft.domain_count(), 2);
        assert_eq!(draft.get(FieldId::Domain), "corp.example.com");
        assert_eq!(draft.get_in(1, FieldId::Domain), "emea.example.net");
        assert_eq!(draft.get_in(1, FieldId::DomainTrustType), "external");
        assert_eq!(draft.get_in(1, FieldId::DomainSelectiveAuth), AS_PLAN);
        assert_eq!(
            draft.get_in(1, FieldId::DomainTrustPassword),
            "ADSSO_TRUST_PASSWORD_EMEA"
        );
    }

    #[test]
    fn edits_are_laid_over_the_plan_and_the_rest_is_kept() {
        let plan = example("trust-two-forests.yaml");
        let mut draft = Draft::from_plan(plan.clone());
        draft.select_domain(1);
        draft.set(FieldId::Netbios, "EUROPE");
        draft.set(FieldId::Region, "eu-west-1");
        let edited = draft.to_plan();
        assert_eq!(edited.self_managed.all()[1].netbios_name, "EUROPE");
        assert_eq!(edited.aws.region, "eu-west-1");
        assert_eq!(edited.identity_center, plan.identity_center);
        assert!(edited.identity_center.is_some());
        assert_eq!(edited.tags, plan.tags);
        assert!(!edited.tags.is_empty());
    }

    #[test]
    fn a_file_reference_survives_the_draft() {
        let mut plan = example("trust.yaml");
        if let Some(trust) = plan.connection.trust.as_mut() {
            trust.password = crate::plan::SecretRef::File("/run/secrets/trust".into());
        }
        assert_eq!(Draft::from_plan(plan.clone()).to_plan(), plan);
    }
}
