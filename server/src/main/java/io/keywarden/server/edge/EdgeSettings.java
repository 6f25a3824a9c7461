package io.keywarden.server.edge;

import io.keywarden.core.auth.TrustedProxies;
import io.keywarden.core.operation.Service;
import io.keywarden.core.sigv4.EndpointBinding;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * What the server knows of the network in front of it and of its own name, read once at start (a bad value stops the
 * start with a message naming the setting):
 * <ul>
 *   <li>{@code keywarden.trusted-proxies} ({@code KEYWARDEN_TRUSTED_PROXIES}): comma-separated CIDR blocks whose
 *       forwarding headers are believed (default: none, trust nobody);</li>
 *   <li>{@code keywarden.region} ({@code KEYWARDEN_REGION}, default {@code us-east-1}): this endpoint's region, the
 *       value of {@code aws:RequestedRegion} (never the region a caller signed);</li>
 *   <li>{@code keywarden.allowed-regions} ({@code KEYWARDEN_ALLOWED_REGIONS}): the regions a credential scope may name
 *       (default: any);</li>
 *   <li>{@code keywarden.allowed-hosts} ({@code KEYWARDEN_ALLOWED_HOSTS}): the names the signed {@code Host} header may
 *       carry, {@code name} or {@code name:port} (default: any).</li>
 * </ul>
 * The services a credential scope may name are always those Keywarden serves ({@link Service}).
 */
@Singleton
public class EdgeSettings {
    private final TrustedProxies trustedProxies;
    private final String region;
    private final EndpointBinding binding;

    public EdgeSettings(@Value("${keywarden.trusted-proxies:}") String trustedProxies,
                        @Value("${keywarden.region:us-east-1}") String region,
                        @Value("${keywarden.allowed-regions:}") String allowedRegions,
                        @Value("${keywarden.allowed-hosts:}") String allowedHosts) {
        try {
            this.trustedProxies = TrustedProxies.parse(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keywarden.trusted-proxies (KEYWARDEN_TRUSTED_PROXIES): "
                    + e.getMessage(), e);
        }
        this.region = region == null || region.isBlank() ? "us-east-1" : region.trim();
        List<String> services = new ArrayList<>();
        for (Service service : Service.values()) {
            services.add(service.actionPrefix());
        }
        EndpointBinding b = EndpointBinding.services(services);
        try {
            b = b.withRegions(list(allowedRegions));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keywarden.allowed-regions (KEYWARDEN_ALLOWED_REGIONS): "
                    + e.getMessage(), e);
        }
        this.binding = b.withHosts(list(allowedHosts));
        try {
            EndpointBinding.any().withRegions(List.of(this.region));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keywarden.region (KEYWARDEN_REGION): " + e.getMessage(), e);
        }
    }

    /** The proxies whose forwarding headers are believed. */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /** This endpoint's region: {@code aws:RequestedRegion}. */
    public String region() {
        return region;
    }

    /** The services, regions and hosts a signature must be bound to. */
    public EndpointBinding binding() {
        return binding;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "EdgeSettings[trustedProxies=" + trustedProxies + ", region=" + region + ", binding=" + binding + "]";
    }
}
