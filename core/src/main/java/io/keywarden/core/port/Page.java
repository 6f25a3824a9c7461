package io.keywarden.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing; {@code nextMarker} is present exactly when the listing is truncated. */
public record Page<T>(List<T> items, String nextMarker) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean isTruncated() {
        return nextMarker != null;
    }

    public Optional<String> marker() {
        return Optional.ofNullable(nextMarker);
    }

    public static <T> Page<T> of(List<T> items, String nextMarker) {
        return new Page<>(items, nextMarker);
    }

    public static <T> Page<T> complete(List<T> items) {
        return new Page<>(Objects.requireNonNull(items), null);
    }
}
