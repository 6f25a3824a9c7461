package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.List;

/**
 * Which master key versions seal the stored secrets, and the background re-seal's progress
 * ({@code GET /v1/master-keys}).
 *
 * @param newestVersion the version new secrets are sealed under and the re-seal moves secrets to
 * @param versions      every version configured on the answering node or sealing some secret, ascending
 * @param reseal        the background re-seal
 */
public record MasterKeyStatus(int newestVersion, List<Version> versions, Reseal reseal) {

    /**
     * One master key version.
     *
     * @param configured    whether the answering node has it
     * @param newest        whether it seals new secrets
     * @param sealedSecrets live secrets sealed under it; 0 on a version that is not the newest: it can be retired
     */
    public record Version(int version, boolean configured, boolean newest, long sealedSecrets) {
    }

    /**
     * The background re-seal.
     *
     * @param state       {@code running}, {@code finished}, {@code pending} or {@code failed}
     * @param leaseHolder the node holding the lease while running; {@code null} otherwise
     * @param resealed    secrets re-sealed towards {@code targetVersion}
     * @param remaining   secrets not yet under the newest version
     * @param lastError   why the last run failed; {@code null} when it did not
     */
    public record Reseal(String state, Integer targetVersion, String leaseHolder, Instant leaseExpiresAt,
                         long resealed, long remaining, Instant startedAt, Instant lastBatchAt, Instant finishedAt,
                         String lastError) {
    }

    /** The versions no secret is sealed under any more, other than the newest: safe to remove from configuration. */
    public List<Integer> retirableVersions() {
        return versions.stream().filter(v -> !v.newest() && v.sealedSecrets() == 0).map(Version::version).toList();
    }
}
