"""Drive the official Alibaba Cloud Python SDK against the fake SLB server.

Used by tests/it/interop.rs; prints one JSON object per line on stdout.

  sdk_client.py remove HOST:PORT LB_ID REGION SERVERS_JSON
      RemoveBackendServersRequest through AcsClient (env AK, SECRET, optional TOKEN).
  sdk_client.py tampered HOST:PORT LB_ID REGION SERVERS_JSON
      Sign the same request with the SDK, change LoadBalancerId after signing, send it
      (must be rejected); then send the untouched signed request (must be accepted).
  sdk_client.py sign PARAMS_JSON METHOD SECRET
      The SDK's signature for fixed parameters (Timestamp and SignatureNonce given in
      PARAMS_JSON), to compare with slbctl's signer byte for byte.
  sdk_client.py group HOST:PORT REGION GROUP_ID SERVERS_JSON LB_ID
      The vServer-group and discovery actions through their SDK request classes:
      AddVServerGroupBackendServers, SetVServerGroupAttribute,
      DescribeVServerGroupAttribute, RemoveVServerGroupBackendServers,
      DescribeVServerGroups, DescribeLoadBalancers (paged), DescribeHealthStatus,
      DescribeMasterSlaveServerGroups[Attribute]; one
      line each.
  sdk_client.py batch HOST:PORT LB_ID REGION IDS_FILE
      RemoveBackendServers for every id in IDS_FILE, 20 per call, in one process
      (benches/e2e.sh).

PROTOCOL=https and CA=PATH (the CA bundle to verify with) switch to HTTPS.
"""

import json
import os
import sys
import urllib.error
import urllib.request

from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.auth.composer import rpc_signature_composer
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.http import protocol_type as PT
from aliyunsdkslb.request.v20140515.RemoveBackendServersRequest import RemoveBackendServersRequest


def emit(**fields):
    print(json.dumps(fields), flush=True)


def make_client(region):
    token = os.environ.get("TOKEN")
    if token:
        from aliyunsdkcore.auth.credentials import StsTokenCredential

        cred = StsTokenCredential(os.environ["AK"], os.environ["SECRET"], token)
        return AcsClient(region_id=region, credential=cred, verify=os.environ.get("CA"))
    return AcsClient(os.environ["AK"], os.environ["SECRET"], region, verify=os.environ.get("CA"))


def make_request(endpoint, lb, servers):
    request = RemoveBackendServersRequest()
    request.set_endpoint(endpoint)
    # The SDK compares the protocol by identity (`is PT.HTTPS`): pass its own constant.
    request.set_protocol_type(PT.HTTPS if os.environ.get("PROTOCOL") == "https" else PT.HTTP)
    request.set_accept_format("json")
    request.set_LoadBalancerId(lb)
    request.set_BackendServers(servers)
    return request


def remove(endpoint, lb, region, servers):
    client = make_client(region)
    try:
        body = client.do_action_with_exception(make_request(endpoint, lb, servers))
        emit(ok=True, body=json.loads(body))
    except ServerException as e:
        emit(ok=False, code=e.get_error_code(), message=e.get_error_msg())


def post(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="POST", data=b"")) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def tampered(endpoint, lb, region, servers):
    request = make_request(endpoint, lb, servers)
    path = request.get_url(region, os.environ["AK"], os.environ["SECRET"])
    original = "LoadBalancerId=" + lb
    assert original in path, path
    status, body = post("http://" + endpoint + path.replace(original, original + "x"))
    emit(which="tampered", status=status, code=body.get("Code"))
    status, body = post("http://" + endpoint + path)
    emit(which="untouched", status=status, code=body.get("Code"))


