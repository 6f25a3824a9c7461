package io.keywarden.core.notify;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.UniqueIds;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.WebhookStore;
import io.keywarden.core.service.AccessGuard;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Webhooks configured through the API: create (the signing secret generated unless given, answered once), list, get,
 * update (URL, events, a new secret), delete, and the delivery log. Each action is authorised with its catalogue
 * action ({@code keywarden:CreateWebhook}, ...) on {@code *} before anything is read or changed; URLs are checked by
 * the {@link WebhookUrlPolicy}; secrets are sealed with the master key before they reach the store.
 */
public final class WebhookService {
    /** Webhooks per account. */
    public static final int MAX_WEBHOOKS = 20;

    /** A webhook just created (or its secret just replaced), with the one sight of its secret. */
    public record Created(Webhook webhook, WebhookSecret secret) {
    }

    private final AccessGuard guard;
    private final WebhookStore store;
    private final SecretSealer sealer;
    private final WebhookUrlPolicy urls;
    private final Clock clock;
    private final RandomGenerator random;

    public WebhookService(AccessGuard guard, WebhookStore store, SecretSealer sealer, WebhookUrlPolicy urls,
                          Clock clock, RandomGenerator random) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.store = Objects.requireNonNull(store, "store");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The sealing context of a webhook's secret (the additional authenticated data). */
    public static String sealingContext(String webhookId) {
        return "webhook:" + webhookId;
    }

    public Created create(Caller caller, String url, List<String> events, WebhookSecret secret) {
        guard.authorizeAny(caller, Catalogue.CREATE_WEBHOOK.action());
        String checkedUrl = urls.check(url).toString();
        List<String> checkedEvents = Webhook.checkEvents(events);
        String account = guard.account().value();
        if (store.list(account).size() >= MAX_WEBHOOKS) {
            throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for WebhooksPerAccount: "
                    + MAX_WEBHOOKS);
        }
        WebhookSecret s = secret != null ? secret : WebhookSecret.generate(random);
        Instant now = now();
        Webhook webhook = new Webhook(UniqueIds.generate("wh-", random), account, checkedUrl, checkedEvents, now, now);
        store.insert(webhook, sealer.seal(sealingContext(webhook.id()), s.reveal()));
        return new Created(webhook, s);
    }

    public List<Webhook> list(Caller caller) {
        guard.authorizeAny(caller, Catalogue.LIST_WEBHOOKS.action());
        return store.list(guard.account().value());
    }

    public Webhook get(Caller caller, String id) {
        guard.authorizeAny(caller, Catalogue.GET_WEBHOOK.action());
        return require(id);
    }

    /**
     * Replaces what is given: the URL, the events, the secret ({@code rotateSecret} generates a new one when none is
     * given). Answers the new secret when it changed, otherwise null.
     */
    public Created update(Caller caller, String id, String url, List<String> events, WebhookSecret secret,
                          boolean rotateSecret) {
        guard.authorizeAny(caller, Catalogue.UPDATE_WEBHOOK.action());
        String checkedUrl = url == null ? null : urls.check(url).toString();
        List<String> checkedEvents = events == null ? null : Webhook.checkEvents(events);
        Webhook current = require(id);
        WebhookSecret newSecret = secret != null ? secret : rotateSecret ? WebhookSecret.generate(random) : null;
        Webhook updated = new Webhook(current.id(), current.account(), checkedUrl != null ? checkedUrl : current.url(),
                checkedEvents != null ? checkedEvents : current.events(), current.createDate(), now());
        if (!store.update(updated, newSecret == null ? null : sealer.seal(sealingContext(id), newSecret.reveal()))) {
            throw noSuchWebhook(id);
        }
        return new Created(updated, newSecret);
    }

    public void delete(Caller caller, String id) {
        guard.authorizeAny(caller, Catalogue.DELETE_WEBHOOK.action());
        if (!store.delete(guard.account().value(), id)) {
            throw noSuchWebhook(id);
        }
    }

    /** The webhook's delivery log, newest first. */
    public Page<DeliveryAttempt> deliveries(Caller caller, String id, PageRequest page) {
        guard.authorizeAny(caller, Catalogue.LIST_WEBHOOK_DELIVERIES.action());
        require(id);
        String after = page.afterKey();
        Long before;
        try {
            before = after == null ? null : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "invalid marker");
        }
        List<DeliveryAttempt> found = store.attempts(guard.account().value(), id, before, page.maxItems() + 1);
        boolean truncated = found.size() > page.maxItems();
        List<DeliveryAttempt> items = truncated ? found.subList(0, page.maxItems()) : found;
        return Page.of(items, truncated ? PageRequest.markerFor(Long.toString(items.get(items.size() - 1).seq()))
                : null);
    }

    private Webhook require(String id) {
        return store.find(guard.account().value(), id).orElseThrow(() -> noSuchWebhook(id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static KeywardenException noSuchWebhook(String id) {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "The webhook with id " + id + " cannot be found.");
    }
}
