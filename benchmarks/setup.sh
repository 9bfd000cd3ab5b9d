#!/usr/bin/env bash
# Create the benchmark's own environment (proselint is measured, never a newslint dependency).
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet "proselint==0.16.0"
