//! An in-memory [`Cloud`] for the steps' unit tests: what it holds, what it was asked to do,
//! and when evidence appears. Test-only (`cfg(test)`), shared by the apply and wizard tests.

pub mod access;
mod details;
pub mod organization;

use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use secrecy::SecretString;

use crate::aws::*;

/// The fake's state.
#[derive(Debug, Default)]
pub struct State {
    pub account: String,
    /// What `DescribeSubnets` of no id (every subnet) answers.
    pub subnets: Vec<Subnet>,
    /// What `DescribeVpcs` answers.
    pub vpcs: Vec<Vpc>,
    pub directories: Vec<(Directory, Vec<Tag>)>,
    pub trusts: Vec<TrustInfo>,
    pub groups: Vec<Group>,
    /// `ListGroups` answers with no group until this many calls were made.
    pub groups_after: usize,
    /// `VerifyTrust` fails until this many calls were made.
    pub verify_after: usize,
    /// The kind of those failures (`Client` when unset, as AWS answers while the other side is
    /// missing).
    pub verify_error: Option<AwsErrorKind>,
    /// After a successful `VerifyTrust`, this many `DescribeTrusts` still show `VerifyFailed`.
    pub stale_after_verify: usize,
    pub stale_left: usize,
    pub list_groups_calls: usize,
    pub verify_calls: usize,
    /// Every mutating call, in order.
    pub mutations: Vec<String>,
    /// The password each trust was created with, by remote domain (tests check which password
    /// went to which trust; this fake never prints it).
    pub trust_passwords: std::collections::BTreeMap<String, String>,
    /// Identity Center permission sets and assignments.
    pub access: access::Access,
    /// What `DescribeSecurityGroups` answers (the outbound rules of any group).
    pub egress: Vec<EgressRule>,
    /// What `DescribeNetworkAcls` answers.
    pub acls: Vec<NetworkAcl>,
    /// What `DescribeRouteTables` answers.
    pub route_tables: Vec<RouteTable>,
    /// What `ListIpRoutes` answers.
    pub ip_routes: Vec<IpRoute>,
    /// What `GetDirectoryLimits` answers.
    pub limits: DirectoryLimits,
    /// Every read of the network path, in order (`DescribeSecurityGroups`, ...).
    pub network_reads: Vec<&'static str>,
    /// The organization, when the account is in one.
    pub org: Option<organization::FakeOrg>,
}

/// The fake cloud.
#[derive(Debug, Default)]
pub struct Fake(pub RefCell<State>);

impl Fake {
    pub fn new() -> Self {
        let fake = Fake::default();
        fake.0.borrow_mut().account = "123456789012".to_owned();
        fake
    }

    pub fn directory(id: &str, name: &str, kind: DirectoryKind) -> Directory {
        Directory {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            stage: DirectoryStage::Active,
            stage_reason: String::new(),
            dns_ips: vec!["10.1.0.5".to_owned()],
            vpc_id: None,
            subnet_ids: Vec::new(),
            security_group_id: None,
            edition: None,
            details: crate::aws::DirectoryDetails::default(),
        }
    }
}

/// A [`Connect`] for the wizard's tests: each `connect` opens a new [`Fake`] set up by `seed`,
/// and records the target it was asked for.
#[derive(Debug, Clone)]
pub struct FakeConnect {
    /// Sets up each fake it opens.
    pub seed: fn(&mut State),
    /// The targets `connect` was called with, in order.
    pub targets: Arc<Mutex<Vec<Target>>>,
}

impl FakeConnect {
    pub fn new(seed: fn(&mut State)) -> Self {
        Self {
            seed,
            targets: Arc::default(),
        }
    }

    /// The Regions `connect` was asked for, in order.
    pub fn regions(&self) -> Vec<Option<String>> {
        let targets = self.targets.lock().unwrap();
        targets.iter().map(|target| target.region.clone()).collect()
    }
}

