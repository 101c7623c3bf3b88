//! Tags of an existing permission set against the in-memory [`Fake`]: a set this plan created
//! loses tags others put on it (never AWS's reserved `aws:` keys); a set found by name only
//! gets the set's own tags and is never claimed.

use super::assignment_tests::{apply, both_groups, ready, sso_mutations};
use super::dry_run_tests::made;
use super::permission_set_tests::{edit_tags, fake_set, parity_plan, tag};

#[test]
fn tags_others_put_on_a_created_set_go_except_aws_reserved_ones() {
    let cloud = ready(both_groups());
    apply(&parity_plan(), &cloud).0.unwrap();
    edit_tags(&cloud, |tags| {
        tags.push(tag("Stray", "x"));
        tags.push(tag("aws:cloudformation:stack-name", "s"));
    });
    let before = sso_mutations(&cloud).len();
    apply(&parity_plan(), &cloud).0.unwrap();
    assert_eq!(made(&cloud, before), ["UntagResource"]);
    let set = fake_set(&cloud);
    assert!(!set.tags.iter().any(|t| t.key == "Stray"), "{:?}", set.tags);
    assert!(
        set.tags
            .contains(&tag("aws:cloudformation:stack-name", "s"))
    );
}

#[test]
fn a_set_found_by_name_gets_the_sets_tags_and_keeps_its_others() {
    let cloud = ready(both_groups());
    apply(&parity_plan(), &cloud).0.unwrap();
    // As if someone else had made it: no adsso:plan tag, a tag of theirs.
    edit_tags(&cloud, |tags| *tags = vec![tag("Theirs", "1")]);
    let before = sso_mutations(&cloud).len();
    apply(&parity_plan(), &cloud).0.unwrap();
    assert_eq!(made(&cloud, before), ["TagResource"]);
    let set = fake_set(&cloud);
    assert!(set.tags.contains(&tag("Theirs", "1")), "{:?}", set.tags);
    assert!(set.tags.contains(&tag("Team", "audit")));
    assert!(
        !set.tags.iter().any(|t| t.key == "adsso:plan"),
        "not claimed: {:?}",
        set.tags
    );
}
