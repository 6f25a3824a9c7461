package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;

/** GetAccessKeyInfo: the account a key ID belongs to. */
@Serdeable
public record AccessKeyInfoDto(String account) {
}
