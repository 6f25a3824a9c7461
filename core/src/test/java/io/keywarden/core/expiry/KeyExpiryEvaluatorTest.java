package io.keywarden.core.expiry;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Action;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Rule;
import io.keywarden.core.expiry.KeyExpiryEvaluator.State;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Verdict;
import io.keywarden.core.expiry.KeyExpiryPolicy.Exemption;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluator with a fixed time: every threshold at and around its boundary. */
class KeyExpiryEvaluatorTest {
    private static final AccountId ACCOUNT = AccountId.of("123456789012");
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final KeyExpiryPolicy AGE = new KeyExpiryPolicy(80, 90, 30, null, null, List.of(), false);

    private static Instant day(long d) {
        return CREATED.plus(Duration.ofDays(d));
    }

    private static AccessKey key(KeyStatus status, Instant lastUsed) {
        return new AccessKey(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA1"), ACCOUNT,
                KeyOwner.user("AIDAEXAMPLE", UserName.of("alice")), status, CREATED,
                lastUsed == null ? null : new LastUsed(lastUsed, "iam", "us-east-1"));
    }

    private static AccessKey rootKey() {
        return new AccessKey(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA2"), ACCOUNT, KeyOwner.root(ACCOUNT),
                KeyStatus.ACTIVE, CREATED, null);
    }

    private static Verdict eval(KeyExpiryPolicy policy, AccessKey key, Instant now) {
        return KeyExpiryEvaluator.evaluate(policy, key, List.of(), null, Set.of(), now);
    }

    @Test
    void beforeTheWarningAKeyIsOkAndTheWarningIsNextAtExactlyWDays() {
        Verdict v = eval(AGE, key(KeyStatus.ACTIVE, null), day(80).minusMillis(1));
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(v.ageDays()).isEqualTo(79);
        assertThat(v.due()).isEmpty();
        assertThat(v.next().action()).isEqualTo(Action.WARN);
        assertThat(v.next().at()).isEqualTo(day(80));
        assertThat(v.next().reason()).contains("warnAfterDays 80");
    }

    @Test
    void atExactlyWDaysTheKeyIsDueAndTheWarningIsDueOnce() {
        Verdict v = eval(AGE, key(KeyStatus.ACTIVE, null), day(80));
        assertThat(v.state()).isEqualTo(State.DUE);
        assertThat(v.due()).extracting(KeyExpiryEvaluator.Step::mark).containsExactly("warn:maxAge:80");
        Verdict warned = KeyExpiryEvaluator.evaluate(AGE, key(KeyStatus.ACTIVE, null), List.of(), null,
                Set.of("warn:maxAge:80"), day(85));
        assertThat(warned.state()).isEqualTo(State.DUE);
        assertThat(warned.due()).isEmpty();
        assertThat(warned.next().action()).isEqualTo(Action.DEACTIVATE);
        assertThat(warned.next().at()).isEqualTo(day(90));
    }

    @Test
    void atExactlyDDaysTheKeyIsOverdueAndOnlyTheDeactivationIsTaken() {
        Verdict v = eval(AGE, key(KeyStatus.ACTIVE, null), day(90));
        assertThat(v.state()).isEqualTo(State.OVERDUE);
        assertThat(v.due()).hasSize(1);
        assertThat(v.due().get(0).action()).isEqualTo(Action.DEACTIVATE);
        assertThat(v.due().get(0).rule()).isEqualTo(Rule.MAX_AGE);
        assertThat(v.next()).isEqualTo(v.due().get(0));
    }

    @Test
    void aNeverUsedKeyCountsItsIdleTimeFromCreation() {
        KeyExpiryPolicy unused = new KeyExpiryPolicy(null, null, null, 30, 45, List.of(), false);
        Verdict v = eval(unused, key(KeyStatus.ACTIVE, null), day(30));
        assertThat(v.unusedDays()).isEqualTo(30);
        assertThat(v.state()).isEqualTo(State.DUE);
        assertThat(v.due().get(0).rule()).isEqualTo(Rule.UNUSED);
        assertThat(v.due().get(0).reason()).contains("never used");
        Verdict used = eval(unused, key(KeyStatus.ACTIVE, day(20)), day(30));
        assertThat(used.state()).isEqualTo(State.OK);
        assertThat(used.unusedDays()).isEqualTo(10);
        assertThat(used.next().at()).isEqualTo(day(50));
    }

