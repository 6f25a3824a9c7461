package io.keywarden.core.service;

import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AccessDenied;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.KeyChangeListener;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The identity and access-key use cases, shared by both faces of the server. Every operation authorises
 * {@code iam:{Action}} on its target through the {@link Authorizer} before it reads or changes anything.
 */
public final class IdentityService {
    private static final int MAX_ID_ATTEMPTS = 8;

    private final Account account;
    private final UserStore users;
    private final AccessKeyStore keys;
    private final SecretSealer sealer;
    private final AccessGuard guard;
    private final RandomGenerator random;
    private final Clock clock;
    private final KeyRules rules;
    private final KeyChangeListener keyChanges;

    private IdentityService(Builder b) {
        this.account = Objects.requireNonNull(b.account, "account");
        this.users = Objects.requireNonNull(b.users, "users");
        this.keys = Objects.requireNonNull(b.keys, "keys");
        this.sealer = Objects.requireNonNull(b.sealer, "sealer");
        this.guard = new AccessGuard(account.id(), users, Objects.requireNonNull(b.authorizer, "authorizer"));
        this.random = Objects.requireNonNull(b.random, "random");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.rules = Objects.requireNonNull(b.rules, "rules");
        this.keyChanges = b.keyChanges == null ? id -> { } : b.keyChanges;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The authorisation helper this service uses, for use cases that build on it. */
    public AccessGuard guard() {
        return guard;
    }

    public Account account() {
        return account;
    }

    public AccountId accountId() {
        return account.id();
    }

    // ---------------------------------------------------------------- users

    public User createUser(Caller caller, String userName, String path) {
        UserName name = UserName.of(userName);
        UserPath userPath = UserPath.of(path);
        User user = new User(account.id(), io.keywarden.core.identity.UniqueIds.generate("AIDA", random), name, userPath, now());
        authorize(caller, Catalogue.CREATE_USER.action(), user.arn(), "user " + name);
        users.insert(user);
        return user;
    }

    /** GetUser; with no name, the caller (root answers with the account's root identity). */
    public UserInfo getUser(Caller caller, String userName) {
        if (userName == null) {
            Principal p = caller.principal();
            requireUserOrRoot(p);
            authorize(caller, Catalogue.GET_USER.action(), p.arn(), describe(p));
            return p.isRoot() ? UserInfo.root(account) : UserInfo.of(p.user().orElseThrow());
        }
        User user = requireUser(caller, Catalogue.GET_USER.action(), userName);
        return UserInfo.of(user);
    }

    public Page<UserSummary> listUsers(Caller caller, String pathPrefix, PageRequest page) {
        String prefix = Parameters.pathPrefix(pathPrefix);
        authorize(caller, Catalogue.LIST_USERS.action(), "arn:aws:iam::" + account.id().value() + ":user" + prefix + "*", "*");
        List<User> found = users.list(account.id(), prefix, page.afterKey(), page.maxItems() + 1);
        boolean truncated = found.size() > page.maxItems();
        List<User> pageUsers = truncated ? found.subList(0, page.maxItems()) : found;
        Map<String, Instant> oldest = keys.oldestActiveKeyDates(account.id(),
                pageUsers.stream().map(User::userId).toList());
        Instant now = now();
        List<UserSummary> out = new ArrayList<>(pageUsers.size());
        for (User u : pageUsers) {
            Instant o = oldest.get(u.userId());
            out.add(new UserSummary(u, o == null ? null : Duration.between(o, now).toDays()));
        }
        String next = truncated ? PageRequest.markerFor(pageUsers.get(pageUsers.size() - 1).userName().key()) : null;
        return Page.of(out, next);
    }

    public void deleteUser(Caller caller, String userName) {
        User user = requireUser(caller, Catalogue.DELETE_USER.action(), userName);
        if (!keys.listByOwner(account.id(), user.userId()).isEmpty()) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete access keys first.");
        }
        for (DeleteGuard guard : deleteGuards) {
            guard.checkDeletable(user);
        }
        if (!users.delete(account.id(), user.userId())) {
            throw KeywardenException.noSuchUser(userName);
        }
    }

    /** Extra checks before a user may be deleted (e.g. attached policies), added by later features. */
    public interface DeleteGuard {
        void checkDeletable(User user);
    }

    private final List<DeleteGuard> deleteGuards = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void addDeleteGuard(DeleteGuard guard) {
        deleteGuards.add(Objects.requireNonNull(guard));
    }

    // ---------------------------------------------------------------- access keys

    /** CreateAccessKey for the named user, or for the caller when no user is named. */
    public NewAccessKey createAccessKey(Caller caller, String userName) {
        Target target = target(caller, Catalogue.CREATE_ACCESS_KEY.action(), userName);
        return issueKey(target.owner());
    }

