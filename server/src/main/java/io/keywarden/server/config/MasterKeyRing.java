package io.keywarden.server.config;

import io.keywarden.core.crypto.MasterKey;

import java.util.List;

/** The configured master keys, ascending by version; the last (newest) seals new secrets. */
public record MasterKeyRing(List<MasterKey> keys) {
    public MasterKeyRing {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one master key is needed");
        }
        keys = List.copyOf(keys);
    }

    public MasterKey newest() {
        return keys.get(keys.size() - 1);
    }

    @Override
    public String toString() {
        return "MasterKeyRing[versions=" + keys.stream().map(MasterKey::version).toList() + "]";
    }
}
