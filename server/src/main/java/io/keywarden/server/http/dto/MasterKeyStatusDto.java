package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Which master key versions seal the stored secrets, and the background re-seal's progress: a version whose
 * {@code sealedSecrets} is 0 and that is not the newest can be removed from the configuration.
 */
@Serdeable
@Schema(name = "MasterKeyStatus")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MasterKeyStatusDto(int newestVersion, List<Version> versions, Reseal reseal) {

    /** One version: configured on the answering node?, the newest (sealing new secrets)?, live secrets under it. */
    @Serdeable
    @Schema(name = "MasterKeyVersion")
    public record Version(int version, boolean configured, boolean newest, long sealedSecrets) {
    }

    /**
     * The re-seal: {@code state} is {@code running} (a node holds the lease), {@code finished}, {@code pending} or
     * {@code failed} ({@code lastError} says why).
     */
    @Serdeable
    @Schema(name = "MasterKeyReseal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reseal(String state, @Nullable Integer targetVersion, @Nullable String leaseHolder,
                         @Nullable Instant leaseExpiresAt, long resealed, long remaining, @Nullable Instant startedAt,
                         @Nullable Instant lastBatchAt, @Nullable Instant finishedAt, @Nullable String lastError) {
    }
}
