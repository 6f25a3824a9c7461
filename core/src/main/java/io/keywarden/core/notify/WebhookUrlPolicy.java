package io.keywarden.core.notify;

import io.keywarden.core.error.KeywardenException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which URLs a webhook may call: the server-side request forgery stance (docs/webhooks.md). A webhook URL is
 * {@code http} or {@code https}, at most 2,048 characters, with a host, without credentials ({@code user:pass@}) and
 * without a fragment. When {@code allowedHosts} is not empty the host must be one of them ({@code example.com}) or
 * under one given as {@code *.example.com}. The addresses a host resolves to are checked again at every delivery
 * ({@link #permits(InetAddress)}, against DNS rebinding): loopback, link-local (cloud metadata at 169.254.169.254),
 * private, wildcard and multicast addresses are refused unless {@code allowLoopback} / {@code allowPrivate} say
 * otherwise. Pure: the caller resolves.
 */
public record WebhookUrlPolicy(List<String> allowedHosts, boolean allowLoopback, boolean allowPrivate) {
    public static final int MAX_URL_LENGTH = 2048;

    public WebhookUrlPolicy {
        allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts").stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** The URL as it will be called, or a {@code ValidationError} saying what is wrong with it. */
    public URI check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw KeywardenException.validation("url", "Member must have length between 1 and " + MAX_URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw KeywardenException.validation("url", "Member must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw KeywardenException.validation("url", "Member must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw KeywardenException.validation("url", "Member must not contain credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw KeywardenException.validation("url", "Member must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw KeywardenException.validation("url", "Member must not contain a fragment");
        }
        String host = host(uri);
        if (!hostAllowed(host)) {
            throw KeywardenException.validation("url", "Member must name a host allowed by KEYWARDEN_WEBHOOK_ALLOWED_HOSTS");
        }
        if (!allowLoopback && (host.equals("localhost") || host.endsWith(".localhost"))) {
            throw KeywardenException.validation("url", "Member must not name a loopback host");
        }
        return uri;
    }

    /** Whether a delivery may connect to this address (checked for every address the host resolves to). */
    public boolean permits(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || address.isLinkLocalAddress()) {
            return false;
        }
        if (isPrivate(address)) {
            return allowPrivate;
        }
        return true;
    }

    private boolean hostAllowed(String host) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 100 && second >= 64 && second < 128; // carrier-grade NAT 100.64.0.0/10
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