impl Connect for FakeConnect {
    type Cloud = Fake;

    async fn connect(&self, target: &Target) -> Fake {
        self.targets.lock().unwrap().push(target.clone());
        let fake = Fake::new();
        (self.seed)(&mut fake.0.borrow_mut());
        fake
    }
}

fn not_found(operation: &'static str) -> AwsError {
    AwsError::new(
        "ds",
        operation,
        AwsErrorKind::DoesNotExist,
        "EntityDoesNotExistException",
    )
}

impl DirectoryApi for Fake {
    async fn describe_directories(&self, ids: &[String]) -> Result<Vec<Directory>, AwsError> {
        let state = self.0.borrow();
        let all = state.directories.iter().map(|(d, _)| d.clone());
        if ids.is_empty() {
            return Ok(all.collect());
        }
        let found: Vec<Directory> = all.filter(|d| ids.contains(&d.id)).collect();
        if found.is_empty() {
            return Err(not_found("DescribeDirectories"));
        }
        Ok(found)
    }

    async fn list_tags(&self, directory_id: &str) -> Result<Vec<Tag>, AwsError> {
        let state = self.0.borrow();
        Ok(state
            .directories
            .iter()
            .find(|(d, _)| d.id == directory_id)
            .map(|(_, tags)| tags.clone())
            .unwrap_or_default())
    }

    async fn connect_directory(
        &self,
        request: &ConnectDirectoryRequest,
        _: &SecretString,
    ) -> Result<String, AwsError> {
        let mut state = self.0.borrow_mut();
        let id = format!("d-{:010}", state.directories.len());
        let directory = Fake::directory(&id, &request.name, DirectoryKind::AdConnector);
        state.directories.push((directory, request.tags.clone()));
        state.mutations.push(format!("ConnectDirectory {id}"));
        Ok(id)
    }

    async fn create_managed_ad(
        &self,
        request: &CreateManagedAdRequest,
        _: &SecretString,
    ) -> Result<String, AwsError> {
        let mut state = self.0.borrow_mut();
        let id = format!("d-{:010}", state.directories.len());
        let directory = Fake::directory(&id, &request.name, DirectoryKind::MicrosoftAd);
        state.directories.push((directory, request.tags.clone()));
        state.mutations.push(format!("CreateMicrosoftAD {id}"));
        Ok(id)
    }

    async fn describe_trusts(&self, directory_id: &str) -> Result<Vec<TrustInfo>, AwsError> {
        let mut state = self.0.borrow_mut();
        if state.stale_left > 0 {
            state.stale_left -= 1;
            if state.stale_left == 0 {
                for trust in &mut state.trusts {
                    trust.state = TrustState::Verified;
                }
            }
        }
        Ok(state
            .trusts
            .iter()
            .filter(|t| t.directory_id == directory_id)
            .cloned()
            .collect())
    }

    async fn create_trust(
        &self,
        request: &CreateTrustRequest,
        password: &SecretString,
    ) -> Result<String, AwsError> {
        let mut state = self.0.borrow_mut();
        state.trust_passwords.insert(
            request.remote_domain.clone(),
            secrecy::ExposeSecret::expose_secret(password).to_owned(),
        );
        let id = format!("t-{:010}", state.trusts.len());
        state.trusts.push(TrustInfo {
            id: id.clone(),
            directory_id: request.directory_id.clone(),
            remote_domain: request.remote_domain.clone(),
            direction: request.direction.clone(),
            trust_type: request.trust_type.clone(),
            selective_auth: request.selective_auth.clone(),
            state: TrustState::VerifyFailed,
            state_reason: String::new(),
        });
        state.mutations.push(format!("CreateTrust {id}"));
        Ok(id)
    }

