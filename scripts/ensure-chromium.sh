#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; a fresh machine does not have it yet.
source "$(dirname "$0")/lib.sh"
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Browser tests need /usr/bin/chromium: run 'sudo apt-get install -y chromium'." >&2
  exit 1
fi
echo "Installing Chromium for the browser tests (apt-get)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
