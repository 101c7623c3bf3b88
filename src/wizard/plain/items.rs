//! The `--plain` front end's questions as one list, in the order they are asked, computed
//! again from the draft before each question (the answers change which questions follow: the
//! design, a new or existing Managed AD, another domain). Esc moves back one place in it.

use std::collections::BTreeSet;

use crate::plan::Mode;
use crate::text::wizard as words;
use crate::wizard::draft::{Draft, FieldId};
use crate::wizard::model::Choice;
use crate::wizard::questions::{self, Decision, FieldAt, Screen, YesNo};

/// The most domains one `--plain` session asks about (a bound, far above any real plan).
pub(super) const MAX_DOMAINS_ASKED: usize = 64;

/// One of the decision helper's questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Helper {
    /// Several domains or forests?
    SeveralDomains,
    /// Password resets from the portal?
    PortalResets,
    /// Directory data in AWS?
    DataInAws,
}

impl Helper {
    /// The question.
    pub(super) fn question(self) -> &'static str {
        match self {
            Helper::SeveralDomains => words::Q_SEVERAL_DOMAINS,
            Helper::PortalResets => words::Q_PORTAL_RESETS,
            Helper::DataInAws => words::Q_DATA_IN_AWS,
        }
    }

    /// Its answer in the decision.
    pub(super) fn answer(self, decision: &mut Decision) -> &mut YesNo {
        match self {
            Helper::SeveralDomains => &mut decision.several_domains,
            Helper::PortalResets => &mut decision.portal_resets,
            Helper::DataInAws => &mut decision.data_in_aws,
        }
    }
}

/// One question of the `--plain` session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    /// Which design? (with "Help me choose": the helper's questions; unless the design is known).
    Design,
    /// A question of domain `.0`.
    DomainField(usize, FieldId),
    /// Add another domain? (trust mode, after the last domain).
    AddDomain,
    /// Check connectivity now? (after the domain questions, when one was asked)
    Check,
    /// A question of the AWS or Secrets screen.
    Field(FieldId),
    /// Save, or save and apply now?
    Finish,
    /// Where to save (then apply now's passwords, when chosen).
    SavePath,
}

/// What the session asks besides what the draft needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Asks {
    /// [`Choice::Picked`] when the design is known (`--mode`, `--edit`): it is not asked.
    pub(super) design: Choice,
    /// The questions answered by flags: not asked while their answer is valid.
    pub(super) given: BTreeSet<FieldId>,
}

/// Every question, in order, for the draft as it is now.
pub(super) fn items(draft: &Draft, asks: &Asks) -> Vec<Item> {
    let mut items = Vec::new();
    let errors = questions::errors(draft);
    let skipped = |at: FieldAt| {
        asks.given.contains(&at.id) && at.domain.unwrap_or(0) == 0 && !errors.contains_key(&at)
    };
    if asks.design != Choice::Picked {
        items.push(Item::Design);
    }
    let before_domains = items.len();
    let mut probe = draft.clone();
    for domain in 0..draft.domain_count() {
        probe.select_domain(domain);
        items.extend(
            questions::fields(Screen::Domain, &probe)
                .into_iter()
                .filter(|field| !skipped(FieldAt::of(&probe, field.id)))
                .map(|field| Item::DomainField(domain, field.id)),
        );
    }
    if draft.mode == Mode::Trust && draft.domain_count() < MAX_DOMAINS_ASKED {
        items.push(Item::AddDomain);
    }
    let asked_domain = items[before_domains..]
        .iter()
        .any(|item| matches!(item, Item::DomainField(..)));
    if asked_domain {
        items.push(Item::Check);
    }
    for screen in [Screen::Aws, Screen::Secrets] {
        items.extend(
            questions::fields(screen, draft)
                .into_iter()
                .filter(|field| !skipped(FieldAt::global(field.id)))
                .map(|field| Item::Field(field.id)),
        );
    }
    items.extend([Item::Finish, Item::SavePath]);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(design: Choice) -> Asks {
        Asks {
            design,
            given: BTreeSet::new(),
        }
    }

    #[test]
    fn a_new_plan_starts_with_the_design_and_an_edited_one_with_the_first_domain() {
        let draft = Draft::default();
        let new = items(&draft, &asks(Choice::Open));
        assert_eq!(new[0], Item::Design);
        assert_eq!(new[1], Item::DomainField(0, FieldId::Domain));
        assert_eq!(new.last(), Some(&Item::SavePath));
        let edited = items(&draft, &asks(Choice::Picked));
        assert_eq!(edited[0], Item::DomainField(0, FieldId::Domain));
    }

    #[test]
    fn another_domain_is_asked_after_the_others_and_before_the_add_question() {
        let mut draft = Draft::default();
        draft.add_domain().unwrap();
        let list = items(&draft, &asks(Choice::Picked));
        let second = list
            .iter()
            .position(|i| *i == Item::DomainField(1, FieldId::Domain))
            .unwrap();
        let add = list.iter().position(|i| *i == Item::AddDomain).unwrap();
        assert!(second < add);
        assert!(
            list[..second]
                .iter()
                .all(|i| matches!(i, Item::DomainField(0, _)))
        );
        draft.mode = Mode::AdConnector;
        assert!(!items(&draft, &asks(Choice::Picked)).contains(&Item::AddDomain));
    }

    #[test]
    fn plain_hints_name_no_key_of_the_full_screen() {
        use FieldId::*;
        let every = [
            Domain,
            Netbios,
            DnsServers,
            DomainTrustType,
            DomainSelectiveAuth,
            DomainTrustPassword,
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
            ManagedAdSource,
            ExistingDirectoryId,
            ManagedDomain,
            ManagedNetbios,
            Edition,
            ServicePassword,
            TrustPassword,
            AdminPassword,
        ];
        let full_screen_keys = ['←', '→', '▶'];
        for id in every {
            let hint = words::plain_hint(questions::field(id).hint);
            assert!(!hint.contains(full_screen_keys), "{id:?}: {hint}");
            assert!(!hint.is_empty(), "{id:?}");
        }
        assert_eq!(
            words::plain_hint(words::HINT_SIZE),
            "Small or Large",
            "only the keys are cut"
        );
        for text in [
            words::CHECK_HINT_PLAIN,
            words::PASSWORD_HELP,
            words::REPLACE_HELP_PLAIN,
            words::ADD_ANOTHER_DOMAIN_HELP,
            words::PLAIN_QUIT_UNSAVED_HELP,
            words::DESIGN_HELP_PLAIN,
            words::HELP_ME_CHOOSE,
        ] {
            for key in ["←", "→", "Tab", "F1", "F2", "Ctrl-K", "Ctrl-N", "PgDn"] {
                assert!(!text.contains(key), "`{text}` names {key}");
            }
        }
    }
}
