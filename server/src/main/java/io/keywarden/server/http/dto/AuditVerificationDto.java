package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The outcome of verifying the audit trail's hash chain: {@code intact}, how many events were checked, the last
 * event's position and hash (keep them elsewhere to detect later removal from the end), and the first broken link;
 * {@code checkpointSeq}, once older events were archived and pruned, the position of the signed checkpoint the check
 * started after (absent when the whole trail was checked).
 */
@Serdeable
@Schema(name = "AuditVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerificationDto(
        boolean intact,
        long eventsChecked,
        long lastSeq,
        String lastHash,
        @Nullable Long firstBrokenSeq,
        @Nullable String reason,
        @Nullable Long checkpointSeq) {
}
