#!/usr/bin/env python3
"""boto3 against a running Keywarden server: run by scripts/aws-cli-compat.sh (ENDPOINT, ROOT_ID, ROOT_SECRET, ACCOUNT
in the environment). Exits non-zero on the first failed check."""
import csv
import io
import json
import os
import sys
import time

import boto3
import botocore.exceptions

ENDPOINT, ACCOUNT = os.environ["ENDPOINT"], os.environ["ACCOUNT"]


def client(service, key_id, secret):
    session = boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret, region_name="us-east-1")
    return session.client(service, endpoint_url=ENDPOINT,
                          config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}))


def check(ok, what):
    print(("ok   - " if ok else "FAIL - ") + "boto3: " + what)
    if not ok:
        sys.exit(1)


def error_code(call):
    try:
        call()
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    return None, 200


iam = client("iam", os.environ["ROOT_ID"], os.environ["ROOT_SECRET"])
sts = client("sts", os.environ["ROOT_ID"], os.environ["ROOT_SECRET"])

check(sts.get_caller_identity()["Arn"] == f"arn:aws:iam::{ACCOUNT}:root", "sts get_caller_identity as root")
user = iam.create_user(UserName="b3-alice", Path="/b3/")["User"]
check(user["Arn"] == f"arn:aws:iam::{ACCOUNT}:user/b3/b3-alice" and user["UserId"].startswith("AIDA"), "iam create_user")
try:
    iam.create_user(UserName="B3-ALICE")
    check(False, "a duplicate user name is refused")
except iam.exceptions.EntityAlreadyExistsException:
    check(True, "a duplicate user name is EntityAlreadyExistsException")

key = iam.create_access_key(UserName="b3-alice")["AccessKey"]
check(key["Status"] == "Active" and len(key["SecretAccessKey"]) == 40, "iam create_access_key")
alice_sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
check(alice_sts.get_caller_identity()["Arn"].endswith(":user/b3/b3-alice"), "the new key signs")
deadline = time.time() + 10
used = iam.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])["AccessKeyLastUsed"]
while "LastUsedDate" not in used and time.time() < deadline:
    time.sleep(0.2)
    used = iam.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])["AccessKeyLastUsed"]
check(used.get("ServiceName") == "sts" and used.get("Region") == "us-east-1", "iam get_access_key_last_used after use")
check(error_code(lambda: iam.get_access_key_last_used(AccessKeyId="AKIAQYLPMN5HZZZZZZZZ")) == ("AccessDenied", 403),
      "get_access_key_last_used of an unknown key is AccessDenied")
check(sts.get_access_key_info(AccessKeyId=key["AccessKeyId"])["Account"] == ACCOUNT, "sts get_access_key_info")

second = iam.create_access_key(UserName="b3-alice")["AccessKey"]
check(error_code(lambda: iam.create_access_key(UserName="b3-alice")) == ("LimitExceeded", 409), "a third key is LimitExceeded")
iam.update_access_key(UserName="b3-alice", AccessKeyId=key["AccessKeyId"], Status="Inactive")
check(error_code(alice_sts.get_caller_identity) == ("InvalidClientTokenId", 403), "an Inactive key is refused")
check(error_code(lambda: iam.update_access_key(UserName="b3-alice", AccessKeyId=key["AccessKeyId"], Status="Bogus"))
      == ("ValidationError", 400), "a bad status is ValidationError")
iam.delete_access_key(UserName="b3-alice", AccessKeyId=key["AccessKeyId"])
listed = iam.list_access_keys(UserName="b3-alice")["AccessKeyMetadata"]
check([m["AccessKeyId"] for m in listed] == [second["AccessKeyId"]], "iam delete_access_key")
check(error_code(lambda: iam.delete_user(UserName="b3-alice")) == ("DeleteConflict", 409), "a user with keys is DeleteConflict")
check(error_code(lambda: iam.get_user(UserName="b3-nobody")) == ("NoSuchEntity", 404), "an unknown user is NoSuchEntity")

for i in range(9):
    iam.create_user(UserName=f"b3-page-{i}", Path="/b3-paged/")
pages = list(iam.get_paginator("list_users").paginate(PathPrefix="/b3-paged/", PaginationConfig={"PageSize": 4}))
check([len(p["Users"]) for p in pages] == [4, 4, 1] and [p["IsTruncated"] for p in pages] == [True, True, False],
      "list_users paginator with MaxItems 4")

policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:GetUser"],
                                                  "Resource": "arn:aws:iam::*:user/${aws:username}"}]}
iam.put_user_policy(UserName="b3-alice", PolicyName="ReadSelf", PolicyDocument=json.dumps(policy))
check(iam.get_user_policy(UserName="b3-alice", PolicyName="ReadSelf")["PolicyDocument"] == policy,
      "get_user_policy (botocore decodes the URL-encoded document)")
check(iam.list_user_policies(UserName="b3-alice")["PolicyNames"] == ["ReadSelf"], "list_user_policies")

state = iam.generate_credential_report()["State"]
check(state in ("STARTED", "COMPLETE"), "iam generate_credential_report")
report = iam.get_credential_report()
reader = csv.DictReader(io.StringIO(report["Content"].decode()))
rows = list(reader)
check(isinstance(report["Content"], bytes) and len(reader.fieldnames) == 22 and rows[0]["user"] == "<root_account>"
      and rows[0]["arn"] == f"arn:aws:iam::{ACCOUNT}:root", "get_credential_report (bytes, CSV in AWS's columns)")
