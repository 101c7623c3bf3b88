//! The question model both front ends ask from: which fields each screen shows for the current
//! draft, how each is answered (free text or a choice), and the errors the foundation's
//! validation finds, attached to the field they concern. Also the decision helper that
//! recommends a design.

use std::collections::BTreeMap;

use super::domains::AS_PLAN;
use super::draft::{Draft, FieldId, ManagedAdSource as Source};
pub use super::paths::{FieldAt, field_at};
use crate::plan::{Mode, validate};
use crate::text::wizard as words;

/// The wizard's screens, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Screen {
    /// Two-way trust or AD Connector, with the decision helper.
    Choose,
    /// The self-managed domain.
    Domain,
    /// The AWS side.
    Aws,
    /// Where passwords come from.
    Secrets,
    /// The trust and access diagram.
    Diagram,
    /// The plan and what apply will do.
    Review,
    /// Save.
    Finish,
}

impl Screen {
    /// All screens in order.
    pub const ALL: [Screen; 7] = [
        Screen::Choose,
        Screen::Domain,
        Screen::Aws,
        Screen::Secrets,
        Screen::Diagram,
        Screen::Review,
        Screen::Finish,
    ];

    /// The next screen, if any.
    pub fn next(self) -> Option<Screen> {
        Self::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Self::ALL.get(i + 1).copied())
    }

    /// The previous screen, if any.
    pub fn previous(self) -> Option<Screen> {
        Self::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| Self::ALL.get(i).copied())
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Choose => "Choose",
            Screen::Domain => "Domain",
            Screen::Aws => "AWS",
            Screen::Secrets => "Secrets",
            Screen::Diagram => "Diagram",
            Screen::Review => "Review",
            Screen::Finish => "Finish",
        }
    }
}

/// How a field is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Free text.
    Text,
    /// One of these values.
    Choice(&'static [&'static str]),
}

/// One question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Which answer it sets.
    pub id: FieldId,
    /// Its label.
    pub label: &'static str,
    /// A hint shown under it.
    pub hint: &'static str,
    /// How it is answered.
    pub answer: Answer,
}

/// The definition of a field.
pub fn field(id: FieldId) -> Field {
    let (label, hint, answer) = match id {
        FieldId::Domain => ("Domain (FQDN)", words::HINT_DOMAIN, Answer::Text),
        FieldId::Netbios => ("NetBIOS name", words::HINT_NETBIOS, Answer::Text),
        FieldId::DnsServers => ("DNS servers", words::HINT_DNS, Answer::Text),
        FieldId::DomainTrustType => (
            "Trust type (this domain)",
            words::HINT_DOMAIN_TRUST_TYPE,
            Answer::Choice(&[AS_PLAN, "forest", "external"]),
        ),
        FieldId::DomainSelectiveAuth => (
            "Selective auth (domain)",
            words::HINT_DOMAIN_SELECTIVE,
            Answer::Choice(&[AS_PLAN, "no", "yes"]),
        ),
        FieldId::DomainTrustPassword => (
            "Trust password (domain)",
            words::HINT_DOMAIN_SECRET,
            Answer::Text,
        ),
        FieldId::PlanName => ("Plan name", words::HINT_PLAN_NAME, Answer::Text),
        FieldId::Region => ("Region", words::HINT_REGION, Answer::Text),
        FieldId::AccountId => ("Account id", words::HINT_ACCOUNT, Answer::Text),
        FieldId::ConnectorSize => (
            "Connector size",
            words::HINT_SIZE,
            Answer::Choice(&["Small", "Large"]),
        ),
        FieldId::VpcId => ("VPC", words::HINT_VPC, Answer::Text),
        FieldId::Subnet1 => ("Subnet 1", words::HINT_SUBNET, Answer::Text),
        FieldId::Subnet2 => ("Subnet 2", words::HINT_SUBNET, Answer::Text),
        FieldId::ServiceUser => ("Service account", words::HINT_SERVICE_USER, Answer::Text),
        FieldId::TrustType => (
            "Trust type",
            words::HINT_TRUST_TYPE,
            Answer::Choice(&["forest", "external"]),
        ),
        FieldId::SelectiveAuth => (
            "Selective auth",
            words::HINT_SELECTIVE,
            Answer::Choice(&["no", "yes"]),
        ),
        FieldId::ManagedAdSource => (
            "Managed AD",
            words::HINT_MANAGED_SOURCE,
            Answer::Choice(&["new", "existing"]),
        ),
        FieldId::ExistingDirectoryId => ("Directory id", words::HINT_DIRECTORY, Answer::Text),
        FieldId::ManagedDomain => ("AWS domain", words::HINT_MANAGED_DOMAIN, Answer::Text),
        FieldId::ManagedNetbios => ("AWS NetBIOS", words::HINT_MANAGED_NETBIOS, Answer::Text),
        FieldId::Edition => (
            "Edition",
            words::HINT_EDITION,
            Answer::Choice(&["Standard", "Enterprise"]),
        ),
        FieldId::ServicePassword => ("Service account password", words::HINT_SECRET, Answer::Text),
        FieldId::TrustPassword => ("Trust password", words::HINT_SECRET, Answer::Text),
        FieldId::AdminPassword => (
            "Managed AD Admin password",
            words::HINT_SECRET,
            Answer::Text,
        ),
    };
    Field {
        id,
        label,
        hint,
        answer,
    }
}