    /** Issues a key for an owner without authorisation: for bootstrap only. */
    public NewAccessKey issueRootKey() {
        return issueKey(KeyOwner.root(account.id()));
    }

    /**
     * Makes sure the given pair is a root key (bootstrap from configuration). Inserts it when absent; fails when the
     * ID exists with another secret or owner.
     */
    public void ensureRootKey(AccessKeyId id, SecretAccessKey secret) {
        Optional<StoredAccessKey> existing = keys.find(id);
        if (existing.isPresent()) {
            StoredAccessKey stored = existing.get();
            if (!stored.key().owner().isRoot() || !stored.key().accountId().equals(account.id())
                    || !sealer.unseal(id, stored.sealedSecret()).equals(secret)) {
                throw new IllegalStateException("configured root access key " + id
                        + " exists already with another owner or secret");
            }
            return;
        }
        AccessKey key = new AccessKey(id, account.id(), KeyOwner.root(account.id()), KeyStatus.ACTIVE, now(), null);
        StoredAccessKey stored = new StoredAccessKey(key, sealer.seal(id, secret));
        for (int slot = 1; slot <= rules.maxKeysPerUser(); slot++) {
            AccessKeyStore.InsertResult r = keys.insert(stored, slot);
            if (r == AccessKeyStore.InsertResult.INSERTED) {
                keyChanges.accessKeyChanged(id);
                return;
            }
            if (r == AccessKeyStore.InsertResult.ID_TAKEN) {
                throw new IllegalStateException("configured root access key " + id + " was deleted and cannot be reused");
            }
        }
        throw new IllegalStateException("the root user has " + rules.maxKeysPerUser()
                + " access keys already; delete one before configuring another root key");
    }

