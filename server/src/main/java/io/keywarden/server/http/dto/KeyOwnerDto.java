package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** The owner of a key (administrators' look-up); {@code userName} is absent for the root user. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyOwnerDto(String account, String arn, String userName, String userId, AccessKeyDto accessKey) {
}
