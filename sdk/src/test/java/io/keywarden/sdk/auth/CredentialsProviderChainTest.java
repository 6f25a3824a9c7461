package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsProviderChainTest {
    private static final SigningCredentials FIRST = SigningCredentials.of("AKIAQ2KWSD3J5FIRST01", "first-secret");
    private static final SigningCredentials SECOND = SigningCredentials.of("AKIAQ2KWSD3J5SECOND2", "second-secret");

    @Test
    void theFirstProviderThatResolvesWins() {
        List<String> asked = new ArrayList<>();
        CredentialsProvider first = () -> {
            asked.add("first");
            return FIRST;
        };
        CredentialsProvider second = () -> {
            asked.add("second");
            return SECOND;
        };

        assertThat(CredentialsProviderChain.of(first, second).resolveCredentials()).isEqualTo(FIRST);
        assertThat(asked).containsExactly("first");
    }

    @Test
    void providersThatFailAreSkippedInOrder() {
        CredentialsProvider empty = EnvironmentCredentialsProvider.create(Map.of());
        CredentialsProviderChain chain = CredentialsProviderChain.of(empty, StaticCredentialsProvider.create(SECOND),
                StaticCredentialsProvider.create(FIRST));

        assertThat(chain.resolveCredentials()).isEqualTo(SECOND);
    }

    @Test
    void whenNoneResolvesTheMessageSaysWhyForEach() {
        CredentialsProviderChain chain = CredentialsProviderChain.of(EnvironmentCredentialsProvider.create(Map.of()),
                MutableCredentialsProvider.empty());

        assertThatThrownBy(chain::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("unable to load credentials from any provider in the chain: ")
                .hasMessageContaining("EnvironmentCredentialsProvider: unable to load credentials from the environment:"
                        + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
                .hasMessageContaining("MutableCredentialsProvider[accessKeyId=none]: unable to load credentials:"
                        + " the mutable credentials provider has none set");
    }

    @Test
    void anEmptyChainIsRejected() {
        assertThatThrownBy(() -> CredentialsProviderChain.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultChainIsEnvironmentThenProfile() {
        assertThat(CredentialsProviderChain.defaultChain().providers())
                .hasExactlyElementsOfTypes(EnvironmentCredentialsProvider.class, ProfileCredentialsProvider.class);
    }
}
