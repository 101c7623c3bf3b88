//! Words of the wizard: hints beside fields, the decision helper's questions and reasons,
//! help texts and key hints.

pub use super::flags::*;
pub use super::plain::*;
pub use super::secret_fields::*;

/// Hint: domain.
pub const HINT_DOMAIN: &str = "your AD's DNS name, e.g. corp.example.com";
/// Hint: NetBIOS.
pub const HINT_NETBIOS: &str = "1-15 characters, e.g. CORP";
/// Hint: DNS.
pub const HINT_DNS: &str = "1-4 IPv4 addresses, comma separated (2 advised)";
/// Hint: plan name.
pub const HINT_PLAN_NAME: &str = "a-z, 0-9 and -; tags what apply creates";
/// Hint: region.
pub const HINT_REGION: &str = "the Region of your IAM Identity Center instance";
/// Hint: account.
pub const HINT_ACCOUNT: &str = "optional guard: apply refuses any other account";
/// Hint: size.
pub const HINT_SIZE: &str = "Small or Large (← → to change)";
/// Hint: VPC.
pub const HINT_VPC: &str = "vpc-0123456789abcdef0";
/// Hint: subnet.
pub const HINT_SUBNET: &str = "two subnets of the VPC in different Availability Zones";
/// Hint: service account.
pub const HINT_SERVICE_USER: &str = "sAMAccountName only, e.g. svc-adconnector";
/// Hint: trust type.
pub const HINT_TRUST_TYPE: &str = "forest (usual) or external (← → to change)";
/// Hint: selective auth.
pub const HINT_SELECTIVE: &str = "selective authentication on the AWS side (← →)";
/// Hint: managed source.
pub const HINT_MANAGED_SOURCE: &str =
    "create a new Managed Microsoft AD, or use an existing one (← →)";
/// Hint: directory.
pub const HINT_DIRECTORY: &str =
    "d-0123456789; must be a Managed Microsoft AD (not Simple AD or AD Connector)";
/// Hint: managed domain.
pub const HINT_MANAGED_DOMAIN: &str = "a new domain for AWS, e.g. aws.corp.example.com (not yours)";
/// Hint: managed NetBIOS.
pub const HINT_MANAGED_NETBIOS: &str = "e.g. AWSCORP; must differ from yours";
/// Hint: edition.
pub const HINT_EDITION: &str = "Standard or Enterprise (← →)";
/// Decision helper question.
pub const Q_SEVERAL_DOMAINS: &str = "Must users of several domains or forests sign in?";
/// Decision helper question.
pub const Q_PORTAL_RESETS: &str = "Must users reset passwords from the AWS access portal?";
/// Decision helper question.
pub const Q_DATA_IN_AWS: &str = "May directory data live in AWS?";
/// Reason.
pub const WHY_SEVERAL_DOMAINS: &str =
    "AD Connector reaches one domain only; several domains or forests need a two-way trust.";
/// Reason.
pub const WHY_NO_DATA_IN_AWS: &str =
    "AD Connector caches nothing in AWS: it proxies every request to your DCs.";
/// Reason.
pub const WHY_SIMPLER: &str =
    "With one domain, AD Connector is simpler: one gateway and a service account, no trust to run.";
/// Reason.
pub const WHY_RESETS: &str = "Neither design resets AD passwords from the portal: with AD Connector, resets happen in AD only.";
/// Reason.
pub const WHY_CONFLICT: &str =
    "The trust puts an AWS Managed Microsoft AD in AWS (your users stay in your AD).";
/// The decision helper's recommendation, named.
pub fn recommended(mode: crate::plan::Mode) -> String {
    let name = match mode {
        crate::plan::Mode::Trust => "two-way trust",
        _ => "AD Connector",
    };
    format!("Recommended: {name}")
}
/// Every helper answer is "not sure".
pub const NO_RECOMMENDATION: &str =
    "No recommendation yet: answer at least one of these questions.";
/// Enter on a helper question while there is no recommendation.
pub const NO_RECOMMENDATION_YET: &str =
    "No recommendation yet: answer a question (← →), or choose a design above.";
