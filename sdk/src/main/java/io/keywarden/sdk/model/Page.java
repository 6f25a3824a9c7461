package io.keywarden.sdk.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing. When {@code isTruncated}, pass {@code marker} to the next call to get the next page.
 *
 * @param items       the items of this page
 * @param isTruncated whether more items follow
 * @param marker      the marker of the next page, present exactly when {@code isTruncated}
 * @param <T>         the item type
 */
public record Page<T>(List<T> items, boolean isTruncated, String marker) {
    public Page {
        items = List.copyOf(items);
        if (isTruncated && (marker == null || marker.isEmpty())) {
            throw new IllegalArgumentException("a truncated page needs a marker");
        }
        if (!isTruncated) {
            marker = null;
        }
    }

    /** The marker of the next page; empty on the last page. */
    public Optional<String> nextMarker() {
        return Optional.ofNullable(marker);
    }

    public static <T> Page<T> of(List<T> items, String nextMarker) {
        return new Page<>(Objects.requireNonNull(items, "items"), nextMarker != null, nextMarker);
    }
}
