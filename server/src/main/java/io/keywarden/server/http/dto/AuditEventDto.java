package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One audit event. {@code requestParameters} and {@code responseElements} are JSON text exactly as stored and
 * hashed, so that a reader can recompute {@code hash} from the fields (docs/operations.md gives the canonical form).
 */
@Serdeable
@Schema(name = "AuditEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventDto(
        long seq,
        @Schema(format = "uuid", requiredMode = REQUIRED) String eventId,
        @Schema(format = "date-time", requiredMode = REQUIRED) String eventTime,
        String eventSource,
        String eventName,
        boolean readOnly,
        @Schema(allowableValues = {"Root", "IAMUser", "AssumedRole", "Unknown"}, requiredMode = REQUIRED) String principalType,
        @Nullable String principalArn,
        @Nullable String principalId,
        @Nullable String userName,
        @Nullable String accessKeyId,
        @Nullable String sourceIpAddress,
        @Nullable String userAgent,
        @Nullable String requestParameters,
        @Nullable String responseElements,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        String requestId,
        int httpStatus,
        String previousHash,
        String hash) {
}
