package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook (docs/webhooks.md). {@link #secret()} is present only in the answer that created it or replaced its
 * secret; keep it then, it is never shown again. {@link #toString()} leaves it out.
 *
 * @param webhookId  the webhook ID ({@code wh-...})
 * @param url        where deliveries are POSTed
 * @param events     the subscribed event names, or {@code *}
 * @param createDate when it was created
 * @param updateDate when it was last changed
 */
public record Webhook(String webhookId, String url, List<String> events, Instant createDate, Instant updateDate,
                      Optional<String> secret) {
    public Webhook {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Webhook[webhookId=" + webhookId + ", url=" + url + ", events=" + events + ", createDate=" + createDate
                + ", updateDate=" + updateDate + ", secret=" + (secret.isPresent() ? "[redacted]" : "absent") + "]";
    }
}
