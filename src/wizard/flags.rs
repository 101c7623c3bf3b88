//! `adsso wizard --mode trust --domain corp.example.com ...`: every plan question the wizard
//! asks that has a natural flag, like `gh`. The flags pre-fill the draft (on top of the plan
//! opened with `--edit`, when there is one) and each value is judged by the same rules as a
//! typed answer: an invalid one is refused before any screen is drawn, naming the flag and what
//! is allowed. The front ends then skip what is given (see [`Presets::given`]).

use std::collections::BTreeSet;

use clap::{Args, ValueEnum};

use super::draft::{Draft, FieldId};
use super::questions::{self, FieldAt};
use crate::plan::Mode;
use crate::text::wizard as words;

/// The design, as `--mode` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeFlag {
    /// AWS Managed Microsoft AD with a two-way trust to your domain(s).
    Trust,
    /// AD Connector: a gateway to one domain.
    AdConnector,
}

/// `--edition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EditionFlag {
    /// Standard edition.
    Standard,
    /// Enterprise edition.
    Enterprise,
}

/// `--size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SizeFlag {
    /// Small connector.
    Small,
    /// Large connector.
    Large,
}

/// `--trust-type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrustTypeFlag {
    /// A forest trust (usual).
    Forest,
    /// An external trust.
    External,
}

/// `--selective-auth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SelectiveAuthFlag {
    /// No selective authentication (usual).
    No,
    /// Selective authentication on the AWS side.
    Yes,
}

/// The wizard's answers given as flags (`--region`, global, answers the Region question).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Answers (each one skips its question)")]
pub struct AnswerFlags {
    /// The design [skips the Choose screen].
    #[arg(long, value_enum)]
    pub mode: Option<ModeFlag>,
    /// The plan's name (metadata.name).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Your AD's DNS name; repeat it for more domains or forests (trust mode), each with its
    /// own --netbios and --dns in the same order.
    #[arg(long, value_name = "FQDN")]
    pub domain: Vec<String>,
    /// Your AD's NetBIOS name (repeatable: the Nth for the Nth --domain).
    #[arg(long, value_name = "NAME")]
    pub netbios: Vec<String>,
    /// Your AD's DNS servers, comma separated (repeatable: the Nth for the Nth --domain).
    #[arg(long, value_name = "IP,IP")]
    pub dns: Vec<String>,
    /// The AWS account id apply must run in.
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,
    /// The VPC.
    #[arg(long, value_name = "VPC")]
    pub vpc: Option<String>,
    /// The two subnets, comma separated.
    #[arg(long, value_name = "SUBNET,SUBNET")]
    pub subnets: Option<String>,
    /// Trust: the trust type.
    #[arg(long, value_enum)]
    pub trust_type: Option<TrustTypeFlag>,
    /// Trust: selective authentication on the AWS side.
    #[arg(long, value_enum)]
    pub selective_auth: Option<SelectiveAuthFlag>,
    /// Trust: use this existing Managed Microsoft AD instead of creating one.
    #[arg(long, value_name = "ID", conflicts_with_all = ["aws_domain", "aws_netbios", "edition"])]
    pub directory_id: Option<String>,
    /// Trust: the new Managed AD's domain.
    #[arg(long, value_name = "FQDN")]
    pub aws_domain: Option<String>,
    /// Trust: the new Managed AD's NetBIOS name.
    #[arg(long, value_name = "NAME")]
    pub aws_netbios: Option<String>,
    /// Trust: the new Managed AD's edition.
    #[arg(long, value_enum)]
    pub edition: Option<EditionFlag>,
    /// AD Connector: its size.
    #[arg(long, value_enum)]
    pub size: Option<SizeFlag>,
    /// AD Connector: the service account's sAMAccountName.
    #[arg(long, value_name = "USER")]
    pub service_account: Option<String>,
    /// Trust: the environment variable apply reads the trust password from.
    #[arg(long, value_name = "VAR")]
    pub trust_password_env: Option<String>,
    /// Trust: the variable for the new Managed AD's Admin password.
    #[arg(long, value_name = "VAR")]
    pub admin_password_env: Option<String>,
    /// AD Connector: the variable for the service account's password.
    #[arg(long, value_name = "VAR")]
    pub service_password_env: Option<String>,
}

