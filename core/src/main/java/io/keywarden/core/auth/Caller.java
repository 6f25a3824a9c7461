package io.keywarden.core.auth;

import io.keywarden.core.identity.Principal;
import io.keywarden.core.session.Session;

import java.time.Instant;
import java.util.Objects;

/**
 * An authenticated request's caller and what is known about the request: the inputs to authorisation and
 * to the policy context keys ({@code aws:SourceIp}, {@code aws:CurrentTime}, {@code aws:UserAgent}, ...).
 *
 * @param accessKeyId the key the request was signed with
 * @param region      the endpoint's region ({@code aws:RequestedRegion}): the server's configuration, never the
 *                    region the caller signed
 * @param sourceIp    the client's address (behind a trusted proxy, the address the proxy reported)
 * @param service     the service of the SigV4 credential scope
 * @param session     the session of temporary credentials the request was signed with; null for a long-term key
 */
public record Caller(Principal principal, String accessKeyId, Instant requestTime, String sourceIp, String userAgent,
                     boolean secureTransport, String region, String service, Session session) {
    /** A caller signing with a long-term key (no session). */
    public Caller(Principal principal, String accessKeyId, Instant requestTime, String sourceIp, String userAgent,
                  boolean secureTransport, String region, String service) {
        this(principal, accessKeyId, requestTime, sourceIp, userAgent, secureTransport, region, service, null);
    }

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(requestTime, "requestTime");
        sourceIp = sourceIp == null ? "" : sourceIp;
        userAgent = userAgent == null ? "" : userAgent;
        region = region == null ? "" : region;
        service = service == null ? "" : service;
        if (session != null && !session.principal().equals(principal)) {
            throw new IllegalArgumentException("a caller's session must act as the caller");
        }
    }

    /** Whether the request was signed with temporary credentials. */
    public boolean temporary() {
        return session != null;
    }
}