    @Test
    void anInactiveKeyIsDeletedOnlyAfterZDaysInactiveAndUnused() {
        // Inactive since day 100, used on day 110 (it was reactivated and deactivated again): counts from day 110
        Verdict recent = KeyExpiryEvaluator.evaluate(AGE, key(KeyStatus.INACTIVE, day(110)), List.of(), day(100),
                Set.of(), day(139));
        assertThat(recent.state()).isEqualTo(State.OK);
        assertThat(recent.next().action()).isEqualTo(Action.DELETE);
        assertThat(recent.next().at()).isEqualTo(day(140));
        Verdict old = KeyExpiryEvaluator.evaluate(AGE, key(KeyStatus.INACTIVE, day(10)), List.of(), day(100),
                Set.of(), day(130));
        assertThat(old.state()).isEqualTo(State.OVERDUE);
        assertThat(old.due()).extracting(KeyExpiryEvaluator.Step::action).containsExactly(Action.DELETE);
        // not known since when Inactive: the clock starts now
        Verdict unknown = eval(AGE, key(KeyStatus.INACTIVE, null), day(500));
        assertThat(unknown.due()).isEmpty();
        assertThat(unknown.next().at()).isEqualTo(day(530));
    }

    @Test
    void anInactiveKeyIsNotWarnedAboutNorDeactivatedAgain() {
        Verdict v = KeyExpiryEvaluator.evaluate(new KeyExpiryPolicy(80, 90, null, null, null, List.of(), false),
                key(KeyStatus.INACTIVE, null), List.of(), day(95), Set.of(), day(200));
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(v.due()).isEmpty();
        assertThat(v.next()).isNull();
    }

    @Test
    void anExemptKeyIsReportedButNothingIsDue() {
        KeyExpiryPolicy p = new KeyExpiryPolicy(80, 90, null, null, null,
                List.of(new Exemption("break-glass", null), new Exemption("env", "prod")), false);
        Verdict v = KeyExpiryEvaluator.evaluate(p, key(KeyStatus.ACTIVE, null), List.of(new Tag("Break-Glass", "")),
                null, Set.of(), day(100));
        assertThat(v.exempt()).isTrue();
        assertThat(v.exemptBy().tagKey()).isEqualTo("break-glass");
        assertThat(v.state()).isEqualTo(State.OVERDUE);
        assertThat(v.due()).isEmpty();
        assertThat(v.next()).isNull();
        assertThat(v.note()).contains("exempt");
        Verdict otherValue = KeyExpiryEvaluator.evaluate(p, key(KeyStatus.ACTIVE, null),
                List.of(new Tag("env", "dev")), null, Set.of(), day(100));
        assertThat(otherValue.exempt()).isFalse();
        assertThat(otherValue.due()).hasSize(1);
    }

    @Test
    void aRootKeyIsWarnedAboutButNeverDeactivated() {
        Verdict v = eval(AGE, rootKey(), day(100));
        assertThat(v.state()).isEqualTo(State.OVERDUE);
        assertThat(v.due()).extracting(KeyExpiryEvaluator.Step::action).containsExactly(Action.WARN);
        assertThat(v.note()).contains("root");
        Verdict warned = KeyExpiryEvaluator.evaluate(AGE, rootKey(), List.of(), null, Set.of("warn:maxAge:80"),
                day(100));
        assertThat(warned.due()).isEmpty();
        assertThat(warned.next()).isNull();
    }

    @Test
    void withoutAPolicyOnlyAgesAreReported() {
        Verdict v = eval(null, key(KeyStatus.ACTIVE, day(3)), day(400));
        assertThat(v.ageDays()).isEqualTo(400);
        assertThat(v.unusedDays()).isEqualTo(397);
        assertThat(v.state()).isEqualTo(State.OK);
        assertThat(v.next()).isNull();
    }

    @Test
    void thePolicyIsChecked() {
        assertError(ErrorCode.INVALID_INPUT, () -> new KeyExpiryPolicy(90, 90, null, null, null, null, false),
                "warnAfterDays (90) must be less than deactivateAfterDays (90)");
        assertError(ErrorCode.INVALID_INPUT, () -> new KeyExpiryPolicy(null, null, null, 50, 40, null, false),
                "unusedWarnAfterDays");
        assertError(ErrorCode.VALIDATION_ERROR, () -> new KeyExpiryPolicy(0, null, null, null, null, null, false),
                "warnAfterDays");
        assertError(ErrorCode.VALIDATION_ERROR, () -> new KeyExpiryPolicy(null, null, 3651, null, null, null,
                false), "deleteAfterDays");
        assertError(ErrorCode.INVALID_INPUT, () -> new KeyExpiryPolicy(null, null, null, null, null, null, true),
                "at least one");
        assertError(ErrorCode.VALIDATION_ERROR, () -> new KeyExpiryPolicy(10, null, null, null, null,
                List.of(new Exemption("bad#key", null)), false), "tags.member.key");
        assertError(ErrorCode.INVALID_INPUT, () -> new KeyExpiryPolicy(10, null, null, null, null,
                List.of(new Exemption("a", null), new Exemption("a", null)), false), "twice");
        assertThat(new KeyExpiryPolicy(null, 90, null, null, null, null, false).exemptions()).isEmpty();
    }

    private static void assertError(ErrorCode code, Runnable call, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(text);
        });
    }
}
