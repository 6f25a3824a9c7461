package io.keywarden.sdk.testing;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stub-side check would catch a request that was not signed as sent. */
class SignatureCheckTest {
    private Recorded signed;

    @BeforeEach
    void recordOneSignedRequest() {
        try (StubServer stub = StubServer.start();
             KeywardenClient client = KeywardenClient.builder().endpoint(stub.uri())
                     .credentialsProvider(StaticCredentialsProvider.create(Fixtures.CREDENTIALS)).build()) {
            stub.enqueue(Answer.json(201, Fixtures.USER_JSON));
            client.createUser("alice", "/eng/");
            signed = stub.onlyRequest();
        }
    }

    @Test
    void theRequestAsSentVerifies() {
        assertThatCode(() -> SignatureCheck.verify(signed, Fixtures.CREDENTIALS)).doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyIsCaught() {
        Recorded tampered = new Recorded(signed.method(), signed.rawPath(), signed.rawQuery(), signed.headers(),
                "{\"userName\":\"mallory\"}".getBytes(StandardCharsets.UTF_8), signed.receivedAtNanos());
        assertThatThrownBy(() -> SignatureCheck.verify(tampered, Fixtures.CREDENTIALS)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aChangedPathMethodOrQueryIsCaught() {
        assertThatThrownBy(() -> SignatureCheck.verify(new Recorded("PUT", signed.rawPath(), signed.rawQuery(),
                signed.headers(), signed.body(), 0), Fixtures.CREDENTIALS)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> SignatureCheck.verify(new Recorded(signed.method(), "/v1/users/x", signed.rawQuery(),
                signed.headers(), signed.body(), 0), Fixtures.CREDENTIALS)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> SignatureCheck.verify(new Recorded(signed.method(), signed.rawPath(), "a=b",
                signed.headers(), signed.body(), 0), Fixtures.CREDENTIALS)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anotherSecretIsCaught() {
        SigningCredentials wrong = SigningCredentials.of(Fixtures.ACCESS_KEY_ID, "not-the-secret");
        assertThatThrownBy(() -> SignatureCheck.verify(signed, wrong)).isInstanceOf(AssertionError.class);
    }
}
