#!/usr/bin/env bash
# Regenerate constraints.txt from the dev venv (run after changing requirements*.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
{ echo "# Transitive pins: pip freeze of a working .venv (regenerate: scripts/lock.sh)."
  .venv/bin/python -m pip freeze --exclude-editable | sed 's/^torch==\([0-9.]*\)+cpu$/torch==\1/'; } > constraints.txt
