package io.keywarden.sdk.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to AssumeRole: the session's temporary credentials and who the session is.
 *
 * @param credentials      the temporary credentials ({@link SessionCredentials#toString()} hides the secret)
 * @param assumedRoleId    {@code AROA…:SESSION} (the role's ID and the session name)
 * @param arn              {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}
 * @param packedPolicySize how much of the allowed size the session policies take, in percent
 * @param sourceIdentity   the session's source identity, or {@code null} when it has none
 */
public record AssumedRole(SessionCredentials credentials, String assumedRoleId, String arn, int packedPolicySize,
                          String sourceIdentity) {
    public AssumedRole {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(assumedRoleId, "assumedRoleId");
        Objects.requireNonNull(arn, "arn");
    }

    /** The source identity; empty when the session has none. */
    public Optional<String> sourceIdentityIfAny() {
        return Optional.ofNullable(sourceIdentity);
    }
}
