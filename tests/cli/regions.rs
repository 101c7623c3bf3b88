//! Regions and partitions from the generated table, end to end: a Region typo in the plan or on
//! the command line names the closest listed Region, before any AWS call.

use std::path::Path;

use crate::support::{adsso, crate_dir};

#[test]
fn a_region_typo_names_the_closest_region_in_the_plan_and_on_the_command_line() {
    let plan = crate_dir().join("tests/fixtures/invalid/region-typo.yaml");
    let run = adsso([Path::new("validate"), &plan]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert!(
        run.stderr.contains(
            "aws.region (7:11): `us-est-1` is not a Region name; did you mean `us-east-1`?"
        ),
        "{}",
        run.stderr
    );
    let valid = crate_dir().join("tests/fixtures/valid/ad-connector-small.yaml");
    for command in ["status", "destroy", "apply"] {
        let run = adsso([
            Path::new(command),
            &valid,
            Path::new("--region"),
            Path::new("us-est-1"),
        ]);
        assert_eq!(run.code, Some(2), "{command}: {}", run.all_output());
        assert!(
            run.stderr
                .contains("--region: `us-est-1` is not a Region name; did you mean `us-east-1`?"),
            "{command}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("contradicts"), "{}", run.stderr);
    }
}

#[test]
fn a_listed_region_other_than_the_plans_still_contradicts_it() {
    let valid = crate_dir().join("tests/fixtures/valid/ad-connector-small.yaml");
    let run = adsso([
        Path::new("status"),
        &valid,
        Path::new("--region"),
        Path::new("eusc-de-east-1"),
    ]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert!(
        run.stderr
            .contains("--region eusc-de-east-1 contradicts the plan's aws.region"),
        "{}",
        run.stderr
    );
}