/// What does not work.
pub const NOT_SUPPORTED: &str = "Not offered, because they do not work with IAM Identity Center: one-way trusts (one direction carries sign-in, the other lets Identity Center read users and groups) and Simple AD (Samba based).";
/// Trust option.
pub const OPTION_TRUST: &str =
    "Two-way trust: AWS Managed Microsoft AD + a two-way forest or external trust";
/// Connector option.
pub const OPTION_CONNECTOR: &str =
    "AD Connector: a gateway to one domain that caches nothing in AWS";
/// Warning on review.
pub const SWITCH_WARNING: &str = "Switching Identity Center's identity source to this directory deletes its existing users, groups and assignments and changes the portal URL (done in the console).";
/// Saved to `path`: what to run next, on that file.
pub fn saved(path: &str) -> String {
    let path = crate::text::untrusted::line(path);
    format!(
        "plan saved (mode 0600). Next: `adsso preflight {path}` from a host that reaches your DCs, then `adsso apply {path} --dry-run` and `adsso apply {path}`."
    )
}
/// Keys named in the footer, and what they do (the wizard's key table pairs them with the keys).
pub const KEYS_MOVE: &str = "Tab/↑↓";
/// What [`KEYS_MOVE`] do.
pub const DOES_MOVE: &str = "move";
/// Keys that change a choice.
pub const KEYS_CHANGE: &str = "←→";
/// What [`KEYS_CHANGE`] do.
pub const DOES_CHANGE: &str = "change";
/// Keys that scroll a long view or apply now's log.
pub const KEYS_SCROLL: &str = "↑↓/PgUp/PgDn";
/// What [`KEYS_SCROLL`] do.
pub const DOES_SCROLL: &str = "scroll";
/// What Enter does once apply now is over.
pub const DOES_CLOSE: &str = "close";
/// What Ctrl-C does while apply now runs.
pub const DOES_STOP: &str = "stop";
/// The key that goes on.
pub const KEYS_NEXT: &str = "Enter";
/// What [`KEYS_NEXT`] does.
pub const DOES_NEXT: &str = "next";
/// The key that goes back.
pub const KEYS_BACK: &str = "Esc";
/// What [`KEYS_BACK`] does.
pub const DOES_BACK: &str = "back";
/// The key that opens help anywhere (`?` does too, outside text fields).
pub const KEYS_HELP: &str = "F1";
/// What [`KEYS_HELP`] does.
pub const DOES_HELP: &str = "help";
/// The key that quits.
pub const KEYS_QUIT: &str = "Ctrl-C";
/// What [`KEYS_QUIT`] does.
pub const DOES_QUIT: &str = "quit";
/// Help text.
pub const HELP: &str = "Tab, Shift-Tab, ↑ and ↓ move between fields. ← and → change a choice. Enter goes to the next field, and from the last one to the next screen. Esc goes back a screen; nothing typed is lost. F1 opens this help anywhere, and so does ? outside text fields (in a text field ? is typed). Outside text fields q quits; Ctrl-C quits anywhere (asking first when the plan is not saved). Passwords are never stored: the plan only names where apply will read them, and applying from here asks in a masked field for those not in the environment.";
/// The notice of a terminal too small for the wizard: nothing but quitting acts then.
pub fn too_small(width: u16, height: u16) -> String {
    format!(
        "Enlarge the terminal to at least 80x24 (now {width}x{height}). Until then only Ctrl-C, q or Esc act: they quit."
    )
}
/// Confirm quit.
pub const CONFIRM_QUIT: &str = "The plan is not saved. Quit anyway? (y/n)";
/// Screen has errors.
pub const FIX_FIRST: &str = "Fix the fields marked ✗ first.";
/// Plan invalid at finish.
pub const PLAN_INVALID: &str = "The plan is not valid yet; go back (Esc) to the fields marked ✗.";
/// Help: choose.
pub const HELP_CHOOSE: &str = "Pick the design. A two-way trust connects an AWS Managed Microsoft AD to your forest; AD Connector proxies to one domain and stores nothing in AWS. The helper recommends one from your answers (none while every answer is \"not sure\") and selects it, until you pick a design yourself with ← →.";
/// Help: domain.
pub const HELP_DOMAIN: &str = "Your self-managed domain: its DNS name, NetBIOS name and the DNS servers that answer for it (usually your domain controllers). They must be reachable from the VPC.";
/// Help: AWS.
pub const HELP_AWS: &str = "Where Identity Center lives and what adsso creates there. The subnets must be in two different Availability Zones of the VPC.";
/// Help: secrets.
pub const HELP_SECRETS: &str = "Name the environment variable apply will read each password from, or leave it empty to be asked at apply time. The wizard never stores a password.";
/// Help: diagram.
pub const HELP_DIAGRAM: &str = "The design as drawn from your answers: both trust directions and the access each gives, DNS forwarders, and Identity Center. ↑ ↓ scroll.";
/// Help: review.
pub const HELP_REVIEW: &str =
    "The plan that will be saved and what apply will do with it. ↑ ↓ scroll.";