    async fn verify_trust(&self, trust_id: &str) -> Result<(), AwsError> {
        let mut state = self.0.borrow_mut();
        state.verify_calls += 1;
        state.mutations.push(format!("VerifyTrust {trust_id}"));
        if state.verify_calls <= state.verify_after {
            return Err(AwsError::new(
                "ds",
                "VerifyTrust",
                state.verify_error.unwrap_or(AwsErrorKind::Client),
                "not yet",
            ));
        }
        let next = if state.stale_after_verify > 0 {
            TrustState::VerifyFailed
        } else {
            TrustState::Verified
        };
        state.stale_left = state.stale_after_verify;
        for trust in state.trusts.iter_mut().filter(|t| t.id == trust_id) {
            trust.state = next.clone();
        }
        Ok(())
    }

    async fn describe_forwarders(&self, _: &str) -> Result<Vec<Forwarder>, AwsError> {
        Ok(Vec::new())
    }

    async fn delete_trust(&self, trust_id: &str) -> Result<(), AwsError> {
        let mut state = self.0.borrow_mut();
        state.trusts.retain(|t| t.id != trust_id);
        state.mutations.push(format!("DeleteTrust {trust_id}"));
        Ok(())
    }

    async fn delete_directory(&self, directory_id: &str) -> Result<(), AwsError> {
        let mut state = self.0.borrow_mut();
        state.directories.retain(|(d, _)| d.id != directory_id);
        state
            .mutations
            .push(format!("DeleteDirectory {directory_id}"));
        Ok(())
    }

    async fn list_ip_routes(&self, _: &str) -> Result<Vec<IpRoute>, AwsError> {
        let mut state = self.0.borrow_mut();
        state.network_reads.push("ListIpRoutes");
        Ok(state.ip_routes.clone())
    }

    async fn directory_limits(&self) -> Result<DirectoryLimits, AwsError> {
        Ok(self.0.borrow().limits)
    }
}

impl IdentityStoreApi for Fake {
    async fn list_groups(&self, _: &str) -> Result<Vec<Group>, AwsError> {
        let mut state = self.0.borrow_mut();
        state.list_groups_calls += 1;
        if state.list_groups_calls <= state.groups_after {
            return Ok(Vec::new());
        }
        Ok(state.groups.clone())
    }
}

impl AccountApi for Fake {
    async fn caller_identity(&self) -> Result<CallerIdentity, AwsError> {
        let account = self.0.borrow().account.clone();
        Ok(CallerIdentity {
            arn: format!("arn:aws:iam::{account}:user/test"),
            account,
        })
    }
}

impl NetworkApi for Fake {
    async fn describe_subnets(&self, ids: &[String]) -> Result<Vec<Subnet>, AwsError> {
        if ids.is_empty() {
            return Ok(self.0.borrow().subnets.clone());
        }
        Ok(ids
            .iter()
            .enumerate()
            .map(|(i, id)| Subnet {
                id: id.clone(),
                vpc_id: "vpc-0123456789abcdef0".to_owned(),
                availability_zone: format!("us-east-1{}", ["a", "b"][i % 2]),
                ..Subnet::default()
            })
            .collect())
    }

    async fn describe_vpcs(&self) -> Result<Vec<Vpc>, AwsError> {
        Ok(self.0.borrow().vpcs.clone())
    }

    async fn security_group_egress(&self, _: &str) -> Result<Vec<EgressRule>, AwsError> {
        let mut state = self.0.borrow_mut();
        state.network_reads.push("DescribeSecurityGroups");
        Ok(state.egress.clone())
    }

    async fn describe_network_acls(&self, _: &str) -> Result<Vec<NetworkAcl>, AwsError> {
        let mut state = self.0.borrow_mut();
        state.network_reads.push("DescribeNetworkAcls");
        Ok(state.acls.clone())
    }

    async fn describe_route_tables(&self, _: &str) -> Result<Vec<RouteTable>, AwsError> {
        let mut state = self.0.borrow_mut();
        state.network_reads.push("DescribeRouteTables");
        Ok(state.route_tables.clone())
    }
}