    /**
     * Tries the owner's slots 1..max in order; the store's unique (owner, slot) constraint decides atomically, so
     * concurrent creates can never exceed the limit.
     */
    private NewAccessKey issueKey(KeyOwner owner) {
        SecretAccessKey secret = SecretAccessKey.generate(random);
        for (int slot = 1; slot <= rules.maxKeysPerUser(); slot++) {
            for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
                AccessKeyId id = AccessKeyId.generate(account.id(), random);
                AccessKey key = new AccessKey(id, account.id(), owner, KeyStatus.ACTIVE, now(), null);
                AccessKeyStore.InsertResult result = keys.insert(new StoredAccessKey(key, sealer.seal(id, secret)), slot);
                if (result == AccessKeyStore.InsertResult.INSERTED) {
                    keyChanges.accessKeyChanged(id);
                    return new NewAccessKey(key, secret);
                }
                if (result == AccessKeyStore.InsertResult.SLOT_TAKEN) {
                    break;
                }
                // ID_TAKEN: a (vanishingly rare) collision with a live or deleted key: draw another ID
            }
        }
        throw KeywardenException.of(ErrorCode.LIMIT_EXCEEDED,
                "Cannot exceed quota for AccessKeysPerUser: " + rules.maxKeysPerUser());
    }

    public Page<AccessKey> listAccessKeys(Caller caller, String userName, PageRequest page) {
        return listDescribedAccessKeys(caller, userName, page).page();
    }

    /** A page of ListAccessKeys with the descriptions of its keys (key ID to description). */
    public record DescribedKeys(Page<AccessKey> page, Map<String, String> descriptions) {
    }

    /**
     * ListAccessKeys with each key's description (its owner's tag keyed by the key ID), read with the key list (from
     * memory when the list is cached): no read per key.
     */
    public DescribedKeys listDescribedAccessKeys(Caller caller, String userName, PageRequest page) {
        Target target = target(caller, Catalogue.LIST_ACCESS_KEYS.action(), userName);
        AccessKeyStore.Listing listing = keys.listingByOwner(account.id(), target.owner().id());
        List<AccessKey> all = listing.keys();
        String after = page.afterKey();
        List<AccessKey> rest = new ArrayList<>();
        for (AccessKey k : all) {
            if (after == null || k.id().value().compareTo(after) > 0) {
                rest.add(k);
            }
        }
        rest.sort(java.util.Comparator.comparing(k -> k.id().value()));
        boolean truncated = rest.size() > page.maxItems();
        List<AccessKey> items = truncated ? rest.subList(0, page.maxItems()) : rest;
        return new DescribedKeys(Page.of(items, truncated
                ? PageRequest.markerFor(items.get(items.size() - 1).id().value()) : null), listing.descriptions());
    }

    /**
     * Whether {@link #listAccessKeys} for the caller's own keys (no user named) would answer from memory now: its
     * authorisation and its key list are both held in memory. Cache-first: the server then answers on the event loop.
     */
    public boolean listsOwnAccessKeysFromMemory(Caller caller, String userName) {
        if (userName != null || !guard.authorizer().decidesFromMemory(caller)) {
            return false;
        }
        Principal p = caller.principal();
        if (!p.isRoot() && p.user().isEmpty()) {
            return false; // a role session names no user: answered (with an error) off the event loop
        }
        String ownerId = p.isRoot() ? KeyOwner.root(account.id()).id() : p.user().orElseThrow().userId();
        return keys.listingInMemory(account.id(), ownerId);
    }

    public AccessKey updateAccessKey(Caller caller, String userName, String accessKeyId, String status) {
        AccessKeyId id = AccessKeyId.of(accessKeyId);
        KeyStatus newStatus = KeyStatus.parse(status);
        Target target = target(caller, Catalogue.UPDATE_ACCESS_KEY.action(), userName);
        AccessKey key = requireOwnedKey(target, id);
        if (key.status() != newStatus) {
            if (!keys.updateStatus(id, newStatus)) {
                throw KeywardenException.noSuchAccessKey(accessKeyId);
            }
            keyChanges.accessKeyChanged(id);
        }
        return key.withStatus(newStatus);
    }

    public void deleteAccessKey(Caller caller, String userName, String accessKeyId) {
        AccessKeyId id = AccessKeyId.of(accessKeyId);
        Target target = target(caller, Catalogue.DELETE_ACCESS_KEY.action(), userName);
        AccessKey key = requireOwnedKey(target, id);
        if (rules.requireInactiveBeforeDelete() && key.isActive()) {
            throw KeywardenException.of(ErrorCode.DELETE_CONFLICT,
                    "Cannot delete an Active access key, make it Inactive first.");
        }
        if (!removeKey(key)) {
            throw KeywardenException.noSuchAccessKey(accessKeyId);
        }
    }

    /**
     * Deletes a key without authorisation, for use cases that decided it on their own (an expiry policy): the caches
     * drop it and the key-deleted listeners run (its description goes). False when it was deleted already.
     */
    public boolean removeKey(AccessKey key) {
        if (!keys.delete(key.id())) {
            return false;
        }
        keyChanges.accessKeyChanged(key.id());
        for (java.util.function.Consumer<AccessKey> listener : keyDeletedListeners) {
            listener.accept(key);
        }
        return true;
    }

    private final List<java.util.function.Consumer<AccessKey>> keyDeletedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called after a key is deleted (its description goes with it), by later features. */
    public void addKeyDeletedListener(java.util.function.Consumer<AccessKey> listener) {
        keyDeletedListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * Sets a key's status without authorisation: for use cases that authorised an action of their own (quarantine).
     */
    public AccessKey setKeyStatus(AccessKey key, KeyStatus status) {
        if (key.status() != status) {
            if (!keys.updateStatus(key.id(), status)) {
                throw KeywardenException.noSuchAccessKey(key.id().value());
            }
            keyChanges.accessKeyChanged(key.id());
        }
        return key.withStatus(status);
    }

    /** Tells every cache that holds something of this key (its description changed, say) to drop it. */
    public void keyChanged(AccessKeyId id) {
        keyChanges.accessKeyChanged(id);
    }

    /**
     * GetAccessKeyLastUsed. As AWS, an unknown key is AccessDenied (not NoSuchEntity), so the call reveals nothing
     * about keys the caller may not see.
     */
    public KeyLastUsedInfo getAccessKeyLastUsed(Caller caller, String accessKeyId) {
        AccessKeyId id = AccessKeyId.of(accessKeyId);
        String action = Catalogue.GET_ACCESS_KEY_LAST_USED.action();
        // no existence oracle: an unknown key and a key the caller may not read get the same denial, naming the key
        // asked about and neither its owner nor the reason (an explicit deny on the owner would betray the owner)
        String asked = "access key " + id.value();
        Optional<StoredAccessKey> stored = keys.find(id);
        if (stored.isEmpty() || !stored.get().key().accountId().equals(account.id())) {
            throw AccessDenied.undisclosed(caller.principal().arn(), action, asked);
        }
        AccessKey key = stored.get().key();
        guard.authorizeUndisclosed(caller, action, ownerArn(key.owner()), asked);
        return new KeyLastUsedInfo(key.owner().name().map(UserName::value).orElse(null), key.lastUsed());
    }

    /** GetCallerIdentity: needs no permission. */
    public CallerIdentity getCallerIdentity(Caller caller) {
        Principal p = caller.principal();
        return new CallerIdentity(p.accountId().value(), p.userId(), p.arn());
    }

    /**
     * GetAccessKeyInfo: the account encoded in any syntactically valid key ID, whether or not the key exists. IDs
     * that carry no account are a ValidationError.
     */
    public AccountId getAccessKeyInfo(Caller caller, String accessKeyId) {
        AccessKeyId id = AccessKeyId.of(accessKeyId);
        authorize(caller, Catalogue.GET_ACCESS_KEY_INFO.action(), "*", "*");
        return id.account().orElseThrow(() -> KeywardenException.validation("accessKeyId",
                "Member must be an access key ID that encodes an account (AKIA or ASIA followed by 16 base32 characters)"));
    }

    /** The administrator's look-up from a key ID to its owner (the console's search box). */
    public KeyOwnerInfo findKeyOwner(Caller caller, String accessKeyId) {
        AccessKeyId id = AccessKeyId.of(accessKeyId);
        authorize(caller, Catalogue.FIND_ACCESS_KEY_OWNER.action(), "*", "*");
        StoredAccessKey stored = keys.find(id)
                .filter(s -> s.key().accountId().equals(account.id()))
                .orElseThrow(() -> KeywardenException.noSuchAccessKey(accessKeyId));
        KeyOwner owner = stored.key().owner();
        return new KeyOwnerInfo(account.id().value(), ownerArn(owner),
                owner.name().map(UserName::value).orElse(null), owner.id(), stored.key());
    }

    // ---------------------------------------------------------------- helpers

    private record Target(KeyOwner owner, String arn) {
    }

    /**
     * The user an access-key operation acts on: the named one, or the caller itself. Authorises the action on the
     * target's ARN. A user acting on their own keys may name themselves or nobody.
     */
    private Target target(Caller caller, String action, String userName) {
        if (userName == null) {
            Principal p = caller.principal();
            requireUserOrRoot(p);
            KeyOwner owner = p.isRoot() ? KeyOwner.root(account.id())
                    : p.user().map(u -> KeyOwner.user(u.userId(), u.userName())).orElseThrow();
            authorize(caller, action, p.arn(), describe(p));
            return new Target(owner, p.arn());
        }
        User user = requireUser(caller, action, userName);
        return new Target(KeyOwner.user(user.userId(), user.userName()), user.arn());
    }

    /**
     * An operation on "the caller" needs a caller that is a user or root: a role session has no user, and AWS answers
     * it with this ValidationError.
     */
    private static void requireUserOrRoot(Principal p) {
        if (!p.isRoot() && p.user().isEmpty()) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR,
                    "Must specify userName when calling with non-User credentials");
        }
    }

    private User requireUser(Caller caller, String action, String userName) {
        return guard.requireUser(caller, action, userName);
    }

    private AccessKey requireOwnedKey(Target target, AccessKeyId id) {
        return keys.find(id)
                .map(StoredAccessKey::key)
                .filter(k -> k.accountId().equals(account.id()) && k.owner().id().equals(target.owner().id()))
                .orElseThrow(() -> KeywardenException.noSuchAccessKey(id.value()));
    }

    private AuthorizationResult authorize(Caller caller, String action, String resourceArn, String resourceDescription) {
        return guard.authorize(caller, action, resourceArn, resourceDescription);
    }

    private String ownerArn(KeyOwner owner) {
        if (owner.isRoot()) {
            return account.id().rootArn();
        }
        return users.findById(account.id(), owner.id()).map(User::arn)
                .orElseGet(() -> io.keywarden.core.identity.Arns.user(account.id(), UserPath.ROOT, owner.userName()));
    }

    private static String describe(Principal p) {
        return p.user().map(u -> "user " + u.userName().value()).orElse(p.arn());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static final class Builder {
        private Account account;
        private UserStore users;
        private AccessKeyStore keys;
        private SecretSealer sealer;
        private Authorizer authorizer;
        private RandomGenerator random;
        private Clock clock = Clock.systemUTC();
        private KeyRules rules = KeyRules.DEFAULT;
        private KeyChangeListener keyChanges;

        public Builder account(Account account) { this.account = account; return this; }
        public Builder users(UserStore users) { this.users = users; return this; }
        public Builder keys(AccessKeyStore keys) { this.keys = keys; return this; }
        public Builder sealer(SecretSealer sealer) { this.sealer = sealer; return this; }
        public Builder authorizer(Authorizer authorizer) { this.authorizer = authorizer; return this; }
        /** A cryptographically strong generator: it makes secrets and IDs. */
        public Builder random(RandomGenerator random) { this.random = random; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        public Builder rules(KeyRules rules) { this.rules = rules; return this; }
        public Builder keyChanges(KeyChangeListener keyChanges) { this.keyChanges = keyChanges; return this; }

        public IdentityService build() {
            return new IdentityService(this);
        }
    }
}
