package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks its providers in order, on every call, and answers with the first that resolves. When none does, the
 * {@link CredentialsException} lists why each failed.
 */
public final class CredentialsProviderChain implements CredentialsProvider {
    private final List<CredentialsProvider> providers;

    private CredentialsProviderChain(List<CredentialsProvider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a credentials provider chain needs at least one provider");
        }
        this.providers = providers;
    }

    public static CredentialsProviderChain of(CredentialsProvider... providers) {
        return of(List.of(providers));
    }

    public static CredentialsProviderChain of(List<? extends CredentialsProvider> providers) {
        return new CredentialsProviderChain(List.copyOf(Objects.requireNonNull(providers, "providers")));
    }

    /**
     * The default chain, as the AWS SDKs: the environment ({@link EnvironmentCredentialsProvider}), then the shared
     * credentials file ({@link ProfileCredentialsProvider#create()}).
     */
    public static CredentialsProviderChain defaultChain() {
        return of(EnvironmentCredentialsProvider.create(), ProfileCredentialsProvider.create());
    }

    public List<CredentialsProvider> providers() {
        return providers;
    }

    @Override
    public SigningCredentials resolveCredentials() {
        List<String> failures = new ArrayList<>(providers.size());
        for (CredentialsProvider provider : providers) {
            try {
                return Objects.requireNonNull(provider.resolveCredentials(),
                        () -> provider + " answered with no credentials");
            } catch (RuntimeException e) {
                failures.add(provider + ": " + e.getMessage());
            }
        }
        throw new CredentialsException("unable to load credentials from any provider in the chain: " + failures);
    }

    @Override
    public String toString() {
        return "CredentialsProviderChain" + providers;
    }
}
