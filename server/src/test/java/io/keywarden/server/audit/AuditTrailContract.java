package io.keywarden.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.model.AuditEvent;
import io.keywarden.sdk.model.AuditVerification;
import io.keywarden.sdk.model.LookupAuditEventsRequest;
import io.keywarden.sdk.model.Page;
import io.keywarden.server.support.AuditTampering;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail through the server, on each database: an event for every call, allowed, denied or refused by
 * authentication, with the right principal, action and error; never a secret; look-ups filtered and paginated;
 * administrators only; and a changed row detected by the verifier at exactly that event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AuditTrailContract {
    private static final String ACCOUNT = "111122223333";
    private TestDatabase database;
    private EmbeddedServer server;
    private String userKeyId;
    private String userSecret;

    protected abstract TestDatabase newDatabase();

    @BeforeAll
    void start() throws Exception {
        database = newDatabase();
        Map<String, Object> props = new HashMap<>(database.properties());
        props.put("keywarden.data-dir", Files.createTempDirectory("keywarden-audit-").toString());
        props.put("keywarden.account-id", ACCOUNT);
        props.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        server = ApplicationContext.run(EmbeddedServer.class, props);
        assertThat(root().post("/v1/users", "{\"userName\":\"auditee\"}").status()).isEqualTo(201);
        Response key = root().post("/v1/users/auditee/access-keys", null);
        userKeyId = key.json().path("accessKeyId").asText();
        userSecret = key.json().path("secretAccessKey").asText();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (database != null) {
            database.close();
        }
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getPort() + "/");
    }

    private SignedClient root() {
        return SignedClient.of(uri(), ServerTestSupport.ROOT_ACCESS_KEY_ID, ServerTestSupport.ROOT_SECRET);
    }

    private SignedClient auditee() {
        return SignedClient.of(uri(), userKeyId, userSecret);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The events matching the query, as they are now. */
    private List<JsonNode> events(String query) {
        Response r = root().get("/v1/audit-events?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("events").forEach(out::add);
        return out;
    }

    /**
     * The events matching the query, once one matches {@code until}: reads are recorded without waiting for the
     * commit, so this waits up to 5 s.
     */
    private List<JsonNode> events(String query, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> events(query), out -> out.stream().anyMatch(until));
    }

    private JsonNode eventOf(Response response, String eventName) throws InterruptedException {
        String requestId = response.header("x-amzn-RequestId");
        List<JsonNode> found = events("eventName=" + q(eventName), e -> requestId.equals(e.path("requestId").asText()));
        return found.stream().filter(e -> requestId.equals(e.path("requestId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + eventName + " event for request " + requestId));
    }

    @Test
    @Order(1)
    void allowedChangeIsRecordedWithPrincipalParametersAndResponseButNoSecret() throws Exception {
        Response created = root().post("/v1/users/auditee/access-keys", null);
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().path("secretAccessKey").asText();
        JsonNode e = eventOf(created, "CreateAccessKey");
        assertThat(e.path("eventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(e.path("readOnly").asBoolean()).isFalse();
        assertThat(e.path("principalType").asText()).isEqualTo("Root");
        assertThat(e.path("principalArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(e.path("accessKeyId").asText()).isEqualTo(ServerTestSupport.ROOT_ACCESS_KEY_ID);
        assertThat(e.path("sourceIpAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(e.path("httpStatus").asInt()).isEqualTo(201);
        assertThat(e.has("errorCode")).isFalse();
        assertThat(e.path("requestParameters").asText()).isEqualTo("{\"userName\":\"auditee\"}");
        JsonNode response = SignedClient.Response.class.isInstance(created) ? parse(e.path("responseElements").asText())
                : null;
        // the typed result, in the same shape whichever face answered
        assertThat(response.path("accessKey").path("accessKeyId").asText())
                .isEqualTo(created.json().path("accessKeyId").asText());
        assertThat(response.path("accessKey").path("secretAccessKey").asText())
                .isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
        assertThat(e.path("hash").asText()).matches("[0-9a-f]{64}");

        // nowhere in the trail: the secret, the Authorization header, a signature
        Response all = root().get("/v1/audit-events?maxItems=1000");
        assertThat(all.body()).doesNotContain(secret, userSecret, ServerTestSupport.ROOT_SECRET, "AWS4-HMAC-SHA256",
                "Signature=");
        assertThat(root().delete("/v1/users/auditee/access-keys/" + created.json().path("accessKeyId").asText())
                .status()).isEqualTo(204);
    }

    @Test
    @Order(2)
    void deniedCallIsRecordedWithTheUserAndTheReason() throws Exception {
        Response denied = auditee().get("/v1/users");
        assertThat(denied.status()).isEqualTo(403);
        JsonNode e = eventOf(denied, "ListUsers");
        assertThat(e.path("principalType").asText()).isEqualTo("IAMUser");
        assertThat(e.path("principalArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/auditee");
        assertThat(e.path("userName").asText()).isEqualTo("auditee");
        assertThat(e.path("accessKeyId").asText()).isEqualTo(userKeyId);
        assertThat(e.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(e.path("errorMessage").asText()).contains("is not authorized to perform: iam:ListUsers");
        assertThat(e.path("httpStatus").asInt()).isEqualTo(403);

        Response deniedChange = auditee().delete("/v1/users/auditee");
        JsonNode change = eventOf(deniedChange, "DeleteUser");
        assertThat(change.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(change.path("readOnly").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void callsRefusedByAuthenticationAreRecordedWithTheClaimedKeyAndTheReason() throws Exception {
        Response badSignature = SignedClient.of(uri(), userKeyId, "x".repeat(40)).get("/v1/caller-identity");
        assertThat(badSignature.code()).isEqualTo("SignatureDoesNotMatch");
        JsonNode e = eventOf(badSignature, "GetCallerIdentity");
        assertThat(e.path("principalType").asText()).isEqualTo("Unknown");
        assertThat(e.has("principalArn")).isFalse();
        assertThat(e.path("accessKeyId").asText()).isEqualTo(userKeyId);
        assertThat(e.path("errorCode").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.path("eventSource").asText()).isEqualTo("sts.amazonaws.com");

        Response unknownKey = SignedClient.of(uri(), "AKIAQYLPMN5HHHFPZZZZ", "x".repeat(40)).post("/v1/users",
                "{\"userName\":\"mallory\"}");
        JsonNode unknown = eventOf(unknownKey, "CreateUser");
        assertThat(unknown.path("errorCode").asText()).isEqualTo("InvalidClientTokenId");
        assertThat(unknown.path("accessKeyId").asText()).isEqualTo("AKIAQYLPMN5HHHFPZZZZ");
        // a refused request's parameters are nobody's word: its event is small and says only who claimed what
        assertThat(unknown.has("requestParameters")).isFalse();

        Response anonymous = SignedClient.anonymous(uri()).get("/v1/users");
        JsonNode anon = eventOf(anonymous, "ListUsers");
        assertThat(anon.path("errorCode").asText()).isEqualTo("MissingAuthenticationToken");
        assertThat(anon.has("accessKeyId")).isFalse();

        Response prometheus = SignedClient.anonymous(uri()).get("/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("keywarden_auth_failures_total{reason=\"SignatureDoesNotMatch\"}")
                .contains("keywarden_auth_failures_total{reason=\"InvalidClientTokenId\"}")
                .contains("keywarden_requests_seconds_count{operation=\"CreateAccessKey\",outcome=\"Success\"}")
                .contains("keywarden_requests_seconds_count{operation=\"ListUsers\",outcome=\"AccessDenied\"}")
                .contains("cache_gets_total{cache=\"credentials\"")
                .contains("keywarden_last_used_flush_lag_seconds")
                .contains("keywarden_audit_queue");
    }

    @Test
    @Order(3)
    void queryFaceCallsAreRecordedWithTheirActionParametersAndErrors() throws Exception {
        Response user = root().send("POST", "/", "application/x-www-form-urlencoded",
                "Action=CreateUser&Version=2010-05-08&UserName=query-user".getBytes(StandardCharsets.UTF_8));
        assertThat(user.status()).as(user.body()).isEqualTo(200);
        JsonNode created = eventOf(user, "CreateUser");
        assertThat(created.path("requestParameters").asText()).isEqualTo("{\"userName\":\"query-user\"}");
        assertThat(created.path("principalType").asText()).isEqualTo("Root");

        Response key = root().send("POST", "/", "application/x-www-form-urlencoded",
                "Action=CreateAccessKey&Version=2010-05-08&UserName=query-user".getBytes(StandardCharsets.UTF_8));
        assertThat(key.status()).isEqualTo(200);
        JsonNode createdKey = eventOf(key, "CreateAccessKey");
        JsonNode elements = parse(createdKey.path("responseElements").asText());
        assertThat(elements.path("accessKey").path("userName").asText()).isEqualTo("query-user");
        assertThat(elements.path("accessKey").path("accessKeyId").asText()).startsWith("AKIA");
        assertThat(elements.path("accessKey").path("secretAccessKey").asText())
                .isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
        assertThat(key.body()).contains("<SecretAccessKey>");

        Response denied = auditee().send("POST", "/", "application/x-www-form-urlencoded",
                "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
        assertThat(denied.status()).isEqualTo(403);
        JsonNode deniedEvent = eventOf(denied, "ListUsers");
        assertThat(deniedEvent.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(deniedEvent.path("errorMessage").asText()).contains("iam:ListUsers");
        assertThat(deniedEvent.path("principalArn").asText()).endsWith(":user/auditee");

        Response sts = SignedClient.of(uri(), userKeyId, "y".repeat(40)).withScope("us-east-1", "sts")
                .get("/?Action=GetCallerIdentity&Version=2011-06-15");
        JsonNode refused = eventOf(sts, "GetCallerIdentity");
        assertThat(refused.path("errorCode").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refused.path("eventSource").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(refused.has("requestParameters")).isFalse();
    }

    @Test
    @Order(4)
    void lookupFiltersByKeyUserNameAndTimeAndPages() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            auditee().get("/v1/caller-identity");
        }
        String byKeyQuery = "accessKeyId=" + userKeyId + "&eventName=GetCallerIdentity&from=" + before;
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> events(byKeyQuery).size() >= 5);
        List<JsonNode> byKey = events(byKeyQuery, e -> true);
        assertThat(byKey).hasSizeGreaterThanOrEqualTo(5).allSatisfy(e -> {
            assertThat(e.path("accessKeyId").asText()).isEqualTo(userKeyId);
            assertThat(e.path("eventName").asText()).isEqualTo("GetCallerIdentity");
        });
        assertThat(byKey).extracting(e -> e.path("seq").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(events("userName=auditee&maxItems=1000", e -> true))
                .allSatisfy(e -> assertThat(e.path("userName").asText()).isEqualTo("auditee"));
        assertThat(events("from=" + q(Instant.now().plusSeconds(3600).toString()))).isEmpty();
        assertThat(events("to=" + q(before.minusSeconds(3600).toString()))).isEmpty();

        // pages of 2 walk back through every event exactly once
        List<Long> seqs = new ArrayList<>();
        String marker = null;
        do {
            Response page = root().get("/v1/audit-events?eventName=GetCallerIdentity&maxItems=2"
                    + (marker == null ? "" : "&marker=" + q(marker)));
            page.json().path("events").forEach(e -> seqs.add(e.path("seq").asLong()));
            marker = page.json().path("isTruncated").asBoolean() ? page.json().path("marker").asText() : null;
        } while (marker != null);
        assertThat(seqs).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(root().get("/v1/audit-events?from=yesterday").code()).isEqualTo("ValidationError");
    }

    @Test
    @Order(5)
    void onlyAdministratorsMayReadOrVerifyTheTrail() {
        assertThat(auditee().get("/v1/audit-events").code()).isEqualTo("AccessDenied");
        assertThat(auditee().get("/v1/audit-events").body()).contains("cloudtrail:LookupEvents");
        assertThat(auditee().get("/v1/audit-events/verify").code()).isEqualTo("AccessDenied");
    }

    @Test
    @Order(6)
    void healthReportsTheDatabase() {
        Response health = SignedClient.anonymous(uri()).get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("details").path("jdbc").path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("details").path("keywarden").path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(7)
    void sdkLooksUpPagesAndVerifies() {
        try (KeywardenClient client = KeywardenClient.builder().endpoint(uri()).region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(ServerTestSupport.ROOT_ACCESS_KEY_ID,
                        ServerTestSupport.ROOT_SECRET)).build();
             KeywardenClient user = KeywardenClient.builder().endpoint(uri()).region("us-east-1")
                     .credentialsProvider(StaticCredentialsProvider.create(userKeyId, userSecret)).build()) {
            Page<AuditEvent> page = client.lookupAuditEvents(LookupAuditEventsRequest.builder()
                    .eventName("CreateAccessKey").maxItems(1).build());
            assertThat(page.items()).singleElement().satisfies(e -> {
                assertThat(e.eventName()).isEqualTo("CreateAccessKey");
                assertThat(e.principalType()).isEqualTo("Root");
                assertThat(e.hash()).hasSize(64);
            });
            List<AuditEvent> all = new ArrayList<>();
            client.lookupAllAuditEvents(LookupAuditEventsRequest.builder().userName("auditee").maxItems(3).build())
                    .forEach(all::add);
            assertThat(all).isNotEmpty().allSatisfy(e -> assertThat(e.userName()).isEqualTo("auditee"));
            assertThat(all).extracting(AuditEvent::seq).doesNotHaveDuplicates();
            AuditVerification v = client.verifyAuditTrail();
            assertThat(v.intact()).as(v.toString()).isTrue();
            assertThat(v.firstBrokenSeq()).isEmpty();
            assertThatThrownBy(() -> user.lookupAuditEvents(LookupAuditEventsRequest.all()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @Order(8)
    void aKeyIdFindsTheEventThatIssuedTheKeyAndEveryCallMadeWithIt() throws Exception {
        Response created = root().post("/v1/users/auditee/access-keys", null);
        assertThat(created.status()).isEqualTo(201);
        String issued = created.json().path("accessKeyId").asText();
        String secret = created.json().path("secretAccessKey").asText();
        assertThat(SignedClient.of(uri(), issued, secret).get("/v1/caller-identity").status()).isEqualTo(200);

        List<JsonNode> byKey = events("accessKeyId=" + issued, e -> e.path("eventName").asText()
                .equals("GetCallerIdentity"));
        assertThat(byKey).extracting(e -> e.path("eventName").asText())
                .containsExactly("GetCallerIdentity", "CreateAccessKey");
        JsonNode issuing = byKey.get(1);
        assertThat(issuing.path("accessKeyId").asText()).isEqualTo(ServerTestSupport.ROOT_ACCESS_KEY_ID);
        assertThat(parse(issuing.path("responseElements").asText()).path("accessKey").path("accessKeyId").asText())
                .isEqualTo(issued);
        assertThat(issuing.path("responseElements").asText()).doesNotContain(secret);

        // the same through CloudTrail's face
        Response json = root().withScope("us-east-1", "cloudtrail").send("POST", "/",
                "application/x-amz-json-1.1", ("{\"LookupAttributes\":[{\"AttributeKey\":\"AccessKeyId\","
                        + "\"AttributeValue\":\"" + issued + "\"}]}").getBytes(StandardCharsets.UTF_8),
                Map.of("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"));
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json.json().path("Events").forEach(e -> names.add(e.path("EventName").asText()));
        assertThat(names).containsExactly("GetCallerIdentity", "CreateAccessKey");

        // by resource name (the user the key was made for) and by read-only
        assertThat(events("resourceName=auditee&eventName=CreateAccessKey"))
                .anySatisfy(e -> assertThat(e.path("requestId").asText())
                        .isEqualTo(created.header("x-amzn-RequestId")));
        assertThat(events("resourceName=" + issued)).extracting(e -> e.path("eventName").asText())
                .containsExactly("CreateAccessKey");
        assertThat(events("resourceName=nobody-at-all")).isEmpty();
        assertThat(events("readOnly=false&maxItems=1000")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("readOnly").asBoolean()).isFalse());
        assertThat(events("readOnly=true&maxItems=1000")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("readOnly").asBoolean()).isTrue());
        assertThat(root().get("/v1/audit-events?readOnly=maybe").code()).isEqualTo("ValidationError");
        assertThat(events("userName=root&eventName=CreateAccessKey")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("principalType").asText()).isEqualTo("Root"));
    }

    @Test
    @Order(10)
    void changedEventIsDetectedByTheVerifierAtExactlyThatEvent() throws Exception {
        Response intact = root().get("/v1/audit-events/verify");
        assertThat(intact.json().path("intact").asBoolean()).as(intact.body()).isTrue();
        assertThat(intact.json().path("eventsChecked").asLong()).isGreaterThan(10);

        // turn a denial into a success, as someone covering their tracks would
        Response denied = auditee().get("/v1/users");
        long seq = eventOf(denied, "ListUsers").path("seq").asLong();
        try (Connection c = database.connect()) {
            AuditTampering.change(c, ACCOUNT, seq, AuditTampering::asSuccess);
        }
        Response broken = root().get("/v1/audit-events/verify");
        assertThat(broken.json().path("intact").asBoolean()).as(broken.body()).isFalse();
        assertThat(broken.json().path("firstBrokenSeq").asLong()).isEqualTo(seq);
        assertThat(broken.json().path("eventsChecked").asLong()).isEqualTo(seq - 1);
        assertThat(broken.json().path("reason").asText()).contains("event " + seq).contains("changed");
    }

    private static JsonNode parse(String json) {
        return io.keywarden.core.audit.EventJson.parse(json);
    }
}
