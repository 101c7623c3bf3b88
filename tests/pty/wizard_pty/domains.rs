//! Several domains through both front ends: a two-domain trust plan created and saved (then
//! accepted by `adsso validate`), and `--edit` of a two-forest plan, saved back over the file
//! after the replace question with Identity Center, tags and every domain unchanged; an invalid
//! plan given to `--edit` is refused with the loader's diagnostics (exit 2).

use super::*;

const CTRL_N: &str = "\x0e";

fn plan_of(path: &Path) -> adsso::plan::Plan {
    adsso::plan::load(saved(path).as_bytes()).unwrap().0.plan
}

fn example() -> String {
    format!(
        "{}/assets/examples/trust-two-forests.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Checks the saved two-domain plan: both domains, the second with its own external trust.
fn assert_two_domains(path: &Path) {
    validate(path);
    let plan = plan_of(path);
    let domains = plan.self_managed.all();
    assert_eq!(domains.len(), 2, "{}", saved(path));
    assert_eq!(domains[0].domain, "corp.example.com");
    assert_eq!(domains[1].domain, "emea.example.net");
    let over = domains[1].trust.as_ref().unwrap();
    assert_eq!(over.trust_type, Some(adsso::plan::TrustType::External));
    assert_eq!(
        over.password,
        Some(adsso::plan::SecretRef::Env(
            "ADSSO_TRUST_PASSWORD_EMEA".into()
        ))
    );
}

/// The AWS screen of the trust flow with typed values (no discovery), then the secrets.
fn full_screen_trust_aws(session: &mut Session) {
    keys(session, &[ENTER, ENTER]);
    line(session, "123456789012");
    keys(session, &[ENTER, ENTER, ENTER]); // forest, no selective auth, new Managed AD
    line(session, "aws.corp.example.com");
    line(session, "AWSCORP");
    keys(session, &[ENTER]); // Standard
    line(session, "vpc-0123456789abcdef0");
    line(session, "subnet-0123456789abcdef0");
    line(session, "subnet-0fedcba9876543210");
    keys(session, &[ENTER, ENTER]); // trust and admin password references
}

#[test]
fn full_screen_two_domain_trust_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {}", out.display()), &[]);
    session.expect("Directory?").unwrap();
    keys(&mut session, &[ENTER]);
    line(&mut session, "corp.example.com");
    line(&mut session, "CORP");
    keys(&mut session, &["10.0.0.10, 10.0.0.11", CTRL_N]);
    session.expect("Domain 2 of 2").unwrap();
    line(&mut session, "emea.example.net");
    line(&mut session, "EMEA");
    line(&mut session, "10.1.0.10, 10.1.0.11");
    keys(&mut session, &[RIGHT, RIGHT, ENTER, ENTER]); // external, selective auth as plan
    line(&mut session, "ADSSO_TRUST_PASSWORD_EMEA");
    full_screen_trust_aws(&mut session);
    keys(&mut session, &[ENTER, ENTER, TAB, ENTER]); // diagram, review, Save
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_two_domains(&out);
}

#[test]
fn plain_two_domain_trust_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    session.expect("Which design?").unwrap();
    keys(&mut session, &[ENTER]); // two-way trust, the first
    line(&mut session, "corp.example.com");
    line(&mut session, "CORP");
    line(&mut session, "10.0.0.10, 10.0.0.11");
    session.expect("Add another domain?").unwrap();
    line(&mut session, "y");
    session.expect("Domain 2:").unwrap();
    line(&mut session, "emea.example.net");
    line(&mut session, "EMEA");
    line(&mut session, "10.1.0.10, 10.1.0.11");
    session.expect("Trust type (this domain)").unwrap();
    keys(&mut session, &[DOWN, DOWN, ENTER, ENTER]); // external, selective auth as plan
    line(&mut session, "ADSSO_TRUST_PASSWORD_EMEA");
    session.expect("Add another domain?").unwrap();
    keys(&mut session, &[ENTER]); // no
    session.expect("connectivity").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("type the values").unwrap();
    keys(&mut session, &[ENTER, ENTER]);
    line(&mut session, "123456789012");
    keys(&mut session, &[ENTER, ENTER, ENTER]);
    line(&mut session, "aws.corp.example.com");
    line(&mut session, "AWSCORP");
    keys(&mut session, &[ENTER]); // Standard
    line(&mut session, "vpc-0123456789abcdef0");
    line(&mut session, "subnet-0123456789abcdef0");
    line(&mut session, "subnet-0fedcba9876543210");
    keys(&mut session, &[ENTER, ENTER]);
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_two_domains(&out);
}

/// A copy of the two-forest example to edit.
fn copy_example(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("two.yaml");
    std::fs::copy(example(), &file).unwrap();
    file
}

/// The edited plan equals the example: nothing the wizard does not ask was lost.
fn assert_unchanged(file: &Path) {
    let original = adsso::plan::load(&std::fs::read(example()).unwrap())
        .unwrap()
        .0
        .plan;
    assert_eq!(plan_of(file), original, "{}", saved(file));
    assert!(saved(file).contains("permissionSets"));
    validate(file);
}

#[test]
fn full_screen_edit_opens_on_review_and_saves_back_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_example(dir.path());
    let mut session = spawn(&format!("wizard --edit {}", file.display()), &[]);
    session.expect("What apply will do").unwrap();
    keys(&mut session, &[ENTER]); // review -> finish
    session.expect("comments in the file are not kept").unwrap();
    keys(&mut session, &[TAB, ENTER]); // Save
    session.expect("Replace").unwrap();
    keys(&mut session, &["y"]);
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_unchanged(&file);
    assert!(
        !saved(&file).contains("Two forests through"),
        "comments dropped"
    );
}

#[test]
fn plain_edit_asks_every_domain_and_saves_back_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_example(dir.path());
    let mut session = spawn(&format!("wizard --plain --edit {}", file.display()), &[]);
    session.expect("Domain 1:").unwrap();
    keys(&mut session, &[ENTER; 6]);
    session.expect("Domain 2:").unwrap();
    keys(&mut session, &[ENTER; 6]);
    session.expect("Add another domain?").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("connectivity").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("type the values").unwrap();
    keys(&mut session, &[ENTER; 14]); // the AWS questions and the secrets, as loaded
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("comments in the file are not kept").unwrap();
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Replace").unwrap();
    line(&mut session, "y");
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_unchanged(&file);
}

#[test]
fn edit_refuses_an_invalid_plan_with_the_loaders_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.yaml");
    let text = std::fs::read_to_string(example())
        .unwrap()
        .replace("netbiosName: EMEA", "netbiosName: CORP");
    std::fs::write(&file, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_adsso"))
        .args(["wizard", "--edit"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("selfManaged[1].netbiosName"), "{stderr}");
    assert!(
        !std::fs::read_to_string(&file).unwrap().is_empty(),
        "left as it was"
    );
}