def sign(params_json, method, secret):
    params = json.loads(params_json)
    fixed = {"Timestamp": params.pop("Timestamp"), "SignatureNonce": params.pop("SignatureNonce")}
    helper = rpc_signature_composer.helper
    helper.get_iso_8061_date = lambda: fixed["Timestamp"]
    helper.get_uuid = lambda: fixed["SignatureNonce"]
    ak = params.pop("AccessKeyId")
    fmt = params.pop("Format")
    url, string_to_sign = rpc_signature_composer.get_signed_url(params, ak, secret, fmt, method, {})
    sent = urllib.parse.parse_qs(url[2:], keep_blank_values=True)
    signed = {k: v[0] for k, v in sent.items() if k != "Signature"}
    emit(signature=sent["Signature"][0], string_to_sign=string_to_sign, params=signed)


def batch(endpoint, lb, region, ids_file):
    client = make_client(region)
    with open(ids_file) as f:
        ids = f.read().split()
    for start in range(0, len(ids), 20):
        servers = json.dumps([{"ServerId": i, "Type": "ecs"} for i in ids[start:start + 20]])
        client.do_action_with_exception(make_request(endpoint, lb, servers))
    emit(ok=True, calls=(len(ids) + 19) // 20)


def group(endpoint, region, group_id, servers, lb):
    from aliyunsdkslb.request.v20140515 import (
        AddVServerGroupBackendServersRequest, DescribeHealthStatusRequest, DescribeLoadBalancersRequest,
        DescribeMasterSlaveServerGroupAttributeRequest, DescribeMasterSlaveServerGroupsRequest,
        DescribeVServerGroupAttributeRequest, DescribeVServerGroupsRequest, RemoveVServerGroupBackendServersRequest,
        SetVServerGroupAttributeRequest)
    client = make_client(region)

    def run(name, request, **params):
        request.set_endpoint(endpoint)
        request.set_protocol_type(PT.HTTP)
        request.set_accept_format("json")
        for key, value in params.items():
            getattr(request, "set_" + key)(value)
        try:
            body = json.loads(client.do_action_with_exception(request))
            emit(action=name, ok=True, body=body)
        except ServerException as e:
            emit(action=name, ok=False, code=e.get_error_code())

    run("AddVServerGroupBackendServers", AddVServerGroupBackendServersRequest.AddVServerGroupBackendServersRequest(),
        VServerGroupId=group_id, BackendServers=servers)
    weighted = json.dumps([dict(s, Weight="30") for s in json.loads(servers)])
    run("SetVServerGroupAttribute", SetVServerGroupAttributeRequest.SetVServerGroupAttributeRequest(),
        VServerGroupId=group_id, BackendServers=weighted)
    run("DescribeVServerGroupAttribute",
        DescribeVServerGroupAttributeRequest.DescribeVServerGroupAttributeRequest(), VServerGroupId=group_id)
    run("RemoveVServerGroupBackendServers",
        RemoveVServerGroupBackendServersRequest.RemoveVServerGroupBackendServersRequest(),
        VServerGroupId=group_id, BackendServers=servers)
    run("DescribeVServerGroups", DescribeVServerGroupsRequest.DescribeVServerGroupsRequest(),
        LoadBalancerId=lb, IncludeListener=True)
    run("DescribeLoadBalancers", DescribeLoadBalancersRequest.DescribeLoadBalancersRequest(),
        PageNumber=1, PageSize=100)
    run("DescribeHealthStatus", DescribeHealthStatusRequest.DescribeHealthStatusRequest(), LoadBalancerId=lb)
    run("DescribeMasterSlaveServerGroups",
        DescribeMasterSlaveServerGroupsRequest.DescribeMasterSlaveServerGroupsRequest(), LoadBalancerId=lb)
    run("DescribeMasterSlaveServerGroupAttribute",
        DescribeMasterSlaveServerGroupAttributeRequest.DescribeMasterSlaveServerGroupAttributeRequest(),
        MasterSlaveServerGroupId="rsp-ms1")


def main():
    mode = sys.argv[1]
    if mode == "remove":
        remove(*sys.argv[2:6])
    elif mode == "tampered":
        tampered(*sys.argv[2:6])
    elif mode == "sign":
        sign(*sys.argv[2:5])
    elif mode == "batch":
        batch(*sys.argv[2:6])
    elif mode == "group":
        group(*sys.argv[2:7])
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()
