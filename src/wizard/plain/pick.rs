//! `--plain` pick lists: when discovery found VPCs, subnets or directories, their question is
//! an inquire Select of what exists (each with its name, zone and range), with "type another"
//! last. The second subnet's list starts on a subnet in another Availability Zone.

use inquire::{InquireError, Select};

use crate::text::untrusted;
use crate::text::wizard as words;
use crate::wizard::discovery::Found;
use crate::wizard::draft::{Draft, FieldId};

/// One entry of a pick list: a discovered value with what discovery knows of it, or typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PickOption {
    /// A value discovery found.
    Found {
        /// The value (an id).
        value: String,
        /// Its name, zone, range (escaped), when known.
        label: Option<String>,
    },
    /// Type a value instead.
    Type,
}

impl std::fmt::Display for PickOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PickOption::Found { value, label } => {
                let value = untrusted::line(value);
                match label {
                    Some(label) => write!(f, "{value}  ({label})"),
                    None => f.write_str(&value),
                }
            }
            PickOption::Type => f.write_str(words::PICK_TYPE_ANOTHER),
        }
    }
}

/// The pick list of `id`: what discovery offers, then [`PickOption::Type`]; empty when
/// discovery offers nothing for it.
pub(super) fn options(id: FieldId, draft: &Draft, found: &Found) -> Vec<PickOption> {
    let mut options: Vec<PickOption> = found
        .candidates(id, draft)
        .into_iter()
        .map(|value| PickOption::Found {
            label: found.label(id, &value),
            value,
        })
        .collect();
    if options.is_empty() {
        return options;
    }
    options.push(PickOption::Type);
    // The second subnet starts on another zone: rotate so that it comes first.
    if id == FieldId::Subnet2
        && draft.get(FieldId::Subnet2).is_empty()
        && let Some(start) = found.second_subnet_start(draft)
    {
        let found_count = options.len() - 1;
        options[..found_count].rotate_left(start);
    }
    options
}

/// Where the list starts: on the current value when it is listed, else the first entry.
pub(super) fn start(options: &[PickOption], current: &str) -> usize {
    options
        .iter()
        .position(|option| matches!(option, PickOption::Found { value, .. } if value == current))
        .unwrap_or(0)
}

/// Asks the pick list: `Some(value)` picked, `None` to type one.
pub(super) fn ask(
    message: &str,
    options: &[PickOption],
    current: &str,
) -> Result<Option<String>, InquireError> {
    let picked = Select::new(message, options.to_vec())
        .with_starting_cursor(start(options, current))
        .with_help_message(words::PICK_HELP)
        .prompt()?;
    Ok(match picked {
        PickOption::Found { value, .. } => Some(value),
        PickOption::Type => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::{Subnet, Vpc};

    fn found() -> Found {
        let subnet = |id: &str, zone: &str| Subnet {
            id: id.to_owned(),
            vpc_id: "vpc-1".to_owned(),
            availability_zone: zone.to_owned(),
            cidr: "10.0.1.0/24".to_owned(),
            name: format!("app-{id}"),
        };
        Found {
            subnets: vec![
                subnet("subnet-a1", "eu-west-1a"),
                subnet("subnet-a2", "eu-west-1a"),
                subnet("subnet-b1", "eu-west-1b"),
            ],
            vpc_details: vec![Vpc {
                id: "vpc-1".to_owned(),
                cidr: "10.0.0.0/16".to_owned(),
                name: "prod".to_owned(),
            }],
            ..Found::default()
        }
    }

    #[test]
    fn a_vpc_is_listed_with_its_name_and_range_then_typing() {
        let draft = Draft::default();
        let options = options(FieldId::VpcId, &draft, &found());
        let shown: Vec<String> = options.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "vpc-1  (prod · 10.0.0.0/16)".to_owned(),
                words::PICK_TYPE_ANOTHER.to_owned()
            ]
        );
        assert_eq!(start(&options, "vpc-1"), 0);
        assert_eq!(start(&options, "vpc-unknown"), 0);
    }

    #[test]
    fn the_second_subnet_list_starts_in_another_zone() {
        let mut draft = Draft::default();
        draft.set(FieldId::VpcId, "vpc-1");
        draft.set(FieldId::Subnet1, "subnet-a1");
        let options = options(FieldId::Subnet2, &draft, &found());
        assert_eq!(
            options[0],
            PickOption::Found {
                value: "subnet-b1".to_owned(),
                label: Some("app-subnet-b1 · eu-west-1b · 10.0.1.0/24".to_owned()),
            }
        );
        assert_eq!(options.len(), 4);
        assert_eq!(options[3], PickOption::Type);
        let first = super::options(FieldId::Subnet1, &draft, &found());
        assert!(matches!(&first[0], PickOption::Found { value, .. } if value == "subnet-a1"));
    }

    #[test]
    fn nothing_discovered_means_no_list() {
        let draft = Draft::default();
        assert!(options(FieldId::VpcId, &draft, &Found::default()).is_empty());
        assert!(options(FieldId::Domain, &draft, &found()).is_empty());
    }
}