/// Help: finish.
pub const HELP_FINISH: &str = "Type the file name and choose Save. The file is written with mode 0600 and starts with the schema modeline for editors. An existing file is replaced only after you confirm (or with --force); a symbolic link is replaced, never followed.";
/// Help: apply now.
pub const HELP_APPLY: &str = "Apply now runs the saved plan's steps against AWS. A password asked here is masked, used for this run only and never written anywhere. ↑ ↓ and PgUp/PgDn scroll the log (it follows the current step until you scroll). A manual step stops the run with its instructions; `adsso apply` on the saved plan resumes.";

/// Quit without saving.
pub const QUIT_UNSAVED: &str = "Wizard closed; nothing was saved.";
/// The domain answers are needed before a check.
pub const CHECK_NEEDS_DOMAIN: &str =
    "Fill in the domain, NetBIOS name and DNS servers before checking connectivity.";
/// Hint on the domain screen.
pub const CHECK_HINT: &str = "Ctrl-K or F2: check connectivity now (DNS SRV records, DC ports, Kerberos; the LDAP bind too when the service account password variable is set).";
/// Footer while checking.
pub const CHECKING: &str = "checking connectivity to your domain (a few seconds at most)";
/// Plain mode question.
pub const CHECK_NOW: &str = "Check connectivity to the domain from this host now?";
/// Plain mode hint for the check.
pub const CHECK_HINT_PLAIN: &str =
    "DNS SRV records, DC ports and Kerberos, from this host; a few seconds at most";
/// Simple AD is unusable.
pub const UNUSABLE_SIMPLE_AD: &str = "Simple AD does not work with IAM Identity Center";
/// AD Connector is unusable for a trust.
pub const UNUSABLE_AD_CONNECTOR: &str =
    "an AD Connector cannot hold a trust (a trust needs an AWS Managed Microsoft AD)";
/// Shared or unknown directory.
pub const UNUSABLE_OTHER: &str =
    "only an AWS Managed Microsoft AD owned by this account can hold the trust";
/// Existing directory not active.
pub const DIRECTORY_NOT_ACTIVE: &str = "the directory is not Active yet";
/// A discovery call hung.
pub const DISCOVERY_TIMEOUT: &str = "no answer from AWS in 10 s";
/// `--plain` pick lists: the last entry, to type a value discovery did not find.
pub const PICK_TYPE_ANOTHER: &str = "type another value…";
/// `--plain` pick lists: the keys.
pub const PICK_HELP: &str = "↑↓ to move, enter to select, Esc to go back";
/// Discovery running.
pub const DISCOVERING: &str =
    "reading your VPCs, subnets, directories and Identity Center instance";
