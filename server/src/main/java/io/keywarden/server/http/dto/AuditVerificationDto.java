package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The outcome of verifying the audit trail's hash chain: {@code intact}, how many events were checked, the last
 * event's position and hash (keep them elsewhere to detect later removal from the end), and the first broken link.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerificationDto(boolean intact, long eventsChecked, long lastSeq, String lastHash,
                                   Long firstBrokenSeq, String reason) {
}
