package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A page of audit events, newest first; {@code marker} is present exactly when {@code isTruncated}.
 *
 * @param events      the events of this page, newest first
 * @param isTruncated whether more events follow
 * @param marker      the next page's marker, present exactly when isTruncated
 */
@Serdeable
@Schema(name = "AuditEventList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventListDto(List<AuditEventDto> events, boolean isTruncated, @Nullable String marker) {
}
