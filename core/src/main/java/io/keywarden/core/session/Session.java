package io.keywarden.core.session;

import io.keywarden.core.identity.Principal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A session of temporary credentials, as its session token carries it: who it acts as, since when and until when,
 * and what narrows it. It holds no secret (the secret travels in the token, see {@link SessionTokens}), so it may be
 * shown and logged.
 *
 * @param kind              how it was made
 * @param accessKeyId       its {@code ASIA…} access key ID
 * @param principal         who it authenticates as: the user or root for {@link SessionKind#SESSION_TOKEN}, a
 *                          {@link Principal.AssumedRole} for {@link SessionKind#ASSUMED_ROLE}
 * @param issuedAt          {@code aws:TokenIssueTime}
 * @param expiresAt         after this instant the credentials are refused ({@code ExpiredToken})
 * @param sourceIdentity    {@code aws:SourceIdentity}, or null
 * @param sessionPolicy     the inline session policy (JSON), or null
 * @param policyArns        the managed session policies' ARNs (empty when none)
 * @param requester         the ARN of the principal that requested the session
 * @param originalRequester for a chain of role sessions, the ARN of the principal that requested the first one; null
 *                          when this session is the first
 */
public record Session(SessionKind kind, String accessKeyId, Principal principal, Instant issuedAt, Instant expiresAt,
                      String sourceIdentity, String sessionPolicy, List<String> policyArns, String requester,
                      String originalRequester) {
    public Session {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(requester, "requester");
        policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
        if (kind == SessionKind.ASSUMED_ROLE != principal instanceof Principal.AssumedRole) {
            throw new IllegalArgumentException("a session of kind " + kind + " cannot act as " + principal.type());
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a session must expire after it is issued");
        }
    }

    /** Whether the session has expired at {@code now} (it is valid up to and including {@link #expiresAt}). */
    public boolean expiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }
}
