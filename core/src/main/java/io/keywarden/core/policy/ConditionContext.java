package io.keywarden.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The request context: condition keys and their values, which conditions test and policy variables read.
 * Keys are case-insensitive, as AWS's are ({@code aws:SourceIp} is {@code AWS:sourceip}); each key has one or more
 * values. A key with no values is absent. Immutable; build it with {@link #builder()}.
 *
 * <pre>{@code
 * ConditionContext context = ConditionContext.builder()
 *         .put("aws:username", "alice")
 *         .put("aws:SourceIp", "203.0.113.7")
 *         .put("aws:SecureTransport", "true")
 *         .build();
 * }</pre>
 */
public final class ConditionContext {
    private static final ConditionContext EMPTY = new ConditionContext(Map.of());

    private final Map<String, List<String>> values;

    private ConditionContext(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ConditionContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A context from a map of keys to values; keys that differ only in case are merged. */
    public static ConditionContext of(Map<String, ? extends List<String>> values) {
        Builder builder = builder();
        values.forEach(builder::add);
        return builder.build();
    }

    /** The values of a key (any case), empty if the key is absent. */
    public List<String> values(String key) {
        // keys are stored in lower case, so a hit on the key as given is the answer (compiled policies look up
        // keys they have already lower-cased: no case conversion on the hot path)
        List<String> found = values.get(Objects.requireNonNull(key, "key"));
        if (found == null) {
            String normalized = normalize(key);
            if (normalized != key) {
                found = values.get(normalized);
            }
        }
        return found == null ? List.of() : found;
    }

    /** The key's value if it has exactly one. */
    public Optional<String> singleValue(String key) {
        List<String> found = values(key);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public boolean contains(String key) {
        return !values(key).isEmpty();
    }

    /** The keys, in lower case. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The keys (lower case) and values. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        values.forEach(builder::add);
        return builder;
    }

    static String normalize(String key) {
        return Objects.requireNonNull(key, "key").toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionContext other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ConditionContext" + values;
    }

    /** Builds a {@link ConditionContext}. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a key to one value, replacing any it had. */
        public Builder put(String key, String value) {
            values.put(normalize(key), List.of(value));
            return this;
        }

        /** Sets a key's values, replacing any it had; no values removes the key. */
        public Builder put(String key, String... values) {
            return put(key, List.of(values));
        }

        /** Sets a key's values, replacing any it had; an empty list removes the key. */
        public Builder put(String key, List<String> values) {
            String normalized = normalize(key);
            List<String> copy = List.copyOf(values);
            if (copy.isEmpty()) {
                this.values.remove(normalized);
            } else {
                this.values.put(normalized, copy);
            }
            return this;
        }

        /** Adds values to a key. */
        public Builder add(String key, List<String> values) {
            List<String> copy = List.copyOf(values);
            if (!copy.isEmpty()) {
                this.values.merge(normalize(key), copy, (old, more) -> {
                    List<String> merged = new ArrayList<>(old.size() + more.size());
                    merged.addAll(old);
                    merged.addAll(more);
                    return List.copyOf(merged);
                });
            }
            return this;
        }

        public Builder add(String key, String value) {
            return add(key, List.of(value));
        }

        public Builder remove(String key) {
            values.remove(normalize(key));
            return this;
        }

        public ConditionContext build() {
            return values.isEmpty() ? EMPTY
                    : new ConditionContext(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
