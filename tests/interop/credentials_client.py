"""Drive the official alibabacloud-credentials providers against slbctl's loopback fakes.

Used by tests/it/interop.rs to prove that the fake STS, metadata server and credentials
URI speak the official protocol. Prints one JSON object on stdout:
{"ok": true, "access_key_id": ..., "has_token": ...} or {"ok": false, "error": ...}.

Usage:
  credentials_client.py ram_role_arn HOST:PORT CA_PEM ACCESS_KEY_ID ACCESS_KEY_SECRET ROLE_ARN
  credentials_client.py oidc HOST:PORT CA_PEM ROLE_ARN OIDC_PROVIDER_ARN TOKEN_FILE
  credentials_client.py ecs HOST:PORT ROLE_NAME
  credentials_client.py uri URL

Every address dialled is checked to be loopback before the provider makes a call.
"""
import ipaddress
import json
import os
import sys
import urllib.parse

# The package reads the environment at import, and the HTTP layer honours proxies:
# clear both first, so nothing but the given loopback address can be reached.
for name in list(os.environ):
    if name.lower().endswith("_proxy") or name.startswith("ALIBABA_CLOUD_"):
        del os.environ[name]
os.environ["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "false"

import certifi  # noqa: E402  (after the environment is cleaned)


def loopback(host_port):
    host = urllib.parse.urlsplit("//" + host_port).hostname
    if host == "localhost":
        return
    if not ipaddress.ip_address(host).is_loopback:
        raise SystemExit(f"refusing to dial {host_port}: not a loopback address")


def trust(ca_pem):
    # TeaCore verifies TLS against certifi's bundle: make it the test CA.
    certifi.where = lambda: ca_pem


def main(argv):
    mode = argv[0]
    if mode == "ram_role_arn":
        endpoint, ca, ak, secret, role = argv[1:6]
        loopback(endpoint)
        trust(ca)
        from alibabacloud_credentials.provider.ram_role_arn import RamRoleArnCredentialsProvider
        provider = RamRoleArnCredentialsProvider(
            access_key_id=ak, access_key_secret=secret, role_arn=role,
            role_session_name="python-interop", sts_endpoint=endpoint)
    elif mode == "oidc":
        endpoint, ca, role, provider_arn, token_file = argv[1:6]
        loopback(endpoint)
        trust(ca)
        from alibabacloud_credentials.provider.oidc import OIDCRoleArnCredentialsProvider
        provider = OIDCRoleArnCredentialsProvider(
            role_arn=role, oidc_provider_arn=provider_arn, oidc_token_file_path=token_file,
            role_session_name="python-interop", sts_endpoint=endpoint)
    elif mode == "ecs":
        endpoint, role = argv[1:3]
        loopback(endpoint)
        from alibabacloud_credentials.provider.ecs_ram_role import EcsRamRoleCredentialsProvider
        provider = EcsRamRoleCredentialsProvider(
            role_name=None if role == "-" else role, async_update_enabled=False)
        # The metadata host is hard-coded; point it at the fake and check it.
        attribute = "_EcsRamRoleCredentialsProvider__metadata_service_host"
        if getattr(provider, attribute) != "100.100.100.200":
            raise SystemExit("the package changed: the metadata host attribute moved")
        setattr(provider, attribute, endpoint)
        loopback(getattr(provider, attribute))
    elif mode == "uri":
        url = argv[1]
        loopback(urllib.parse.urlsplit(url).netloc)
        from alibabacloud_credentials.provider.uri import URLCredentialsProvider
        provider = URLCredentialsProvider(uri=url)
    else:
        raise SystemExit(f"unknown mode {mode}")
    try:
        credentials = provider.get_credentials()
    except Exception as e:  # report, do not crash: the test reads the verdict
        print(json.dumps({"ok": False, "error": f"{type(e).__name__}: {e}"[:500]}))
        return
    print(json.dumps({
        "ok": True,
        "access_key_id": credentials.get_access_key_id(),
        "has_token": bool(credentials.get_security_token()),
    }))


if __name__ == "__main__":
    main(sys.argv[1:])
