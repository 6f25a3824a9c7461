/**
 * Notifications and webhooks (docs/webhooks.md): the events Keywarden announces ({@link NotificationEvent}), the port
 * that publishes one ({@link Notifications}, written to a durable outbox by the server), the events derived from the
 * audit trail ({@link AuditNotifications}), webhook configuration ({@link WebhookService}), the signature a receiver
 * checks ({@link WebhookSignature}), which URLs may be called ({@link WebhookUrlPolicy}) and the retry schedule
 * ({@link RetrySchedule}). Pure: no HTTP, no JDBC.
 */
package io.keywarden.core.notify;