trail = client("cloudtrail", os.environ["ROOT_ID"], os.environ["ROOT_SECRET"])
by_key = [e for page in trail.get_paginator("lookup_events").paginate(
    LookupAttributes=[{"AttributeKey": "AccessKeyId", "AttributeValue": key["AccessKeyId"]}],
    PaginationConfig={"PageSize": 1}) for e in page["Events"]]
issuing = json.loads(by_key[-1]["CloudTrailEvent"])
check(by_key[-1]["EventName"] == "CreateAccessKey" and "GetCallerIdentity" in [e["EventName"] for e in by_key]
      and issuing["responseElements"]["accessKey"]["accessKeyId"] == key["AccessKeyId"]
      and issuing["responseElements"]["accessKey"]["secretAccessKey"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
      and issuing["eventVersion"] == "1.08" and issuing["recipientAccountId"] == ACCOUNT,
      "cloudtrail lookup_events paginator by AccessKeyId: the issuing event and the calls made with the key")
by_name = trail.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "PutUserPolicy"}])
check(by_name["Events"] and all(e["EventName"] == "PutUserPolicy" for e in by_name["Events"]),
      "cloudtrail lookup_events by EventName")
by_resource = trail.lookup_events(LookupAttributes=[{"AttributeKey": "ResourceName", "AttributeValue": "b3-alice"}],
                                  MaxResults=50)
check({"CreateUser", "CreateAccessKey", "PutUserPolicy"} <= {e["EventName"] for e in by_resource["Events"]}
      and all({"ResourceType": "AWS::IAM::User", "ResourceName": "b3-alice"} in e["Resources"]
              for e in by_resource["Events"]), "cloudtrail lookup_events by ResourceName")
check(error_code(lambda: trail.lookup_events(StartTime=time.time(), EndTime=time.time() - 60))
      == ("InvalidTimeRangeException", 400), "cloudtrail lookup_events with the start after the end")

# AssumeRole: the trust policy names the user; the session acts as the role with the role's permissions only
root_iam = client("iam", os.environ["ROOT_ID"], os.environ["ROOT_SECRET"])
root_iam.create_user(UserName="b3-assumer")
assumer = root_iam.create_access_key(UserName="b3-assumer")["AccessKey"]
role_arn = root_iam.create_role(RoleName="b3-reader", AssumeRolePolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                            "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:user/b3-assumer"}}]}))["Role"]["Arn"]
root_iam.put_role_policy(RoleName="b3-reader", PolicyName="Read", PolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*"}]}))
assumed = client("sts", assumer["AccessKeyId"], assumer["SecretAccessKey"]).assume_role(
    RoleArn=role_arn, RoleSessionName="b3-session", DurationSeconds=900)
creds = assumed["Credentials"]
check(creds["AccessKeyId"].startswith("ASIA") and assumed["AssumedRoleUser"]["Arn"]
      == f"arn:aws:sts::{ACCOUNT}:assumed-role/b3-reader/b3-session", "sts assume_role")
role_session = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                                     aws_session_token=creds["SessionToken"], region_name="us-east-1")
role_iam = role_session.client("iam", endpoint_url=ENDPOINT)
check(any(u["UserName"] == "b3-assumer" for u in role_iam.list_users()["Users"]), "iam list_users as the role session")
check(error_code(lambda: role_iam.create_user(UserName="b3-nope"))[0] == "AccessDenied",
      "the role session cannot do what the role does not allow")
# console passwords (issue 15): the password policy, a login profile refused by it then created, aliases
root_iam.update_account_password_policy(MinimumPasswordLength=14, RequireSymbols=True, MaxPasswordAge=30)
policy = root_iam.get_account_password_policy()["PasswordPolicy"]
check(policy["MinimumPasswordLength"] == 14 and policy["RequireSymbols"] and policy["ExpirePasswords"]
      and policy["MaxPasswordAge"] == 30, "iam update_account_password_policy and get_account_password_policy")
root_iam.create_user(UserName="b3-pw")
try:
    root_iam.create_login_profile(UserName="b3-pw", Password="NoSymbols12345")
    check(False, "a password the policy refuses is refused")
except root_iam.exceptions.PasswordPolicyViolationException:
    check(True, "create_login_profile with a password the policy refuses is PasswordPolicyViolationException")
profile = root_iam.create_login_profile(UserName="b3-pw", Password="With-Symbols-123")["LoginProfile"]
check(profile["UserName"] == "b3-pw" and not profile["PasswordResetRequired"], "iam create_login_profile")
check(root_iam.get_login_profile(UserName="b3-pw")["LoginProfile"]["UserName"] == "b3-pw", "iam get_login_profile")
root_iam.delete_login_profile(UserName="b3-pw")
check(error_code(lambda: root_iam.get_login_profile(UserName="b3-pw")) == ("NoSuchEntity", 404),
      "iam delete_login_profile")
root_iam.create_account_alias(AccountAlias="b3-console-corp")
check(root_iam.list_account_aliases()["AccountAliases"] == ["b3-console-corp"], "iam list_account_aliases")
root_iam.delete_account_alias(AccountAlias="b3-console-corp")
root_iam.delete_account_password_policy()
check(error_code(lambda: root_iam.get_account_password_policy()) == ("NoSuchEntity", 404),
      "iam delete_account_password_policy")
print("boto3: all checks passed")
