package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentCredentialsProviderTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";

    @Test
    void readsKeyIdSecretAndSessionToken() {
        EnvironmentCredentialsProvider provider = EnvironmentCredentialsProvider.create(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIAQ2KWSD3J5EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_SESSION_TOKEN", "tok"));

        assertThat(provider.resolveCredentials()).isEqualTo(SigningCredentials.of("AKIAQ2KWSD3J5EXAMPLE", SECRET, "tok"));
    }

    @Test
    void theSessionTokenIsOptional() {
        EnvironmentCredentialsProvider provider = EnvironmentCredentialsProvider.create(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIAQ2KWSD3J5EXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET));

        assertThat(provider.resolveCredentials().sessionToken()).isNull();
    }

    @Test
    void aMissingSecretIsNamedWithoutShowingAnyValue() {
        EnvironmentCredentialsProvider provider = EnvironmentCredentialsProvider.create(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIAQ2KWSD3J5EXAMPLE"));

        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessage("unable to load credentials from the environment: AWS_SECRET_ACCESS_KEY is not set"
                        + " (AWS_ACCESS_KEY_ID is)");
    }

    @Test
    void aMissingKeyIdIsNamedWithoutShowingTheSecret() {
        EnvironmentCredentialsProvider provider = EnvironmentCredentialsProvider.create(Map.of(
                "AWS_SECRET_ACCESS_KEY", SECRET));

        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID is not set").hasMessageNotContaining(SECRET);
    }

    @Test
    void nothingSetNamesBothVariables() {
        assertThatThrownBy(() -> EnvironmentCredentialsProvider.create(Map.of()).resolveCredentials())
                .isInstanceOf(CredentialsException.class)
                .hasMessage("unable to load credentials from the environment: AWS_ACCESS_KEY_ID and"
                        + " AWS_SECRET_ACCESS_KEY are not set");
    }

    @Test
    void blankValuesCountAsUnset() {
        EnvironmentCredentialsProvider provider = EnvironmentCredentialsProvider.create(Map.of(
                "AWS_ACCESS_KEY_ID", "  ", "AWS_SECRET_ACCESS_KEY", SECRET));

        assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("AWS_ACCESS_KEY_ID is not set");
    }

    @Test
    void theEnvironmentIsReadOnEveryCall() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIAQ2KWSD3J5EXAMPLE",
                "AWS_SECRET_ACCESS_KEY", SECRET));
        EnvironmentCredentialsProvider provider = EnvironmentCredentialsProvider.create(env);
        provider.resolveCredentials();

        env.put("AWS_ACCESS_KEY_ID", "AKIAQ2KWSD3J5CHANGED");

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5CHANGED");
    }
}
