package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** {@code AccessKey} metadata, never the secret; {@code userName} is absent for the root user's keys. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyDto(String accessKeyId, String status, String createDate, String userName) {
}
