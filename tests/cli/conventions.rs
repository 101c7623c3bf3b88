//! What operators expect of a command-line tool: editor validation through the plans' schema
//! modeline, shell completions, a man page that matches the binary, `--version` with the commit.

use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::support::{adsso, crate_dir, examples};
use crate::templates::filled_template;

/// What an editor's YAML language server says of each file, using the schema its modeline
/// names (resolved against the file's directory): `(file, valid, errors)`.
fn editor_verdicts(files: &[PathBuf]) -> Vec<(String, bool, String)> {
    crate::support::schema_verdicts("--modeline".as_ref(), files)
        .into_iter()
        .map(|verdict| {
            (
                verdict["file"].as_str().unwrap().to_owned(),
                verdict["valid"].as_bool().unwrap(),
                verdict["errors"].to_string(),
            )
        })
        .collect()
}

/// The saved plans and templates of a directory: every `init` template filled, and the plan
/// the wizard saves for each example.
fn plans_in(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (name, text) in [
        ("trust.yaml", filled_template("trust", 1)),
        ("trust-3.yaml", filled_template("trust", 3)),
        ("connector.yaml", filled_template("ad-connector", 1)),
    ] {
        files.push(dir.join(name));
        std::fs::write(dir.join(name), text).unwrap();
    }
    for example in examples() {
        let bytes = std::fs::read(&example).unwrap();
        let (parsed, _) = adsso::plan::load(&bytes).unwrap();
        let saved = dir.join(format!(
            "saved-{}",
            example.file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&saved, adsso::wizard::save::plan_text(&parsed.plan)).unwrap();
        files.push(saved);
    }
    files
}

#[test]
fn the_modeline_of_saved_plans_resolves_once_the_schema_is_written_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let files = plans_in(dir.path());
    let before = editor_verdicts(&files);
    assert_eq!(before.len(), files.len());
    for (file, valid, errors) in &before {
        assert!(!valid, "{file}: resolved before the schema was written");
        assert!(errors.contains("does not resolve"), "{file}: {errors}");
    }
    let run = adsso(["schema", "--write", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    let written = std::fs::read_to_string(dir.path().join("adsso-plan.schema.json")).unwrap();
    assert_eq!(written, adsso::plan::schema::plan_schema_json());
    for (file, valid, errors) in editor_verdicts(&files) {
        assert!(valid, "{file}: {errors}");
    }
}

#[test]
fn the_examples_modeline_resolves_to_the_shipped_schema_which_accepts_them() {
    let files = examples();
    assert!(files.len() >= 3, "{files:?}");
    for (file, valid, errors) in editor_verdicts(&files) {
        assert!(valid, "{file}: {errors}");
    }
}

#[test]
fn schema_write_needs_a_directory_and_replaces_a_link_never_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.yaml");
    std::fs::write(&file, "x").unwrap();
    let run = adsso(["schema", "--write", file.to_str().unwrap()]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert!(run.stderr.contains("not a directory"), "{}", run.stderr);

    let target = dir.path().join("elsewhere.txt");
    std::fs::write(&target, "keep me").unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("adsso-plan.schema.json")).unwrap();
    let run = adsso(["schema", "--write", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    let link = std::fs::symlink_metadata(dir.path().join("adsso-plan.schema.json")).unwrap();
    assert!(link.is_file(), "the link was replaced by the schema file");
}

#[test]
fn completions_cover_every_subcommand_for_each_shell() {
    let subcommands: Vec<String> = adsso::cli::Cli::command()
        .get_subcommands()
        .map(|command| command.get_name().to_owned())
        .collect();
    assert!(subcommands.len() >= 11, "{subcommands:?}");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = adsso(["completions", shell]);
        assert_eq!(run.code, Some(0), "{shell}: {}", run.all_output());
        for name in &subcommands {
            assert!(run.stdout.contains(name.as_str()), "{shell}: no {name}");
        }
        assert!(run.stdout.contains("endpoint-url"), "{shell}");
    }
    let run = adsso(["completions", "tcsh"]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
}

#[test]
fn the_man_page_is_current() {
    let mut page = Vec::new();
    let command = adsso::cli::Cli::command().version(env!("CARGO_PKG_VERSION"));
    clap_mangen::Man::new(command).render(&mut page).unwrap();
    let committed = std::fs::read(crate_dir().join("assets/adsso.1")).unwrap_or_default();
    assert!(
        committed == page,
        "assets/adsso.1 is stale: run scripts/gen-man and commit it"
    );
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains(".TH adsso 1"), "{page}");
    assert!(page.contains("onprem\\-script"), "{page}");
}

#[test]
fn version_names_the_commit() {
    let run = adsso(["--version"]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(crate_dir())
        .output()
        .unwrap();
    let head = String::from_utf8_lossy(&head.stdout).trim().to_owned();
    assert_eq!(head.len(), 12, "the tests run in a git checkout");
    assert_eq!(
        run.stdout.trim(),
        format!("adsso {} ({head})", env!("CARGO_PKG_VERSION"))
    );
}
