#!/usr/bin/env bash
# The one test command (README "Development"): prepares what the tests need, then runs
# the whole suite. Pass extra arguments through to `cargo test`.
#
# The interop tests drive the official Alibaba Cloud Python SDK, installed into a venv
# under target/ by tests/interop/venv.sh (pinned versions; created once, reused after).
set -euo pipefail
cd "$(dirname "$0")"

SLBCTL_INTEROP_PYTHON="$(tests/interop/venv.sh)"
export SLBCTL_INTEROP_PYTHON

# The README examples use jq; the terminal tests use util-linux `script` and tmux.
for tool in jq script tmux; do
    if ! command -v "$tool" >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "== installing $tool"
            apt-get update -qq && apt-get install -y -qq "$([ "$tool" = script ] && echo bsdutils || echo "$tool")"
        else
            echo "test.sh: $tool is needed by the tests; please install it" >&2
            exit 1
        fi
    fi
done

cargo test --locked "$@"
