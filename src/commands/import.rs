//! `adsso import [--instance ARN] [--group-filter GLOB]... [--name NAME]`: reads the existing
//! setup of the Region (read-only) and prints the plan that describes it, notes first (as YAML
//! comments). Exit 0 with a valid plan; 1 when it could not be read, or when the plan it wrote
//! does not validate (the problems follow on standard error).

use std::io::Write;

use super::{CommandError, Outcome};
use crate::aws::Target;
use crate::aws::sdk::SdkCloud;
use crate::cli::ImportArgs;
use crate::inspect::import::{self, ImportOptions, build};
use crate::plan::schema::plan_document;
use crate::text::import as words;
use crate::text::untrusted;

/// Imports the setup of `flags`' Region.
pub fn run(args: &ImportArgs, flags: &Target) -> Result<Outcome, CommandError> {
    let region = flags
        .region
        .clone()
        .or_else(|| std::env::var("AWS_REGION").ok())
        .or_else(|| std::env::var("AWS_DEFAULT_REGION").ok())
        .ok_or(CommandError::NoRegion)?;
    crate::plan::rules::region(&region)
        .map_err(|problem| CommandError::UnknownRegion { problem })?;
    let options = ImportOptions {
        instance: args.instance.clone(),
        group_filter: args.group_filter.clone(),
        name: args.name.clone(),
        region: region.clone(),
    };
    let target = flags.in_region(&region);
    let imported = crate::runtime::block_on(async {
        let cloud = SdkCloud::connect(&target).await;
        import::read(&cloud, options).await
    })??;
    let Some((plan, notes)) = build::plan(&imported) else {
        eprintln!("{}", words::NO_TRUST);
        return Ok(Outcome::Failed);
    };
    let text = plan_text(&plan, &notes);
    std::io::stdout().lock().write_all(text.as_bytes())?;
    match crate::plan::load(text.as_bytes()) {
        Ok(_) => Ok(Outcome::Done),
        Err(problems) => {
            eprint!("{problems}");
            Ok(Outcome::Failed)
        }
    }
}

/// The plan as saved: the schema modeline, the header, each note as a comment (escaped: the
/// notes quote AWS's answers, which must never end a comment line), then the YAML.
pub fn plan_text(plan: &crate::plan::Plan, notes: &[String]) -> String {
    let mut head = format!("{}\n", words::HEADER);
    for note in notes {
        head.push_str(&format!("# note: {}\n", untrusted::line(note)));
    }
    plan_document(plan, &head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_from_aws_stay_comments_and_hostile_names_stay_quoted() {
        let mut plan = crate::plan::example("ad-connector.yaml");
        if let Some(ic) = plan.identity_center.as_mut() {
            ic.assignments[0].group = "evil\u{1b}]52;c;ZXZpbA==\u{7}\nmode: trust".to_owned();
        }
        let text = plan_text(
            &plan,
            &["d-1\nconnection: {mode: trust}\u{1b}[2J".to_owned()],
        );
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(
            text.lines()
                .filter(|line| line.starts_with("# note: "))
                .all(|line| line.contains("d-1\\nconnection")),
            "{text}"
        );
        assert!(
            !text.lines().any(|line| line.starts_with("connection: {")),
            "{text}"
        );
        assert!(!text.lines().any(|line| line == "mode: trust"), "{text}");
        let parsed = crate::plan::parse(text.as_bytes()).map(|parsed| parsed.plan);
        assert_eq!(parsed.ok(), Some(plan));
    }
}
