package io.keywarden.core.port;

import io.keywarden.core.notify.DeliveryAttempt;
import io.keywarden.core.notify.Webhook;

import java.util.List;
import java.util.Optional;

/** Webhooks and their delivery log. Secrets arrive sealed ({@code v<version>:<data>}); the store never sees them in clear. */
public interface WebhookStore {
    void insert(Webhook webhook, String sealedSecret);

    Optional<Webhook> find(String account, String id);

    /** All webhooks of the account, oldest first. */
    List<Webhook> list(String account);

    /** Replaces the URL and events, and the sealed secret when it is not null; false when there is no such webhook. */
    boolean update(Webhook webhook, String sealedSecretOrNull);

    /** Deletes the webhook, its pending deliveries and its delivery log; false when there was none. */
    boolean delete(String account, String id);

    /** The webhook's delivery log, newest first, below position {@code beforeSeq} (null for the newest). */
    List<DeliveryAttempt> attempts(String account, String webhookId, Long beforeSeq, int limit);
}
