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

# The README examples use jq; the terminal tests use util-linux `script` and tmux; the
# memory test measures peak RSS with GNU time (`/usr/bin/time`, not the shell keyword).
package_of() {
    case "$1" in
        script) echo bsdutils ;;
        /usr/bin/time) echo time ;;
        *) echo "$1" ;;
    esac
}
for tool in jq script tmux /usr/bin/time; do
    if ! command -v "$tool" >/dev/null; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "== installing $tool"
            apt-get update -qq && apt-get install -y -qq "$(package_of "$tool")"
        else
            echo "test.sh: $tool is needed by the tests; please install it" >&2
            exit 1
        fi
    fi
done

cargo test --locked "$@"
