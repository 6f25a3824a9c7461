package io.keywarden.core.sigv4;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a signature must be bound to for this endpoint to accept it: the services of the credential scope it serves,
 * optionally the regions of the scope, and optionally the names of the signed {@code Host} header. A signature made
 * for another SigV4 service (an {@code s3} or {@code execute-api} request captured elsewhere) or for another endpoint
 * is refused by {@link SigV4Verifier#claim}, before any key is looked up or any signing key is cached.
 *
 * <p>The scope's region and service are also checked for shape (non-empty, at most {@value #MAX_SCOPE_PART} of
 * {@code A-Za-z0-9-_.}) whatever the lists say: they are recorded as a key's last use and shown back.
 *
 * <p>Answers, in AWS's wording where AWS has one: a service not served is {@code SignatureDoesNotMatch}
 * "Credential should be scoped to correct service: 'iam'." (the first service listed); a region not allowed is
 * {@code SignatureDoesNotMatch} "Credential should be scoped to a valid Region, not '…'."; a malformed region or
 * service is {@code IncompleteSignature}; a host not allowed is {@code SignatureDoesNotMatch}.
 *
 * @param services the services of the credential scope accepted, the first named in the refusal; empty accepts any
 * @param regions  the regions of the credential scope accepted; empty accepts any well-formed region
 * @param hosts    the host names (or {@code name:port}) the signed {@code Host} header may name, compared without case;
 *                 an entry without a port accepts any port; empty accepts any host
 */
public record EndpointBinding(List<String> services, List<String> regions, List<String> hosts) {
    /** The longest region or service name accepted in a credential scope. */
    public static final int MAX_SCOPE_PART = 64;
    private static final int MAX_QUOTED = 100;

    public EndpointBinding {
        services = List.copyOf(services);
        regions = List.copyOf(regions);
        List<String> lower = new ArrayList<>(hosts.size());
        for (String host : hosts) {
            lower.add(Objects.requireNonNull(host, "host").trim().toLowerCase(Locale.ROOT));
        }
        hosts = List.copyOf(lower);
        for (String service : services) {
            if (!wellFormed(service)) {
                throw new IllegalArgumentException("not a service name: '" + service + "'");
            }
        }
        for (String region : regions) {
            if (!wellFormed(region)) {
                throw new IllegalArgumentException("not a region name: '" + region + "'");
            }
        }
    }

    /** No restriction beyond the shape of region and service. */
    public static EndpointBinding any() {
        return new EndpointBinding(List.of(), List.of(), List.of());
    }

    /** Only {@code services} (the first named when refusing another), any region, any host. */
    public static EndpointBinding services(List<String> services) {
        return new EndpointBinding(services, List.of(), List.of());
    }

    /** This binding, accepting only {@code regions} (empty: any). */
    public EndpointBinding withRegions(List<String> regions) {
        return new EndpointBinding(services, regions, hosts);
    }

    /** This binding, accepting only {@code hosts} (empty: any). */
    public EndpointBinding withHosts(List<String> hosts) {
        return new EndpointBinding(services, regions, hosts);
    }

    /**
     * Checks a claimed scope and the signed {@code Host} header's value ({@code host}, null when absent).
     *
     * @throws KeywardenException with a 4xx code when the signature is not bound to this endpoint
     */
    public void check(String region, String service, String host) {
        if (!wellFormed(region)) {
            throw new KeywardenException(ErrorCode.INCOMPLETE_SIGNATURE,
                    "Credential should be scoped to a valid Region, not '" + quote(region) + "'.");
        }
        if (!wellFormed(service)) {
            throw new KeywardenException(ErrorCode.INCOMPLETE_SIGNATURE,
                    "Credential should be scoped to a valid service, not '" + quote(service) + "'.");
        }
        if (!services.isEmpty() && !services.contains(service)) {
            throw new KeywardenException(ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "Credential should be scoped to correct service: '" + services.get(0) + "'.");
        }
        if (!regions.isEmpty() && !regions.contains(region)) {
            throw new KeywardenException(ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "Credential should be scoped to a valid Region, not '" + region + "'.");
        }
        if (!hosts.isEmpty() && !hostAllowed(host)) {
            throw new KeywardenException(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "the signed host '"
                    + (host == null ? "" : quote(host)) + "' is not a name of this endpoint");
        }
    }

    private boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        String value = host.trim().toLowerCase(Locale.ROOT);
        if (hosts.contains(value)) {
            return true;
        }
        String name = withoutPort(value);
        return name != null && hosts.contains(name);
    }

    /** {@code name} of {@code name:port} or {@code [v6]:port} ({@code [v6]} kept bracketed); null when no port. */
    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || (host.startsWith("[") && colon < host.indexOf(']'))) {
            return null;
        }
        for (int i = colon + 1; i < host.length(); i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return null;
            }
        }
        return host.substring(0, colon);
    }

    static boolean wellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_SCOPE_PART) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String input) {
        return SigV4Verifier.quote(input.length() > MAX_QUOTED ? input.substring(0, MAX_QUOTED) : input);
    }
}
