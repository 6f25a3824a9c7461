package io.keywarden.sdk;

import io.keywarden.sdk.auth.CredentialsProviderChain;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.testing.Fixtures;
import io.keywarden.sdk.testing.StubServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientBuilderTest {

    private static KeywardenClient.Builder valid() {
        return KeywardenClient.builder().endpoint("http://localhost:8080")
                .credentialsProvider(StaticCredentialsProvider.create(Fixtures.CREDENTIALS));
    }

    @Test
    void anEndpointIsRequired() {
        assertThatThrownBy(() -> KeywardenClient.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessage("endpoint is required");
    }

    @Test
    void theEndpointMustBeAnHttpUriWithAHostAndNoQuery() {
        assertThatThrownBy(() -> valid().endpoint("ftp://host").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> valid().endpoint(URI.create("/relative")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().endpoint("http://host/?a=b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> valid().endpoint("http://user:pw@host/").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
    }

    @Test
    void theRegionMustBeAPlainName() {
        assertThatThrownBy(() -> valid().region("us/east").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
        assertThatThrownBy(() -> valid().region("").build()).isInstanceOf(IllegalArgumentException.class);
        try (KeywardenClient client = valid().region("aws-global").build()) {
            assertThat(client.region()).isEqualTo("aws-global");
        }
    }

    @Test
    void timeoutsMustBePositiveAndRetriesBounded() {
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> valid().maxRetries(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> valid().maxRetries(11).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("back-off");
    }

    @Test
    void theDefaultsAreUsEast1AndTheDefaultChain() {
        try (KeywardenClient client = KeywardenClient.builder().endpoint("https://kw.example.com").build()) {
            assertThat(client.region()).isEqualTo("us-east-1");
            assertThat(client.endpoint()).isEqualTo(URI.create("https://kw.example.com"));
        }
        assertThat(CredentialsProviderChain.defaultChain().providers()).hasSize(2);
    }

    @Test
    void missingCredentialsFailTheCallClearlyWithoutContactingTheServer() {
        try (StubServer stub = StubServer.start();
             KeywardenClient client = valid().endpoint(stub.uri()).credentialsProvider(() -> {
                 throw new CredentialsException("unable to load credentials: nothing configured");
             }).build()) {
            assertThatThrownBy(client::callerIdentity).isInstanceOf(CredentialsException.class)
                    .hasMessage("unable to load credentials: nothing configured");
            assertThat(stub.requests()).isEmpty();
        }
    }

    @Test
    void aProviderThatFailsOtherwiseIsReportedAsACredentialsProblem() {
        try (KeywardenClient client = valid().credentialsProvider(() -> {
            throw new IllegalStateException("vault sealed");
        }).build()) {
            assertThatThrownBy(client::callerIdentity).isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("vault sealed").hasCauseInstanceOf(IllegalStateException.class);
        }
    }
}
