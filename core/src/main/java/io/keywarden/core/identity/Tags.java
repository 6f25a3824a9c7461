package io.keywarden.core.identity;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of an entity's tag set, one place for users and roles: tagging replaces the value of a key the entity
 * has (keys compared ignoring case), at most {@link Tag#MAX_TAGS} tags in all ({@code LimitExceeded}), tags listed
 * by key ignoring case.
 */
public final class Tags {
    /** The order tags are listed in: by key ignoring case. */
    public static final Comparator<Tag> ORDER = Comparator.comparing(Tag::keyFold);

    private Tags() {
    }

    /**
     * The entity's tags with {@code added} set: a key it has gets the new value (and spelling), others are added.
     *
     * @param entity how errors name the entity ({@code user alice}, {@code role deploy})
     */
    public static List<Tag> merge(List<Tag> existing, List<Tag> added, String entity) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        for (Tag t : existing) {
            byKey.put(t.keyFold(), t);
        }
        for (Tag t : added) {
            byKey.put(t.keyFold(), t);
        }
        requireWithinLimit(byKey.size(), entity);
        return byKey.values().stream().sorted(ORDER).toList();
    }

    /** {@code LimitExceeded} when an entity would have more than 50 tags. */
    public static void requireWithinLimit(int count, String entity) {
        if (count > Tag.MAX_TAGS) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED,
                    "The number of tags on " + entity + " cannot exceed " + Tag.MAX_TAGS + " tags.");
        }
    }

    /** The tags without those whose key is one of {@code keys}, ignoring case. */
    public static List<Tag> remove(List<Tag> existing, Collection<String> keys) {
        Set<String> gone = keys.stream().map(Tag::fold).collect(Collectors.toSet());
        return existing.stream().filter(t -> !gone.contains(t.keyFold())).sorted(ORDER).toList();
    }

    /** A page of tags in {@link #ORDER}; the marker is the last key's folded form. */
    public static Page<Tag> page(List<Tag> tags, PageRequest page) {
        String after = page.afterKey();
        List<Tag> rest = new ArrayList<>();
        for (Tag t : tags.stream().sorted(ORDER).toList()) {
            if (after == null || t.keyFold().compareTo(after) > 0) {
                rest.add(t);
            }
        }
        boolean truncated = rest.size() > page.maxItems();
        List<Tag> items = truncated ? rest.subList(0, page.maxItems()) : rest;
        return Page.of(List.copyOf(items), truncated ? PageRequest.markerFor(items.get(items.size() - 1).keyFold())
                : null);
    }
}
