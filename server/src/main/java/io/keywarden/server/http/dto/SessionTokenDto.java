package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * GetSessionToken's answer.
 *
 * @param credentials the temporary credentials
 */
@Serdeable
@Schema(name = "SessionToken")
public record SessionTokenDto(@Schema(requiredMode = REQUIRED) CredentialsDto credentials) {
}
