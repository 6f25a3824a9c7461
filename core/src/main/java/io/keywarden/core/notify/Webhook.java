package io.keywarden.core.notify;

import io.keywarden.core.error.KeywardenException;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A webhook: where notifications of the subscribed events are delivered. Its signing secret is not part of it: it is
 * shown once, then kept sealed by the store.
 *
 * @param id     {@code wh-} and 17 base32 characters
 * @param events the subscribed events' wire names ({@link NotificationEvent}) or {@code *} for all
 */
public record Webhook(String id, String account, String url, List<String> events, Instant createDate,
                      Instant updateDate) {
    public static final int MAX_EVENTS = 32;

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
    }

    /** Whether the webhook subscribes to the event. */
    public boolean subscribes(NotificationEvent event) {
        return events.contains(NotificationEvent.ALL) || events.contains(event.wireName());
    }

    /** The event list as given, checked: 1 to 32 known event names or {@code *}, duplicates dropped. */
    public static List<String> checkEvents(List<String> events) {
        if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw KeywardenException.validation("events", "Member must have between 1 and " + MAX_EVENTS + " items");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String e : events) {
            if (e == null || !(e.equals(NotificationEvent.ALL) || NotificationEvent.byWireName(e).isPresent())) {
                throw KeywardenException.validation("events", "Member must be * or one of " + known()
                        + " (got '" + (e == null ? "" : cut(e)) + "')");
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    private static String known() {
        return String.join(", ", java.util.Arrays.stream(NotificationEvent.values())
                .map(NotificationEvent::wireName).toList());
    }

    private static String cut(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
