#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing (root or sudo needed).
# Playwright drives it through executable_path; it never downloads a browser of its own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    echo "browser-deps: $(chromium --version 2>/dev/null | head -n 1)"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "browser-deps: installing chromium from Debian's packages"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
