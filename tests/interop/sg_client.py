"""Drive the official ALB and NLB request classes (aliyun-python-sdk-alb/-nlb) against
the fake server. Used by tests/it/interop.rs; prints one JSON object per line.

  sg_client.py HOST:PORT REGION STEPS_JSON
      STEPS_JSON is a list of {"product": "alb"|"nlb", "action": NAME, "params": {...}}.
      Each step builds <Action>Request from the product's SDK, calls set_<Name> (or the
      SDK's doubled-s spelling set_<Name>s, which some NLB classes use) with each value,
      and sends it through AcsClient (env AK, SECRET). A value that is a list of objects
      is a repeat list of structs (Servers.N.Field), a list of strings a repeat list.
  sg_client.py remove-and-wait HOST:PORT REGION GROUP SERVER_ID PORT
      What a script does with the SDK today (benches/e2e.py): ALB
      RemoveServersFromServerGroup, then ListAsynJobs every 0.5 s until the job ends.
"""

import importlib
import json
import os
import sys
import time

from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.http import protocol_type as PT

# The official request classes: aliyun-python-sdk-alb and aliyun-python-sdk-nlb.
PACKAGES = {"alb": "aliyunsdkalb.request.v20200616", "nlb": "aliyunsdknlb.request.v20220430"}


def build(product, action, params, endpoint):
    module = importlib.import_module(f"{PACKAGES[product]}.{action}Request")
    request = getattr(module, f"{action}Request")()
    request.set_endpoint(endpoint)
    request.set_protocol_type(PT.HTTP)
    request.set_accept_format("json")
    for name, value in params.items():
        setter = getattr(request, f"set_{name}", None) or getattr(request, f"set_{name}s", None)
        if setter is None:
            raise SystemExit(f"{action}Request has no setter for {name}")
        setter(value)
    return request


def remove_and_wait(endpoint, region, group, server, port):
    assert endpoint.split(":")[0] in ("127.0.0.1", "localhost"), endpoint
    client = AcsClient(os.environ["AK"], os.environ["SECRET"], region)
    servers = [{"ServerId": server, "ServerType": "Ecs", "Port": port}]
    request = build("alb", "RemoveServersFromServerGroup", {"ServerGroupId": group, "Servers": servers}, endpoint)
    job = json.loads(client.do_action_with_exception(request))["JobId"]
    while True:
        answer = json.loads(client.do_action_with_exception(build("alb", "ListAsynJobs", {"JobIds": [job]}, endpoint)))
        status = answer["Jobs"][0]["Status"] if answer.get("Jobs") else "Processing"
        if status == "Succeeded":
            return
        if status == "Failed":
            raise SystemExit(f"job {job} failed")
        time.sleep(0.5)


def main():
    if sys.argv[1] == "remove-and-wait":
        remove_and_wait(*sys.argv[2:6], int(sys.argv[6]))
        return
    endpoint, region, steps = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    host = endpoint.split(":")[0]
    # The network rule: nothing but loopback is ever dialled.
    assert host in ("127.0.0.1", "localhost"), endpoint
    client = AcsClient(os.environ["AK"], os.environ["SECRET"], region)
    for step in steps:
        request = build(step["product"], step["action"], step["params"], endpoint)
        try:
            body = client.do_action_with_exception(request)
            print(json.dumps({"action": step["action"], "ok": True, "body": json.loads(body)}), flush=True)
        except ServerException as e:
            print(json.dumps({"action": step["action"], "ok": False, "code": e.get_error_code(), "message": e.get_error_msg()}), flush=True)


if __name__ == "__main__":
    main()
