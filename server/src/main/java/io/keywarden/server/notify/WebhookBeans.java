package io.keywarden.server.notify;

import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.notify.AuditNotifications;
import io.keywarden.core.notify.WebhookService;
import io.keywarden.core.notify.WebhookUrlPolicy;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.persistence.JdbcWebhookStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;

/** The webhook use case, the URL policy from {@code keywarden.webhooks.*}, and the events derived from the trail. */
@Factory
public class WebhookBeans {
    @Singleton
    WebhookUrlPolicy webhookUrlPolicy(WebhookConfig config) {
        return new WebhookUrlPolicy(config.allowedHostList(), config.isAllowLoopback(), config.isAllowPrivate());
    }

    @Singleton
    WebhookService webhookService(IdentityService identity, JdbcWebhookStore store, SecretSealer sealer,
                                  WebhookUrlPolicy urls, Clock clock, SecureRandom random) {
        return new WebhookService(identity.guard(), store, sealer, urls, clock, random);
    }

    @Singleton
    AuditNotifications auditNotifications(Clock clock, WebhookConfig config) {
        return new AuditNotifications(clock, config.getRootKeyInterval());
    }
}
