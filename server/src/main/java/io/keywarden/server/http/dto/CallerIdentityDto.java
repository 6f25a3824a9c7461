package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;

/** GetCallerIdentity. */
@Serdeable
public record CallerIdentityDto(String account, String userId, String arn) {
}