/// The most characters of a reason the discovery line shows (cut at a word, with `…`).
pub const DISCOVERY_REASON_MAX: usize = 240;
/// Discovery unavailable: the reason as one sentence (its line breaks and indentation become
/// single spaces), cut at a word boundary when very long; the screen wraps it at words.
pub fn discovery_unavailable(reason: &str) -> String {
    let mut shown = String::new();
    for word in reason.split_whitespace() {
        let wanted = shown.chars().count() + 1 + word.chars().count();
        if !shown.is_empty() && wanted > DISCOVERY_REASON_MAX {
            shown.push('…');
            break;
        }
        if !shown.is_empty() {
            shown.push(' ');
        }
        shown.push_str(word);
    }
    format!("No AWS access ({shown}); type the values.")
}
/// After the discovery summary on the full screen: the keys that pick what was found.
pub const DISCOVERY_PICKS: &str = " (← → picks)";
/// Discovery summary (the full screen adds [`DISCOVERY_PICKS`]).
pub fn discovery_summary(found: &crate::wizard::discovery::Found) -> String {
    let instance = found.instance.as_ref().map_or_else(
        || "no Identity Center instance in this Region".to_owned(),
        |i| {
            format!(
                "Identity Center {} ({}, account {})",
                i.arn, i.status, i.owner_account
            )
        },
    );
    format!(
        "{} · account {} · {} VPCs, {} subnets, {} directories",
        instance,
        found.account,
        found.vpcs().len(),
        found.subnets.len(),
        found.directories.len()
    )
}
/// Subnet outside the VPC.
pub fn subnet_not_in_vpc(subnet: &str, vpc: &str) -> String {
    format!("{subnet} belongs to {vpc}, not to the chosen VPC")
}
/// Same AZ.
pub fn same_az(zone: &str) -> String {
    format!("both subnets are in {zone}; pick subnets in two different Availability Zones")
}
/// How to resume an apply started by the wizard.
pub fn resume(path: &str) -> String {
    format!("Resume with `adsso apply {path}` (it picks up where this run stopped).")
}
/// Where a long view is scrolled to: `lines 1-20 of 57`.
pub fn scroll_position(first: usize, last: usize, total: usize) -> String {
    format!("lines {first}-{last} of {total}")
}
/// Apply now was left at its password prompt: nothing ran.
pub fn not_applied(path: &str) -> String {
    format!("Nothing was applied. Apply it later with `adsso apply {path}`.")
}
/// Quit during apply.
pub const APPLY_INTERRUPTED: &str = "interrupted from the wizard";
/// The apply-now button.
pub const APPLY_NOW: &str = "[ Save and apply now ]";
/// Heading of the apply panel.
pub const APPLYING: &str = "Applying the plan to AWS";
/// Asking a password.
pub fn enter_secret(what: &str) -> String {
    format!(
        "Type the {what} (masked; it is used for this run only and never written anywhere), then Enter. Esc goes back to Finish; Ctrl-C quits (the plan stays saved, nothing is applied):"
    )
}
/// Apply over; `path` is the saved plan's file, to resume with.
pub fn apply_over(end: &crate::wizard::apply::ApplyEnd, path: &str) -> String {
    let path = crate::text::untrusted::line(path);
    match end {
        crate::wizard::apply::ApplyEnd::Done => {
            "Apply complete. Enter closes the wizard.".to_owned()
        }
        crate::wizard::apply::ApplyEnd::Paused(_) => format!(
            "Apply paused at a manual step (below). Do it, then run `adsso apply {path}` to resume. Enter closes the wizard."
        ),
        crate::wizard::apply::ApplyEnd::Failed(_) => format!(
            "Apply failed (below). Fix the cause, then run `adsso apply {path}` to resume. Enter closes the wizard."
        ),
    }
}
/// Apply's offer to run preflight first.
pub const PREFLIGHT_FIRST: &str =
    "Check connectivity to your domain from this host first (adsso preflight)?";
/// After failed checks.
pub const CONTINUE_AFTER_FAILED_CHECKS: &str = "Some checks failed (above). Apply anyway?";
/// The credentials are for another account.
pub fn other_account(account: &str) -> String {
    format!("the AWS credentials are for account {account}; apply would refuse this plan")
}
/// The instance belongs to another account.
pub fn instance_elsewhere(owner: &str) -> String {
    format!(
        "the Identity Center instance here belongs to account {owner}: run adsso with that account's credentials (or its delegated administrator)"
    )
}
/// The `--plain` design question.
pub const WHICH_DESIGN: &str = "Which design?";
/// The `--plain` finish question.
pub const FINISH: &str = "Finish:";
/// The `--plain` save path question.
pub const SAVE_TO: &str = "Save the plan to:";
/// Asked by `--plain` when Esc is pressed on the very first question.
pub const PLAIN_QUIT_UNSAVED: &str = "Quit without saving?";
/// The help of [`PLAIN_QUIT_UNSAVED`].
pub const PLAIN_QUIT_UNSAVED_HELP: &str =
    "yes ends the wizard and saves nothing; no (or Esc) asks the question again";
