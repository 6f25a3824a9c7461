package io.keywarden.core.keys;

import java.util.Objects;

/** The result of creating a key: its metadata and, this one time, its secret. */
public record NewAccessKey(AccessKey key, SecretAccessKey secret) {
    public NewAccessKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "NewAccessKey[key=" + key + ", secret=[redacted]]";
    }
}
