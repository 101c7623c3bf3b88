//! Words only `--plain` prints: the design question's "Help me choose" and its help, the review
//! printed before "Finish:", and the field hints without the full screen's keys. Re-exported by
//! [`super::wizard`], where the rest of the wizard's words are.

/// The `--plain` design option that asks the decision helper's questions.
pub const HELP_ME_CHOOSE: &str = "Help me choose (three questions, then the recommended design)";
/// The help under `--plain`'s design question (keys that work there).
pub const DESIGN_HELP_PLAIN: &str = "↑↓ to move, Enter to select, Esc to go back";
/// The recommended design's option in `--plain`.
pub fn recommended_option(option: &str) -> String {
    format!("{option} (recommended)")
}
/// Before `--plain`'s Finish: validation found no warning.
pub const NO_WARNINGS: &str = "Validation: no warnings.";
/// Before `--plain`'s Finish: validation's warnings follow.
pub const WARNINGS_HEADING: &str = "Validation warnings (the plan can be saved and applied):";
/// Before `--plain`'s Finish: the plan's YAML follows.
pub const PLAN_HEADING: &str = "The plan, as it will be saved:";
/// A field's hint as `--plain` shows it: without the full screen's keys (`(← → to change)`),
/// which do not work there.
pub fn plain_hint(hint: &str) -> &str {
    if hint == super::secret_fields::HINT_SECRET {
        return super::secret_fields::HINT_SECRET_PLAIN;
    }
    match hint.rfind(" (") {
        Some(at) if hint[at..].contains('←') => &hint[..at],
        _ => hint,
    }
}
