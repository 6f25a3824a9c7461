package io.keywarden.core.auth;

import java.util.Objects;

/**
 * Where a request came from, as far as this server can tell: the client's address and whether the client's own
 * connection was HTTPS. Behind a trusted proxy these are what the proxy reported ({@link TrustedProxies}); otherwise
 * they are the TCP peer's. They feed {@code aws:SourceIp}, {@code aws:SecureTransport} and the audit event's source
 * address.
 *
 * @param address the client's IP address as text; empty when unknown
 * @param secure  whether the client's connection was HTTPS
 */
public record ClientOrigin(String address, boolean secure) {
    public ClientOrigin {
        Objects.requireNonNull(address, "address");
    }
}
