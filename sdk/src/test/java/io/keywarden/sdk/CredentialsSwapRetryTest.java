package io.keywarden.sdk;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.CredentialsProvider;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request refused with InvalidClientTokenId is retried once when the provider has other credentials by then. */
class CredentialsSwapRetryTest {
    private static final SigningCredentials OLD = SigningCredentials.of("AKIAQ2KWSD3J5OLDKEY1",
            "oldSecretoldSecretoldSecretoldSecret0000");
    private static final SigningCredentials NEW = SigningCredentials.of("AKIAQ2KWSD3J5NEWKEY2",
            "newSecretnewSecretnewSecretnewSecret0000");
    private static final String IDENTITY = "{\"account\":\"123456789012\",\"userId\":\"AIDAX\",\"arn\":\"a\"}";

    private StubServer stub;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        // the server refuses OLD (just deactivated) and accepts NEW
        stub.otherwise(r -> r.header("Authorization").orElse("").contains(OLD.accessKeyId())
                ? Answer.error(403, "InvalidClientTokenId", "The security token included in the request is invalid.",
                "r-old")
                : Answer.ok(IDENTITY));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private KeywardenClient client(CredentialsProvider provider) {
        return KeywardenClient.builder().endpoint(stub.uri()).credentialsProvider(provider).maxRetries(0).build();
    }

    @Test
    void aRequestSignedJustBeforeASwapIsRetriedWithTheNewCredentials() {
        MutableCredentialsProvider provider = MutableCredentialsProvider.create(OLD);
        AtomicInteger calls = new AtomicInteger();
        // the swap lands between signing the first attempt and reading its answer
        CredentialsProvider racing = () -> {
            SigningCredentials now = provider.resolveCredentials();
            if (calls.incrementAndGet() == 1) {
                provider.set(NEW);
            }
            return now;
        };
        try (KeywardenClient client = client(racing)) {
            assertThat(client.callerIdentity().account()).isEqualTo("123456789012");
        }
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).header("Authorization").orElseThrow()).contains(NEW.accessKeyId());
    }

    @Test
    void unchangedCredentialsAreNotRetried() {
        try (KeywardenClient client = client(MutableCredentialsProvider.create(OLD))) {
            assertThatThrownBy(client::callerIdentity).isInstanceOf(InvalidClientTokenIdException.class);
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theRetryHappensOnlyOnceEvenIfTheCredentialsKeepChanging() {
        AtomicInteger n = new AtomicInteger();
        CredentialsProvider alwaysNew = () -> SigningCredentials.of(OLD.accessKeyId(),
                OLD.secretAccessKey() + n.incrementAndGet());
        try (KeywardenClient client = client(alwaysNew)) {
            assertThatThrownBy(client::callerIdentity).isInstanceOf(InvalidClientTokenIdException.class);
        }
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aCreatingPostIsRetriedTooSinceARefusedRequestWasNotApplied() {
        MutableCredentialsProvider provider = MutableCredentialsProvider.create(OLD);
        AtomicInteger calls = new AtomicInteger();
        CredentialsProvider racing = () -> {
            SigningCredentials now = provider.resolveCredentials();
            if (calls.incrementAndGet() == 1) {
                provider.set(NEW);
            }
            return now;
        };
        stub.otherwise(r -> r.header("Authorization").orElse("").contains(OLD.accessKeyId())
                ? Answer.error(403, "InvalidClientTokenId", "invalid", "r-old")
                : Answer.json(201, "{\"accessKeyId\":\"AKIAQ2KWSD3J5CREATED\",\"secretAccessKey\":\"s\","
                + "\"status\":\"Active\",\"createDate\":\"2026-12-01T10:15:30Z\",\"userName\":\"alice\"}"));
        try (KeywardenClient client = client(racing)) {
            assertThat(client.createAccessKey("alice").accessKeyId()).isEqualTo("AKIAQ2KWSD3J5CREATED");
        }
        assertThat(stub.requests()).extracting(StubServer.Recorded::method).containsExactly("POST", "POST");
    }

    @Test
    void aDerivedClientKeepsTheSettingsButSignsWithItsOwnCredentials() {
        try (KeywardenClient client = KeywardenClient.builder().endpoint(stub.uri()).region("eu-west-1")
                .credentialsProvider(MutableCredentialsProvider.create(OLD)).maxRetries(0).build();
             KeywardenClient derived = client.withCredentialsProvider(MutableCredentialsProvider.create(NEW))) {
            assertThat(derived.region()).isEqualTo("eu-west-1");
            assertThat(derived.endpoint()).isEqualTo(client.endpoint());
            derived.callerIdentity();
            assertThat(stub.onlyRequest().header("Authorization").orElseThrow()).contains(NEW.accessKeyId())
                    .contains("/eu-west-1/sts/");
            assertThat(client.credentialsProvider().resolveCredentials()).isEqualTo(OLD);
        }
    }
}
