package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of audit events, newest first; {@code marker} is present exactly when {@code isTruncated}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventListDto(List<AuditEventDto> events, boolean isTruncated, String marker) {
}
