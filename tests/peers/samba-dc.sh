#!/usr/bin/env bash
# Throwaway Samba AD DC (CORP.EXAMPLE.TEST) inside a private network namespace, the real
# self-managed AD that `adsso preflight` is tested against. Debian 12, run as root.
# usage:  samba-dc.sh up | down | status | install
# `up` prints KEY=VALUE lines (also saved in $SDC_DIR/env) for the tests; the DC stops by itself
# after SDC_MAX_RUNTIME seconds, and `down` (run by scripts/test) removes it and its namespace.
# Adapted from the workplace's reference script; adds a disabled account and nftables, test
# groups and service accounts in every state preflight tells apart, chrony serving NTP on the
# DC's address, and libfaketime (the clock-skew test runs adsso with its clock shifted).
# Everything lives under $SDC_DIR; the DC listens only on 10.200.0.10 inside
# netns $SDC_NS (+ its own loopback); the host reaches it over a veth pair.
set -euo pipefail

SDC_DIR=${SDC_DIR:-${TMPDIR:-/tmp}/samba-dc}
SDC_NS=${SDC_NS:-samba-dc}
HOST_IF=${SDC_HOST_IF:-sp-host}        # veth end in the root namespace
DC_IF=${SDC_DC_IF:-sp-dc}              # veth end inside $SDC_NS
HOST_IP=${SDC_HOST_IP:-10.200.0.1}
DC_IP=${SDC_DC_IP:-10.200.0.10}
REALM=${SDC_REALM:-CORP.EXAMPLE.TEST}
DOMAIN=${SDC_DOMAIN:-CORP}
ADMIN_PW=${SDC_ADMIN_PW:-Adm1n-Passw0rd!}
SVC_USER=${SDC_SVC_USER:-svc-adconnector}
SVC_PW=${SDC_SVC_PW:-Svc-Passw0rd!23}
ALLOW_PLAIN_LDAP=${SDC_ALLOW_PLAIN_LDAP:-0}   # 1 => simple bind on 389 w/o TLS allowed
MAX_RUNTIME=${SDC_MAX_RUNTIME:-1800}          # samba exits by itself after this

