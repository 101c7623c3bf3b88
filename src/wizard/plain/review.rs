//! `--plain`'s review before "Finish:": the diagram, what apply will do, validation's warnings
//! and the plan's YAML exactly as it will be saved (a refused secret field shown as dots, as on
//! the full-screen Review), then the question.

use inquire::InquireError;

use super::ask::{self, Step};
use super::{Finish, Flow, Session};
use crate::diagram::{self, Diagram};
use crate::text::untrusted::keep_lines;
use crate::text::wizard as words;
use crate::wizard::effects::Connector;
use crate::wizard::save::plan_text;
use crate::wizard::secret_names;

impl<K: Connector> Session<'_, K> {
    /// The diagram, what apply will do, the warnings, the plan, and "Finish:".
    pub(super) fn finish(&mut self) -> Result<Flow, InquireError> {
        let plan = self.draft.to_plan();
        println!("\n{}", diagram::render_text(&Diagram::from_plan(&plan)));
        println!("What apply will do:");
        for (index, step) in crate::apply::plan_steps(&plan).iter().enumerate() {
            println!("  {}. {}", index + 1, step.describe(&plan));
        }
        let warnings: Vec<_> = crate::plan::validate(&plan)
            .into_iter()
            .filter(|diagnostic| !diagnostic.is_error())
            .collect();
        if warnings.is_empty() {
            println!("\n{}", words::NO_WARNINGS);
        } else {
            println!("\n{}", words::WARNINGS_HEADING);
            for warning in warnings {
                println!("  {warning}");
            }
        }
        let shown = secret_names::masked(&self.draft).to_plan();
        println!("\n{}", words::PLAN_HEADING);
        println!("{}", keep_lines(&plan_text(&shown)));
        println!("Warning: {}\n", words::SWITCH_WARNING);
        let options = vec![words::FINISH_SAVE, words::FINISH_SAVE_AND_APPLY];
        let start = usize::from(self.finish == Finish::SaveAndApply);
        Ok(match ask::select(words::FINISH, options, start)? {
            Step::Answered(choice) => {
                self.finish = if choice == words::FINISH_SAVE_AND_APPLY {
                    Finish::SaveAndApply
                } else {
                    Finish::Save
                };
                Flow::Next
            }
            Step::Back => Flow::Back,
        })
    }
}
