package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The session's identity.
 *
 * @param assumedRoleId {@code AROA…:SESSION}
 * @param arn           {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}
 */
@Serdeable
@Schema(name = "AssumedRoleUser")
public record AssumedRoleUserDto(@Schema(requiredMode = REQUIRED) String assumedRoleId,
                                 @Schema(requiredMode = REQUIRED) String arn) {
}
