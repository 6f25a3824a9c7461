package io.keywarden.core.auth;

import io.keywarden.core.identity.Principal;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.SecretAccessKey;

import java.util.Objects;

/** An Active access key with its unsealed secret and the principal it authenticates as. */
public record ResolvedCredential(AccessKey key, Principal principal, SecretAccessKey secret) {
    public ResolvedCredential {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ResolvedCredential[key=" + key.id() + ", principal=" + principal.arn() + ", secret=[redacted]]";
    }
}
