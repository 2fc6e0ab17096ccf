#!/usr/bin/env bash
# Prints the path of a Python that has the official Alibaba Cloud SDK and credential
# providers, creating the venv under target/ on first use (pinned versions). Shared by test.sh and benches/e2e.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/interop-venv
sdk_core=aliyun-python-sdk-core==2.16.1
sdk_slb=aliyun-python-sdk-slb==3.3.22
# ALB and NLB request classes (the versions the facts file read).
sdk_alb=aliyun-python-sdk-alb==1.0.22
sdk_nlb=aliyun-python-sdk-nlb==1.0.12
# The official credential providers (RamRoleArn, OIDC, ECS RAM role, URI).
credentials=alibabacloud-credentials==1.0.12
stamp="$venv/.installed-$sdk_core-$sdk_slb-$sdk_alb-$sdk_nlb-$credentials"
if [ ! -f "$stamp" ]; then
    echo "== installing the official Python SDK into $venv" >&2
    rm -rf "$venv"
    mkdir -p target
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$sdk_core" "$sdk_slb" "$sdk_alb" "$sdk_nlb" "$credentials" >&2
    touch "$stamp"
fi
echo "$PWD/$venv/bin/python"
