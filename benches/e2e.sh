#!/usr/bin/env bash
# End-to-end benchmark, one command: bash benches/e2e.sh [RUNS]
# Builds in release mode, starts the fake SLB server, and times slbctl, the official
# Python SDK (installed into a venv) and curl with a request signed in advance,
# interleaved; prints medians, ratios, peak RSS and the targets of the README.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
command -v curl >/dev/null || { echo "benches/e2e.sh: curl is needed" >&2; exit 1; }
cargo build --release --locked --bin slbctl --example fake_slb >&2
python="$(tests/interop/venv.sh)"
# The static musl build (scripts/dist), when there is one, is measured beside the glibc one.
musl=target/x86_64-unknown-linux-musl/release/slbctl
extra=()
[ -x "$musl" ] && extra=(--musl "$musl")
exec "$python" benches/e2e.py --runs "$runs" \
    --slbctl target/release/slbctl --fake target/release/examples/fake_slb "${extra[@]}"
