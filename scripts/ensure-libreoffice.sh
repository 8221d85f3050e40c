#!/usr/bin/env bash
# The spreadsheet tests open our CSV and XLSX in LibreOffice Calc set to Vietnamese, as an
# officer's spreadsheet would; install Debian's headless Calc when this machine lacks it.
set -euo pipefail
if command -v soffice >/dev/null; then
  exit 0
fi
echo "Installing Debian libreoffice-calc-nogui for the spreadsheet tests…"
if [ "$(id -u)" -ne 0 ]; then
  echo "LibreOffice is missing and this user cannot install it: run 'sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui'." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
soffice --version
