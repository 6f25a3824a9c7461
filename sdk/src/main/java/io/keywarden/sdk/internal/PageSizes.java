package io.keywarden.sdk.internal;

import io.keywarden.core.port.PageRequest;

/** The client-side check of a page size, by the server's own rule ({@link PageRequest#isValidMaxItems}). */
public final class PageSizes {
    private PageSizes() {
    }

    /** @throws IllegalArgumentException for a page size the server would refuse */
    public static void check(Integer maxItems) {
        if (maxItems != null && !PageRequest.isValidMaxItems(maxItems)) {
            throw new IllegalArgumentException("maxItems must be between 1 and " + PageRequest.MAX_ITEMS_LIMIT
                    + ", got " + maxItems);
        }
    }
}