/// One answer given as a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Preset {
    /// The flag, e.g. `--domain`.
    flag: &'static str,
    /// The question it answers.
    id: FieldId,
    /// The domain it answers for (a repeated domain flag: its occurrence); 0 for the others.
    domain: usize,
    /// The value of the question.
    value: String,
    /// The flag's value as given (both subnets for `--subnets`).
    typed: String,
}

/// The answers given as flags, ready to lay over a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presets {
    /// The design, when `--mode` gave it.
    pub mode: Option<Mode>,
    answers: Vec<Preset>,
}

/// A flag whose value the wizard refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagError {
    /// The flag, e.g. `--netbios`.
    pub flag: &'static str,
    /// What is wrong and what is allowed (never the value of a password flag).
    pub problem: String,
}

/// The design a question belongs to, when it belongs to one only.
fn design_of(id: FieldId) -> Option<Mode> {
    match id {
        FieldId::ConnectorSize | FieldId::ServiceUser | FieldId::ServicePassword => {
            Some(Mode::AdConnector)
        }
        FieldId::TrustType
        | FieldId::SelectiveAuth
        | FieldId::ManagedAdSource
        | FieldId::ExistingDirectoryId
        | FieldId::ManagedDomain
        | FieldId::ManagedNetbios
        | FieldId::Edition
        | FieldId::TrustPassword
        | FieldId::AdminPassword => Some(Mode::Trust),
        _ => None,
    }
}

fn mode_flag(mode: Mode) -> &'static str {
    match mode {
        Mode::Trust => "trust",
        _ => "ad-connector",
    }
}

