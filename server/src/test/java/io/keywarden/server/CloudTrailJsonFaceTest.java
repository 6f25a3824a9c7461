package io.keywarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.Account;
import io.keywarden.server.audit.AuditWriter;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CloudTrail's LookupEvents on the AWS JSON 1.1 face ({@code POST /}, {@code X-Amz-Target}) over real HTTP: each
 * lookup attribute, paging with NextToken, the time range, CloudTrail's exceptions in the JSON 1.1 error format, and
 * the errors of authentication in that format too. The ASIA key's issuing event is written to the trail directly (as
 * GetSessionToken/AssumeRole will record it), since STS credentials are built elsewhere.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudTrailJsonFaceTest extends ServerTestSupport {
    static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    static final String ASIA = "ASIAQYLPMN5HJSONFACE";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant OLD = Instant.parse("2021-06-01T12:00:00Z");

    @Inject
    AuditWriter writer;

    @Inject
    Account account;

    private String aliceKey;
    private String aliceSecret;

    @BeforeAll
    void setUp() {
        assertThat(root().post("/v1/users", "{\"userName\":\"ct-alice\"}").status()).isEqualTo(201);
        Response key = root().post("/v1/users/ct-alice/access-keys", null);
        aliceKey = key.json().path("accessKeyId").asText();
        aliceSecret = key.json().path("secretAccessKey").asText();
        String arn = "arn:aws:iam::" + account.id().value() + ":user/ct-alice";
        // the session's issuing event and three calls made with its key
        write(record(Instant.now().minusSeconds(60), "sts.amazonaws.com", "AssumeRole", false, "IAMUser", arn,
                "ct-alice", aliceKey, "{\"roleArn\":\"arn:aws:iam::" + account.id().value() + ":role/deploy\","
                        + "\"roleSessionName\":\"ci-7\",\"sourceIdentity\":\"alice@example.com\"}",
                "{\"credentials\":{\"accessKeyId\":\"" + ASIA + "\",\"secretAccessKey\":"
                        + "\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"sessionToken\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}}"));
        String session = "arn:aws:sts::" + account.id().value() + ":assumed-role/deploy/ci-7";
        for (int i = 0; i < 3; i++) {
            write(record(Instant.now().minusSeconds(50 - i), "iam.amazonaws.com", "ListUsers", true, "AssumedRole",
                    session, null, ASIA, null, null));
        }
        // events at known times for the time range: 12:00:00.000, 12:00:01.000, 12:00:02.500
        for (double offset : new double[] {0, 1, 2.5}) {
            write(record(OLD.plusMillis((long) (offset * 1000)), "iam.amazonaws.com", "TimeProbe", true, "Root",
                    "arn:aws:iam::" + account.id().value() + ":root", null, ROOT_ACCESS_KEY_ID, null, null));
        }
    }

    private AuditRecord record(Instant time, String source, String name, boolean readOnly, String type, String arn,
                               String user, String keyId, String request, String response) {
        return new AuditRecord(UUID.randomUUID().toString(), time, account.id().value(), source, name, readOnly, type,
                arn, "AIDAEXAMPLE", user, keyId, "198.51.100.7", "test", request, response, null, null,
                "req-" + UUID.randomUUID(), 200);
    }

    private void write(AuditRecord record) {
        writer.write(record).join();
    }

    private SignedClient cloudTrail() {
        return root().withScope("us-east-1", "cloudtrail");
    }

    private Response lookup(SignedClient client, String body) {
        return client.send("POST", "/", "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Amz-Target", TARGET));
    }

    private Response lookup(String body) {
        return lookup(cloudTrail(), body);
    }

    private static String attribute(String key, String value) {
        return "{\"LookupAttributes\":[{\"AttributeKey\":\"" + key + "\",\"AttributeValue\":\"" + value + "\"}]";
    }

    private static List<String> names(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("Events").forEach(e -> out.add(e.path("EventName").asText()));
        return out;
    }

    private static void assertError(Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/x-amz-json-1.1");
        JsonNode body = r.json();
        assertThat(body.path("__type").asText()).isEqualTo(type);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(r.header("x-amzn-ErrorType")).isEqualTo(type);
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void anAsiaKeyFindsTheEventThatIssuedItAndEveryCallMadeWithIt() throws Exception {
        Response r = lookup(attribute("AccessKeyId", ASIA) + "}");
        assertThat(names(r)).containsExactly("ListUsers", "ListUsers", "ListUsers", "AssumeRole");
        assertThat(r.header("Content-Type")).startsWith("application/x-amz-json-1.1");
        assertThat(r.json().has("NextToken")).isFalse();
        JsonNode issuing = r.json().path("Events").get(3);
        assertThat(issuing.path("ReadOnly").asText()).isEqualTo("false");
        assertThat(issuing.path("AccessKeyId").asText()).isEqualTo(aliceKey);
        assertThat(issuing.path("EventSource").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(issuing.path("Username").asText()).isEqualTo("ct-alice");
        assertThat(issuing.path("EventTime").isNumber()).isTrue();
        assertThat(issuing.path("Resources").toString()).contains("AWS::IAM::Role", "AWS::IAM::AccessKey", ASIA);
        JsonNode record = JSON.readTree(issuing.path("CloudTrailEvent").asText());
        assertThat(record.path("eventVersion").asText()).isEqualTo("1.08");
        assertThat(record.path("userIdentity").path("arn").asText()).endsWith(":user/ct-alice");
        assertThat(record.path("requestParameters").path("roleSessionName").asText()).isEqualTo("ci-7");
        assertThat(record.path("responseElements").path("credentials").path("accessKeyId").asText()).isEqualTo(ASIA);
        assertThat(record.path("responseElements").path("credentials").path("sessionToken").asText())
                .isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
        JsonNode call = r.json().path("Events").get(0);
        assertThat(call.path("Username").asText()).isEqualTo("ci-7");
        assertThat(JSON.readTree(call.path("CloudTrailEvent").asText()).path("userIdentity").path("type").asText())
                .isEqualTo("AssumedRole");
    }

    @Test
    void eachLookupAttributeFilters() {
        assertThat(names(lookup(attribute("EventName", "AssumeRole") + "}"))).containsExactly("AssumeRole");
        assertThat(names(lookup(attribute("Username", "ci-7") + "}"))).containsExactly("ListUsers", "ListUsers",
                "ListUsers");
        assertThat(names(lookup(attribute("ResourceName", ASIA) + "}"))).containsExactly("AssumeRole");
        assertThat(names(lookup(attribute("ResourceType", "AWS::IAM::Role") + "}"))).containsExactly("AssumeRole");
        assertThat(names(lookup(attribute("EventSource", "sts.amazonaws.com") + "}"))).containsExactly("AssumeRole");
        assertThat(names(lookup(attribute("ReadOnly", "false") + ",\"MaxResults\":50}")))
                .isNotEmpty().doesNotContain("ListUsers", "TimeProbe");
        Response all = lookup(attribute("EventName", "TimeProbe") + "}");
        String id = all.json().path("Events").get(1).path("EventId").asText();
        Response byId = lookup(attribute("EventId", id) + "}");
        assertThat(names(byId)).containsExactly("TimeProbe");
        assertThat(byId.json().path("Events").get(0).path("EventId").asText()).isEqualTo(id);
        assertThat(names(lookup("{}"))).isNotEmpty();
        assertThat(names(lookup(""))).isNotEmpty();
    }

    @Test
    void theTimeRangeIsInclusiveAtBothEndsInEpochSeconds() {
        long start = OLD.getEpochSecond();
        String probe = attribute("EventName", "TimeProbe");
        assertThat(names(lookup(probe + ",\"StartTime\":" + start + ",\"EndTime\":" + (start + 1) + "}")))
                .hasSize(2);
        assertThat(names(lookup(probe + ",\"StartTime\":" + (start + 1) + "}"))).hasSize(2);
        assertThat(names(lookup(probe + ",\"StartTime\":" + (start + 2.5) + "}"))).hasSize(1);
        assertThat(names(lookup(probe + ",\"StartTime\":" + (start + 2.501) + "}"))).isEmpty();
        assertThat(names(lookup(probe + ",\"EndTime\":" + (start - 1) + "}"))).isEmpty();
        assertThat(names(lookup(probe + ",\"StartTime\":" + start + ",\"EndTime\":" + start + "}"))).hasSize(1);
    }

    @Test
    void pagesWalkBackWithNextTokenAndMaxResults() {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Response page = lookup(attribute("AccessKeyId", ASIA) + ",\"MaxResults\":3"
                    + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("Events").size()).isLessThanOrEqualTo(3);
            page.json().path("Events").forEach(e -> ids.add(e.path("EventId").asText()));
            token = page.json().hasNonNull("NextToken") ? page.json().path("NextToken").asText() : null;
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(2);
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void cloudTrailsExceptionsComeAsJsonErrors() {
        assertError(lookup("{\"LookupAttributes\":[{\"AttributeKey\":\"EventName\",\"AttributeValue\":\"A\"},"
                + "{\"AttributeKey\":\"Username\",\"AttributeValue\":\"b\"}]}"), 400, "InvalidLookupAttributesException");
        assertError(lookup(attribute("Colour", "red") + "}"), 400, "InvalidLookupAttributesException");
        assertError(lookup(attribute("ReadOnly", "maybe") + "}"), 400, "InvalidLookupAttributesException");
        assertError(lookup(attribute("Username", "") + "}"), 400, "InvalidLookupAttributesException");
        assertError(lookup("{\"StartTime\":1700000001,\"EndTime\":1700000000}"), 400, "InvalidTimeRangeException");
        assertError(lookup("{\"MaxResults\":0}"), 400, "InvalidMaxResultsException");
        assertError(lookup("{\"MaxResults\":51}"), 400, "InvalidMaxResultsException");
        assertError(lookup("{\"NextToken\":\"not-a-token\"}"), 400, "InvalidNextTokenException");
        assertError(lookup("{\"EventCategory\":\"management\"}"), 400, "InvalidEventCategoryException");
        assertThat(names(lookup("{\"EventCategory\":\"insight\"}"))).isEmpty();
        assertError(lookup("{\"MaxResults\":"), 400, "SerializationException");
        assertError(lookup("[1]"), 400, "SerializationException");
        assertError(lookup("{\"StartTime\":\"yesterday\"}"), 400, "SerializationException");
        assertError(cloudTrail().send("POST", "/", "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.CreateTrail")),
                400, "UnknownOperationException");
        assertError(cloudTrail().send("POST", "/", "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of()), 400, "UnknownOperationException");
    }

    @Test
    void authenticationAndAuthorisationErrorsAreJsonToo() {
        SignedClient wrongSecret = SignedClient.of(baseUri(), aliceKey, aliceSecret.substring(1) + "x")
                .withScope("us-east-1", "cloudtrail");
        assertError(lookup(wrongSecret, "{}"), 403, "SignatureDoesNotMatch");
        SignedClient unknownKey = SignedClient.of(baseUri(), "AKIAQYLPMN5HUNKNOWN2", aliceSecret)
                .withScope("us-east-1", "cloudtrail");
        assertError(lookup(unknownKey, "{}"), 403, "InvalidClientTokenId");
        assertError(anonymous().send("POST", "/", "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Amz-Target", TARGET)), 403, "MissingAuthenticationToken");
        Response denied = lookup(as(aliceKey, aliceSecret).withScope("us-east-1", "cloudtrail"), "{}");
        assertError(denied, 403, "AccessDeniedException");
        assertThat(denied.json().path("message").asText()).contains("cloudtrail:LookupEvents");

        // the refused request is in the trail under the operation its target names
        String requestId = lookup(wrongSecret, "{}").header("x-amzn-RequestId");
        List<JsonNode> events = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<JsonNode> out = new ArrayList<>();
                    root().get("/v1/audit-events?eventName=LookupEvents&accessKeyId=" + aliceKey).json()
                            .path("events").forEach(out::add);
                    return out;
                }, out -> out.stream().anyMatch(e -> requestId.equals(e.path("requestId").asText())));
        JsonNode refused = events.stream().filter(e -> requestId.equals(e.path("requestId").asText())).findFirst()
                .orElseThrow();
        assertThat(refused.path("eventSource").asText()).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(refused.path("errorCode").asText()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void theQueryFaceDoesNotServeLookupEvents() {
        Response form = root().send("POST", "/", "application/x-www-form-urlencoded",
                "Action=LookupEvents&Version=2013-11-01".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.body()).contains("<Code>InvalidAction</Code>");
    }
}
