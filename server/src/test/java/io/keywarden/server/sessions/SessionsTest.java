package io.keywarden.server.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.config.CoreBeans;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Temporary credentials over real HTTP: GetSessionToken on both faces, authentication with the session token
 * (header and presigned), expiry on the server's (advanced) clock, forged and truncated tokens, the MFA rule and the
 * audit trail.
 */
@MicronautTest(transactional = false)
@Property(name = "keywarden.test.session-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsTest extends ServerTestSupport {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    /** The server's clock: the real time plus an offset the tests move. */
    static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    @Factory
    @Requires(property = "keywarden.test.session-clock", value = "true")
    static class MovableClock {
        @Singleton
        @Replaces(value = Clock.class, factory = CoreBeans.class)
        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.now().plus(OFFSET.get());
                }
            };
        }
    }

    /** Temporary credentials as an answer gives them. */
    record Creds(String accessKeyId, String secret, String token, String expiration) {
    }

    private String aliceKeyId;
    private String aliceSecret;
    private String aliceArn;

    @BeforeAll
    void createAlice() {
        SignedClient root = root();
        Response user = root.post("/v1/users", "{\"userName\":\"alice\",\"path\":\"/eng/\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        aliceArn = user.json().path("arn").asText();
        root.put("/v1/users/alice/policies/all", "{\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
                + "\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
        Response key = root.post("/v1/users/alice/access-keys", null);
        aliceKeyId = key.json().path("accessKeyId").asText();
        aliceSecret = key.json().path("secretAccessKey").asText();
    }

    @AfterEach
    void resetClock() {
        OFFSET.set(Duration.ZERO);
    }

    private SignedClient alice() {
        return as(aliceKeyId, aliceSecret);
    }

    private SignedClient with(Creds c) {
        return SignedClient.of(baseUri(), c.accessKeyId(), c.secret(), c.token());
    }

    private Creds restSessionToken(SignedClient client, String body) {
        Response r = client.withScope("us-east-1", "sts").post("/v1/sts/session-token", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode c = r.json().path("credentials");
        return new Creds(c.path("accessKeyId").asText(), c.path("secretAccessKey").asText(),
                c.path("sessionToken").asText(), c.path("expiration").asText());
    }

    private Response query(SignedClient client, String form) {
        return client.withScope("us-east-1", "sts").send("POST", "/", FORM, form.getBytes(StandardCharsets.UTF_8));
    }

    private static String xmlText(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        return m.find() ? m.group(1).replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&") : null;
    }

    @Test
    void restGetSessionTokenGivesAsiaCredentialsThatActAsTheUser() {
        Instant before = Instant.now();
        Creds c = restSessionToken(alice(), "{\"durationSeconds\":1800}");
        assertThat(c.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(c.secret()).hasSize(40);
        assertThat(c.token()).isNotBlank().matches("[A-Za-z0-9+/=]+");
        Instant expiration = Instant.parse(c.expiration());
        assertThat(expiration).isBetween(before.plusSeconds(1799), Instant.now().plusSeconds(1801));

        Response identity = with(c).withScope("us-east-1", "sts").get("/v1/caller-identity");
        assertThat(identity.status()).as(identity.toString()).isEqualTo(200);
        assertThat(identity.json().path("arn").asText()).isEqualTo(aliceArn);
        assertThat(identity.json().path("userId").asText()).startsWith("AIDA");

        // GetAccessKeyInfo answers for the ASIA key (with a long-term key: sessions may not call it)
        Response info = alice().withScope("us-east-1", "sts").send("POST", "/", FORM,
                ("Action=GetAccessKeyInfo&Version=2011-06-15&AccessKeyId=" + c.accessKeyId())
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        assertThat(xmlText(info.body(), "Account")).isEqualTo(identity.json().path("account").asText());
    }

    @Test
    void restDefaultsAndValidation() {
        Creds c = restSessionToken(alice(), "{}");
        assertThat(Duration.between(Instant.now(), Instant.parse(c.expiration())).toHours()).isBetween(11L, 12L);
        Response low = alice().withScope("us-east-1", "sts").post("/v1/sts/session-token", "{\"durationSeconds\":899}");
        assertThat(low.status()).isEqualTo(400);
        assertThat(low.code()).isEqualTo("ValidationError");
        assertThat(low.json().path("message").asText()).contains("greater than or equal to 900");
        Response text = alice().withScope("us-east-1", "sts").post("/v1/sts/session-token",
                "{\"durationSeconds\":\"900\"}");
        assertThat(text.status()).isEqualTo(400);
        Response unknown = alice().withScope("us-east-1", "sts").post("/v1/sts/session-token", "{\"serialNumber\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void queryGetSessionTokenAnswersAwsXmlAndRootIsCutToOneHour() {
        Response r = query(root(), "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=129600");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).contains("<GetSessionTokenResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">",
                "<GetSessionTokenResult><Credentials>");
        Creds c = new Creds(xmlText(r.body(), "AccessKeyId"), xmlText(r.body(), "SecretAccessKey"),
                xmlText(r.body(), "SessionToken"), xmlText(r.body(), "Expiration"));
        assertThat(c.accessKeyId()).startsWith("ASIA");
        assertThat(Duration.between(Instant.now(), Instant.parse(c.expiration())))
                .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));

        Response identity = query(with(c), "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(identity.status()).as(identity.toString()).isEqualTo(200);
        assertThat(xmlText(identity.body(), "Arn")).endsWith(":root");

        Response bad = query(root(), "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=100");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(xmlText(bad.body(), "Code")).isEqualTo("ValidationError");
        assertThat(xmlText(bad.body(), "Message")).isEqualTo("1 validation error detected: Value '100' at "
                + "'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");

        Response mfa = query(alice(), "Action=GetSessionToken&Version=2011-06-15&SerialNumber=arn:aws:iam::"
                + "123456789012:mfa/alice&TokenCode=123456");
        assertThat(mfa.status()).isEqualTo(403);
        assertThat(xmlText(mfa.body(), "Code")).isEqualTo("AccessDenied");
    }

    @Test
    void sessionCredentialsCannotGetAnotherSessionToken() {
        Creds c = restSessionToken(alice(), "{}");
        Response again = with(c).withScope("us-east-1", "sts").post("/v1/sts/session-token", "{}");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.code()).isEqualTo("AccessDenied");
        assertThat(again.json().path("message").asText()).isEqualTo("Cannot call GetSessionToken with session credentials");
    }

    @Test
    void iamCallsWithGetSessionTokenCredentialsAreDeniedButKeywardenOnesFollowThePolicies() {
        Creds c = restSessionToken(alice(), "{}");
        Response users = with(c).get("/v1/users");
        assertThat(users.status()).as(users.toString()).isEqualTo(403);
        assertThat(users.code()).isEqualTo("AccessDenied");
        Response iamQuery = query(with(c).withScope("us-east-1", "iam"), "Action=ListUsers&Version=2010-05-08");
        assertThat(iamQuery.status()).isEqualTo(403);
        assertThat(xmlText(iamQuery.body(), "Code")).isEqualTo("AccessDenied");
        // the same user's long-term key may (its policy allows everything)
        assertThat(alice().get("/v1/users").status()).isEqualTo(200);
        // Keywarden's own actions follow the user's policies
        Response events = with(c).get("/v1/audit-events?maxItems=1");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
    }

    @Test
    void expiredSessionsAreExpiredTokenOnTheServersClock() {
        Creds c = restSessionToken(alice(), "{\"durationSeconds\":900}");
        assertThat(with(c).withScope("us-east-1", "sts").get("/v1/caller-identity").status()).isEqualTo(200);

        OFFSET.set(Duration.ofMinutes(16));
        Instant serverNow = Instant.now().plus(OFFSET.get());
        Response expired = with(c).withScope("us-east-1", "sts").at(serverNow).get("/v1/caller-identity");
        assertThat(expired.status()).as(expired.toString()).isEqualTo(403);
        assertThat(expired.code()).isEqualTo("ExpiredToken");
        assertThat(expired.json().path("message").asText())
                .isEqualTo("The security token included in the request is expired");
        Response expiredQuery = query(with(c).at(serverNow), "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(expiredQuery.status()).isEqualTo(403);
        assertThat(xmlText(expiredQuery.body(), "Code")).isEqualTo("ExpiredToken");
        // the long-term key still works at that time
        assertThat(alice().withScope("us-east-1", "sts").at(serverNow).get("/v1/caller-identity").status())
                .isEqualTo(200);
    }

    @Test
    void forgedTruncatedAndMisplacedTokensAreInvalidClientTokenId() {
        Creds c = restSessionToken(alice(), "{}");
        Creds other = restSessionToken(alice(), "{}");
        byte[] raw = Base64.getDecoder().decode(c.token());
        raw[raw.length / 2] ^= 0x01;
        String flipped = Base64.getEncoder().encodeToString(raw);
        List<Creds> bad = new ArrayList<>(List.of(
                new Creds(c.accessKeyId(), c.secret(), flipped, null),
                new Creds(c.accessKeyId(), c.secret(), c.token().substring(0, c.token().length() / 2), null),
                new Creds(c.accessKeyId(), c.secret(), "not-a-token", null),
                new Creds(c.accessKeyId(), c.secret(), other.token(), null), // another session's token
                new Creds(other.accessKeyId(), c.secret(), c.token(), null),
                new Creds(aliceKeyId, aliceSecret, c.token(), null))); // a long-term key with a token
        for (Creds b : bad) {
            Response r = with(b).withScope("us-east-1", "sts").get("/v1/caller-identity");
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.code()).as(r.toString()).isEqualTo("InvalidClientTokenId");
            assertThat(r.json().path("message").asText())
                    .isEqualTo("The security token included in the request is invalid.");
        }
        // an ASIA key with no token at all
        Response noToken = as(c.accessKeyId(), c.secret()).withScope("us-east-1", "sts").get("/v1/caller-identity");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.code()).isEqualTo("InvalidClientTokenId");
        // the right token with a wrong secret: the signature does not match
        Response wrongSecret = with(new Creds(c.accessKeyId(), aliceSecret, c.token(), null))
                .withScope("us-east-1", "sts").get("/v1/caller-identity");
        assertThat(wrongSecret.status()).isEqualTo(403);
        assertThat(wrongSecret.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void aPresignedUrlWithASessionTokenAuthenticates() {
        Creds c = restSessionToken(alice(), "{}");
        URI url = with(c).withScope("us-east-1", "sts")
                .presignedGet("/?Action=GetCallerIdentity&Version=2011-06-15", Duration.ofMinutes(5));
        assertThat(url.getRawQuery()).contains("X-Amz-Security-Token=");
        Response r = SignedClient.getUri(url);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(xmlText(r.body(), "Arn")).isEqualTo(aliceArn);
    }

    @Test
    void theAuditTrailNamesTheIssuedKeyAndNeverItsSecretOrToken() {
        Creds c = restSessionToken(alice(), "{}");
        assertThat(with(c).withScope("us-east-1", "sts").get("/v1/caller-identity").status()).isEqualTo(200);

        List<JsonNode> issuing = await().atMost(Duration.ofSeconds(10)).until(() -> events(
                "eventName=GetSessionToken&accessKeyId=" + aliceKeyId), l -> !l.isEmpty());
        JsonNode event = issuing.stream().filter(e -> e.toString().contains(c.accessKeyId())).findFirst().orElseThrow();
        assertThat(event.toString()).doesNotContain(c.secret(), c.token());
        assertThat(event.path("principalArn").asText()).isEqualTo(aliceArn);
        assertThat(event.path("readOnly").asBoolean()).isFalse();
        assertThat(event.path("responseElements").toString()).contains(c.expiration().substring(0, 16));

        List<JsonNode> used = await().atMost(Duration.ofSeconds(10)).until(() -> events(
                "accessKeyId=" + c.accessKeyId()), l -> !l.isEmpty());
        assertThat(used.get(0).path("eventName").asText()).isEqualTo("GetCallerIdentity");
        assertThat(used.get(0).path("principalType").asText()).isEqualTo("IAMUser");
        assertThat(used.get(0).path("principalArn").asText()).isEqualTo(aliceArn);
    }

    @Test
    void temporaryKeysLeaveNoLastUsedRecord() throws Exception {
        Creds c = restSessionToken(alice(), "{}");
        assertThat(with(c).withScope("eu-west-1", "sts").get("/v1/caller-identity").status()).isEqualTo(200);
        Thread.sleep(300); // longer than the flush interval of the tests (100 ms)
        Response lastUsed = query(root().withScope("us-east-1", "iam"),
                "Action=GetAccessKeyLastUsed&Version=2010-05-08&AccessKeyId=" + c.accessKeyId());
        assertThat(lastUsed.status()).isEqualTo(403); // as for any key IAM does not know
    }

    private List<JsonNode> events(String query) {
        Response r = root().get("/v1/audit-events?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("events").forEach(out::add);
        return out;
    }
}
