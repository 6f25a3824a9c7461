package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * GetAccessKeyInfo: the account a key ID belongs to.
 *
 * @param account the 12-digit account ID
 */
@Serdeable
@Schema(name = "AccessKeyInfo")
public record AccessKeyInfoDto(@Schema(pattern = "^[0-9]{12}$", requiredMode = REQUIRED) String account) {
}
