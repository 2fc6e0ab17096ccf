"""End-to-end benchmark: slbctl against the official Python SDK and a bare curl.

Run through benches/e2e.sh (which builds, and provides the SDK's venv); this script
must run under that venv's Python, since it pre-signs curl's requests with the SDK.

Every run sends one RemoveBackendServers to the fake SLB server on loopback (removing
a server that is not a member, so every run does the same work). The three clients are
interleaved, in a rotating order, so that machine noise falls on all of them alike.
Wall time is measured around each process. Peak memory is measured in separate runs
through GNU time (`/usr/bin/time -f %M`): the max RSS that wait4(2) reports for a child
forked from this Python process would include the Python process's own memory, which
a fork carries until exec.
"""

import argparse
import json
import tempfile
import os
import platform
import statistics
import subprocess
import sys
import time

from aliyunsdkcore.auth.composer import rpc_signature_composer

KEY_ID = "LTAIbench0000000000key"
SECRET = "bench-secret"
REGION = "cn-hangzhou"
LB = "lb-bench"
SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
SDK_CLIENT = os.path.join(SCRIPT_DIR, "..", "tests", "interop", "sdk_client.py")


def timed(argv, env):
    """Wall seconds and peak RSS (KiB) of one process run to completion."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"benchmark run failed ({code}): {' '.join(argv)}\n{stderr}")
    return elapsed, usage.ru_maxrss


def peak_rss_kib(argv, env):
    """Max RSS (KiB) of one run, measured by GNU time from a small parent."""
    with tempfile.NamedTemporaryFile("r") as out:
        timed(["/usr/bin/time", "-f", "%M", "-o", out.name] + argv, env)
        return int(out.read().strip().splitlines()[-1])


def presigned_url(base):
    params = {"Action": "RemoveBackendServers", "Version": "2014-05-15", "RegionId": REGION,
              "LoadBalancerId": LB, "BackendServers": json.dumps([{"ServerId": "i-bench", "Type": "ecs"}])}
    path, _ = rpc_signature_composer.get_signed_url(params, KEY_ID, SECRET, "JSON", "POST", {})
    return base + path


def median_ms(samples):
    return statistics.median(samples) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--slbctl", required=True)
    parser.add_argument("--fake", required=True)
    args = parser.parse_args()

    server = subprocess.Popen(
        [args.fake, "--port", "0", "--key", f"{KEY_ID}:{SECRET}", "--lb", f"{LB}:{REGION}:i-a,i-b"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip().removeprefix("listening on ")
    host_port = url.removeprefix("http://")

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
           "ALIBABA_CLOUD_ACCESS_KEY_ID": KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": SECRET,
           "AK": KEY_ID, "SECRET": SECRET}
    servers = json.dumps([{"ServerId": "i-bench", "Type": "ecs"}])
    commands = {
        "slbctl": lambda: [args.slbctl, "--region", REGION, "--endpoint", url, "backends", "remove",
                           "--lb", LB, "i-bench"],
        "python-sdk": lambda: [sys.executable, SDK_CLIENT, "remove", host_port, LB, REGION, servers],
        # Signed in advance, outside the timing: a fresh nonce per run.
        "curl": lambda: ["curl", "-sS", "--fail-with-body", "-X", "POST", presigned_url(url), "-o", "/dev/null"],
    }
    names = list(commands)
    wall = {n: [] for n in names}
    rss = {n: [] for n in names}
    for name in names:  # warm-up: page cache, first-run costs
        timed(commands[name](), env)
    for run in range(args.runs):
        order = names[run % 3:] + names[:run % 3]
        for name in order:
            argv = commands[name]()
            wall[name].append(timed(argv, env)[0])
    for _ in range(max(5, args.runs // 5)):
        for name in names:
            rss[name].append(peak_rss_kib(commands[name](), env))

    startup = {}
    for flag in ["--version", "--help"]:
        samples = [timed([args.slbctl, flag], env)[0] for _ in range(args.runs)]
        startup[flag] = median_ms(samples)

    server.stdin.close()
    server.wait(timeout=10)

    size = os.path.getsize(args.slbctl)
    curl = median_ms(wall["curl"])
    print(f"slbctl end-to-end benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
          f"{platform.machine()}, {args.runs} interleaved runs each")
    print()
    print("| client | median wall (ms) | p90 wall (ms) | × curl | peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        med = median_ms(wall[name])
        p90 = statistics.quantiles(wall[name], n=10)[-1] * 1000
        peak = max(rss[name]) / 1024
        print(f"| {name} | {med:.2f} | {p90:.2f} | {med / curl:.2f} | {peak:.1f} |")
    print()
    sdk_ratio = median_ms(wall["python-sdk"]) / median_ms(wall["slbctl"])
    slb_ratio = median_ms(wall["slbctl"]) / curl
    slb_rss = max(rss["slbctl"]) / 1024
    checks = [
        ("slbctl ≤ 1.3× curl", slb_ratio <= 1.3, f"{slb_ratio:.2f}×"),
        ("slbctl ≥ 10× faster than the Python SDK", sdk_ratio >= 10, f"{sdk_ratio:.1f}×"),
        ("slbctl peak RSS ≤ 12 MiB", slb_rss <= 12, f"{slb_rss:.1f} MiB"),
        ("slbctl --version < 5 ms", startup["--version"] < 5, f"{startup['--version']:.2f} ms"),
        ("slbctl --help < 5 ms", startup["--help"] < 5, f"{startup['--help']:.2f} ms"),
        ("release binary ≤ 6 MiB", size <= 6 * 1024 * 1024, f"{size / 1024 / 1024:.2f} MiB"),
    ]
    print("| target | measured | met |")
    print("|---|---:|:---:|")
    for label, met, value in checks:
        print(f"| {label} | {value} | {'yes' if met else 'NO'} |")


if __name__ == "__main__":
    main()
