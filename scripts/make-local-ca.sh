#!/usr/bin/env bash
# A certificate authority of the commune's own and a server certificate it signs for the
# collector's LAN names and addresses (docs/deploy.md, "A commune without a public name").
#
#   bash scripts/make-local-ca.sh DIR NAME|IP [NAME|IP…]
#   bash scripts/make-local-ca.sh /etc/khao-sat/tls khao-sat.lan 192.168.1.10
#
# DIR/ca.crt and DIR/ca.key are made once and kept: every tablet and office PC trusts ca.crt,
# and ca.key signs. DIR/server.crt and DIR/server.key are made anew on each run, for all the
# names given (the first is the certificate's common name): the collector's TLS_CERT and TLS_KEY.
set -euo pipefail
usage="usage: make-local-ca.sh DIR NAME|IP [NAME|IP…]"
dir=${1:?$usage}
shift
[ $# -ge 1 ] || { echo "$usage" >&2; exit 2; }
umask 077
mkdir -p "$dir"

san=""
for name in "$@"; do
  if [[ $name =~ ^[0-9.]+$ || $name == *:* ]]; then kind=IP; else kind=DNS; fi
  san+="${san:+,}$kind:$name"
done

if [ ! -f "$dir/ca.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days 3650 \
    -subj "/O=Khao sat CQTT/CN=Khao sat CA noi bo ${HOSTNAME:-collector}" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
fi

# 825 days: the longest Apple devices accept, even from a private CA. Renew before then (same
# command: the CA stays, the devices need nothing new).
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -subj "/CN=$1" \
  -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
printf '%s\n' "subjectAltName=$san" "basicConstraints=critical,CA:FALSE" \
  "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >"$dir/server.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
  -days 825 -sha256 -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
rm -f "$dir/server.csr" "$dir/server.ext"
chmod 644 "$dir/ca.crt" "$dir/server.crt"
echo "CA to install on tablets and office PCs: $dir/ca.crt"
echo "TLS_CERT=$dir/server.crt TLS_KEY=$dir/server.key ($san)"
