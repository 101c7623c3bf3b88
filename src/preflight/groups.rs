//! The groups a plan assigns, as the self-managed domain holds them: which names concern which
//! domain (`Name@domain` names one domain's group, a bare `Name` every domain's), the LDAP filter
//! that finds one by `sAMAccountName` (its value escaped per RFC 4515), and the verdict on what
//! was found: missing, empty, or with foreign security principals (members from another forest,
//! which Identity Center does not sync). Pure: the reads are in `ldap_reads.rs`.

use crate::plan::Plan;

/// What the directory holds for one group.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupFacts {
    /// Its distinguished name.
    pub dn: String,
    /// Direct members read (AD hands out at most 1500 at once).
    pub members: usize,
    /// More members than were read (AD's ranged retrieval).
    pub more: bool,
    /// Direct members that are groups.
    pub nested: usize,
    /// Direct members that are foreign security principals.
    pub foreign: usize,
}

/// The verdict on one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupVerdict {
    /// No group by that name: nothing can be synced.
    Missing,
    /// No member: the assignment gives nobody access.
    Empty,
    /// Members from another forest (foreign security principals): not synced.
    Foreign,
    /// Members, none foreign.
    Fine,
}

/// The group names the plan's assignments give for `domain`, in the plan's order, each once:
/// `Name@domain` names (for this domain) and bare names.
pub fn plan_groups(plan: &Plan, domain: &str) -> Vec<String> {
    let Some(identity_center) = &plan.identity_center else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    for assignment in &identity_center.assignments {
        let name = match assignment.group.rsplit_once('@') {
            Some((name, of)) if of.eq_ignore_ascii_case(domain) => name,
            Some(_) => continue,
            None => assignment.group.as_str(),
        };
        if !names.iter().any(|known| known.eq_ignore_ascii_case(name)) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The groups to add to Identity Center's sync scope: every domain's [`plan_groups`], each
/// name once. Preflight's `ldap.groups` and apply's identity-source gate show this list.
pub fn sync_scope_groups(plan: &Plan) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for domain in plan.self_managed.all() {
        for name in plan_groups(plan, &domain.domain) {
            if !names.iter().any(|known| known.eq_ignore_ascii_case(&name)) {
                names.push(name);
            }
        }
    }
    names
}

/// `value` escaped for an LDAP filter (RFC 4515 section 3): `*`, `(`, `)`, `\` and NUL as `\XX`.
pub fn escape_filter_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for character in value.chars() {
        match character {
            '*' => out.push_str("\\2a"),
            '(' => out.push_str("\\28"),
            ')' => out.push_str("\\29"),
            '\\' => out.push_str("\\5c"),
            '\0' => out.push_str("\\00"),
            other => out.push(other),
        }
    }
    out
}

/// The filter that finds the group `name`.
pub fn group_filter(name: &str) -> String {
    format!(
        "(&(objectClass=group)(sAMAccountName={}))",
        escape_filter_value(name)
    )
}

/// The filter that finds the groups among the direct members of the group `dn`.
pub fn nested_filter(dn: &str) -> String {
    format!(
        "(&(objectClass=group)(memberOf={}))",
        escape_filter_value(dn)
    )
}

/// True when `member` (a DN) lives under `CN=ForeignSecurityPrincipals`.
pub fn is_foreign(member: &str) -> bool {
    member.split(',').any(|part| {
        part.trim()
            .eq_ignore_ascii_case("CN=ForeignSecurityPrincipals")
    })
}

/// Judges what was found for a group.
pub fn judge(facts: Option<&GroupFacts>) -> GroupVerdict {
    match facts {
        None => GroupVerdict::Missing,
        Some(facts) if facts.members == 0 && !facts.more => GroupVerdict::Empty,
        Some(facts) if facts.foreign > 0 => GroupVerdict::Foreign,
        Some(_) => GroupVerdict::Fine,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with(groups: &[&str]) -> Plan {
        let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
        let mut plan = crate::plan::parse(&std::fs::read(path).unwrap())
            .unwrap()
            .plan;
        let identity_center = plan.identity_center.as_mut().unwrap();
        let template = identity_center.assignments[0].clone();
        identity_center.assignments = groups
            .iter()
            .map(|group| {
                let mut assignment = template.clone();
                (*group).clone_into(&mut assignment.group);
                assignment
            })
            .collect();
        plan
    }

    #[test]
    fn the_plan_names_groups_per_domain_once_each() {
        let plan = plan_with(&[
            "AWS-Admins",
            "AWS-Ops@corp.example.com",
            "AWS-EU@emea.example.net",
            "aws-admins",
            "AWS-Ops@CORP.example.com",
        ]);
        assert_eq!(
            plan_groups(&plan, "corp.example.com"),
            ["AWS-Admins", "AWS-Ops"]
        );
        assert_eq!(
            plan_groups(&plan, "emea.example.net"),
            ["AWS-Admins", "AWS-EU"]
        );
        // The example plan has one domain, corp.example.com: emea's group is not its own.
        assert_eq!(sync_scope_groups(&plan), ["AWS-Admins", "AWS-Ops"]);
        let mut none = plan_with(&[]);
        none.identity_center = None;
        assert!(plan_groups(&none, "corp.example.com").is_empty());
    }

    #[test]
    fn filter_values_are_escaped_per_rfc_4515() {
        assert_eq!(escape_filter_value("AWS-Admins"), "AWS-Admins");
        assert_eq!(
            escape_filter_value("a*b(c)d\\e\0f"),
            "a\\2ab\\28c\\29d\\5ce\\00f"
        );
        assert_eq!(escape_filter_value("Gruppe-Ä"), "Gruppe-Ä");
        assert_eq!(
            group_filter("*)(objectClass=*"),
            "(&(objectClass=group)(sAMAccountName=\\2a\\29\\28objectClass=\\2a))"
        );
        assert_eq!(
            nested_filter("CN=A\\, B,CN=Users,DC=corp"),
            "(&(objectClass=group)(memberOf=CN=A\\5c, B,CN=Users,DC=corp))"
        );
    }

    #[test]
    fn foreign_members_are_told_by_their_container() {
        assert!(is_foreign(
            "CN=S-1-5-21-1-2-3-1105,CN=ForeignSecurityPrincipals,DC=corp,DC=example,DC=test"
        ));
        assert!(is_foreign("cn=S-1-5-11, cn=foreignsecurityprincipals,dc=x"));
        assert!(!is_foreign("CN=alice,CN=Users,DC=corp,DC=example,DC=test"));
        assert!(!is_foreign(
            "CN=ForeignSecurityPrincipals-Fans,CN=Users,DC=corp"
        ));
    }

    #[test]
    fn verdicts() {
        let with = |members, more, foreign| GroupFacts {
            dn: "CN=g".into(),
            members,
            more,
            nested: 0,
            foreign,
        };
        assert_eq!(judge(None), GroupVerdict::Missing);
        assert_eq!(judge(Some(&with(0, false, 0))), GroupVerdict::Empty);
        assert_eq!(judge(Some(&with(0, true, 0))), GroupVerdict::Fine);
        assert_eq!(judge(Some(&with(1, false, 0))), GroupVerdict::Fine);
        assert_eq!(judge(Some(&with(2, false, 1))), GroupVerdict::Foreign);
        assert_eq!(judge(Some(&with(1, false, 1))), GroupVerdict::Foreign);
    }
}
