//! The `adsso` binary: parse arguments, run the command, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match adsso::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let plan_file = cli.command.plan_file().map(std::path::Path::to_owned);
    match adsso::commands::run(cli) {
        Ok(outcome) => outcome.into(),
        Err(error) => {
            let outcome = error.outcome();
            let report = format!("{:?}", miette::Report::new(error));
            eprintln!(
                "{}",
                adsso::text::with_plan_file(&report, plan_file.as_deref())
            );
            outcome.into()
        }
    }
}
