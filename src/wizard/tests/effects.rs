//! The wizard's effects against the in-memory fake cloud, through the same connector seam the
//! SDK uses: discovery fills the picks and the checks, and apply now runs to its end, both as
//! the full-screen loop performs them (background threads answering with actions) and as the
//! plain front end calls them.

use std::sync::mpsc;
use std::time::Duration;

use super::*;
use crate::aws::fake::{Fake, FakeConnect, State};
use crate::aws::{DirectoryKind, Subnet, Target};
use crate::wizard::apply::{ApplyEnd, ApplyView, SecretSlot};
use crate::wizard::draft::ManagedAdSource;
use crate::wizard::effects::Effects;
use crate::wizard::model::DiscoveryState;

/// How long a test waits for one answer from a background thread.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(60);

/// A Region with one VPC whose subnets are in two zones, and three directories of which only
/// the Managed Microsoft AD can carry a trust.
fn seed(state: &mut State) {
    let subnet = |id: &str, zone: &str| Subnet {
        id: id.to_owned(),
        vpc_id: "vpc-0fa4e0000000000aa".to_owned(),
        availability_zone: zone.to_owned(),
        ..Subnet::default()
    };
    state.account = "210987654321".to_owned();
    state.subnets = vec![
        subnet("subnet-0fa4e00000000001b", "us-east-1b"),
        subnet("subnet-0fa4e00000000001a", "us-east-1a"),
    ];
    state.directories = vec![
        (
            Fake::directory(
                "d-90670000aa",
                "simple.example.com",
                DirectoryKind::SimpleAd,
            ),
            vec![],
        ),
        (
            Fake::directory(
                "d-90670000bb",
                "aws.corp.example.com",
                DirectoryKind::MicrosoftAd,
            ),
            vec![],
        ),
        (
            Fake::directory(
                "d-90670000cc",
                "proxy.example.com",
                DirectoryKind::AdConnector,
            ),
            vec![],
        ),
    ];
}

/// The fake's default account with nothing in it yet (apply creates what the plan needs).
fn empty(_: &mut State) {}

fn focus(model: &mut Model, id: FieldId) {
    model.focus = model.fields().iter().position(|f| f.id == id).unwrap();
}

/// Hands `effect` to `effects` as the full-screen loop does, then feeds the background answers
/// to `update` (performing the effects they ask for) until `done` holds.
fn drive(
    effects: &mut Effects<FakeConnect>,
    model: &mut Model,
    effect: Effect,
    done: impl Fn(&Model) -> bool,
) {
    let (sender, receiver) = mpsc::channel();
    let answer = move |action| {
        let _ = sender.send(action);
    };
    let mut effect = effect;
    loop {
        while let Some(next) = effects.perform(effect, model, &answer) {
            effect = update(model, next);
        }
        if done(model) {
            return;
        }
        let action = receiver
            .recv_timeout(ANSWER_TIMEOUT)
            .expect("the background work answered");
        effect = update(model, action);
    }
}

#[test]
fn discovery_through_the_connector_fills_the_account_subnets_and_directories() {
    let connector = FakeConnect::new(seed);
    let target = Target {
        endpoint_url: Some("http://127.0.0.1:9".to_owned()),
        ..Target::default()
    };
    let mut effects = Effects::new(connector.clone(), target);
    let mut model = model();
    update(&mut model, Action::Confirm); // a two-way trust
    answer(&mut model, "corp.example.com");
    answer(&mut model, "CORP");
    type_text(&mut model, "10.0.0.10, 10.0.0.11");
    let discover = update(&mut model, Action::Confirm);
    assert_eq!(discover, Effect::Discover("us-east-1".into()));
    drive(&mut effects, &mut model, discover, |model| {
        !matches!(model.discovery, DiscoveryState::Running(..))
    });

    let targets = connector.targets.lock().unwrap().clone();
    assert_eq!(connector.regions(), [Some("us-east-1".to_owned())]);
    assert_eq!(
        targets[0].endpoint_url.as_deref(),
        Some("http://127.0.0.1:9"),
        "the global flags reach the connector"
    );
    let found = model.discovery.found().expect("discovery found the Region");
    assert_eq!(found.account, "210987654321");
    assert_eq!(
        found.instance.as_ref().map(|i| i.owner_account.as_str()),
        Some("210987654321")
    );

    // The account guard is checked against the credentials' account.
    focus(&mut model, FieldId::AccountId);
    type_text(&mut model, "111122223333");
    assert!(
        model
            .error(FieldId::AccountId)
            .unwrap()
            .contains("210987654321")
    );

    // A new Managed AD: the VPC and its subnets are picked, sorted by zone.
    focus(&mut model, FieldId::VpcId);
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::VpcId), "vpc-0fa4e0000000000aa");
    focus(&mut model, FieldId::Subnet1);
    update(&mut model, Action::Right);
    assert_eq!(
        model.draft.get(FieldId::Subnet1),
        "subnet-0fa4e00000000001a"
    );
    focus(&mut model, FieldId::Subnet2);
    update(&mut model, Action::Left);
    assert_eq!(
        model.draft.get(FieldId::Subnet2),
        "subnet-0fa4e00000000001b"
    );
    assert!(model.error(FieldId::Subnet2).is_none());

    // An existing directory: only the Managed Microsoft AD is offered.
    focus(&mut model, FieldId::ManagedAdSource);
    update(&mut model, Action::Right);
    assert_eq!(model.draft.managed_ad_source(), ManagedAdSource::Existing);
    focus(&mut model, FieldId::ExistingDirectoryId);
    update(&mut model, Action::Right);
    update(&mut model, Action::Right);
    assert_eq!(
        model.draft.get(FieldId::ExistingDirectoryId),
        "d-90670000bb"
    );
    assert!(model.error(FieldId::ExistingDirectoryId).is_none());
    assert_eq!(
        model.draft.to_plan().existing_directory(),
        Some("d-90670000bb")
    );
}

