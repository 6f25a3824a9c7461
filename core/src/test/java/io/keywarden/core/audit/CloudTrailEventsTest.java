package io.keywarden.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.core.audit.CloudTrailEvents.Resource;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results;
import io.keywarden.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailEventsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ALICE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final Instant T = Instant.parse("2026-03-04T05:06:07.891Z");
    private static final String ISSUED = "AKIAQYLPMN5HISSUED01";
    private static final String ASIA = "ASIAQYLPMN5HSESSION1";

    static AuditRecord record(String source, String name, boolean readOnly, String principalType, String arn,
                              String userName, String keyId, String request, String response, String errorCode) {
        return new AuditRecord("0b7e5c3a-1111-4222-8333-944445555666", T, ACCOUNT, source, name, readOnly,
                principalType, arn, arn == null ? null : "AIDAEXAMPLEUSERID0001", userName, keyId, "203.0.113.9",
                "aws-cli/2.15", request, response, errorCode, errorCode == null ? null : "no", "req-1",
                errorCode == null ? 200 : 400);
    }

    /** What CreateAccessKey for bob, called by alice, leaves in the trail (written as the invoker writes it). */
    static AuditRecord createAccessKey() {
        return record("iam.amazonaws.com", "CreateAccessKey", false, "IAMUser", ALICE_ARN, "alice",
                "AKIAQYLPMN5HALICE001", EventJson.write(new Requests.CreateAccessKey("bob")),
                EventJson.write(new Results.CreatedKey(new Results.NewKeyEntry("bob", ISSUED, "Active",
                        SecretAccessKey.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY"), T))), null);
    }

    /** An STS call that issued temporary credentials (as GetSessionToken/AssumeRole record them). */
    static AuditRecord assumeRole() {
        return record("sts.amazonaws.com", "AssumeRole", false, "IAMUser", ALICE_ARN, "alice",
                "AKIAQYLPMN5HALICE001",
                "{\"roleArn\":\"arn:aws:iam::123456789012:role/deploy\",\"roleSessionName\":\"ci-42\","
                        + "\"sourceIdentity\":\"alice@example.com\"}",
                "{\"credentials\":{\"accessKeyId\":\"" + ASIA + "\",\"secretAccessKey\":"
                        + "\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"sessionToken\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"},"
                        + "\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::123456789012:assumed-role/deploy/ci-42\","
                        + "\"assumedRoleId\":\"AROAEXAMPLE:ci-42\"}}", null);
    }

    @Test
    void theCloudTrailRecordHasCloudTrailsShapeAndNoSecret() {
        AuditRecord r = createAccessKey();
        String text = CloudTrailEvents.cloudTrailEventJson(r);
        assertThat(text).doesNotContain("wJalrXUtnFEMI").contains(EventJson.HIDDEN);
        JsonNode e = EventJson.parse(text);
        assertThat(e.get("eventVersion").asText()).isEqualTo("1.08");
        JsonNode id = e.get("userIdentity");
        assertThat(id.get("type").asText()).isEqualTo("IAMUser");
        assertThat(id.get("principalId").asText()).isEqualTo("AIDAEXAMPLEUSERID0001");
        assertThat(id.get("arn").asText()).isEqualTo(ALICE_ARN);
        assertThat(id.get("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(id.get("accessKeyId").asText()).isEqualTo("AKIAQYLPMN5HALICE001");
        assertThat(id.get("userName").asText()).isEqualTo("alice");
        assertThat(id.has("sessionContext")).isFalse();
        assertThat(e.get("eventTime").asText()).isEqualTo("2026-03-04T05:06:07Z");
        assertThat(e.get("eventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(e.get("eventName").asText()).isEqualTo("CreateAccessKey");
        assertThat(e.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(e.get("sourceIPAddress").asText()).isEqualTo("203.0.113.9");
        assertThat(e.get("userAgent").asText()).isEqualTo("aws-cli/2.15");
        assertThat(e.get("requestParameters").get("userName").asText()).isEqualTo("bob");
        assertThat(e.get("responseElements").get("accessKey").get("accessKeyId").asText()).isEqualTo(ISSUED);
        assertThat(e.get("requestID").asText()).isEqualTo("req-1");
        assertThat(e.get("eventID").asText()).isEqualTo(r.eventId());
        assertThat(e.get("readOnly").isBoolean()).isTrue();
        assertThat(e.get("readOnly").asBoolean()).isFalse();
        assertThat(e.get("eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(e.get("managementEvent").asBoolean()).isTrue();
        assertThat(e.get("recipientAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(e.has("errorCode")).isFalse();
    }

    @Test
    void aRoleSessionsCallCarriesItsSessionContextAsCloudTrailDoes() {
        AuditRecord r = AuditChainTest.sessionCall(AuditChainTest.ROLE_SESSION);
        JsonNode id = EventJson.parse(CloudTrailEvents.cloudTrailEventJson(r)).get("userIdentity");
        assertThat(id.get("type").asText()).isEqualTo("AssumedRole");
        assertThat(id.get("principalId").asText()).isEqualTo("AROAEXAMPLEEXAMPLE001:s1");
        assertThat(id.get("arn").asText()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/s1");
        assertThat(id.get("accessKeyId").asText()).isEqualTo("ASIAQYLPMN5HHHFPZAM2");
        assertThat(id.has("userName")).isFalse();
        JsonNode context = id.get("sessionContext");
        assertThat(context.get("sessionIssuer").toString()).isEqualTo("{\"type\":\"Role\","
                + "\"principalId\":\"AROAEXAMPLEEXAMPLE001\",\"arn\":\"arn:aws:iam::123456789012:role/ci/deployer\","
                + "\"accountId\":\"123456789012\",\"userName\":\"deployer\"}");
        assertThat(context.get("attributes").toString())
                .isEqualTo("{\"creationDate\":\"2026-01-02T03:00:00Z\",\"mfaAuthenticated\":\"false\"}");
        assertThat(context.get("sourceIdentity").asText()).isEqualTo("alice");
    }

    @Test
    void aGetSessionTokenSessionHasAnEmptyIssuerAndALongTermKeyNoSessionContext() {
        AuditRecord userSession = new AuditRecord("0b7e5c3a-1111-4222-8333-944445555666", T, ACCOUNT,
                "sts.amazonaws.com", "GetCallerIdentity", true, "IAMUser", ALICE_ARN, "AIDAEXAMPLEUSERID0001", "alice",
                ASIA, "203.0.113.9", "aws-cli/2.15", "{}", null, null, null, "req-1", 200,
                new AuditSession(null, null, null, null, T, false, null));
        JsonNode context = EventJson.parse(CloudTrailEvents.cloudTrailEventJson(userSession)).get("userIdentity")
                .get("sessionContext");
        assertThat(context.get("sessionIssuer").isEmpty()).isTrue();
        assertThat(context.get("attributes").get("creationDate").asText()).isEqualTo("2026-03-04T05:06:07Z");
        assertThat(context.has("sourceIdentity")).isFalse();
        assertThat(EventJson.parse(CloudTrailEvents.cloudTrailEventJson(createAccessKey())).get("userIdentity")
                .has("sessionContext")).isFalse();
    }

    @Test
    void aFailedCallCarriesItsErrorAndAReadWithoutParametersHasNullOnes() {
        AuditRecord r = record("iam.amazonaws.com", "ListUsers", true, "IAMUser", ALICE_ARN, "alice",
                "AKIAQYLPMN5HALICE001", null, null, "AccessDenied");
        ObjectNode e = CloudTrailEvents.cloudTrailEvent(r);
        assertThat(e.get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(e.get("errorMessage").asText()).isEqualTo("no");
        assertThat(e.get("requestParameters").isNull()).isTrue();
        assertThat(e.get("responseElements").isNull()).isTrue();
        assertThat(e.get("readOnly").asBoolean()).isTrue();
        assertThat(CloudTrailEvents.resources(r)).isEmpty();
    }

    @Test
    void rootAndUnknownCallersAreNamedAsCloudTrailNamesThem() {
        AuditRecord root = record("iam.amazonaws.com", "ListUsers", true, "Root",
                "arn:aws:iam::123456789012:root", null, "AKIAQYLPMN5HHHFPZAM2", null, null, null);
        assertThat(CloudTrailEvents.username(root)).isEqualTo("root");
        JsonNode id = CloudTrailEvents.cloudTrailEvent(root).get("userIdentity");
        assertThat(id.get("type").asText()).isEqualTo("Root");
        assertThat(id.has("userName")).isFalse();
        AuditRecord unknown = record("iam.amazonaws.com", "ListUsers", true, "Unknown", null, null,
                "AKIAQYLPMN5HNOBODY01", null, null, "InvalidClientTokenId");
        assertThat(CloudTrailEvents.username(unknown)).isNull();
        JsonNode unknownId = CloudTrailEvents.cloudTrailEvent(unknown).get("userIdentity");
        assertThat(unknownId.get("type").asText()).isEqualTo("Unknown");
        assertThat(unknownId.has("arn")).isFalse();
        assertThat(unknownId.has("accountId")).isFalse();
        AuditRecord session = record("iam.amazonaws.com", "ListUsers", true, "AssumedRole",
                "arn:aws:sts::123456789012:assumed-role/deploy/ci-42", null, ASIA, null, null, null);
        assertThat(CloudTrailEvents.username(session)).isEqualTo("ci-42");
    }

    @Test
    void theLookupEventListsTheEventsResourcesAndItsRecord() {
        AuditRecord r = createAccessKey();
        ObjectNode e = CloudTrailEvents.lookupEvent(r);
        assertThat(e.get("EventId").asText()).isEqualTo(r.eventId());
        assertThat(e.get("EventName").asText()).isEqualTo("CreateAccessKey");
        assertThat(e.get("ReadOnly").isTextual()).isTrue();
        assertThat(e.get("ReadOnly").asText()).isEqualTo("false");
        assertThat(e.get("AccessKeyId").asText()).isEqualTo("AKIAQYLPMN5HALICE001");
        assertThat(e.get("EventTime").decimalValue()).isEqualByComparingTo("1772600767.891");
        assertThat(e.get("EventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(e.get("Username").asText()).isEqualTo("alice");
        assertThat(e.get("Resources")).hasSize(2);
        assertThat(e.get("Resources").get(0).get("ResourceType").asText()).isEqualTo("AWS::IAM::User");
        assertThat(e.get("Resources").get(0).get("ResourceName").asText()).isEqualTo("bob");
        assertThat(e.get("Resources").get(1).get("ResourceType").asText()).isEqualTo("AWS::IAM::AccessKey");
        assertThat(e.get("Resources").get(1).get("ResourceName").asText()).isEqualTo(ISSUED);
        assertThat(EventJson.parse(e.get("CloudTrailEvent").asText())).isEqualTo(CloudTrailEvents.cloudTrailEvent(r));
    }

    @Test
    void issuedKeysAreFoundInCreateAccessKeyAndStsCredentials() {
        assertThat(CloudTrailEvents.issuedAccessKeyId(createAccessKey())).isEqualTo(ISSUED);
        assertThat(CloudTrailEvents.issuedAccessKeyId(assumeRole())).isEqualTo(ASIA);
        assertThat(CloudTrailEvents.accessKeyIds(assumeRole())).containsExactly("AKIAQYLPMN5HALICE001", ASIA);
        assertThat(CloudTrailEvents.resources(assumeRole())).containsExactly(
                new Resource("AWS::IAM::Role", "arn:aws:iam::123456789012:role/deploy"),
                new Resource("AWS::IAM::AccessKey", ASIA),
                new Resource("AWS::STS::AssumedRole", "arn:aws:sts::123456789012:assumed-role/deploy/ci-42"));
        // a failed call issued nothing, and a look-up's own filters are not resources
        AuditRecord failed = record("iam.amazonaws.com", "CreateAccessKey", false, "IAMUser", ALICE_ARN, "alice",
                "AKIAQYLPMN5HALICE001", "{\"userName\":\"bob\"}", "{\"accessKey\":{\"accessKeyId\":\"" + ISSUED
                        + "\"}}", "LimitExceeded");
        assertThat(CloudTrailEvents.issuedAccessKeyId(failed)).isNull();
        AuditRecord lookup = record("cloudtrail.amazonaws.com", "LookupEvents", true, "IAMUser", ALICE_ARN,
                "alice", "AKIAQYLPMN5HALICE001", "{\"accessKeyId\":\"" + ISSUED + "\"}", null, null);
        assertThat(CloudTrailEvents.resources(lookup)).isEmpty();
        assertThat(CloudTrailEvents.concernsAccessKey(lookup, ISSUED)).isFalse();
    }

    @Test
    void theQueryMatchesAnIssuingEventByTheIssuedKeyAndEveryOtherFilter() {
        AccountId account = new AccountId(ACCOUNT);
        AuditRecord issuing = assumeRole();
        AuditRecord madeWithIt = record("iam.amazonaws.com", "ListUsers", true, "AssumedRole",
                "arn:aws:sts::123456789012:assumed-role/deploy/ci-42", null, ASIA, null, null, null);
        AuditRecord other = createAccessKey();
        AuditQuery byKey = new AuditQuery(account, ASIA, null, null, null, null, null, null, null, null, null,
                PageRequest.first());
        assertThat(byKey.matches(issuing)).isTrue();
        assertThat(byKey.matches(madeWithIt)).isTrue();
        assertThat(byKey.matches(other)).isFalse();

        assertThat(query(account, null, true, null, null, null).matches(madeWithIt)).isTrue();
        assertThat(query(account, null, true, null, null, null).matches(issuing)).isFalse();
        assertThat(query(account, null, false, null, null, null).matches(issuing)).isTrue();
        assertThat(query(account, null, null, "bob", null, null).matches(other)).isTrue();
        assertThat(query(account, null, null, ISSUED, null, null).matches(other)).isTrue();
        assertThat(query(account, null, null, "bo", null, null).matches(other)).isFalse();
        assertThat(query(account, null, null, "arn:aws:iam::123456789012:role/deploy", null, null).matches(issuing))
                .isTrue();
        assertThat(query(account, null, null, null, "AWS::STS::AssumedRole", null).matches(issuing)).isTrue();
        assertThat(query(account, null, null, null, "AWS::STS::AssumedRole", null).matches(other)).isFalse();
        assertThat(query(account, null, null, null, null, "sts.amazonaws.com").matches(issuing)).isTrue();
        assertThat(query(account, null, null, null, null, "sts.amazonaws.com").matches(other)).isFalse();
        assertThat(query(account, "ci-42", null, null, null, null).matches(madeWithIt)).isTrue();
        assertThat(query(account, "alice", null, null, null, null).matches(madeWithIt)).isFalse();
        AuditQuery byId = new AuditQuery(account, null, null, null, null, null, null, other.eventId(), null, null,
                null, PageRequest.first());
        assertThat(byId.matches(other)).isTrue();
        AuditQuery inRange = new AuditQuery(account, null, null, null, T, T.plusMillis(1), PageRequest.first());
        assertThat(inRange.matches(other)).isTrue();
        assertThat(new AuditQuery(account, null, null, null, T.plusMillis(1), null, PageRequest.first())
                .matches(other)).isFalse();
        assertThat(new AuditQuery(account, null, null, null, null, T, PageRequest.first()).matches(other)).isFalse();
    }

    private static AuditQuery query(AccountId account, String user, Boolean readOnly, String resourceName,
                                    String resourceType, String source) {
        return new AuditQuery(account, null, user, null, readOnly, resourceName, resourceType, null, source, null,
                null, PageRequest.first());
    }
}
