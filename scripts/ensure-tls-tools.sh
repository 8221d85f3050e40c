#!/usr/bin/env bash
# The HTTPS test makes its own certificate authority (openssl) and makes Chromium trust it the
# way an operator would, in an NSS database (certutil, from libnss3-tools). Installs them when missing.
set -euo pipefail
missing=()
command -v openssl >/dev/null || missing+=(openssl)
command -v certutil >/dev/null || missing+=(libnss3-tools)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian ${missing[*]} for the HTTPS test…" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "${missing[*]} missing and this user cannot install it: run 'sudo apt-get install -y ${missing[*]}'." >&2
  exit 1
fi
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