#[test]
fn apply_now_runs_through_the_connector_to_the_identity_source_gate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml").display().to_string();
    let connector = FakeConnect::new(empty);
    let mut effects = Effects::new(connector.clone(), Target::default());
    let mut model = walk(Mode::AdConnector);
    model.save_path = path.clone();
    model.focus = 2; // save and apply now
    let save = update(&mut model, Action::Confirm);
    drive(&mut effects, &mut model, save, |model| {
        !matches!(model.apply, ApplyView::NotStarted)
    });
    assert!(std::path::Path::new(&path).is_file(), "saved first");
    assert!(
        matches!(model.apply, ApplyView::Confirming(_)),
        "asked before anything runs"
    );
    let confirmed = update(&mut model, Action::Confirm);
    drive(&mut effects, &mut model, confirmed, |model| {
        !matches!(model.apply, ApplyView::Confirming(_))
    });
    if let ApplyView::AskingSecrets(slots) = &model.apply {
        assert_eq!(slots, &[SecretSlot::ServiceAccount]);
        type_text(&mut model, "pw-1");
        let entered = update(&mut model, Action::Confirm);
        assert!(matches!(entered, Effect::SecretEntered { last: true, .. }));
        drive(&mut effects, &mut model, entered, |model| {
            matches!(model.apply, ApplyView::Finished(..))
        });
    } else {
        drive(&mut effects, &mut model, Effect::None, |model| {
            matches!(model.apply, ApplyView::Finished(..))
        });
    }

    // Opened twice: to read what exists (which passwords are still needed), then to apply.
    assert_eq!(
        connector.regions(),
        [Some("eu-west-1".to_owned()), Some("eu-west-1".to_owned())]
    );
    let ApplyView::Finished(ApplyEnd::Paused(instructions), progress) = model.apply.clone() else {
        panic!("{:?}", model.apply);
    };
    assert!(instructions.contains("ACCEPT"), "{instructions}");
    assert!(
        progress
            .log
            .iter()
            .any(|line| line.contains("d-0000000000")),
        "the connector apply created is in the log: {:?}",
        progress.log
    );
    update(&mut model, Action::Confirm);
    assert_eq!(
        model.exit,
        Exit::Applied(path, ApplyEnd::Paused(instructions))
    );
}

#[test]
fn the_plain_front_ends_apply_blocks_until_the_end_with_the_typed_password() {
    let connector = FakeConnect::new(empty);
    let mut effects = Effects::new(connector.clone(), Target::default());
    let plan = walk(Mode::AdConnector).draft.to_plan();
    for slot in effects.prepare_apply(&plan) {
        effects.secret_entered(slot, zeroize::Zeroizing::new("pw-1".to_owned()));
    }
    let events = std::cell::RefCell::new(Vec::new());
    let end = effects.apply(&plan, "plan.yaml", |event| {
        events.borrow_mut().push(event.to_string())
    });
    let ApplyEnd::Paused(instructions) = end else {
        panic!("{end:?}");
    };
    assert!(instructions.contains("ACCEPT"), "{instructions}");
    assert!(
        events.borrow().iter().any(|e| e.contains("d-0000000000")),
        "{:?}",
        events.borrow()
    );
    let eu = || Some("eu-west-1".to_owned());
    assert_eq!(connector.regions(), [eu(), eu()]);
}

/// An AWS side where the wizard's AD Connector plan was applied before: its connector exists,
/// tagged as the plan's.
fn connected(state: &mut State) {
    let connector = Fake::directory(
        "d-0000000007",
        "corp.example.com",
        DirectoryKind::AdConnector,
    );
    let tag = crate::aws::Tag {
        key: crate::plan::rules::PLAN_TAG.to_owned(),
        value: "corp-sso".to_owned(),
    };
    state.directories = vec![(connector, vec![tag])];
}

#[test]
fn a_resumed_apply_now_does_not_ask_for_the_password_of_what_exists() {
    let plan = walk(Mode::AdConnector).draft.to_plan();
    assert_eq!(
        plan.metadata.name, "corp-sso",
        "the name `connected` tags with"
    );
    let mut fresh = Effects::new(FakeConnect::new(empty), Target::default());
    assert_eq!(fresh.prepare_apply(&plan), [SecretSlot::ServiceAccount]);
    let mut resumed = Effects::new(FakeConnect::new(connected), Target::default());
    assert_eq!(
        resumed.prepare_apply(&plan),
        Vec::<SecretSlot>::new(),
        "the connector exists: its service account password is not asked for"
    );
}
