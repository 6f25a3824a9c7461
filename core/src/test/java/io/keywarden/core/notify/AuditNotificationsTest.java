package io.keywarden.core.notify;

import io.keywarden.core.audit.AuditRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditNotificationsTest {
    private static final Instant T = Instant.parse("2026-12-05T06:00:00Z");
    private static final String ROOT_ARN = "arn:aws:iam::123456789012:root";
    private static final String ALICE_ARN = "arn:aws:iam::123456789012:user/alice";

    private static AuditRecord event(String name, String principalType, String arn, String keyId, String params,
                                     String errorCode) {
        return new AuditRecord("e-" + name, T, "123456789012", "iam.amazonaws.com", name, false, principalType, arn,
                "AIDAX", principalType.equals("Root") ? null : "alice", keyId, "203.0.113.7", "test", params, null,
                errorCode, errorCode == null ? null : "no", "r1", errorCode == null ? 200 : 403);
    }

    private final AuditNotifications notifications =
            new AuditNotifications(Clock.fixed(T, ZoneOffset.UTC), Duration.ofHours(1));

    @Test
    void policyChangesAreAnnouncedWithWhatChanged() {
        List<Notification> out = notifications.of(List.of(event("AttachRolePolicy", "IAMUser", ALICE_ARN,
                "AKIAALICE", "{\"roleName\":\"deployer\",\"policyArn\":\"arn:aws:iam::aws:policy/X\"}", null)));

        assertThat(out).singleElement().satisfies(n -> {
            assertThat(n.event()).isEqualTo(NotificationEvent.POLICY_CHANGED);
            assertThat(n.detail()).containsEntry("change", "AttachRolePolicy").containsEntry("roleName", "deployer")
                    .containsEntry("policyArn", "arn:aws:iam::aws:policy/X").containsEntry("principalArn", ALICE_ARN);
        });
    }

    @Test
    void deactivationAndDeletionOfKeysAreAnnounced() {
        List<Notification> out = notifications.of(List.of(
                event("UpdateAccessKey", "IAMUser", ALICE_ARN, "AKIAALICE",
                        "{\"accessKeyId\":\"AKIAOLD\",\"status\":\"Inactive\",\"userName\":\"bob\"}", null),
                event("UpdateAccessKey", "IAMUser", ALICE_ARN, "AKIAALICE",
                        "{\"accessKeyId\":\"AKIAOLD\",\"status\":\"Active\"}", null),
                event("DeleteAccessKey", "IAMUser", ALICE_ARN, "AKIAALICE", "{\"accessKeyId\":\"AKIAOLD\"}", null)));

        assertThat(out).extracting(Notification::event)
                .containsExactly(NotificationEvent.KEY_DEACTIVATED, NotificationEvent.KEY_DELETED);
        assertThat(out.get(0).detail()).containsEntry("accessKeyId", "AKIAOLD").containsEntry("userName", "bob");
        assertThat(out.get(1).detail()).containsEntry("userName", "alice"); // the caller's own key
    }

    @Test
    void failedCallsAnnounceNothing() {
        assertThat(notifications.of(List.of(event("PutUserPolicy", "IAMUser", ALICE_ARN, "AKIAALICE",
                "{\"userName\":\"alice\"}", "AccessDenied")))).isEmpty();
    }

    @Test
    void rootKeyUseIsAnnouncedOncePerKeyPerInterval() {
        AuditRecord use = event("ListUsers", "Root", ROOT_ARN, "AKIAROOT", null, null);
        AuditRecord otherKey = event("ListUsers", "Root", ROOT_ARN, "AKIAROOT2", null, null);

        List<Notification> out = notifications.of(List.of(use, use, otherKey, use));

        assertThat(out).extracting(n -> n.detail().get("callerAccessKeyId")).containsExactly("AKIAROOT", "AKIAROOT2");
        assertThat(out).allMatch(n -> n.event() == NotificationEvent.ROOT_KEY_USED);
    }

    @Test
    void rootKeyUseIsAnnouncedAgainAfterTheInterval() {
        Instant[] now = {T};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AuditNotifications n = new AuditNotifications(moving, Duration.ofHours(1));
        AuditRecord use = event("GetUser", "Root", ROOT_ARN, "AKIAROOT", null, null);

        assertThat(n.of(List.of(use))).hasSize(1);
        now[0] = T.plus(Duration.ofMinutes(59));
        assertThat(n.of(List.of(use))).isEmpty();
        now[0] = T.plus(Duration.ofMinutes(60));
        assertThat(n.of(List.of(use))).hasSize(1);
    }

    @Test
    void webhookSubscribesToNamedEventsOrAll() {
        Webhook some = new Webhook("wh-1", "123456789012", "https://x.example/", List.of("key.deleted"), T, T);
        Webhook all = new Webhook("wh-2", "123456789012", "https://x.example/", List.of("*"), T, T);

        assertThat(some.subscribes(NotificationEvent.KEY_DELETED)).isTrue();
        assertThat(some.subscribes(NotificationEvent.POLICY_CHANGED)).isFalse();
        assertThat(all.subscribes(NotificationEvent.SIGN_IN_FAILED_REPEATEDLY)).isTrue();
    }

    @Test
    void unknownEventNamesAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Webhook.checkEvents(List.of("key.exploded")))
                .hasMessageContaining("'events'");
        assertThat(Webhook.checkEvents(List.of("key.deleted", "key.deleted", "*"))).containsExactly("key.deleted", "*");
    }

    private static AuditRecord quarantine(String response) {
        return new AuditRecord("e-q", T, "123456789012", "keywarden", "QuarantineAccessKey", false, "Root", ROOT_ARN,
                "123456789012", null, null, "203.0.113.7", "test",
                "{\"accessKeyId\":\"AKIALEAKED\",\"reason\":\"pushed to a public repo\",\"deactivate\":true}",
                response, null, null, "r2", 200);
    }

    @Test
    void aQuarantineIsAnnouncedWithTheKeyItsOwnerAndTheReasonAndThePolicyChange() {
        List<Notification> out = notifications.of(List.of(quarantine("{\"accessKeyId\":\"AKIALEAKED\","
                + "\"alreadyAttached\":false,\"policyArn\":\"arn:aws:iam::aws:policy/Q\",\"status\":\"Inactive\","
                + "\"userName\":\"leaky\"}")));

        assertThat(out).extracting(Notification::event)
                .containsExactly(NotificationEvent.KEY_QUARANTINED, NotificationEvent.POLICY_CHANGED);
        assertThat(out.get(0).detail()).containsEntry("accessKeyId", "AKIALEAKED").containsEntry("userName", "leaky")
                .containsEntry("status", "Inactive").containsEntry("reason", "pushed to a public repo")
                .containsEntry("policyArn", "arn:aws:iam::aws:policy/Q").containsEntry("alreadyAttached", false)
                .containsEntry("principalArn", ROOT_ARN);
        assertThat(out.get(1).detail()).containsEntry("change", "QuarantineAccessKey")
                .containsEntry("userName", "leaky").containsEntry("policyArn", "arn:aws:iam::aws:policy/Q");
    }

    @Test
    void aSecondQuarantineOfTheSameOwnerChangesNoPolicy() {
        List<Notification> out = notifications.of(List.of(quarantine("{\"accessKeyId\":\"AKIALEAKED\","
                + "\"alreadyAttached\":true,\"status\":\"Active\",\"userName\":\"leaky\"}")));

        assertThat(out).extracting(Notification::event).containsExactly(NotificationEvent.KEY_QUARANTINED);
        assertThat(out.get(0).detail()).containsEntry("alreadyAttached", true);
    }
}
