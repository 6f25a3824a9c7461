package io.keywarden.core.port;

import io.keywarden.core.error.KeywardenException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code MaxItems} (1-1000, default 100) and an opaque {@code Marker}. Markers encode the sort key of the last
 * item returned (keyset pagination), so they stay valid and stable while other items are inserted.
 */
public record PageRequest(String marker, int maxItems) {
    public static final int DEFAULT_MAX_ITEMS = 100;
    /** The largest page a list operation answers (AWS's bound). */
    public static final int MAX_ITEMS_LIMIT = 1000;
    private static final String PREFIX = "kw1:";

    public PageRequest {
        if (!isValidMaxItems(maxItems)) {
            throw KeywardenException.validation("maxItems", "Member must have value between 1 and 1000");
        }
        if (marker != null && (marker.isEmpty() || marker.length() > 320)) {
            throw KeywardenException.validation("marker", "Member must have length between 1 and 320");
        }
    }

    /** The one rule for a page size, for the server and for clients that check before they send: 1 to 1000. */
    public static boolean isValidMaxItems(int maxItems) {
        return maxItems >= 1 && maxItems <= MAX_ITEMS_LIMIT;
    }

    public static PageRequest of(String marker, Integer maxItems) {
        return new PageRequest(marker, maxItems == null ? DEFAULT_MAX_ITEMS : maxItems);
    }

    public static PageRequest first() {
        return new PageRequest(null, DEFAULT_MAX_ITEMS);
    }

    /** The sort key the marker stands for, or null for the first page. */
    public String afterKey() {
        if (marker == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw KeywardenException.of(io.keywarden.core.error.ErrorCode.VALIDATION_ERROR, "invalid marker");
    }

    public static String markerFor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + sortKey).getBytes(StandardCharsets.UTF_8));
    }
}
