#!/usr/bin/env bash
# The print tests read the PDF Chromium makes with poppler's pdftotext; install it when missing.
set -euo pipefail
if command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then
  exit 0
fi
echo "Installing Debian poppler-utils for the print tests…"
if [ "$(id -u)" -ne 0 ]; then
  echo "poppler-utils is missing and this user cannot install it: run 'sudo apt-get install -y poppler-utils'." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
pdftotext -v 2>&1 | head -1
