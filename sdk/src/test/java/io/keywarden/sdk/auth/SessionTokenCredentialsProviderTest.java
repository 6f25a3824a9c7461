package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.testing.MutableClock;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static io.keywarden.sdk.testing.Fixtures.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GetSessionToken sessions, cached and renewed by the same rules as role sessions. */
class SessionTokenCredentialsProviderTest {
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean failing;
    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start().otherwise(this::answer);
        client = KeywardenClient.builder().endpoint(stub.uri())
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private Answer answer(Recorded request) {
        if (failing) {
            return Answer.error(403, "AccessDenied", "Cannot call GetSessionToken with session credentials", "r");
        }
        String keyId = String.format("ASIAQ2KWSD3J5SES%04d", issued.incrementAndGet());
        Instant expiration = clock.instant().plus(Duration.ofHours(2));
        return Answer.ok("{\"credentials\":{\"accessKeyId\":\"" + keyId + "\",\"secretAccessKey\":"
                + "\"tempSecretKeyOfFortyCharactersXXXXXXXXXX\",\"sessionToken\":\"token-" + keyId + "\","
                + "\"expiration\":\"" + expiration + "\"}}");
    }

    @Test
    void getsASessionOnceAndRenewsItBeforeExpiry() {
        try (SessionTokenCredentialsProvider provider = SessionTokenCredentialsProvider.builder().client(client)
                .duration(Duration.ofHours(2)).clock(clock).build()) {
            SigningCredentials first = provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(109));
            assertThat(provider.resolveCredentials()).isEqualTo(first);
            clock.advance(Duration.ofMinutes(1)); // 10 minutes before expiry

            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5SES0002");
            assertThat(first.sessionToken()).isEqualTo("token-ASIAQ2KWSD3J5SES0001");
            assertThat(stub.requests()).hasSize(2).allSatisfy(r -> {
                assertThat(r.rawPath()).isEqualTo("/v1/sts/session-token");
                assertThat(r.bodyText()).isEqualTo("{\"durationSeconds\":7200}");
                assertThat(SignatureCheck.verify(r, CREDENTIALS).service()).isEqualTo("sts");
            });
            assertThat(provider.duration()).contains(Duration.ofHours(2));
        }
    }

    @Test
    void aRefusedRefreshKeepsServingValidCredentialsAndFailsOnceTheyAreStale() {
        try (SessionTokenCredentialsProvider provider = SessionTokenCredentialsProvider.builder().client(client)
                .clock(clock).build()) {
            SigningCredentials first = provider.resolveCredentials();
            failing = true;
            clock.advance(Duration.ofMinutes(112));
            assertThat(provider.resolveCredentials()).isEqualTo(first);
            clock.advance(Duration.ofMinutes(3)); // 5 minutes before expiry: stale
            assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("GetSessionToken").hasMessageContaining("AccessDenied");
        }
    }

    @Test
    void needsAClientOrSourceCredentialsWithAnEndpoint() {
        assertThatThrownBy(() -> SessionTokenCredentialsProvider.builder().build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SessionTokenCredentialsProvider.builder().client(client)
                .duration(Duration.ofMinutes(4)).build()).isInstanceOf(IllegalArgumentException.class);
        try (SessionTokenCredentialsProvider own = SessionTokenCredentialsProvider.builder()
                .sourceCredentials(StaticCredentialsProvider.create(CREDENTIALS)).endpoint(stub.uri()).clock(clock)
                .build()) {
            assertThat(own.resolveCredentials().accessKeyId()).isEqualTo("ASIAQ2KWSD3J5SES0001");
            assertThat(own.duration()).isEmpty();
        }
    }
}
