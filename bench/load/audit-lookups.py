#!/usr/bin/env python3
"""Times reading the audit trail back from a running Keywarden server: the newest page, pages filtered by access key
and by event name, a filter that matches nothing (the whole term index looked at), and verifying the whole chain.

usage: bench/load/audit-lookups.py PORT [ACCESS_KEY_ID SECRET]   (needs botocore, e.g. pip install boto3)
Fill the trail first, e.g. with wrk replaying a signed read (bench/load/run.sh's prepared requests); the defaults are
the root key that bench/load/*.sh configure.
"""
import json
import sys
import time
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def main():
    port = sys.argv[1]
    key_id = sys.argv[2] if len(sys.argv) > 2 else "AKIAQYLPMN5HHHFPZAM2"
    secret = sys.argv[3] if len(sys.argv) > 3 else "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY"
    credentials = Credentials(key_id, secret)

    def get(path):
        url = f"http://127.0.0.1:{port}{path}"
        signed = AWSRequest(method="GET", url=url)
        SigV4Auth(credentials, "iam", "us-east-1").add_auth(signed)
        request = urllib.request.Request(url, headers=dict(signed.headers.items()))
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=3600) as response:
            body = json.loads(response.read())
        return time.perf_counter() - start, body

    for label, path in [
        ("newest page of 100", "/v1/audit-events?maxItems=100"),
        ("newest page of 100, again", "/v1/audit-events?maxItems=100"),
        ("page of 100 by access key", f"/v1/audit-events?maxItems=100&accessKeyId={key_id}"),
        ("page of 100 by event name", "/v1/audit-events?maxItems=100&eventName=GetCallerIdentity"),
        ("an event name never used", "/v1/audit-events?maxItems=100&eventName=NoSuchAction"),
    ]:
        seconds, body = get(path)
        print(f"{label:28s} {seconds * 1000:9.1f} ms  {len(body.get('events', []))} events")
    seconds, body = get("/v1/audit-events/verify")
    print(f"{'verify the whole chain':28s} {seconds:9.1f} s   {body}")


if __name__ == "__main__":
    main()
