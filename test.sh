#!/usr/bin/env bash
# The one test command (README "Development"): everything the test suite needs, then
# the whole suite.
set -euo pipefail
cd "$(dirname "$0")"
cargo test --locked "$@"