impl Presets {
    /// The answers of `flags`, and `region` (the global `--region`).
    pub fn new(flags: &AnswerFlags, region: Option<&str>) -> Presets {
        let mut answers = Vec::new();
        let mut add = |flag: &'static str, id: FieldId, value: Option<&str>| {
            if let Some(value) = value {
                answers.push(Preset {
                    flag,
                    id,
                    domain: 0,
                    value: value.to_owned(),
                    typed: value.to_owned(),
                });
            }
        };
        add("--name", FieldId::PlanName, flags.name.as_deref());
        add("--region", FieldId::Region, region);
        add("--account", FieldId::AccountId, flags.account.as_deref());
        add("--vpc", FieldId::VpcId, flags.vpc.as_deref());
        let trust_type = flags.trust_type.map(|t| match t {
            TrustTypeFlag::Forest => "forest",
            TrustTypeFlag::External => "external",
        });
        add("--trust-type", FieldId::TrustType, trust_type);
        let selective = flags.selective_auth.map(|s| match s {
            SelectiveAuthFlag::No => "no",
            SelectiveAuthFlag::Yes => "yes",
        });
        add("--selective-auth", FieldId::SelectiveAuth, selective);
        let creates = [
            ("--aws-domain", flags.aws_domain.is_some()),
            ("--aws-netbios", flags.aws_netbios.is_some()),
            ("--edition", flags.edition.is_some()),
        ];
        if let Some((flag, _)) = creates.into_iter().find(|(_, given)| *given) {
            add(flag, FieldId::ManagedAdSource, Some("new"));
        }
        let existing = flags.directory_id.as_ref().map(|_| "existing");
        add("--directory-id", FieldId::ManagedAdSource, existing);
        let id = flags.directory_id.as_deref();
        add("--directory-id", FieldId::ExistingDirectoryId, id);
        add(
            "--aws-domain",
            FieldId::ManagedDomain,
            flags.aws_domain.as_deref(),
        );
        let netbios = flags.aws_netbios.as_deref();
        add("--aws-netbios", FieldId::ManagedNetbios, netbios);
        let edition = flags.edition.map(|e| match e {
            EditionFlag::Standard => "Standard",
            EditionFlag::Enterprise => "Enterprise",
        });
        add("--edition", FieldId::Edition, edition);
        let size = flags.size.map(|s| match s {
            SizeFlag::Small => "Small",
            SizeFlag::Large => "Large",
        });
        add("--size", FieldId::ConnectorSize, size);
        let user = flags.service_account.as_deref();
        add("--service-account", FieldId::ServiceUser, user);
        let env = flags.trust_password_env.as_deref();
        add("--trust-password-env", FieldId::TrustPassword, env);
        let env = flags.admin_password_env.as_deref();
        add("--admin-password-env", FieldId::AdminPassword, env);
        let env = flags.service_password_env.as_deref();
        add("--service-password-env", FieldId::ServicePassword, env);
        answers.extend(domain_presets(flags));
        if let Some(subnets) = &flags.subnets {
            let mut parts: Vec<&str> = subnets.split(',').map(str::trim).collect();
            if parts.len() > 2 {
                // Refused by [`Presets::apply`]: the whole value, comma and all, on Subnet 2.
                parts = vec!["", subnets];
            }
            parts.resize(2, "");
            for (id, value) in [FieldId::Subnet1, FieldId::Subnet2].into_iter().zip(parts) {
                answers.push(Preset {
                    flag: "--subnets",
                    id,
                    domain: 0,
                    value: value.to_owned(),
                    typed: subnets.clone(),
                });
            }
        }
        Presets {
            mode: flags.mode.map(|mode| match mode {
                ModeFlag::Trust => Mode::Trust,
                ModeFlag::AdConnector => Mode::AdConnector,
            }),
            answers,
        }
    }

    /// True when no answer was given as a flag.
    pub fn is_empty(&self) -> bool {
        self.mode.is_none() && self.answers.is_empty()
    }

    /// The questions the flags answered (of the first domain for a domain's questions).
    pub fn given(&self) -> BTreeSet<FieldId> {
        self.answers
            .iter()
            .filter(|preset| preset.domain == 0)
            .map(|preset| preset.id)
            .collect()
    }

    /// Lays the answers over `draft` (its first domain for the domain's questions), each judged
    /// as if typed: the first refused one is the error.
    pub fn apply(&self, draft: &mut Draft) -> Result<(), FlagError> {
        if let Some(mode) = self.mode {
            draft.mode = mode;
        }
        for preset in &self.answers {
            if preset.flag == "--subnets" && preset.value.contains(',') {
                return Err(FlagError {
                    flag: preset.flag,
                    problem: words::FLAG_TWO_SUBNETS.to_owned(),
                });
            }
            while draft.domain_count() <= preset.domain {
                if draft.add_domain().is_err() {
                    return Err(FlagError {
                        flag: preset.flag,
                        problem: words::FLAG_ONE_DOMAIN.to_owned(),
                    });
                }
            }
            draft.select_domain(preset.domain);
            draft.set(preset.id, preset.value.clone());
        }
        draft.select_domain(0);
        for preset in &self.answers {
            let design = design_of(preset.id);
            if let (Some(given), Some(design)) = (self.mode, design)
                && given != design
            {
                return Err(FlagError {
                    flag: preset.flag,
                    problem: words::flag_for_other_design(mode_flag(design)),
                });
            }
            let mut judged = draft.clone();
            judged.mode = design.unwrap_or(draft.mode);
            judged.select_domain(preset.domain);
            let errors = questions::errors(&judged);
            if let Some(error) = errors.get(&FieldAt::of(&judged, preset.id)) {
                let typed = crate::text::untrusted::line(&preset.typed);
                let problem = if is_secret(preset.id) || error.contains(typed.as_ref()) {
                    error.clone()
                } else {
                    format!("`{typed}`: {error}")
                };
                return Err(FlagError {
                    flag: preset.flag,
                    problem,
                });
            }
        }
        Ok(())
    }
}

/// The answers of the repeatable domain flags: the Nth `--domain`, `--netbios` and `--dns`
/// answer the Nth domain.
fn domain_presets(flags: &AnswerFlags) -> Vec<Preset> {
    let per_domain = [
        ("--domain", FieldId::Domain, &flags.domain),
        ("--netbios", FieldId::Netbios, &flags.netbios),
        ("--dns", FieldId::DnsServers, &flags.dns),
    ];
    per_domain
        .into_iter()
        .flat_map(|(flag, id, values)| {
            values
                .iter()
                .enumerate()
                .map(move |(domain, value)| Preset {
                    flag,
                    id,
                    domain,
                    value: value.clone(),
                    typed: value.clone(),
                })
        })
        .collect()
}

/// True for the flags that name where a password is read from: their value is never repeated
/// (it may be a password typed by mistake).
fn is_secret(id: FieldId) -> bool {
    matches!(
        id,
        FieldId::TrustPassword | FieldId::AdminPassword | FieldId::ServicePassword
    )
}

#[cfg(test)]
#[path = "flags_tests.rs"]
mod tests;