DC=$SDC_DIR/dc
CONF=$DC/etc/smb.conf
PIDFILE=$SDC_DIR/samba.pid
CHRONY_PIDFILE=$SDC_DIR/chronyd.pid
realm_lc=${REALM,,}
base_dn=DC=${realm_lc//./,DC=}

log() { printf '[%(%T)T] %s\n' -1 "$*" >&2; }

install_pkgs() {
  local need=()
  for p in samba samba-ad-dc samba-ad-provision winbind ldap-utils bind9-dnsutils krb5-user openssl iproute2 procps nftables faketime chrony; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  [ ${#need[@]} -eq 0 ] && return 0
  log "installing ${need[*]}"
  # Keep the packages' init scripts from starting smbd/nmbd/samba-ad-dc on the host.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; own_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ $own_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

net_up() {
  ip netns add "$SDC_NS"
  ip link add "$HOST_IF" type veth peer name "$DC_IF"
  ip link set "$DC_IF" netns "$SDC_NS"
  ip addr add "$HOST_IP/24" dev "$HOST_IF"
  ip link set "$HOST_IF" up
  ip -n "$SDC_NS" link set lo up
  ip -n "$SDC_NS" addr add "$DC_IP/24" dev "$DC_IF"
  ip -n "$SDC_NS" link set "$DC_IF" up
  # no default route inside the namespace: nothing the DC does can leave it
}

provision() {
  mkdir -p "$SDC_DIR"; rm -rf "$DC"
  : > "$SDC_DIR/empty.conf"   # template: keeps /etc/samba/smb.conf out of it
  ip netns exec "$SDC_NS" samba-tool domain provision -s "$SDC_DIR/empty.conf" \
    --realm="$REALM" --domain="$DOMAIN" --server-role=dc --dns-backend=SAMBA_INTERNAL \
    --adminpass="$ADMIN_PW" --host-name=dc1 --host-ip="$DC_IP" --use-rfc2307 \
    --targetdir="$DC" > "$SDC_DIR/provision.log" 2>&1
  mkdir -p "$DC/run" "$DC/log" "$DC/cache"
  echo "nameserver $DC_IP" > "$DC/resolv.conf"      # for samba_dnsupdate (RESOLV_CONF)
  local sid; sid=$(grep -o 'DOMAIN SID: *S-[0-9-]*' "$SDC_DIR/provision.log" | awk '{print $NF}')
  cat > "$CONF" <<EOF
[global]
	netbios name = DC1
	workgroup = $DOMAIN
	realm = $REALM
	server role = active directory domain controller
	idmap_ldb:use rfc2307 = yes
	interfaces = lo $DC_IF
	bind interfaces only = yes
	private dir = $DC/private
	state directory = $DC/state
	cache directory = $DC/cache
	lock directory = $DC
	binddns dir = $DC/bind-dns
	pid directory = $DC/run
	ncalrpc dir = $DC/run/ncalrpc
	winbindd socket directory = $DC/run/winbindd
	ntp signd socket directory = $DC/ntp_signd
	smb passwd file = $DC/private/smbpasswd
	usershare path =
	log file = $DC/log/log.%m
	log level = 1
	load printers = no
	printcap name = /dev/null
	disable spoolss = yes
	ldap server require strong auth = $([ "$ALLOW_PLAIN_LDAP" = 1 ] && echo no || echo yes)
	tls enabled = yes
	tls keyfile = $DC/tls/key.pem
	tls certfile = $DC/tls/cert.pem
	tls cafile = $DC/tls/ca.pem
	# no 'dns forwarder': names outside the zone get NXDOMAIN, nothing is forwarded
[sysvol]
	path = $DC/state/sysvol
	read only = no
[netlogon]
	path = $DC/state/sysvol/$realm_lc/scripts
	read only = no
EOF
  cat > "$SDC_DIR/krb5.conf" <<EOF
[libdefaults]
	default_realm = $REALM
	dns_lookup_realm = false
	dns_lookup_kdc = false
	rdns = false
	dns_canonicalize_hostname = false
[realms]
	$REALM = {
		kdc = $DC_IP
		admin_server = $DC_IP
	}
[domain_realm]
	.$realm_lc = $REALM
	$realm_lc = $REALM
EOF
  make_tls
  log "provisioned (domain SID $sid)"
}

make_tls() {   # CA + server cert WITH subjectAltName (Samba's autogenerated one has none -> rustls rejects it)
  local t=$DC/tls; mkdir -p "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Test AD CA" \
    -keyout "$t/ca.key" -out "$t/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=dc1.$realm_lc" -keyout "$t/key.pem" -out "$t/req.csr" 2>/dev/null
  printf 'subjectAltName=DNS:dc1.%s,DNS:%s,IP:%s\nextendedKeyUsage=serverAuth\n' "$realm_lc" "$realm_lc" "$DC_IP" > "$t/ext.cnf"
  openssl x509 -req -in "$t/req.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" -CAcreateserial -days 30 \
    -extfile "$t/ext.cnf" -out "$t/cert.pem" 2>/dev/null
  chmod 600 "$t/key.pem" "$t/ca.key"
}

# The library that shifts a process's wall clock (LD_PRELOAD with FAKETIME=-10m...).
faketime_lib() {
  dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketime.so.1$'
}

# chrony as the DC's NTP server (answers clients, never sets a clock: -x), on the DC's address.
start_ntp() {
  cat > "$SDC_DIR/chrony.conf" <<EOF
bindaddress $DC_IP
port 123
cmdport 0
allow all
local stratum 10
pidfile $CHRONY_PIDFILE
driftfile $SDC_DIR/chrony.drift
EOF
  ip netns exec "$SDC_NS" chronyd -x -u root -f "$SDC_DIR/chrony.conf" > "$SDC_DIR/chrony.out" 2>&1 ||
    { cat "$SDC_DIR/chrony.out" >&2; return 1; }
  log "chronyd pid $(cat "$CHRONY_PIDFILE" 2>/dev/null || echo '?')"
}

start() {
  RESOLV_CONF=$DC/resolv.conf ip netns exec "$SDC_NS" \
    samba -F --debug-stdout -s "$CONF" --maximum-runtime="$MAX_RUNTIME" \
    < /dev/null > "$SDC_DIR/samba.out" 2>&1 &
  echo $! > "$PIDFILE"        # ip netns exec exec()s, so this is samba's root PID
  log "samba root pid $(cat "$PIDFILE")"
  local i
  for i in $(seq 1 150); do   # up to 30 s
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { tail -20 "$SDC_DIR/samba.out" >&2; return 1; }
    if dig +time=1 +tries=1 +short @"$DC_IP" "_ldap._tcp.dc._msdcs.$realm_lc" SRV 2>/dev/null | grep -q ' 389 ' &&
       ldapsearch -x -H "ldap://$DC_IP" -s base -b '' defaultNamingContext >/dev/null 2>&1 &&
       (exec 3<>"/dev/tcp/$DC_IP/88") 2>/dev/null && (exec 3<>"/dev/tcp/$DC_IP/636") 2>/dev/null; then
      log "DC ready"; return 0
    fi
    sleep 0.2
  done
  log "DC not ready after 30 s"; return 1
}

seed() {
  local c=(-s "$CONF")
  samba-tool user create "$SVC_USER" "$SVC_PW" "${c[@]}" --description="AD Connector service account" >/dev/null
  samba-tool user setexpiry "$SVC_USER" --noexpiry "${c[@]}" >/dev/null
  samba-tool group add AWS-SSO-Users "${c[@]}" >/dev/null
  samba-tool user create alice 'Alice-Passw0rd!23' "${c[@]}" --mail-address="alice@$realm_lc" >/dev/null
  samba-tool group addmembers AWS-SSO-Users alice "${c[@]}" >/dev/null
  samba-tool user create svc-disabled "$SVC_PW" "${c[@]}" --description="disabled account for tests" >/dev/null
  samba-tool user disable svc-disabled "${c[@]}" >/dev/null
  # Groups as preflight's ldap.groups tells them apart: nested, empty, with a foreign security
  # principal (a member by SID of another domain: samba creates it under ForeignSecurityPrincipals).
  samba-tool user create bob 'Bob-Passw0rd!23' "${c[@]}" >/dev/null
  samba-tool group add AWS-Ops "${c[@]}" >/dev/null
  samba-tool group addmembers AWS-Ops bob "${c[@]}" >/dev/null
  samba-tool group add AWS-Admins "${c[@]}" >/dev/null
  samba-tool group addmembers AWS-Admins alice,AWS-Ops "${c[@]}" >/dev/null
  samba-tool group add AWS-Empty "${c[@]}" >/dev/null
  samba-tool group add AWS-External "${c[@]}" >/dev/null
  samba-tool group addmembers AWS-External alice,S-1-5-21-1111111111-2222222222-3333333333-1105 "${c[@]}" >/dev/null
  # Service accounts in the states ldap.service-account tells apart: expired (accountExpires in
  # 2012), locked out (a password policy of 2 bad tries for it alone, then 2 bad tries), and a
  # password that expires in 10 days (a password policy of 10 days for it alone).
  local u
  for u in svc-expired svc-locked svc-expiring; do
    samba-tool user create "$u" "$SVC_PW" "${c[@]}" >/dev/null
  done
  printf 'dn: CN=svc-expired,CN=Users,%s\nchangetype: modify\nreplace: accountExpires\naccountExpires: 130000000000000000\n' "$base_dn" |
    LDAPTLS_CACERT=$DC/tls/ca.pem ldapmodify -H "ldaps://$DC_IP" -D "Administrator@$realm_lc" -w "$ADMIN_PW" >/dev/null
  samba-tool domain passwordsettings pso create pso-expiring 10 --max-pwd-age=10 --min-pwd-age=0 "${c[@]}" >/dev/null
  samba-tool domain passwordsettings pso apply pso-expiring svc-expiring "${c[@]}" >/dev/null
  samba-tool domain passwordsettings pso create pso-lockout 9 --account-lockout-threshold=2 \
    --account-lockout-duration=600 --reset-account-lockout-after=600 "${c[@]}" >/dev/null
  samba-tool domain passwordsettings pso apply pso-lockout svc-locked "${c[@]}" >/dev/null
  local i
  for i in 1 2; do
    echo wrong-password | KRB5_CONFIG=$SDC_DIR/krb5.conf kinit "svc-locked@$REALM" >/dev/null 2>&1 || true
  done
  log "seeded $SVC_USER, svc-disabled (disabled), svc-expired, svc-locked, svc-expiring, alice, bob, AWS-SSO-Users, AWS-Admins (nests AWS-Ops), AWS-Empty, AWS-External (an FSP)"
}

down() {
  if [ -f "$CHRONY_PIDFILE" ]; then
    local cpid; cpid=$(cat "$CHRONY_PIDFILE")
    kill -TERM "$cpid" 2>/dev/null || true
    rm -f "$CHRONY_PIDFILE"
  fi
  if [ -f "$PIDFILE" ]; then
    local pid kids i; pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then
      kids=$(ps -o pid= --ppid "$pid" || true)
      kill -TERM "$pid"
      for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      sleep 0.5
      for k in $kids; do kill -0 "$k" 2>/dev/null && kill -KILL "$k" || true; done
    fi
    rm -f "$PIDFILE"
  fi
  ip link del "$HOST_IF" 2>/dev/null || true          # removes both veth ends
  ip netns del "$SDC_NS" 2>/dev/null || true
  rm -rf "$DC" "$SDC_DIR/env"
  log "down"
}

case "${1:-}" in
  up)
    t0=$(date +%s%N)
    install_pkgs
    net_up; provision; start; start_ntp; seed
    log "up in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
    tee "$SDC_DIR/env" <<EOF
AD_DNS_IP=$DC_IP
AD_DC_IP=$DC_IP
AD_DOMAIN=$realm_lc
AD_NETBIOS=$DOMAIN
AD_BASE_DN=$base_dn
AD_ADMIN_UPN=Administrator@$realm_lc
AD_ADMIN_PW=$ADMIN_PW
AD_SVC_UPN=$SVC_USER@$realm_lc
AD_SVC_PW=$SVC_PW
KRB5_CONFIG=$SDC_DIR/krb5.conf
AD_CA_PEM=$DC/tls/ca.pem
AD_DC_FQDN=dc1.$realm_lc
SAMBA_PID=$(cat "$PIDFILE")
AD_FAKETIME_LIB=$(faketime_lib)
AD_SEED=2
EOF
    ;;
  down) down ;;
  install) install_pkgs ;;
  status)
    [ -f "$PIDFILE" ] && ps -o pid,etime,cmd -p "$(cat "$PIDFILE")" || echo "not running"
    ip netns exec "$SDC_NS" ss -ltnu 2>/dev/null | awk 'NR>1{print $1, $5}' | sort -u ;;
  *) echo "usage: $0 up|down|status|install" >&2; exit 2 ;;
esac
