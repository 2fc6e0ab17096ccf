"""End-to-end benchmark: slbctl against the official Python SDK and a bare curl.

Run through benches/e2e.sh (which builds, and provides the SDK's venv); this script
must run under that venv's Python, since it pre-signs curl's requests with the SDK.

Rows, each against the fake SLB server on loopback (benches/../examples/fake_slb.rs):
- one call over plain HTTP: one RemoveBackendServers of a server that is not a member,
  so every run does the same work;
- one call over HTTPS, with a test CA (slbctl --ca-bundle, curl --cacert, the SDK with
  verify=CA);
- a big batch over HTTPS: 1,000 servers in one `--batch` run (50 calls) against 50
  pre-signed curl calls in a shell loop and the SDK making the 50 calls in one process.
  The group holds 1,000 other servers, so every answer lists all of them, as a real
  answer lists the group after the change; connection reuse is read from the fake's
  own count of connections;
- temporary credentials: a profile that assumes a role, first run (cache cleared: one
  AssumeRole) and cached run, against the same call with static keys;
- memory at scale: peak RSS of removing a group's 5,000 servers in one batch (each
  answer lists the servers left), table and JSON, with and without --verify; and the
  CPU time per call of that run against a single call's;
- the number of describe calls a 60-second `backends wait` makes at the default pace;
- discovery for `standby enter --dry-run` in a region of 300 load balancers with 3
  vServer groups each, every answer 20 ms late, with 4 calls in flight against 1;
- one ALB remove including the wait for its job (200 ms in the fake): slbctl (group
  and members read, the change, ListAsynJobs until it succeeds, the members after)
  beside the official Python SDK making the same call and polling ListAsynJobs every
  0.5 s, each run removing another member.

Clients are interleaved, in a rotating order, so that machine noise falls on all of
them alike. Wall time is measured around each process, CPU time (user + system) from
wait4. Peak memory is measured in separate runs through GNU time (`/usr/bin/time -f
%M`): the max RSS that wait4(2) reports for a child forked from this Python process
would include the Python process's own memory, which a fork carries until exec.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from aliyunsdkcore.auth.composer import rpc_signature_composer

KEY_ID = "LTAIbench0000000000key"
SECRET = "bench-secret"
REGION = "cn-hangzhou"
LB = "lb-bench"
BIG_LB = "lb-big"
HUGE_LB = "lb-huge"
# Load balancers of 5,000 members each, one per memory run (each run empties one).
HUGE_RUNS = 5
ROLE = "acs:ram::123456789012:role/bench"
SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
SDK_CLIENT = os.path.join(SCRIPT_DIR, "..", "tests", "interop", "sdk_client.py")
SG_CLIENT = os.path.join(SCRIPT_DIR, "..", "tests", "interop", "sg_client.py")
ALB_LB, ALB_GROUP = "alb-bench", "sgp-bench"


class Sample:
    def __init__(self, wall, cpu, rss):
        self.wall, self.cpu, self.rss = wall, cpu, rss


def timed(argv, env):
    """Wall and CPU seconds and peak RSS (KiB) of one process run to completion."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"benchmark run failed ({code}): {' '.join(argv)[:300]}\n{stderr}")
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def peak_rss_kib(argv, env):
    """Max RSS (KiB) of one run, measured by GNU time from a small parent."""
    with tempfile.NamedTemporaryFile("r") as out:
        timed(["/usr/bin/time", "-f", "%M", "-o", out.name] + argv, env)
        return int(out.read().strip().splitlines()[-1])


def presigned_url(base, servers):
    params = {"Action": "RemoveBackendServers", "Version": "2014-05-15", "RegionId": REGION,
              "LoadBalancerId": LB if len(servers) == 1 else BIG_LB,
              "BackendServers": json.dumps([{"ServerId": s, "Type": "ecs"} for s in servers])}
    path, _ = rpc_signature_composer.get_signed_url(params, KEY_ID, SECRET, "JSON", "POST", {})
    return base + path


def ms(seconds):
    return seconds * 1000


class Fake:
    """The fake SLB server as a process; its closing line counts requests and connections."""

    def __init__(self, fake, tls_ca=None):
        argv = [fake, "--port", "0", "--key", f"{KEY_ID}:{SECRET}", "--lb", f"{LB}:{REGION}:i-a,i-b",
                "--lb", f"{BIG_LB}:{REGION}:@1000", "--role", ROLE]
        argv += [a for n in range(HUGE_RUNS) for a in ("--lb", f"{HUGE_LB}-{n}:{REGION}:@5000")]
        if tls_ca:
            argv += ["--tls", tls_ca]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip().removeprefix("listening on ")
        self.host_port = self.url.split("://", 1)[1]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        return self.proc.stderr.read().strip().splitlines()[-1]


