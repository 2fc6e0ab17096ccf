#!/usr/bin/env bash
# The one test command (README "Development"): prepares what the tests need, then runs
# the whole suite. Pass extra arguments through to `cargo test`.
#
# The interop tests drive the official Alibaba Cloud Python SDK, installed here into a
# venv under target/ (pinned versions; created once, reused after).
set -euo pipefail
cd "$(dirname "$0")"

venv=target/interop-venv
sdk_core=aliyun-python-sdk-core==2.16.1
sdk_slb=aliyun-python-sdk-slb==3.3.22
stamp="$venv/.installed-$sdk_core-$sdk_slb"
if [ ! -f "$stamp" ]; then
    echo "== installing the official Python SDK into $venv"
    rm -rf "$venv"
    mkdir -p target
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$sdk_core" "$sdk_slb"
    touch "$stamp"
fi
export SLBCTL_INTEROP_PYTHON="$PWD/$venv/bin/python"

# The README examples use jq; the terminal test uses util-linux `script`.
for tool in jq script; do
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