/// The fields a screen asks for the current draft (empty for the non-form screens).
pub fn fields(screen: Screen, draft: &Draft) -> Vec<Field> {
    use FieldId::*;
    let ids: Vec<FieldId> = match (screen, draft.mode) {
        (Screen::Domain, _) if draft.asks_override() => vec![
            Domain,
            Netbios,
            DnsServers,
            DomainTrustType,
            DomainSelectiveAuth,
            DomainTrustPassword,
        ],
        (Screen::Domain, _) => vec![Domain, Netbios, DnsServers],
        (Screen::Aws, Mode::Trust) => {
            let mut ids = vec![
                PlanName,
                Region,
                AccountId,
                TrustType,
                SelectiveAuth,
                ManagedAdSource,
            ];
            match draft.managed_ad_source() {
                Source::Existing => ids.push(ExistingDirectoryId),
                Source::New => ids.extend([
                    ManagedDomain,
                    ManagedNetbios,
                    Edition,
                    VpcId,
                    Subnet1,
                    Subnet2,
                ]),
            }
            ids
        }
        (Screen::Aws, _) => vec![
            PlanName,
            Region,
            AccountId,
            ConnectorSize,
            VpcId,
            Subnet1,
            Subnet2,
            ServiceUser,
        ],
        (Screen::Secrets, Mode::Trust) => match draft.managed_ad_source() {
            Source::Existing => vec![TrustPassword],
            Source::New => vec![TrustPassword, AdminPassword],
        },
        (Screen::Secrets, _) => vec![ServicePassword],
        _ => Vec::new(),
    };
    ids.into_iter().map(field).collect()
}

/// The first validation error of each field (of each domain's, for the per-domain
/// questions), in words for the screen.
pub fn errors(draft: &Draft) -> BTreeMap<FieldAt, String> {
    let mut errors = BTreeMap::new();
    for diagnostic in validate(&draft.to_plan())
        .into_iter()
        .filter(|d| d.is_error())
    {
        if let Some(at) = field_at(diagnostic.path.as_str()) {
            errors.entry(at).or_insert_with(|| {
                if diagnostic.allowed.is_empty() {
                    diagnostic.problem.clone()
                } else {
                    format!("{}; {}", diagnostic.problem, diagnostic.allowed)
                }
            });
        }
    }
    super::secret_names::refuse_passwords(draft, &mut errors);
    errors
}

/// A decision-helper answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YesNo {
    /// Not answered.
    Unsure,
    /// Yes.
    Yes,
    /// No.
    No,
}

impl YesNo {
    /// The next answer in the cycle unsure -> yes -> no.
    pub fn cycle(self) -> Self {
        match self {
            YesNo::Unsure => YesNo::Yes,
            YesNo::Yes => YesNo::No,
            YesNo::No => YesNo::Unsure,
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            YesNo::Unsure => "not sure",
            YesNo::Yes => "yes",
            YesNo::No => "no",
        }
    }
}

/// The decision helper's three questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Several domains or forests must sign in?
    pub several_domains: YesNo,
    /// Must users reset passwords from the AWS access portal?
    pub portal_resets: YesNo,
    /// May directory data live in AWS?
    pub data_in_aws: YesNo,
}

impl Default for Decision {
    fn default() -> Self {
        Self {
            several_domains: YesNo::Unsure,
            portal_resets: YesNo::Unsure,
            data_in_aws: YesNo::Unsure,
        }
    }
}

impl Decision {
    /// True while every answer is "not sure": nothing to recommend from.
    pub fn is_open(&self) -> bool {
        [self.several_domains, self.portal_resets, self.data_in_aws]
            .iter()
            .all(|answer| *answer == YesNo::Unsure)
    }

    /// The recommended design and why, in the product's words; none while every answer is
    /// "not sure".
    pub fn recommend(&self) -> Option<(Mode, Vec<&'static str>)> {
        if self.is_open() {
            return None;
        }
        let mut reasons = Vec::new();
        if self.portal_resets == YesNo::Yes {
            reasons.push(words::WHY_RESETS);
        }
        if self.several_domains == YesNo::Yes {
            reasons.push(words::WHY_SEVERAL_DOMAINS);
            if self.data_in_aws == YesNo::No {
                reasons.push(words::WHY_CONFLICT);
            }
            return Some((Mode::Trust, reasons));
        }
        if self.data_in_aws == YesNo::No {
            reasons.push(words::WHY_NO_DATA_IN_AWS);
        } else {
            reasons.push(words::WHY_SIMPLER);
        }
        Some((Mode::AdConnector, reasons))
    }
}
