//! `network.nacl`, pure: a network ACL evaluated as AWS does. Rules of the traffic's direction
//! are read from the lowest rule number up; the first rule whose protocol, range (CIDR) and
//! ports match a packet decides (allow or deny), and a packet no rule matches is denied.
//! Network ACLs are stateless, so replies need rules of their own.

use super::flows::{Flow, Ports, cidr_contains};
use crate::aws::{AclEntry, NetworkAcl, RuleAction};

/// The rule number AWS gives the last rule of every ACL, shown as `*`.
pub const DEFAULT_RULE: i32 = 32767;

/// What blocks part of a flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockedBy {
    /// A deny rule with this number (the `*` rule is [`DEFAULT_RULE`]).
    Rule(i32),
    /// No rule matched: denied.
    NoRule,
}

/// Part of a flow the ACL drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocked {
    /// The flow, its ports narrowed to the part dropped.
    pub flow: Flow,
    /// Why.
    pub by: BlockedBy,
}

/// The ACL associated with `subnet` (every subnet has exactly one).
pub fn acl_of<'a>(acls: &'a [NetworkAcl], subnet: &str) -> Option<&'a NetworkAcl> {
    acls.iter()
        .find(|acl| acl.subnet_ids.iter().any(|id| id == subnet))
}

/// The ports `entry` covers for `flow`, if it matches the flow's direction, protocol and
/// address at all.
fn covers(entry: &AclEntry, flow: &Flow) -> Option<Ports> {
    if entry.direction != flow.direction || !flow.protocol.matched_by(&entry.protocol) {
        return None;
    }
    if !entry
        .cidr
        .as_deref()
        .is_some_and(|cidr| cidr_contains(cidr, flow.address))
    {
        return None;
    }
    if entry.protocol.trim() == "-1" {
        return Some(Ports::ALL);
    }
    Ports::of_rule(entry.ports)
}

/// The parts of `flow` that `acl` drops, each with the rule that drops it.
pub fn blocked(acl: &NetworkAcl, flow: &Flow) -> Vec<Blocked> {
    let mut entries: Vec<&AclEntry> = acl.entries.iter().collect();
    entries.sort_by_key(|entry| entry.rule_number);
    let mut undecided = vec![flow.ports];
    let mut dropped = Vec::new();
    for entry in entries {
        if undecided.is_empty() {
            break;
        }
        let Some(range) = covers(entry, flow) else {
            continue;
        };
        if entry.action == RuleAction::Deny {
            for part in undecided.iter().filter_map(|part| part.overlap(range)) {
                dropped.push(Blocked {
                    flow: Flow {
                        ports: part,
                        ..*flow
                    },
                    by: BlockedBy::Rule(entry.rule_number),
                });
            }
        }
        undecided = undecided
            .into_iter()
            .flat_map(|part| part.minus(&[range]))
            .collect();
    }
    dropped.extend(undecided.into_iter().map(|part| Blocked {
        flow: Flow {
            ports: part,
            ..*flow
        },
        by: BlockedBy::NoRule,
    }));
    dropped
}

#[cfg(test)]
#[path = "nacl_tests.rs"]
mod tests;
