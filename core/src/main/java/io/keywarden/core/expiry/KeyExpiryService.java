package io.keywarden.core.expiry;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.EventJson;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Action;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Step;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Verdict;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Service;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.KeyExpiryStore;
import io.keywarden.core.port.KeyExpiryStore.StoredPolicy;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.Transactions;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserTagStore;
import io.keywarden.core.service.AccessGuard;
import io.keywarden.core.service.IdentityService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Key expiry policies (docs/key-hygiene.md "Expiry policies"): GetKeyExpiryPolicy, PutKeyExpiryPolicy,
 * DeleteKeyExpiryPolicy, GetKeyHygieneReport, and {@link #enforce}, which the server's scheduler runs on one node at a
 * time. What the policy says about a key is decided by {@link KeyExpiryEvaluator} alone.
 *
 * <p>Each action is an audit event of the service itself (principal type {@code AWSService}, principal ID
 * {@link #ACTOR}), named {@link #NEAR_EXPIRY_EVENT}, {@link #DEACTIVATED_EVENT} or {@link #DELETED_EVENT}, whose
 * parameters give the key, the rule and threshold, the reason, the policy and the node that acted; the notifications
 * follow from these events (written to the outbox with them).
 */
public final class KeyExpiryService {
    public static final String NEAR_EXPIRY_EVENT = "KeyNearExpiry";
    public static final String DEACTIVATED_EVENT = "KeyDeactivatedByPolicy";
    public static final String DELETED_EVENT = "KeyDeletedByPolicy";
    /** Who acts in the audit trail: the service itself. */
    public static final String ACTOR = "keywarden.key-expiry";
    public static final String ACTOR_TYPE = "AWSService";
    /** The mark that remembers since when the scheduler has seen a key Inactive. */
    static final String INACTIVE_MARK = "inactive";
    private static final int USER_BATCH = 500;

    private final IdentityService identity;
    private final AccessGuard guard;
    private final UserStore users;
    private final UserTagStore tags;
    private final AccessKeyStore keys;
    private final KeyExpiryStore store;
    private final AuditStore audit;
    private final Supplier<String> eventIds;
    private final Clock clock;

    public KeyExpiryService(IdentityService identity, UserStore users, UserTagStore tags, AccessKeyStore keys,
                            KeyExpiryStore store, AuditStore audit, Supplier<String> eventIds, Clock clock) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.guard = identity.guard();
        this.users = Objects.requireNonNull(users, "users");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private AccountId account() {
        return guard.account();
    }

    // ---------------------------------------------------------------- the policy

    public StoredPolicy getPolicy(Caller caller) {
        guard.authorizeAny(caller, Catalogue.GET_KEY_EXPIRY_POLICY.action());
        return store.policy(account()).orElseThrow(() -> KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                "The account " + account().value() + " has no key expiry policy."));
    }

    public StoredPolicy putPolicy(Caller caller, KeyExpiryPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        guard.authorizeAny(caller, Catalogue.PUT_KEY_EXPIRY_POLICY.action());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.putPolicy(account(), policy, now);
        return new StoredPolicy(policy, now);
    }

    public void deletePolicy(Caller caller) {
        guard.authorizeAny(caller, Catalogue.DELETE_KEY_EXPIRY_POLICY.action());
        if (!store.deletePolicy(account())) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                    "The account " + account().value() + " has no key expiry policy.");
        }
    }

    // ---------------------------------------------------------------- the report

    /**
     * The age most security baselines allow a key, with or without a policy: AWS Security Hub's IAM.3 (rotate access
     * keys every 90 days) and IAM.8 (no credentials unused for 90 days), and the AWS console's IAM dashboard.
     */
    public static final int BASELINE_DAYS = 90;

    /**
     * Counts over every key of the account. Exempt keys count as exempt only in the policy's counts ({@code ok} to
     * {@code overDelete}); the baseline counts ({@code activeRootKeys}, {@code activeOlderThan90Days},
     * {@code activeUnusedFor90Days}: Active keys, older than / unused for more than {@link #BASELINE_DAYS} days, a key
     * never used counting from its creation) hold whatever the policy says, exemptions included.
     */
    public record Summary(int keys, int ok, int due, int overdue, int exempt, int overWarn, int overDeactivate,
                          int overDelete, int activeRootKeys, int activeOlderThan90Days, int activeUnusedFor90Days) {
    }

    /** The report: the policy (null when none), counts over all keys, and a page of keys in key ID order. */
    public record Report(StoredPolicy policy, Instant generatedAt, Summary summary, List<Verdict> keys,
                         String nextMarker) {
        public boolean isTruncated() {
            return nextMarker != null;
        }
    }

    public Report report(Caller caller, PageRequest page) {
        guard.authorizeAny(caller, Catalogue.GET_KEY_HYGIENE_REPORT.action());
        Instant now = clock.instant();
        Optional<StoredPolicy> policy = store.policy(account());
        List<Verdict> all = evaluateAll(policy.map(StoredPolicy::policy).orElse(null), now);
        String after = page.afterKey();
        List<Verdict> rest = after == null ? all
                : all.stream().filter(v -> v.key().id().value().compareTo(after) > 0).toList();
        boolean truncated = rest.size() > page.maxItems();
        List<Verdict> items = truncated ? rest.subList(0, page.maxItems()) : rest;
        String next = truncated ? PageRequest.markerFor(items.get(items.size() - 1).key().id().value()) : null;
        return new Report(policy.orElse(null), now, summarize(all), List.copyOf(items), next);
    }

    /** The counts the metrics show, for every key; no authorisation (the server's gauges). */
    public Summary summary(Instant now) {
        return summarize(evaluateAll(store.policy(account()).map(StoredPolicy::policy).orElse(null), now));
    }

    static Summary summarize(List<Verdict> all) {
        int ok = 0;
        int due = 0;
        int overdue = 0;
        int exempt = 0;
        int warn = 0;
        int deactivate = 0;
        int delete = 0;
        int root = 0;
        int old = 0;
        int unused = 0;
        for (Verdict v : all) {
            if (v.key().isActive()) {
                root += v.key().owner().isRoot() ? 1 : 0;
                old += v.ageDays() > BASELINE_DAYS ? 1 : 0;
                unused += v.unusedDays() > BASELINE_DAYS ? 1 : 0;
            }
            if (v.exempt()) {
                exempt++;
                continue;
            }
            switch (v.state()) {
                case OK -> ok++;
                case DUE -> {
                    due++;
                    warn++;
                }
                case OVERDUE -> {
                    overdue++;
                    if (v.key().isActive()) {
                        deactivate++;
                    } else {
                        delete++;
                    }
                }
            }
        }
        return new Summary(all.size(), ok, due, overdue, exempt, warn, deactivate, delete, root, old, unused);
    }

    /** Every live key of the account (root's first, then users' by name), evaluated, in key ID order. */
    private List<Verdict> evaluateAll(KeyExpiryPolicy policy, Instant now) {
        Map<String, Map<String, Instant>> marks = store.marks(account());
        List<Verdict> out = new ArrayList<>();
        for (Owned o : liveKeys(policy != null && !policy.exemptions().isEmpty())) {
            Map<String, Instant> m = marks.getOrDefault(o.key().id().value(), Map.of());
            out.add(KeyExpiryEvaluator.evaluate(policy, o.key(), o.tags(), m.get(INACTIVE_MARK), m.keySet(), now));
        }
        out.sort(Comparator.comparing(v -> v.key().id().value()));
        return out;
    }

    private record Owned(AccessKey key, List<Tag> tags) {
    }

    private List<Owned> liveKeys(boolean withTags) {
        List<Owned> out = new ArrayList<>();
        for (AccessKey k : keys.listByOwner(account(), account().value())) {
            out.add(new Owned(k, List.of()));
        }
        String after = null;
        while (true) {
            List<User> batch = users.list(account(), "/", after, USER_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Map<String, List<AccessKey>> byOwner = keys.listByOwners(account(),
                    batch.stream().map(User::userId).toList());
            for (User u : batch) {
                List<AccessKey> owned = byOwner.getOrDefault(u.userId(), List.of());
                if (owned.isEmpty()) {
                    continue;
                }
                List<Tag> ownerTags = withTags ? tags.userTags(account(), u.userId()) : List.of();
                owned.forEach(k -> out.add(new Owned(k, ownerTags)));
            }
            if (batch.size() < USER_BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).userName().key();
        }
        return out;
    }

    // ---------------------------------------------------------------- enforcement

    /** One action the policy took. */
    public record Applied(String accessKeyId, String userName, Action action, KeyExpiryEvaluator.Rule rule,
                          int thresholdDays, String reason, String eventId) {
    }

    /** What an audit event of an action says ({@code requestParameters}). */
    record ActionDetail(String accessKeyId, String userName, String action, String rule, int thresholdDays,
                        long ageDays, long unusedDays, String reason, String node, KeyExpiryPolicy policy,
                        Instant policyUpdatedAt) {
    }

    /**
     * Applies the policy as of {@code now} (the server's scheduler, on the node holding the lease): remembers since
     * when keys are Inactive, then, unless the policy is a dry run, gives each due warning once (per key and
     * threshold), deactivates Active keys past an action threshold and deletes Inactive keys past the deletion
     * threshold, each action with its audit event in one transaction. A key already Inactive is not deactivated
     * again, a key already deleted not deleted again. Without a policy nothing is done.
     *
     * @param node the name of the node that acts, recorded in each event
     */
    public List<Applied> enforce(Instant now, String node, Transactions tx) {
        Optional<StoredPolicy> stored = store.policy(account());
        Map<String, Map<String, Instant>> marks = store.marks(account());
        List<Owned> all = liveKeys(stored.isPresent() && !stored.get().policy().exemptions().isEmpty());
        List<Applied> done = new ArrayList<>();
        for (Owned o : all) {
            AccessKey key = o.key();
            String id = key.id().value();
            Map<String, Instant> m = marks.getOrDefault(id, Map.of());
            Instant inactiveSince = m.get(INACTIVE_MARK);
            if (!key.isActive() && inactiveSince == null) {
                store.mark(account(), id, INACTIVE_MARK, now);
                inactiveSince = now;
            } else if (key.isActive() && inactiveSince != null) {
                store.unmark(account(), id, INACTIVE_MARK); // reactivated: the clock starts again when deactivated
                inactiveSince = null;
            }
            if (stored.isEmpty() || stored.get().policy().dryRun()) {
                continue;
            }
            Verdict v = KeyExpiryEvaluator.evaluate(stored.get().policy(), key, o.tags(), inactiveSince,
                    m.keySet(), now);
            for (Step step : v.due()) {
                Applied[] applied = {null};
                tx.inTransaction(() -> applied[0] = apply(stored.get(), v, step, now, node));
                if (applied[0] != null) {
                    done.add(applied[0]);
                }
            }
        }
        return done;
    }

    private Applied apply(StoredPolicy policy, Verdict v, Step step, Instant now, String node) {
        String id = v.key().id().value();
        Optional<AccessKey> current = keys.find(v.key().id()).map(StoredAccessKey::key);
        if (current.isEmpty()) {
            return null; // deleted meanwhile
        }
        AccessKey key = current.get();
        String event;
        switch (step.action()) {
            case WARN -> {
                if (!key.isActive() || !store.mark(account(), id, step.mark(), now)) {
                    return null;
                }
                event = NEAR_EXPIRY_EVENT;
            }
            case DEACTIVATE -> {
                if (!key.isActive() || key.owner().isRoot()) {
                    return null;
                }
                identity.setKeyStatus(key, KeyStatus.INACTIVE);
                store.mark(account(), id, INACTIVE_MARK, now);
                event = DEACTIVATED_EVENT;
            }
            case DELETE -> {
                if (key.isActive() || key.owner().isRoot() || !identity.removeKey(key)) {
                    return null;
                }
                store.forget(account(), id);
                event = DELETED_EVENT;
            }
            default -> throw new IllegalStateException(step.action().toString());
        }
        String userName = key.owner().name().map(n -> n.value()).orElse(null);
        String eventId = eventIds.get();
        ActionDetail detail = new ActionDetail(id, userName, step.action().wireName(), step.rule().wireName(),
                step.thresholdDays(), v.ageDays(), v.unusedDays(), step.reason(), node, policy.policy(),
                policy.updatedAt());
        String response = step.action() == Action.DEACTIVATE ? "{\"status\":\"Inactive\"}" : null;
        audit.append(account(), List.of(new AuditRecord(eventId, clock.instant(), account().value(),
                Service.KEYWARDEN.eventSource(), event, false, ACTOR_TYPE, null, ACTOR, null, null, null, ACTOR,
                EventJson.write(detail), response, null, null, eventId, 0)));
        return new Applied(id, userName, step.action(), step.rule(), step.thresholdDays(), step.reason(), eventId);
    }
}
