package io.keywarden.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.signin.PasswordSignIn;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's sign-in and sign-out over real HTTP: a password (through a stand-in {@link PasswordSignIn} until
 * console passwords exist), an access key, one generic answer for every failure, throttling, the {@code ConsoleLogin}
 * events, IAM calls from a console session without MFA, and a signed-out session refused.
 */
@MicronautTest(transactional = false)
@Property(name = "keywarden.test.console-passwords", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSignInTest extends ServerTestSupport {
    static final String GENERIC = "Your authentication information is incorrect. Please try again.";
    static final String PASSWORD = "correct horse battery staple";

    /** alice's password is {@link #PASSWORD}; the user "slow" is throttled; everything else is refused. */
    @Factory
    @Requires(property = "keywarden.test.console-passwords", value = "true")
    static class StandInPasswords {
        @Singleton
        @io.micronaut.context.annotation.Primary
        PasswordSignIn passwords(UserStore users, io.keywarden.core.identity.Account owner) {
            return (account, userName, password, source) -> {
                if ("slow".equals(userName)) {
                    return new PasswordSignIn.Throttled(Duration.ofSeconds(30), "stand-in throttle");
                }
                if ("alice".equals(userName) && PASSWORD.equals(new String(password))) {
                    User alice = users.findByName(owner.id(), io.keywarden.core.identity.UserName.of("alice")).orElseThrow();
                    return new PasswordSignIn.SignedIn(Principal.user(alice), false);
                }
                return new PasswordSignIn.Refused("stand-in: wrong password for " + userName);
            };
        }
    }

    private String aliceKeyId;
    private String aliceSecret;
    private String aliceArn;
    private String account;

    @BeforeAll
    void createAlice() {
        SignedClient root = root();
        Response user = root.post("/v1/users", "{\"userName\":\"alice\"}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        aliceArn = user.json().path("arn").asText();
        account = aliceArn.split(":")[4];
        root.put("/v1/users/alice/policies/all", "{\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
                + "\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
        Response key = root.post("/v1/users/alice/access-keys", null);
        aliceKeyId = key.json().path("accessKeyId").asText();
        aliceSecret = key.json().path("secretAccessKey").asText();
    }

    private Response passwordSignIn(String user, String password) {
        return anonymous().post("/v1/console/sign-in", "{\"account\":\"" + account + "\",\"userName\":\"" + user
                + "\",\"password\":\"" + password + "\"}");
    }

    private SignedClient session(Response signedIn) {
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        JsonNode c = signedIn.json().path("credentials");
        return SignedClient.of(baseUri(), c.path("accessKeyId").asText(), c.path("secretAccessKey").asText(),
                c.path("sessionToken").asText());
    }

    private static Duration lifetime(Response signedIn) {
        return Duration.between(Instant.now(),
                Instant.parse(signedIn.json().path("credentials").path("expiration").asText()));
    }

    @Test
    void aPasswordSignsInToATwelveHourConsoleSessionThatMayCallIamWithoutMfa() {
        Response r = passwordSignIn("alice", PASSWORD);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("principal").path("arn").asText()).isEqualTo(aliceArn);
        assertThat(r.json().path("principal").path("userName").asText()).isEqualTo("alice");
        assertThat(r.json().path("principal").path("type").asText()).isEqualTo("IAMUser");
        assertThat(r.json().path("passwordResetRequired").asBoolean()).isFalse();
        assertThat(r.json().path("credentials").path("accessKeyId").asText()).startsWith("ASIA");
        assertThat(lifetime(r)).isBetween(Duration.ofHours(11), Duration.ofHours(12));

        SignedClient console = session(r);
        Response identity = console.get("/v1/caller-identity");
        assertThat(identity.status()).as(identity.toString()).isEqualTo(200);
        assertThat(identity.json().path("arn").asText()).isEqualTo(aliceArn);
        Response keys = console.get("/v1/users/alice/access-keys");
        assertThat(keys.status()).as("IAM without MFA: " + keys).isEqualTo(200);
        Response created = console.post("/v1/users", "{\"userName\":\"made-in-console\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void anAccessKeySignsInAsItsOwnerAndRootForOneHour() {
        Response alice = as(aliceKeyId, aliceSecret).post("/v1/console/sign-in", "{}");
        assertThat(alice.status()).as(alice.toString()).isEqualTo(200);
        assertThat(alice.json().path("principal").path("arn").asText()).isEqualTo(aliceArn);
        assertThat(lifetime(alice)).isBetween(Duration.ofHours(11), Duration.ofHours(12));

        Response root = root().post("/v1/console/sign-in", "{}");
        assertThat(root.status()).as(root.toString()).isEqualTo(200);
        assertThat(root.json().path("principal").path("type").asText()).isEqualTo("Root");
        assertThat(lifetime(root)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
        assertThat(session(root).get("/v1/users").status()).isEqualTo(200);
    }

    @Test
    void everyFailureGetsTheSameAnswer() {
        List<Response> failures = new ArrayList<>();
        failures.add(passwordSignIn("alice", "wrong"));
        failures.add(passwordSignIn("nobody", PASSWORD));
        failures.add(anonymous().post("/v1/console/sign-in", "{}"));
        failures.add(anonymous().post("/v1/console/sign-in", "{\"account\":\"\",\"userName\":\"alice\","
                + "\"password\":\"" + PASSWORD + "\"}"));
        failures.add(as(aliceKeyId, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzWRONGKEY00").post("/v1/console/sign-in", "{}"));
        failures.add(as("AKIAQYLPMN5HZZZZZZZZ", aliceSecret).post("/v1/console/sign-in", "{}"));
        failures.add(session(passwordSignIn("alice", PASSWORD)).post("/v1/console/sign-in", "{}"));
        for (Response f : failures) {
            assertThat(f.status()).as(f.toString()).isEqualTo(403);
            assertThat(f.code()).as(f.toString()).isEqualTo("AccessDenied");
            assertThat(f.json().path("message").asText()).as(f.toString()).isEqualTo(GENERIC);
        }
    }

    @Test
    void throttledAttemptsAre429WithRetryAfter() {
        Response r = passwordSignIn("slow", "anything");
        assertThat(r.status()).as(r.toString()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("30");
        assertThat(r.json().path("message").asText()).isEqualTo(GENERIC);
    }

    @Test
    void signingOutRevokesTheSession() {
        SignedClient console = session(passwordSignIn("alice", PASSWORD));
        assertThat(console.get("/v1/caller-identity").status()).isEqualTo(200);
        Response out = console.post("/v1/console/sign-out", "{}");
        assertThat(out.status()).as(out.toString()).isEqualTo(204);
        Response after = console.get("/v1/caller-identity");
        assertThat(after.status()).as(after.toString()).isEqualTo(403);
        assertThat(after.code()).isEqualTo("InvalidClientTokenId");
        assertThat(console.post("/v1/console/sign-out", "{}").status()).isEqualTo(403);

        SignedClient other = session(passwordSignIn("alice", PASSWORD));
        assertThat(other.get("/v1/caller-identity").status()).as("other sessions live on").isEqualTo(200);
    }

    @Test
    void onlyAConsoleSessionCanSignOut() {
        Response r = as(aliceKeyId, aliceSecret).post("/v1/console/sign-out", "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("AccessDenied");
        assertThat(anonymous().post("/v1/console/sign-out", "{}").status()).isEqualTo(403);
    }

    @Test
    void consoleLoginIsRecordedForSuccessAndFailureWithoutThePasswordOrTheReason() {
        passwordSignIn("alice", PASSWORD);
        passwordSignIn("alice", "hunter2-wrong");
        List<JsonNode> events = await().atMost(Duration.ofSeconds(10)).until(() -> events(
                "eventName=ConsoleLogin"), l -> l.stream().anyMatch(e -> e.toString().contains("Failure"))
                && l.stream().anyMatch(e -> e.toString().contains("Success")));
        for (JsonNode e : events) {
            assertThat(e.toString()).doesNotContain(PASSWORD).doesNotContain("hunter2").doesNotContain("stand-in");
            assertThat(e.path("eventSource").asText()).isEqualTo("signin.amazonaws.com");
        }
        JsonNode failure = events.stream().filter(e -> e.toString().contains("Failure")).findFirst().orElseThrow();
        assertThat(failure.path("errorMessage").asText()).isEqualTo("Failed authentication");
        JsonNode success = events.stream().filter(e -> e.toString().contains("Success")).findFirst().orElseThrow();
        assertThat(success.path("principalArn").asText()).isEqualTo(aliceArn);
    }

    /** The events of one request, by its x-amzn-RequestId, once the trail has them. */
    private List<JsonNode> eventsOf(Response r, String eventName) {
        String requestId = r.header("x-amzn-RequestId");
        assertThat(requestId).as(r.toString()).isNotBlank();
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> events("eventName=" + eventName)
                .stream().filter(e -> requestId.equals(e.path("requestId").asText())).toList(), l -> !l.isEmpty());
    }

    @Test
    void everySignInAndSignOutArrivesOnceInTheTrailThroughTheCatalogue() {
        Response ok = passwordSignIn("alice", PASSWORD);
        JsonNode success = eventsOf(ok, "ConsoleLogin").get(0);
        assertThat(eventsOf(ok, "ConsoleLogin")).hasSize(1);
        assertThat(success.path("eventSource").asText()).isEqualTo("signin.amazonaws.com");
        assertThat(success.path("responseElements").asText()).isEqualTo("{\"ConsoleLogin\":\"Success\"}");
        assertThat(success.path("principalType").asText()).isEqualTo("IAMUser");
        assertThat(success.path("userName").asText()).isEqualTo("alice");
        assertThat(success.path("accessKeyId").asText())
                .isEqualTo(ok.json().path("credentials").path("accessKeyId").asText());
        assertThat(success.path("requestParameters").isNull() || success.path("requestParameters").isMissingNode())
                .as(success.toString()).isTrue();
        assertThat(success.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(success.path("readOnly").asBoolean()).isFalse();

        Response wrong = passwordSignIn("alice", "hunter2-wrong");
        List<JsonNode> failures = eventsOf(wrong, "ConsoleLogin");
        assertThat(failures).hasSize(1);
        JsonNode failure = failures.get(0);
        assertThat(failure.path("responseElements").asText()).isEqualTo("{\"ConsoleLogin\":\"Failure\"}");
        assertThat(failure.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(failure.path("errorMessage").asText()).isEqualTo("Failed authentication");
        assertThat(failure.path("principalType").asText()).isEqualTo("Unknown");
        assertThat(failure.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(failure.toString()).doesNotContain("hunter2").doesNotContain("stand-in");

        Response throttled = passwordSignIn("slow", "anything");
        JsonNode slow = eventsOf(throttled, "ConsoleLogin").get(0);
        assertThat(slow.path("errorCode").asText()).isEqualTo("Throttling");
        assertThat(slow.path("httpStatus").asInt()).isEqualTo(429);

        Response badKey = as(aliceKeyId, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzWRONGKEY00").post("/v1/console/sign-in", "{}");
        JsonNode refusedKey = eventsOf(badKey, "ConsoleLogin").get(0);
        assertThat(refusedKey.path("errorMessage").asText()).isEqualTo("Failed authentication");
        assertThat(refusedKey.toString()).doesNotContain("Signature");

        SignedClient console = session(ok);
        Response out = console.post("/v1/console/sign-out", "{}");
        assertThat(out.status()).as(out.toString()).isEqualTo(204);
        JsonNode signedOut = eventsOf(out, "ConsoleSignOut").get(0);
        assertThat(eventsOf(out, "ConsoleSignOut")).hasSize(1);
        assertThat(signedOut.path("eventSource").asText()).isEqualTo("signin.amazonaws.com");
        assertThat(signedOut.path("principalArn").asText()).isEqualTo(aliceArn);
        assertThat(signedOut.path("accessKeyId").asText()).isEqualTo(success.path("accessKeyId").asText());
        assertThat(signedOut.path("httpStatus").asInt()).isEqualTo(204);

        Response notConsole = as(aliceKeyId, aliceSecret).post("/v1/console/sign-out", "{}");
        JsonNode refusedOut = eventsOf(notConsole, "ConsoleSignOut").get(0);
        assertThat(refusedOut.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(refusedOut.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(refusedOut.path("accessKeyId").asText()).isEqualTo(aliceKeyId);
    }

    private List<JsonNode> events(String query) {
        Response r = root().get("/v1/audit-events?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("events").forEach(out::add);
        return out;
    }
}
