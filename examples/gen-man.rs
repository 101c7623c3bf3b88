//! Prints adsso's man page (roff), generated from the clap definitions by clap_mangen:
//! `scripts/gen-man` writes it to `assets/adsso.1`, and `tests/cli/conventions.rs` fails when
//! that file is stale.

use clap::CommandFactory;

fn main() -> std::io::Result<()> {
    let mut page = Vec::new();
    // The package version only: a commit id would make the committed page stale at once.
    let command = adsso::cli::Cli::command().version(env!("CARGO_PKG_VERSION"));
    clap_mangen::Man::new(command).render(&mut page)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &page)
}
