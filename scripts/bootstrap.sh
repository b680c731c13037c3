#!/usr/bin/env bash
# Create .venv and install what a target needs, idempotently (a re-run with nothing changed takes seconds).
#   scripts/bootstrap.sh run    runtime packages
#   scripts/bootstrap.sh test   runtime + dev packages, plus the Debian packages the browser and replica tests need
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-run}"
venv=.venv
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"

case "$target" in
  run) reqs=(requirements.txt) ;;
  test) reqs=(requirements-dev.txt) ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if [ "$target" = test ]; then
  missing=()
  for pkg in chromium fonts-noto-cjk nginx-light postgresql; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  command -v npm >/dev/null || missing+=(npm)  # axe-core for the accessibility checks of the browser tests
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ "$target" = test ]; then  # the npm packages the browser tests inject (tests/js/package-lock.json)
  js_stamp="tests/js/node_modules/.installed-$(sha256sum tests/js/package-lock.json | cut -c1-16)"
  if [ ! -f "$js_stamp" ]; then
    # Node.js trusts only its own CA list, not the system's: behind a proxy that re-signs TLS, npm then fails
    # with SELF_SIGNED_CERT_IN_CHAIN. Give it the system's bundle when nothing else is set.
    for bundle in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt; do
      if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$bundle" ]; then export NODE_EXTRA_CA_CERTS="$bundle"; fi
    done
    npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
    touch "$js_stamp"
  fi
fi

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
stamp="$venv/.installed-$target-$(cat requirements*.txt constraints.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c constraints.txt "${reqs[@]/#/-r}"
  rm -f "$venv"/.installed-"$target"-*
  touch "$stamp"
fi
