//! The PowerShell an operator runs on a self-managed domain controller (trust mode): the
//! conditional forwarder to the AWS Managed AD, the local side of the two-way trust, and checks.
//! Pure: generated from the plan, the Managed AD's domain and its DNS addresses. The trust
//! password is asked by the script itself (`Read-Host -AsSecureString`), never written into it.

use crate::plan::{Mode, Plan, TrustType};

/// What the script needs besides the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedSide {
    /// The AWS Managed AD's DNS name.
    pub domain: String,
    /// Its DNS server addresses (`DnsIpAddrs`).
    pub dns_ips: Vec<String>,
}

/// Quotes a value for a single-quoted PowerShell string.
fn quoted(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// The script for a trust plan; `None` for an AD Connector plan (nothing to do on the DC).
pub fn script(plan: &Plan, managed: &ManagedSide) -> Option<String> {
    if plan.connection.mode != Mode::Trust {
        return None;
    }
    let trust = plan.connection.trust.as_ref()?;
    let (scope, class) = match trust.trust_type {
        TrustType::Forest => ("forest", "Forest"),
        TrustType::External => ("domain", "Domain"),
    };
    let masters = if managed.dns_ips.is_empty() {
        "<the Managed AD's DNS addresses: adsso status FILE>".to_owned()
    } else {
        managed
            .dns_ips
            .iter()
            .map(|ip| quoted(ip))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let aws = quoted(&managed.domain);
    let local = &plan.self_managed.domain;
    Some(format!(
        r#"# adsso: self-managed side of the two-way {scope} trust between {local} and {aws_plain}
# Run on a domain controller of {local} as a Domain Admin (forest trust: Enterprise Admin).
# The trust password is asked below; it must equal the one the plan references ({reference}).
$ErrorActionPreference = 'Stop'
$AwsDomain = {aws}

# 1. DNS: forward {aws_plain} to the AWS Managed AD's DNS servers.
if (-not (Get-DnsServerZone -Name $AwsDomain -ErrorAction SilentlyContinue)) {{
    Add-DnsServerConditionalForwarderZone -Name $AwsDomain -MasterServers @({masters}) -ReplicationScope Forest
}}
Resolve-DnsName -Type SRV "_ldap._tcp.$AwsDomain" | Out-Null

# 2. The local side of the trust (AWS creates its side with CreateTrust).
$Secure = Read-Host -AsSecureString "Trust password for $AwsDomain"
$Bstr = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($Secure)
try {{
    $Plain = [Runtime.InteropServices.Marshal]::PtrToStringBSTR($Bstr)
    $Local = [System.DirectoryServices.ActiveDirectory.{class}]::GetCurrent{class}()
    $Local.CreateLocalSideOfTrustRelationship($AwsDomain, 'Bidirectional', $Plain)
}} finally {{
    [Runtime.InteropServices.Marshal]::ZeroFreeBSTR($Bstr)
    Remove-Variable Plain -ErrorAction SilentlyContinue
}}

# 3. Checks.
Get-ADTrust -Identity $AwsDomain | Format-List Name, Direction, ForestTransitive, SelectiveAuthentication
$Pipes = (Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters').NullSessionPipes
foreach ($Pipe in 'netlogon', 'samr', 'lsarpc') {{
    if ($Pipes -notcontains $Pipe) {{ Write-Warning "anonymous pipe $Pipe is not allowed: the trust may fail with 'Access is denied'" }}
}}
Get-ADUser -Filter 'DoesNotRequirePreAuth -eq $true' | ForEach-Object {{
    Write-Warning "Kerberos pre-authentication is disabled for $($_.SamAccountName); enable it"
}}
Write-Host "Done. Now re-run: adsso apply <plan file>"
"#,
        aws_plain = managed.domain,
        reference = trust.password.describe(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(name: &str) -> Plan {
        let path = format!("{}/assets/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        crate::plan::load(&std::fs::read(path).unwrap())
            .unwrap()
            .0
            .plan
    }

    #[test]
    fn forest_trust_script_has_forwarder_local_side_and_checks() {
        let managed = ManagedSide {
            domain: "aws.corp.example.com".to_owned(),
            dns_ips: vec!["10.1.0.5".to_owned(), "10.1.1.5".to_owned()],
        };
        let text = script(&plan("trust.yaml"), &managed).unwrap();
        assert!(text.contains("-MasterServers @('10.1.0.5', '10.1.1.5') -ReplicationScope Forest"));
        assert!(
            text.contains("[System.DirectoryServices.ActiveDirectory.Forest]::GetCurrentForest()")
        );
        assert!(
            text.contains(
                "CreateLocalSideOfTrustRelationship($AwsDomain, 'Bidirectional', $Plain)"
            )
        );
        assert!(text.contains("Read-Host -AsSecureString"));
        assert!(text.contains("Get-ADTrust -Identity $AwsDomain"));
        assert!(text.contains("{env: ADSSO_TRUST_PASSWORD}"));
    }

    #[test]
    fn ad_connector_plans_have_no_script() {
        let managed = ManagedSide {
            domain: "x.example.com".to_owned(),
            dns_ips: vec![],
        };
        assert_eq!(script(&plan("ad-connector.yaml"), &managed), None);
    }

    #[test]
    fn quotes_are_doubled() {
        assert_eq!(quoted("a'b"), "'a''b'");
    }
}
