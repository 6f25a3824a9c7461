package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * AssumeRole's body, read strictly by {@code JsonBodies}.
 *
 * @param roleArn         the role to assume, {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}
 * @param roleSessionName 2-64 characters of {@code [\w+=,.@-]}: the last part of the session's ARN
 * @param durationSeconds 900 up to the role's MaxSessionDuration (default 3,600; at most 3,600 when a role session
 *                        assumes a role)
 * @param externalId      the value a trust policy may require in {@code sts:ExternalId}
 * @param policy          an inline session policy: the session may do only what it and the role allow
 * @param policyArns      managed session policies (up to 10), narrowing likewise
 * @param sourceIdentity  the person or application behind the session, kept through role chaining; needs
 *                        {@code sts:SetSourceIdentity} in the trust policy
 */
@Introspected
@Schema(name = "AssumeRoleRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record AssumeRoleBody(
        @Schema(requiredMode = REQUIRED, minLength = 20, maxLength = 2048) String roleArn,
        @Schema(requiredMode = REQUIRED, pattern = "^[\\w+=,.@-]{2,64}$") String roleSessionName,
        @Nullable @Schema(minimum = "900", maximum = "43200", defaultValue = "3600") Integer durationSeconds,
        @Nullable @Schema(minLength = 2, maxLength = 1224) String externalId,
        @Nullable @Schema(maxLength = 2048) String policy,
        @Nullable List<String> policyArns,
        @Nullable @Schema(pattern = "^[\\w+=,.@-]{2,64}$") String sourceIdentity) {
}
