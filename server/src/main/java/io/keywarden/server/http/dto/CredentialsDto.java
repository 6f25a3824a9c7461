package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Temporary credentials: shown once, to their requester. {@link #toString()} redacts the secret and the token.
 *
 * @param accessKeyId     the {@code ASIA…} key ID
 * @param secretAccessKey the 40-character secret
 * @param sessionToken    the session token, sent as {@code X-Amz-Security-Token} with every request
 * @param expiration      when the credentials stop working
 */
@Serdeable
@Schema(name = "Credentials")
public record CredentialsDto(
        @Schema(example = "ASIAY34FZKBOKMUTVV7A", requiredMode = REQUIRED) String accessKeyId,
        @Schema(minLength = 40, maxLength = 40, requiredMode = REQUIRED) String secretAccessKey,
        @Schema(requiredMode = REQUIRED) String sessionToken,
        @Schema(format = "date-time", requiredMode = REQUIRED) String expiration) {
    @Override
    public String toString() {
        return "CredentialsDto[accessKeyId=" + accessKeyId + ", secretAccessKey=[redacted], sessionToken=[redacted]"
                + ", expiration=" + expiration + "]";
    }
}
