package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The account password policy, with AWS's fields.
 *
 * @param minimumPasswordLength      6 to 128
 * @param requireSymbols             at least one symbol
 * @param requireNumbers             at least one digit
 * @param requireUppercaseCharacters at least one upper-case letter
 * @param requireLowercaseCharacters at least one lower-case letter
 * @param allowUsersToChangePassword every IAM user may change their own password
 * @param expirePasswords            whether passwords expire (maxPasswordAge is set)
 * @param maxPasswordAge             days before a password expires; absent: never
 * @param passwordReusePrevention    previous passwords that may not be reused; absent: no check
 * @param hardExpiry                 an expired password cannot be changed at sign-in
 */
@Serdeable
@Schema(name = "PasswordPolicy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordPolicyDto(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                                boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                                boolean allowUsersToChangePassword, boolean expirePasswords,
                                @Nullable Integer maxPasswordAge, @Nullable Integer passwordReusePrevention,
                                boolean hardExpiry) {
}
