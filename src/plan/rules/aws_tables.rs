//! The shapes of the generated table [`super::aws_model`] (AWS's rules for the request members
//! adsso sends, and the partitions with their Regions), and the lookups the hand-written rules
//! make in it.

use super::aws_model::PARTITIONS;

/// What a service model says about one request member adsso sends. `min`, `max`, `pattern` and
/// `enum_values` describe the value (for a list: each item); `list_min` and `list_max` the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelField {
    /// The botocore service name (`ds`, `sso-admin`).
    pub service: &'static str,
    /// The operation (`ConnectDirectory`).
    pub operation: &'static str,
    /// The member's path in the request (`ConnectSettings.VpcId`, `Tags.Key`).
    pub member: &'static str,
    /// The member's shape name in the model.
    pub shape: &'static str,
    /// The shortest value, in characters.
    pub min: Option<usize>,
    /// The longest value, in characters.
    pub max: Option<usize>,
    /// The model's pattern, as the model writes it.
    pub pattern: Option<&'static str>,
    /// The values of an enum, in the model's order; empty for other shapes.
    pub enum_values: &'static [&'static str],
    /// The fewest items of a list.
    pub list_min: Option<usize>,
    /// The most items of a list.
    pub list_max: Option<usize>,
}

/// A partition of botocore's endpoint files, with the Regions they list for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    /// The partition as ARNs write it (`aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`, ...).
    pub id: &'static str,
    /// The pattern of its Region names, as the endpoint files write it.
    pub region_regex: &'static str,
    /// The domain its endpoints are under (`amazonaws.com`, `amazonaws.com.cn`).
    pub dns_suffix: &'static str,
    /// Its Regions, sorted.
    pub regions: &'static [&'static str],
}

/// The model's limit, or `documented` when the model states none (the source of `documented`
/// is cited where it is used). A unit test checks that every limit used this way is in the model.
pub const fn model_or(limit: Option<usize>, documented: usize) -> usize {
    match limit {
        Some(limit) => limit,
        None => documented,
    }
}

/// The smaller of two limits (a value sent to two services must satisfy both).
pub const fn smaller(a: usize, b: usize) -> usize {
    if a < b { a } else { b }
}

/// The partition of a Region of the table.
pub fn partition_of(region: &str) -> Option<&'static Partition> {
    PARTITIONS
        .iter()
        .find(|partition| partition.regions.contains(&region))
}

/// The partition with this ARN id (`aws-cn`).
pub fn partition(id: &str) -> Option<&'static Partition> {
    PARTITIONS.iter().find(|partition| partition.id == id)
}

/// The table's Region closest to `name` by edit distance (ties: the first in table order), if
/// it is close enough to be a likely typo (at most a third of the name's length, at least 1).
pub fn closest_region(name: &str) -> Option<&'static str> {
    let budget = (name.chars().count() / 3).max(1);
    PARTITIONS
        .iter()
        .flat_map(|partition| partition.regions.iter().copied())
        .map(|region| (edit_distance(name, region), region))
        .filter(|(distance, _)| *distance <= budget)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, region)| region)
}

/// Levenshtein distance in characters (insertions, deletions, substitutions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            let deletion = previous[j + 1] + 1;
            let insertion = current[j] + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::super::aws_model::{self, FIELDS};
    use super::*;

    #[test]
    fn edit_distances_count_single_character_edits() {
        assert_eq!(edit_distance("us-est-1", "us-east-1"), 1);
        assert_eq!(edit_distance("us-east-1", "us-east-1"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("eu-wset-1", "eu-west-1"), 2);
        assert_eq!(edit_distance("ü", "u"), 1);
        // Deleting from the first name costs one edit, as inserting into it does.
        assert_eq!(edit_distance("us-eaast-1", "us-east-1"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("sitting", "kitten"), 3);
        assert_eq!(closest_region("us-eaast-1"), Some("us-east-1"));
    }

    #[test]
    fn the_closest_region_is_a_likely_typo_or_none() {
        assert_eq!(closest_region("us-est-1"), Some("us-east-1"));
        assert_eq!(closest_region("eu-centrl-1"), Some("eu-central-1"));
        assert_eq!(closest_region("us-gov-wst-1"), Some("us-gov-west-1"));
        assert_eq!(closest_region("eusc-de-est-1"), Some("eusc-de-east-1"));
        assert_eq!(closest_region("mars-north-9"), None);
        assert_eq!(closest_region(""), None);
    }

    #[test]
    fn the_closest_region_may_be_a_third_of_the_name_away() {
        // Nine characters allow three edits: three are accepted, four are not.
        assert_eq!(edit_distance("eu-wxyz-1", "eu-west-1"), 3);
        assert_eq!(closest_region("eu-wxyz-1"), Some("eu-west-1"));
        assert_eq!(edit_distance("eu-wxyz-9", "eu-west-1"), 4);
        assert_eq!(closest_region("eu-wxyz-9"), None);
        assert_eq!(closest_region("eu-wset-1"), Some("eu-west-1"));
        // Ties go to the first Region in table order.
        assert_eq!(closest_region("eu-west-9"), Some("eu-west-1"));
    }

    #[test]
    fn every_region_belongs_to_exactly_one_partition() {
        for partition in aws_model::PARTITIONS {
            assert!(!partition.regions.is_empty(), "{}", partition.id);
            for region in partition.regions {
                assert_eq!(partition_of(region).map(|p| p.id), Some(partition.id));
            }
        }
        assert_eq!(partition_of("us-east-1").map(|p| p.id), Some("aws"));
        assert_eq!(partition_of("cn-north-1").map(|p| p.id), Some("aws-cn"));
        assert_eq!(
            partition_of("eusc-de-east-1").map(|p| p.id),
            Some("aws-eusc")
        );
        assert_eq!(partition_of("aws-global"), None);
    }

    #[test]
    fn the_table_lists_each_member_once_from_the_pinned_botocore() {
        assert_eq!(aws_model::BOTOCORE_VERSION, "1.44.8");
        assert_eq!(FIELDS.len(), 59);
        let mut seen = std::collections::HashSet::new();
        for field in FIELDS {
            assert!(
                matches!(field.service, "ds" | "sso-admin" | "organizations"),
                "{field:?}"
            );
            assert!(
                seen.insert((field.service, field.operation, field.member)),
                "{field:?} is listed twice"
            );
        }
    }

    #[test]
    fn model_or_prefers_the_model() {
        assert_eq!(model_or(Some(75), 50), 75);
        assert_eq!(model_or(None, 50), 50);
        assert_eq!(smaller(50, 75), 50);
        assert_eq!(smaller(75, 50), 50);
    }
}
