package io.keywarden.core.sigv4;

import java.time.Instant;
import java.util.Objects;

/**
 * The scope a signing key is derived for. {@link #toString()} is the wire form
 * {@code date/region/service/aws4_request}.
 *
 * @param date    the UTC date as {@code yyyyMMdd}
 * @param region  any non-empty region name (clients using a custom endpoint sign with their configured region)
 * @param service any non-empty service name
 */
public record CredentialScope(String date, String region, String service) {

    public CredentialScope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        if (!isScopeDate(date)) {
            throw new IllegalArgumentException("scope date must be 8 digits (yyyyMMdd), got '" + date + "'");
        }
        if (region.isEmpty() || region.indexOf('/') >= 0) {
            throw new IllegalArgumentException("region must be non-empty and must not contain '/'");
        }
        if (service.isEmpty() || service.indexOf('/') >= 0) {
            throw new IllegalArgumentException("service must be non-empty and must not contain '/'");
        }
    }

    public static CredentialScope of(String date, String region, String service) {
        return new CredentialScope(date, region, service);
    }

    /** The scope for signing at {@code time} (its UTC date). */
    public static CredentialScope of(Instant time, String region, String service) {
        return new CredentialScope(AmzDate.format(time).substring(0, 8), region, service);
    }

    static boolean isScopeDate(String date) {
        if (date.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = date.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/" + SigV4Names.TERMINATOR;
    }
}
