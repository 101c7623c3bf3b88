//! The Domain screen's own actions: add a domain, remove the one shown (never the last), move
//! between domains. AD Connector mode refuses a second domain with the reason; each change puts
//! the focus back on the domain's first question and re-validates.

use super::domains::DomainRefusal;
use super::model::Model;
use super::questions::Screen;
use super::update::Action;
use crate::text::wizard as words;

/// Handles a domain action on the Domain screen; false when `action` is not one (or another
/// screen is shown, where these keys do nothing).
pub(super) fn update(model: &mut Model, action: &Action) -> bool {
    let step = match action {
        Action::AddDomain => None,
        Action::RemoveDomain => Some(0),
        Action::NextDomain => Some(1),
        Action::PreviousDomain => Some(-1),
        _ => return false,
    };
    if model.screen != Screen::Domain {
        return true;
    }
    let result = match step {
        None => model.draft.add_domain().map(|_| ()),
        Some(0) => model.draft.remove_domain(),
        Some(step) => {
            model.draft.step_domain(step);
            Ok(())
        }
    };
    match result {
        Ok(()) => {
            model.focus = 0;
            model.revalidate();
        }
        Err(refusal) => model.status = Some(refusal_text(refusal).to_owned()),
    }
    true
}

/// The footer line for a refused add or remove.
pub(super) fn refusal_text(refusal: DomainRefusal) -> &'static str {
    match refusal {
        DomainRefusal::ConnectorOneDomain => words::CONNECTOR_ONE_DOMAIN_SHORT,
        DomainRefusal::LastDomain => words::LAST_DOMAIN,
    }
}

/// On the Domain screen, Enter past the last question goes on only when every domain is valid;
/// otherwise it shows the first domain with an error. True when the screen may be left.
pub(super) fn all_domains_valid(model: &mut Model) -> bool {
    match model.first_invalid_domain() {
        Some(index) if model.screen == Screen::Domain => {
            model.draft.select_domain(index);
            model.focus = 0;
            model.status = Some(words::FIX_FIRST.to_owned());
            false
        }
        _ => true,
    }
}
