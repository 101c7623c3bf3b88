//! The fixed text of the on-premises PowerShell and the one place values enter it. The text is a
//! function with `SupportsShouldProcess` (so `-WhatIf` prints each change instead of making it)
//! that checks before it changes anything and stops on a failed check unless `-Force`. Values
//! are PowerShell literals already ([`super::quoted`]); they replace `@@NAME@@` markers in one
//! pass, so a value is never scanned for markers itself.

use super::Literals;

/// The script; `@@...@@` marks where each literal goes.
const TEMPLATE: &str = r#"# adsso: the self-managed side of a two-way @@SCOPE@@ trust with an AWS Managed Microsoft AD.
# Run on a domain controller of the self-managed domain as a Domain Admin (forest trust: Enterprise Admin).
# Save it as adsso-trust.ps1. `.\adsso-trust.ps1 -WhatIf` runs the checks and prints what it would
# change without changing anything. A failed check stops it before any change; -Force goes on anyway.
# The trust password is asked below; it must equal the one the plan references ($PasswordSource).
function Invoke-AdssoTrustSide {
[CmdletBinding(SupportsShouldProcess = $true)]
param([switch]$Force)
$ErrorActionPreference = 'Stop'
$LocalDomain = @@LOCAL_DOMAIN@@
$AwsDomain = @@AWS_DOMAIN@@
$MasterServers = @(@@MASTERS@@)
$PasswordSource = @@PASSWORD_SOURCE@@
# AWS names its directory's first site Default-First-Site-Name; the trust fails with
# Access is denied when the two sides' first site names differ (AWS trust troubleshooting).
$FirstSite = 'Default-First-Site-Name'
$MaxSkewSeconds = 300
if (-not $AwsDomain -or $MasterServers.Count -eq 0) {
    throw 'The Managed AD is not known yet: run adsso apply until it creates the directory, then adsso onprem-script FILE (or pass --dns-ip).'
}
if ((Get-ADDomain).DNSRoot -ne $LocalDomain) {
    Write-Warning "Skipped: this domain controller is not in $LocalDomain; run this part on a DC of $LocalDomain."
    return
}

# 0. Checks before any change.
$Problems = @()
$Answering = @()
foreach ($Server in $MasterServers) {
    if (Resolve-DnsName -Type SRV -Server $Server -DnsOnly -QuickTimeout -ErrorAction SilentlyContinue "_ldap._tcp.dc._msdcs.$AwsDomain") {
        $Answering += $Server
    } else {
        $Problems += "DNS: the Managed AD's DNS server $Server does not answer for $AwsDomain from here: its security group must allow inbound TCP and UDP 53 from this network, and a route must reach it."
    }
}
$LocalSites = @(Get-ADReplicationSite -Filter * | ForEach-Object { $_.Name })
if ($LocalSites -notcontains $FirstSite) {
    $Problems += "site names: this forest has no site named $FirstSite (its sites: $($LocalSites -join ', ')); the Managed AD's first site is $FirstSite, and different first site names make the trust fail with Access is denied."
}
if ($Answering.Count -gt 0 -and -not (Resolve-DnsName -Type SRV -Server $Answering[0] -DnsOnly -QuickTimeout -ErrorAction SilentlyContinue "_ldap._tcp.$FirstSite._sites.dc._msdcs.$AwsDomain")) {
    $Problems += "site names: the Managed AD lists no domain controller in site $FirstSite."
}
$Lanman = 'HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters'
$Pipes = (Get-ItemProperty -Path $Lanman -Name NullSessionPipes -ErrorAction SilentlyContinue).NullSessionPipes
if ($null -ne $Pipes) {
    $MissingPipes = @('netlogon', 'samr', 'lsarpc' | Where-Object { $Pipes -notcontains $_ })
    if ($MissingPipes.Count -gt 0) {
        $Problems += "null-session pipes: NullSessionPipes in $Lanman lacks $($MissingPipes -join ', '); the trust fails with Access is denied. Add them (Local Security Policy: Network access: Named Pipes that can be accessed anonymously)."
    }
}
$Chart = (w32tm /stripchart "/computer:$($MasterServers[0])" /samples:1 /dataonly 2>&1 | Out-String)
if ($Chart -match '([+-][0-9]+[.,][0-9]+)s') {
    $Skew = [math]::Abs([double]($Matches[1] -replace ',', '.'))
    if ($Skew -gt $MaxSkewSeconds) {
        $Problems += "time: this DC is $Skew seconds apart from the Managed AD; Kerberos allows $MaxSkewSeconds. Fix time sync first (w32tm /query /source, w32tm /resync)."
    } else {
        Write-Host "time: $Skew seconds apart from the Managed AD"
    }
} else {
    Write-Warning "time: w32tm got no answer from $($MasterServers[0]) (UDP 123); the clock offset is not known."
}
$TimeSource = (w32tm /query /source 2>&1 | Out-String).Trim()
if ($TimeSource -match 'Local CMOS Clock|Free-running') {
    Write-Warning "time: this DC's time source is $TimeSource; sync the forest root PDC with a reliable NTP source."
}
foreach ($Problem in $Problems) { Write-Warning $Problem }
if ($Problems.Count -gt 0 -and -not $Force -and -not $WhatIfPreference) {
    throw "Stopped before any change: $($Problems.Count) check(s) failed (above). Fix them, or re-run with -Force to go on anyway."
}

# 1. DNS: forward the AWS domain to the AWS Managed AD's DNS servers.
if (Get-DnsServerZone -Name $AwsDomain -ErrorAction SilentlyContinue) {
    Write-Host "DNS: a zone for $AwsDomain exists already; it is left as it is."
} elseif ($PSCmdlet.ShouldProcess("DNS zone $AwsDomain", "Add a conditional forwarder to $($MasterServers -join ', '), replicated to the forest")) {
    Add-DnsServerConditionalForwarderZone -Name $AwsDomain -MasterServers $MasterServers -ReplicationScope Forest
}
if (-not $WhatIfPreference) {
    Resolve-DnsName -Type SRV "_ldap._tcp.$AwsDomain" | Out-Null
}

# 2. The local side of the trust (AWS creates its side with CreateTrust).
if ($PSCmdlet.ShouldProcess($AwsDomain, 'Create the local side of a two-way @@SCOPE@@ trust')) {
    $Secure = Read-Host -AsSecureString "Trust password for $AwsDomain"
    $Bstr = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($Secure)
    try {
        $Plain = [Runtime.InteropServices.Marshal]::PtrToStringBSTR($Bstr)
        $Local = [System.DirectoryServices.ActiveDirectory.@@CLASS@@]::GetCurrent@@CLASS@@()
        $Local.CreateLocalSideOfTrustRelationship($AwsDomain, 'Bidirectional', $Plain)
    } finally {
        [Runtime.InteropServices.Marshal]::ZeroFreeBSTR($Bstr)
        Remove-Variable Plain -ErrorAction SilentlyContinue
    }
}
if ($WhatIfPreference) {
    Write-Host 'WhatIf: nothing was changed.'
    return
}

# 3. Checks after.
Get-ADTrust -Identity $AwsDomain | Format-List Name, Direction, ForestTransitive, SelectiveAuthentication
Get-ADUser -Filter 'DoesNotRequirePreAuth -eq $true' | ForEach-Object {
    Write-Warning "Kerberos pre-authentication is disabled for $($_.SamAccountName); enable it"
}
Write-Host "Done. Now re-run: adsso apply <plan file>"
}
Invoke-AdssoTrustSide @args
"#;

/// The script with `values` in place.
pub(super) fn render(values: &Literals) -> String {
    let mut out = String::with_capacity(TEMPLATE.len() + 256);
    let mut rest = TEMPLATE;
    while let Some(start) = rest.find("@@") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("@@") else {
            out.push_str(&rest[start..]);
            return out;
        };
        match value_of(&after[..end], values) {
            Some(value) => out.push_str(value),
            // Not a marker: kept as it is (a test keeps the template free of these).
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The literal a marker stands for; `None` for a name that is no marker.
fn value_of<'a>(marker: &str, values: &'a Literals) -> Option<&'a str> {
    Some(match marker {
        "SCOPE" => values.scope,
        "CLASS" => values.class,
        "LOCAL_DOMAIN" => &values.local_domain,
        "AWS_DOMAIN" => &values.aws_domain,
        "MASTERS" => &values.masters,
        "PASSWORD_SOURCE" => &values.password_source,
        _ => return None,
    })
}