/// Plain finish choice.
pub const FINISH_SAVE: &str = "Save the plan";
/// Plain finish choice.
pub const FINISH_SAVE_AND_APPLY: &str = "Save the plan and apply it now";
/// Help under a password prompt.
pub const PASSWORD_HELP: &str = "masked; used for this run only, never written anywhere. Esc: back to Finish; Ctrl-C: quit, nothing applied";
/// Asking before a save replaces what is at `path` (a file, or a symbolic link when `link`).
pub fn replace_question(path: &str, link: bool) -> String {
    let path = crate::text::untrusted::line(path);
    if link {
        format!(
            "{path} is a symbolic link. Replace the link with the plan (the file it points to is left as it is)?"
        )
    } else {
        format!("{path} already exists. Replace it with the plan?")
    }
}
/// The keys of the replace question on the full screen.
pub const REPLACE_KEYS: &str = "y replaces it · n or Esc keeps it, to type another path";
/// Help under the replace question in `--plain`.
pub const REPLACE_HELP_PLAIN: &str = "no keeps it and asks for another path";
/// The operator kept what is at `path`.
pub fn kept(path: &str) -> String {
    format!(
        "{} was left as it is; type another path to save to.",
        crate::text::untrusted::line(path)
    )
}
/// How many paths `--plain` asks for before giving up.
pub const SAVE_ATTEMPTS: usize = 10;
/// `--plain` gave up asking for a path.
pub fn save_gave_up() -> String {
    format!("The plan could not be saved after {SAVE_ATTEMPTS} attempts.")
}

/// Hint: a domain's own trust type.
pub const HINT_DOMAIN_TRUST_TYPE: &str =
    "forest, external, or as plan (the AWS screen's trust type)";
/// Hint: a domain's own selective authentication.
pub const HINT_DOMAIN_SELECTIVE: &str =
    "this domain's selective authentication, or as plan (the AWS screen's)";
/// Hint: a domain's own trust password.
pub const HINT_DOMAIN_SECRET: &str =
    "env var name of this domain's trust password; empty: the plan's";
/// Keys that add a domain.
pub const KEYS_ADD_DOMAIN: &str = "Ctrl-N";
/// What [`KEYS_ADD_DOMAIN`] does.
pub const DOES_ADD_DOMAIN: &str = "add domain";
/// Keys that remove the current domain.
pub const KEYS_REMOVE_DOMAIN: &str = "Ctrl-D";
/// What [`KEYS_REMOVE_DOMAIN`] does.
pub const DOES_REMOVE_DOMAIN: &str = "remove it";
/// Keys that move between domains.
pub const KEYS_SWITCH_DOMAIN: &str = "PgUp/PgDn";
/// What [`KEYS_SWITCH_DOMAIN`] do.
pub const DOES_SWITCH_DOMAIN: &str = "other domain";
/// Adding a domain in AD Connector mode (one footer line).
pub const CONNECTOR_ONE_DOMAIN_SHORT: &str =
    "AD Connector reaches one domain only: choose the two-way trust for several";
/// Removing the only domain.
pub const LAST_DOMAIN: &str = "a plan needs one domain: the last one stays";
/// Help: several domains.
pub const HELP_DOMAINS: &str = "Trust mode: Ctrl-N adds another domain or forest (one two-way trust to each), PgUp/PgDn move between them, Ctrl-D removes the one shown. Each domain may set its own trust type, selective authentication and password; \"as plan\" and an empty password take the AWS and Secrets screens' values.";
/// The `--plain` question after a domain's questions (trust mode).
pub const ADD_ANOTHER_DOMAIN: &str = "Add another domain?";
/// The `--plain` help of [`ADD_ANOTHER_DOMAIN`].
pub const ADD_ANOTHER_DOMAIN_HELP: &str =
    "one two-way trust to each domain or forest; its own trust settings are asked next";
/// Said once before a plan opened with `--edit` is saved.
pub const EDIT_DROPS_COMMENTS: &str =
    "Saving rewrites the plan: comments in the file are not kept (the values are).";

/// "Domain k of N" on the Domain screen.
pub fn domain_heading(index: usize, count: usize) -> String {
    format!("Domain {} of {count}", index + 1)
}

/// The `--plain` heading before a domain's questions.
pub fn domain_questions(index: usize) -> String {
    format!("Domain {}:", index + 1)
}