def interleaved(commands, env, runs):
    """Run each command `runs` times, in rotating order, after one warm-up each."""
    names = list(commands)
    samples = {n: [] for n in names}
    for name in names:
        timed(commands[name](), env)
    for run in range(runs):
        order = names[run % len(names):] + names[:run % len(names)]
        for name in order:
            samples[name].append(timed(commands[name](), env))
    return samples


def median(samples, field):
    return statistics.median(getattr(s, field) for s in samples)


def table(title, samples, rss, base):
    print(f"{title}")
    print()
    print(f"| client | median wall (ms) | p90 wall (ms) | × {base} | median CPU (ms) | peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    base_wall = median(samples[base], "wall")
    for name, runs in samples.items():
        walls = [s.wall for s in runs]
        p90 = statistics.quantiles(walls, n=10)[-1] if len(walls) >= 10 else max(walls)
        peak = f"{max(rss[name]) / 1024:.1f}" if rss.get(name) else "-"
        print(f"| {name} | {ms(median(runs, 'wall')):.2f} | {ms(p90):.2f} | "
              f"{median(runs, 'wall') / base_wall:.2f} | {ms(median(runs, 'cpu')):.2f} | {peak} |")
    print()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--slbctl", required=True)
    parser.add_argument("--fake", required=True)
    parser.add_argument("--musl", help="the static musl binary of scripts/dist, to measure beside the glibc one")
    args = parser.parse_args()
    runs, slow_runs = args.runs, max(5, args.runs // 5)
    work = tempfile.mkdtemp(prefix="slbctl-bench-")
    ca = os.path.join(work, "ca.pem")
    plain, tls = Fake(args.fake), Fake(args.fake, tls_ca=ca)

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work,
           "ALIBABA_CLOUD_ACCESS_KEY_ID": KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": SECRET,
           "ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true", "AK": KEY_ID, "SECRET": SECRET,
           # Nothing but loopback: standby looks at ALB and NLB too.
           "SLBCTL_ALB_ENDPOINT": plain.url, "SLBCTL_NLB_ENDPOINT": plain.url}
    tls_env = dict(env, PROTOCOL="https", CA=ca)
    one = json.dumps([{"ServerId": "i-bench", "Type": "ecs"}])
    gone = [f"i-gone{n:05}" for n in range(1000)]
    members = [f"i-bench{n:05}" for n in range(5000)]
    ids_1000, ids_5000 = os.path.join(work, "ids-1000"), os.path.join(work, "ids-5000")
    with open(ids_1000, "w") as f:
        f.write("\n".join(gone))
    with open(ids_5000, "w") as f:
        f.write("\n".join(members))
    curl_loop = os.path.join(work, "curl-50.sh")

    def slbctl(fake, *rest):
        return [args.slbctl, "--region", REGION, "--endpoint", fake.url, *rest]

    # 1. One call over plain HTTP.
    single = {
        "slbctl": lambda: slbctl(plain, "backends", "remove", "--lb", LB, "i-bench"),
        "python-sdk": lambda: [sys.executable, SDK_CLIENT, "remove", plain.host_port, LB, REGION, one],
        # Signed in advance, outside the timing: a fresh nonce per run.
        "curl": lambda: ["curl", "-sS", "--fail-with-body", "-X", "POST", presigned_url(plain.url, ["i-bench"]),
                         "-o", "/dev/null"],
    }
    if args.musl:
        single["slbctl (static musl)"] = lambda: [args.musl, "--region", REGION, "--endpoint", plain.url,
                                                 "backends", "remove", "--lb", LB, "i-bench"]
    plain_samples = interleaved(single, env, runs)
    plain_rss = {n: [peak_rss_kib(c(), env) for _ in range(slow_runs)] for n, c in single.items()}

    # 2. One call over HTTPS with a test CA.
    https = {
        "slbctl": lambda: slbctl(tls, "--ca-bundle", ca, "backends", "remove", "--lb", LB, "i-bench"),
        "python-sdk": lambda: [sys.executable, SDK_CLIENT, "remove", tls.host_port, LB, REGION, one],
        "curl": lambda: ["curl", "-sS", "--fail-with-body", "--cacert", ca, "-X", "POST",
                         presigned_url(tls.url, ["i-bench"]), "-o", "/dev/null"],
    }
    https_samples = interleaved(https, tls_env, runs)
    # What a process reads at start-up with --ca-bundle: no platform certificate store.
    reads_store = None
    if shutil.which("strace"):
        trace = os.path.join(work, "strace.out")
        timed(["strace", "-f", "-e", "trace=openat,open", "-o", trace] + https["slbctl"](), tls_env)
        with open(trace) as f:
            opened = [line for line in f if "/etc/ssl" in line or "/certs" in line]
        reads_store = len(opened)

    # 3. A big batch over HTTPS: 1,000 servers = 50 calls.
    def write_curl_loop():
        with open(curl_loop, "w") as f:
            for start in range(0, 1000, 20):
                url = presigned_url(tls.url, gone[start:start + 20])
                f.write(f"curl -sS --fail-with-body --cacert {ca} -X POST '{url}' -o /dev/null\n")
        return ["bash", curl_loop]
    batch = {
        "slbctl": lambda: slbctl(tls, "--ca-bundle", ca, "-q", "backends", "remove", "--lb", BIG_LB, "--batch",
                                 "--from-file", ids_1000),
        "python-sdk": lambda: [sys.executable, SDK_CLIENT, "batch", tls.host_port, BIG_LB, REGION, ids_1000],
        "curl ×50": write_curl_loop,
    }
    batch_samples = interleaved(batch, tls_env, slow_runs)
    # Connection reuse: a fake of its own for one batch run, then its count.
    counting = Fake(args.fake, tls_ca=os.path.join(work, "ca2.pem"))
    timed(slbctl(counting, "--ca-bundle", os.path.join(work, "ca2.pem"), "-q", "backends", "remove", "--lb",
                 BIG_LB, "--batch", "--from-file", ids_1000), env)
    reuse = counting.close()

    # 4. Temporary credentials: a profile that assumes a role.
    os.makedirs(os.path.join(work, ".aliyun"), exist_ok=True)
    with open(os.path.join(work, ".aliyun", "config.json"), "w") as f:
        json.dump({"current": "bench", "profiles": [{
            "name": "bench", "mode": "RamRoleArn", "access_key_id": KEY_ID, "access_key_secret": SECRET,
            "ram_role_arn": ROLE, "ram_session_name": "bench", "region_id": REGION}]}, f)
    os.chmod(os.path.join(work, ".aliyun", "config.json"), 0o600)
    role_env = {k: v for k, v in env.items() if not k.startswith("ALIBABA_CLOUD_ACCESS_KEY")}
    role_env["ALIBABA_CLOUD_STS_ENDPOINT"] = plain.url
    cache = os.path.join(work, ".cache", "slbctl", "credentials")

    def first_run():
        shutil.rmtree(cache, ignore_errors=True)
        return slbctl(plain, "backends", "remove", "--lb", LB, "i-bench")
    temporary = {
        "static keys": single["slbctl"],
        "assume role, cached": lambda: slbctl(plain, "backends", "remove", "--lb", LB, "i-bench"),
        "assume role, first run": first_run,
    }
    # Static keys come from the environment; the role from the profile (no keys set).
    temp_samples = {n: [] for n in temporary}
    for name in temporary:
        timed(temporary[name](), env if name == "static keys" else role_env)
    for run in range(runs):
        for name in list(temporary)[run % 3:] + list(temporary)[:run % 3]:
            temp_samples[name].append(timed(temporary[name](), env if name == "static keys" else role_env))

    # 5. Memory at scale: removing all 5,000 members of a group (250 calls), each answer
    # listing the servers that remain.
    huge = {}
    variants = [("table", []), ("json", ["--output", "json"]), ("table --verify", ["--verify"]),
                ("json --verify", ["--output", "json", "--verify"])]
    for n, (label, extra) in enumerate(variants):
        argv = slbctl(plain, "backends", "remove", "--lb", f"{HUGE_LB}-{n}", "--batch", "--from-file", ids_5000,
                      *extra)
        huge[label] = peak_rss_kib(argv, env) / 1024
    one_call_cpu = median(plain_samples["slbctl"], "cpu")
    huge_run = timed(slbctl(plain, "-q", "backends", "remove", "--lb", f"{HUGE_LB}-{len(variants)}", "--batch",
                            "--from-file", ids_5000), env)

    # 6. A 60-second wait at the default pace (run with the test hook that makes a wait's
    # second 10 ms): how many describe calls it makes.
    waiting = Fake(args.fake)
    wait_env = dict(env, SLBCTL_WAIT_SECOND_MS="10")
    wait_run = subprocess.run(slbctl(waiting, "backends", "wait", "--lb", LB, "--until", "healthy", "--wait-timeout",
                                     "60", "i-absent"), env=wait_env, capture_output=True)
    if wait_run.returncode != 8:
        sys.exit(f"the wait should time out with exit 8: {wait_run.stderr.decode(errors='replace')}")
    wait_calls = int(waiting.close().split()[1])

    # 7. Discovery for `standby enter`: 300 load balancers with 3 vServer groups each,
    # every answer 20 ms late; a dry run for one server, 4 calls in flight against 1.
    discovery_lbs = [f"--lb=lb-d{n:03}:{REGION}:@2" for n in range(300)]
    region_fake = subprocess.Popen(
        [args.fake, "--port", "0", "--key", f"{KEY_ID}:{SECRET}", "--vserver-groups", "3", "--latency-ms", "20"]
        + [a for lb in discovery_lbs for a in lb.split("=", 1)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    region_url = region_fake.stdout.readline().strip().removeprefix("listening on ")
    discovery = {}
    for concurrency in ["1", "4"]:
        argv = [args.slbctl, "--region", REGION, "--endpoint", region_url, "standby", "enter", "--dry-run",
                "--products", "clb", "--concurrency", concurrency, "i-bench00000"]
        with tempfile.NamedTemporaryFile("r") as out:
            sample = timed(["/usr/bin/time", "-f", "%M", "-o", out.name] + argv, env)
            discovery[concurrency] = (sample.wall, int(out.read().strip().splitlines()[-1]) / 1024)
    region_fake.stdin.close()
    region_fake.wait(timeout=30)

    # 8. One ALB remove including the job wait, each run another member.
    alb_members = 2 * (runs + 1 + slow_runs) + 10
    alb_fake = subprocess.Popen(
        [args.fake, "--port", "0", "--key", f"{KEY_ID}:{SECRET}", "--alb-group", f"{ALB_GROUP}:{ALB_LB}:@{alb_members}",
         "--job-ms", "200"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    alb_url = alb_fake.stdout.readline().strip().removeprefix("listening on ")
    next_member = iter(range(alb_members))
    alb = {
        "slbctl": lambda: [args.slbctl, "--region", REGION, "--endpoint", alb_url, "backends", "remove",
                           "--lb", ALB_LB, "--server-group", ALB_GROUP, f"i-bench{next(next_member):05}:80"],
        "python-sdk": lambda: [sys.executable, SG_CLIENT, "remove-and-wait", alb_url.split("://", 1)[1], REGION,
                               ALB_GROUP, f"i-bench{next(next_member):05}", "80"],
    }
    alb_samples = interleaved(alb, env, runs)
    alb_rss = {n: [peak_rss_kib(c(), env) for _ in range(slow_runs)] for n, c in alb.items()}
    alb_fake.stdin.close()
    alb_fake.wait(timeout=30)

    startup = {}
    for flag in ["--version", "--help"]:
        startup[flag] = ms(statistics.median(timed([args.slbctl, flag], env).wall for _ in range(runs)))
    plain.close()
    tls.close()
    shutil.rmtree(work, ignore_errors=True)

    size = os.path.getsize(args.slbctl)
    if args.musl:
        print(f"Release binary sizes: glibc {size / 1024 / 1024:.2f} MiB, "
              f"static musl {os.path.getsize(args.musl) / 1024 / 1024:.2f} MiB")
    else:
        print("Static musl binary: not built (scripts/dist --target x86_64-unknown-linux-musl), not measured")
    print(f"slbctl end-to-end benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
          f"{platform.machine()}, {runs} interleaved runs a row ({slow_runs} for the big batch)")
    print()
    table("One call, plain HTTP", plain_samples, plain_rss, "curl")
    table("One call, HTTPS (test CA)", https_samples, {}, "curl")
    table("Big batch, HTTPS: 1,000 servers = 50 calls", batch_samples, {}, "python-sdk")
    table("Temporary credentials (a profile that assumes a role), plain HTTP", temp_samples, {}, "static keys")
    table("One ALB remove and its job (200 ms), plain HTTP", alb_samples, alb_rss, "python-sdk")
    print("Peak RSS removing a group's 5,000 servers in one batch (250 calls, each answer listing those left): "
          + ", ".join(f"{k} {v:.1f} MiB" for k, v in huge.items()))
    per_call_cpu = huge_run.cpu / 250
    print(f"CPU per call: {ms(per_call_cpu):.2f} ms in the 5,000-server batch, "
          f"{ms(one_call_cpu):.2f} ms for a single call")
    print(f"Connection reuse, one 1,000-server batch over HTTPS: {reuse}")
    if reads_store is not None:
        print(f"Platform certificate-store files (/etc/ssl, */certs) opened by slbctl with --ca-bundle "
              f"(strace): {reads_store}")
    print(f"Describe calls of a 60-second `backends wait` at the default pace: {wait_calls}")
    print(f"Discovery for `standby enter --dry-run`, 300 load balancers × 3 vServer groups, 20 ms a call "
          f"(1,503 calls): {discovery['1'][0]:.1f} s with --concurrency 1, {discovery['4'][0]:.1f} s with 4 "
          f"(peak RSS {discovery['4'][1]:.1f} MiB)")
    print()

    s = lambda samples, name, field: median(samples[name], field)
    plain_ratio = s(plain_samples, "slbctl", "wall") / s(plain_samples, "curl", "wall")
    sdk_ratio = s(plain_samples, "python-sdk", "wall") / s(plain_samples, "slbctl", "wall")
    https_wall = s(https_samples, "slbctl", "wall") / s(https_samples, "curl", "wall")
    https_cpu = s(https_samples, "slbctl", "cpu") / s(https_samples, "curl", "cpu")
    batch_ratio = s(batch_samples, "slbctl", "wall") / s(batch_samples, "python-sdk", "wall")
    cached_ratio = s(temp_samples, "assume role, cached", "wall") / s(temp_samples, "static keys", "wall")
    slb_rss = max(plain_rss["slbctl"]) / 1024
    connections = int(reuse.split(" on ")[1].split()[0]) if " on " in reuse else -1
    checks = [
        ("one call: slbctl ≤ 1.3× curl", plain_ratio <= 1.3, f"{plain_ratio:.2f}×"),
        ("one call: slbctl ≥ 10× faster than the Python SDK", sdk_ratio >= 10, f"{sdk_ratio:.1f}×"),
        ("one call: slbctl peak RSS ≤ 12 MiB", slb_rss <= 12, f"{slb_rss:.1f} MiB"),
        ("HTTPS: slbctl wall ≤ 1.0× curl", https_wall <= 1.0, f"{https_wall:.2f}×"),
        ("HTTPS: slbctl CPU ≤ 1.0× curl", https_cpu <= 1.0, f"{https_cpu:.2f}×"),
        ("big batch: slbctl ≤ 1.0× the SDK's wall", batch_ratio <= 1.0, f"{batch_ratio:.2f}×"),
        ("big batch: one TLS connection for 50 calls", connections == 1, reuse.removeprefix("fake_slb: ")),
        ("5,000 servers: peak RSS < 12 MiB (all four)", max(huge.values()) < 12, f"{max(huge.values()):.1f} MiB"),
        ("5,000 servers: CPU per call ≤ a single call's", per_call_cpu <= one_call_cpu,
         f"{ms(per_call_cpu):.2f} vs {ms(one_call_cpu):.2f} ms"),
        ("temporary credentials: cached run ≤ 1.15× static keys", cached_ratio <= 1.15, f"{cached_ratio:.2f}×"),
        ("a 60-second wait: ≤ 10 describe calls", wait_calls <= 10, f"{wait_calls}"),
        ("discovery: --concurrency 4 ≤ 1/3 of --concurrency 1", discovery["4"][0] <= discovery["1"][0] / 3,
         f"{discovery['4'][0] / discovery['1'][0]:.2f}×"),
        ("discovery: peak RSS < 16 MiB", discovery["4"][1] < 16, f"{discovery['4'][1]:.1f} MiB"),
        ("ALB remove + job: slbctl wall ≤ the SDK's", s(alb_samples, "slbctl", "wall") <= s(alb_samples, "python-sdk", "wall"),
         f"{s(alb_samples, 'slbctl', 'wall') / s(alb_samples, 'python-sdk', 'wall'):.2f}×"),
        ("ALB remove + job: slbctl CPU ≤ 1/10 of the SDK's", s(alb_samples, "slbctl", "cpu") * 10 <= s(alb_samples, "python-sdk", "cpu"),
         f"{s(alb_samples, 'slbctl', 'cpu') / s(alb_samples, 'python-sdk', 'cpu'):.3f}×"),
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
