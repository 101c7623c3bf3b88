//! What `adsso apply` shows before it changes anything, and what the wizard's "Save and apply
//! now" shows before it asks: the steps apply will take, then what they create that AWS bills
//! (see [`crate::text::cost`]). One function, so both say the same.

use super::plan_steps;
use crate::plan::Plan;
use crate::text::cost;

/// The steps applying `plan` (saved as `file`) takes, numbered, then the cost lines.
pub fn summary(plan: &Plan, file: &str) -> Vec<String> {
    let mut lines = vec![format!("adsso apply {file} will:")];
    lines.extend(
        plan_steps(plan)
            .iter()
            .enumerate()
            .map(|(index, step)| format!("  {}. {}", index + 1, step.describe(plan))),
    );
    lines.extend(cost::cost_lines(plan));
    lines
}

/// What "Save and apply now" shows before it asks: [`summary`], how to run preflight first,
/// and the question.
pub fn confirmation(plan: &Plan, file: &str) -> Vec<String> {
    let mut lines = summary(plan, file);
    lines.push(cost::preflight_hint(file));
    lines.push(String::new());
    lines.push(cost::CONFIRM_APPLY_KEYS.to_owned());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::plan::example;

    #[test]
    fn the_summary_lists_the_steps_then_the_cost() {
        let plan = example("trust.yaml");
        let lines = summary(&plan, "corp.yaml");
        assert_eq!(lines[0], "adsso apply corp.yaml will:");
        assert_eq!(lines.len(), plan_steps(&plan).len() + 1 + 3, "{lines:#?}");
        assert!(lines[1].starts_with("  1. "));
        let cost = lines.join("\n");
        assert!(
            cost.contains("AWS Managed Microsoft AD, Standard edition: about USD 175 a month"),
            "{cost}"
        );
        assert!(cost.contains("20-45 minutes"), "{cost}");
        assert!(
            cost.contains("per Region, excluding data transfer"),
            "{cost}"
        );
    }
}
