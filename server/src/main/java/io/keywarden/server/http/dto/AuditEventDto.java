package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One audit event. {@code requestParameters} and {@code responseElements} are JSON text exactly as stored and
 * hashed, so that a reader can recompute {@code hash} from the fields (docs/operations.md gives the canonical form).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventDto(long seq, String eventId, String eventTime, String eventSource, String eventName,
                            boolean readOnly, String principalType, String principalArn, String principalId,
                            String userName, String accessKeyId, String sourceIpAddress, String userAgent,
                            String requestParameters, String responseElements, String errorCode, String errorMessage,
                            String requestId, int httpStatus, String previousHash, String hash) {
}
