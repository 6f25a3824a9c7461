package io.keywarden.sdk;

import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.ThrottlingException;
import io.keywarden.sdk.exception.ValidationException;
import io.keywarden.sdk.testing.Fixtures;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.keywarden.sdk.testing.Fixtures.USER_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTest {
    private static final String CREATED = "{\"accessKeyId\":\"AKIAQ2KWSD3J5NEWKEY1\",\"secretAccessKey\":\"s\","
            + "\"status\":\"Active\",\"createDate\":\"2026-12-01T10:15:30Z\",\"userName\":\"alice\"}";
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofMillis(350);

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        client = clientFor(stub.uri(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private KeywardenClient clientFor(URI endpoint, Clock clock) {
        return KeywardenClient.builder().endpoint(endpoint).region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(Fixtures.CREDENTIALS))
                .maxRetries(3).retryBackoff(BASE, MAX).clock(clock)
                .sleeper(sleeps::add).random(new SplittableRandom(7)).build();
    }

    @Test
    void serviceUnavailableIsRetriedWithGrowingBackoffUntilItSucceeds() {
        stub.enqueue(Answer.error(503, "ServiceUnavailable", "busy", "r1"),
                Answer.error(503, "ServiceUnavailable", "busy", "r2"),
                Answer.ok(USER_JSON));

        assertThat(client.getUser("alice").userName()).isEqualTo("alice");

        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void throttlingIsRetried() {
        stub.enqueue(Answer.error(400, "Throttling", "Rate exceeded", "r1"), Answer.ok(USER_JSON));

        client.getUser("alice");

        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetriedEvenForPost() {
        stub.enqueue(Answer.json(429, "{}"), Answer.json(201, CREATED));

        client.createAccessKey("alice");

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aValidationErrorIsNotRetried() {
        stub.enqueue(Answer.error(400, "ValidationError", "bad name", "r1"), Answer.ok(USER_JSON));

        assertThatThrownBy(() -> client.getUser("alice")).isInstanceOf(ValidationException.class);

        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void accessDeniedIsNotRetried() {
        stub.enqueue(Answer.error(403, "AccessDenied", "no", "r1"), Answer.ok(USER_JSON));

        assertThatThrownBy(() -> client.getUser("alice")).isInstanceOf(AccessDeniedException.class);

        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anInternalErrorIsRetriedForAGet() {
        stub.enqueue(Answer.error(500, "InternalFailure", "oops", "r1"), Answer.ok(USER_JSON));

        client.getUser("alice");

        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void anInternalErrorIsNotRetriedForACreatingPost() {
        stub.enqueue(Answer.error(500, "InternalFailure", "oops", "r1"), Answer.json(201, CREATED));

        assertThatThrownBy(() -> client.createAccessKey("alice"))
                .isInstanceOfSatisfying(KeywardenServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));

        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void serviceUnavailableIsRetriedForACreatingPost() {
        stub.enqueue(Answer.error(503, "ServiceUnavailable", "busy", "r1"), Answer.json(201, CREATED));

        assertThat(client.createAccessKey("alice").accessKeyId()).isEqualTo("AKIAQ2KWSD3J5NEWKEY1");

        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
    }

    @Test
    void afterMaxRetriesTheLastErrorIsThrownAndBackoffStopsAtItsMaximum() {
        stub.otherwise(r -> Answer.error(400, "Throttling", "Rate exceeded", "r" + r.receivedAtNanos()));

        assertThatThrownBy(() -> client.deleteUser("alice")).isInstanceOf(ThrottlingException.class);

        assertThat(stub.requests()).hasSize(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(2)).isBetween(MAX.dividedBy(2), MAX);
    }

    @Test
    void everyAttemptIsSignedAfreshWithTheTimeOfThatAttempt() {
        Clock ticking = new Clock() {
            private Instant next = Instant.parse("2026-12-01T10:00:00Z");

            @Override
            public synchronized Instant instant() {
                Instant now = next;
                next = next.plusSeconds(5);
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        try (KeywardenClient ticked = clientFor(stub.uri(), ticking)) {
            stub.enqueue(Answer.error(503, "ServiceUnavailable", "busy", "r1"), Answer.ok(USER_JSON));
            ticked.getUser("alice");
        }

        assertThat(stub.requests()).extracting(r -> SignatureCheck.verify(r, Fixtures.CREDENTIALS).time())
                .containsExactly(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:05Z"));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsAClientException() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (KeywardenClient nowhere = clientFor(URI.create("http://127.0.0.1:" + freePort), Clock.systemUTC())) {
            assertThatThrownBy(() -> nowhere.createAccessKey("alice"))
                    .isInstanceOf(KeywardenClientException.class)
                    .hasMessageContaining("could not connect to http://127.0.0.1:" + freePort);
        }
        assertThat(sleeps).hasSize(3);
    }
}
