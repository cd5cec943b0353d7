#!/usr/bin/env bash
# The browser test (apps/browser-test) drives Debian's Chromium through playwright-core: no browser is
# ever downloaded by a test tool. Installs the `chromium` package when /usr/bin/chromium is missing.
# Failing here is not fatal: the browser test then fails with its own clear message.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no apt-get on this machine; install Chromium and set CHROMIUM_PATH" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "ensure-chromium: not root and no sudo; install the chromium package by hand" >&2
    exit 0
  fi
fi
echo "ensure-chromium: installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
# An update first: a fresh machine's package lists may be missing or stale.
$sudo apt-get update -q >/dev/null 2>&1 || echo "ensure-chromium: apt-get update failed, trying the install anyway" >&2
if ! $sudo apt-get install -y -q --no-install-recommends chromium >/tmp/ensure-chromium.log 2>&1; then
  echo "ensure-chromium: apt-get install chromium failed (log: /tmp/ensure-chromium.log)" >&2
  tail -5 /tmp/ensure-chromium.log >&2
fi
exit 0
