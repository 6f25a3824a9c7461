package io.keywarden.server.hardening;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code keywarden.http.*}: bounds on what one client can hold. Together with Micronaut's size limits
 * ({@code micronaut.server.max-request-size}, {@code micronaut.server.netty.max-header-size} and
 * {@code max-initial-line-length}) and idle timeouts ({@code micronaut.server.idle-timeout},
 * {@code read-idle-timeout}, {@code write-idle-timeout}).
 */
@ConfigurationProperties("keywarden.http")
public class ConnectionLimitsConfig {
    private int maxConnections = 10_000;
    private Duration requestReadTimeout = Duration.ofSeconds(30);

    /** Open connections at most; a connection beyond is closed at once. */
    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("keywarden.http.max-connections must be at least 1");
        }
        this.maxConnections = maxConnections;
    }

    /**
     * How long a request may take to arrive, from its first byte to the end of its body; a slower client (a
     * "slowloris" trickling its headers) is disconnected. Zero turns the limit off.
     */
    public Duration getRequestReadTimeout() {
        return requestReadTimeout;
    }

    public void setRequestReadTimeout(Duration requestReadTimeout) {
        if (requestReadTimeout == null || requestReadTimeout.isNegative()) {
            throw new IllegalArgumentException("keywarden.http.request-read-timeout must not be negative");
        }
        this.requestReadTimeout = requestReadTimeout;
    }
}
