package io.keywarden.core.port;

import io.keywarden.core.keys.AccessKeyId;

import java.util.List;
import java.util.Map;

/**
 * Every secret stored sealed under a master key, as master key rotation sees them: how many are sealed under each
 * version, and re-sealing them one batch at a time. Today these are the live access keys' secrets (IAM users' and
 * the root user's, configured or issued); a deleted key's secret is wiped and counts nowhere.
 */
public interface SealedSecretStore {

    /** One sealed secret: the key it belongs to (the additional authenticated data) and its sealed form. */
    record SealedSecret(AccessKeyId id, String sealed) {
        @Override
        public String toString() {
            return "SealedSecret[id=" + id + ", sealed=redacted]";
        }
    }

    /** A sealed form to replace, only if it is still {@code expected} (a concurrent delete wins). */
    record Replacement(AccessKeyId id, String expected, String resealed, int version) {
        @Override
        public String toString() {
            return "Replacement[id=" + id + ", version=" + version + "]";
        }
    }

    /** How many live secrets are sealed under each master key version (versions with none are absent). */
    Map<Integer, Long> countByVersion();

    /**
     * Up to {@code limit} live secrets not sealed under {@code version}, in access key ID order, after the ID
     * {@code afterId} (null: from the start).
     */
    List<SealedSecret> sealedNotUnder(int version, String afterId, int limit);

    /** Replaces each sealed form that is still the expected one, in one transaction; returns how many were replaced. */
    int replace(List<Replacement> replacements);
}
