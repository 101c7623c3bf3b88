//! `--plain`'s first question, "Which design?": the two designs and "Help me choose", which
//! asks the decision helper's three questions (those of the full-screen Choose screen) and then
//! offers the recommended design first, marked, with the reasons. While every answer is "not
//! sure" nothing is recommended and the designs keep their order.

use inquire::InquireError;

use super::ask::{self, Step};
use super::items::Helper;
use super::{Flow, Session};
use crate::plan::Mode;
use crate::text::wizard as words;
use crate::wizard::effects::Connector;

/// The helper's questions, in the order they are asked.
const HELPERS: [Helper; 3] = [
    Helper::SeveralDomains,
    Helper::PortalResets,
    Helper::DataInAws,
];

/// The design an option names.
fn option(mode: Mode) -> &'static str {
    match mode {
        Mode::Trust => words::OPTION_TRUST,
        _ => words::OPTION_CONNECTOR,
    }
}

impl<K: Connector> Session<'_, K> {
    /// "Which design?"; "Help me choose" asks the helper, then the design again.
    pub(super) fn design(&mut self) -> Result<Flow, InquireError> {
        let recommended = self.decision.recommend();
        let order = match &recommended {
            Some((mode, reasons)) => {
                println!("{}", words::recommended(*mode));
                for reason in reasons {
                    println!("  {reason}");
                }
                let other = match mode {
                    Mode::Trust => Mode::AdConnector,
                    _ => Mode::Trust,
                };
                [*mode, other]
            }
            None => [Mode::Trust, Mode::AdConnector],
        };
        let labels: Vec<String> = order
            .iter()
            .map(|mode| match &recommended {
                Some((best, _)) if best == mode => words::recommended_option(option(*mode)),
                _ => option(*mode).to_owned(),
            })
            .chain([words::HELP_ME_CHOOSE.to_owned()])
            .collect();
        let chosen = ask::step(
            inquire::Select::new(words::WHICH_DESIGN, labels.clone())
                .with_help_message(words::DESIGN_HELP_PLAIN)
                .prompt(),
        )?;
        let Step::Answered(chosen) = chosen else {
            return Ok(Flow::Back);
        };
        let index = labels.iter().position(|label| *label == chosen);
        match index.and_then(|index| order.get(index)) {
            Some(mode) => {
                self.draft.mode = *mode;
                Ok(Flow::Next)
            }
            None => {
                self.help_me_choose()?;
                Ok(Flow::Stay)
            }
        }
    }

    /// The helper's three questions; Esc goes back one, and from the first back to the design.
    fn help_me_choose(&mut self) -> Result<(), InquireError> {
        let mut index = 0usize;
        while let Some(helper) = HELPERS.get(index) {
            let current = *helper.answer(&mut self.decision);
            match ask::yes_no(helper.question(), current)? {
                Step::Answered(answer) => {
                    *helper.answer(&mut self.decision) = answer;
                    index += 1;
                }
                Step::Back if index == 0 => return Ok(()),
                Step::Back => index -= 1,
            }
        }
        Ok(())
    }
}
