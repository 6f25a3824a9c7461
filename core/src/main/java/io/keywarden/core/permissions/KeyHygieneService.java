package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.Tags;
import io.keywarden.core.identity.UniqueIds;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserTagStore;
import io.keywarden.core.service.AccessGuard;
import io.keywarden.core.service.IdentityService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Key hygiene: users' tags (TagUser, UntagUser, ListUserTags, and CreateUser's tags), access key descriptions (stored
 * as AWS's console stores them: the owner's tag whose key is the access key ID, so they count against the 50) and
 * the quarantine of a leaked key (the built-in {@link #QUARANTINE_POLICY_ARN} attached to its owner, the key
 * optionally made Inactive; undone by DetachUserPolicy).
 */
public final class KeyHygieneService {
    /** The built-in quarantine policy's name, under {@code arn:aws:iam::aws:policy/}. */
    public static final String QUARANTINE_POLICY_NAME = "KeywardenCompromisedKeyQuarantine";
    public static final String QUARANTINE_POLICY_ARN = ManagedPolicy.AWS_MANAGED_PREFIX + QUARANTINE_POLICY_NAME;
    /**
     * Modelled on AWS's {@code AWSCompromisedKeyQuarantineV3}, which denies a list of costly or escalating actions
     * (creating users, roles and keys, attaching and putting policies, passing roles, reading the trail...). Keywarden
     * serves IAM, STS and the trail only, so it denies everything but the user's reading and rotating of their own
     * keys (list them, see when they were last used, create a new one, deactivate or delete the leaked one) and
     * reading their own user: the first statement denies every other action, the second those key actions on any
     * user but the caller. Being a deny, no other policy can lift it; only detaching it does.
     */
    public static final String QUARANTINE_POLICY_DOCUMENT = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "DenyAllButRotatingOwnKeys",
                  "Effect": "Deny",
                  "NotAction": [
                    "iam:ListAccessKeys",
                    "iam:GetAccessKeyLastUsed",
                    "iam:CreateAccessKey",
                    "iam:UpdateAccessKey",
                    "iam:DeleteAccessKey",
                    "iam:GetUser",
                    "sts:GetCallerIdentity"
                  ],
                  "Resource": "*"
                },
                {
                  "Sid": "DenyKeyActionsOnOtherUsers",
                  "Effect": "Deny",
                  "Action": [
                    "iam:ListAccessKeys",
                    "iam:GetAccessKeyLastUsed",
                    "iam:CreateAccessKey",
                    "iam:UpdateAccessKey",
                    "iam:DeleteAccessKey",
                    "iam:GetUser"
                  ],
                  "NotResource": [
                    "arn:aws:iam::*:user/${aws:username}",
                    "arn:aws:iam::*:user/*/${aws:username}"
                  ]
                }
              ]
            }""";
    public static final String QUARANTINE_POLICY_DESCRIPTION = "Denies everything but reading and rotating the user's"
            + " own access keys; attached by QuarantineAccessKey to the owner of a leaked key. Detach it to undo.";

    private final IdentityService identity;
    private final AccessGuard guard;
    private final UserStore users;
    private final UserTagStore tags;
    private final AccessKeyStore keys;
    private final PolicyStore policies;
    private final PolicyChangeListener policyChanges;
    private final Clock clock;
    private final RandomGenerator random;

    public KeyHygieneService(IdentityService identity, UserStore users, UserTagStore tags, AccessKeyStore keys,
                             PolicyStore policies, PolicyChangeListener policyChanges, Clock clock,
                             RandomGenerator random) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.guard = identity.guard();
        this.users = Objects.requireNonNull(users, "users");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.policyChanges = Objects.requireNonNull(policyChanges, "policyChanges");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        identity.addKeyDeletedListener(this::forgetDescription);
    }

    private AccountId account() {
        return guard.account();
    }

    // ---------------------------------------------------------------- users and their tags

    /**
     * CreateUser with tags: setting tags needs {@code iam:TagUser} on the new user as well, as in AWS; the tags are
     * checked before the user is created.
     */
    public User createUser(Caller caller, String userName, String path, List<Map<String, String>> tagMaps) {
        List<Tag> initial = Tag.fromCaller(tagMaps);
        if (initial.isEmpty()) {
            return identity.createUser(caller, userName, path);
        }
        User probe = new User(account(), "AIDAPROBE", io.keywarden.core.identity.UserName.of(userName),
                io.keywarden.core.identity.UserPath.of(path), Instant.EPOCH);
        guard.authorize(caller, Catalogue.TAG_USER.action(), probe.arn(), "user " + userName);
        User user = identity.createUser(caller, userName, path);
        tags.putUserTags(account(), user.userId(), initial);
        notifyDescriptions(initial.stream().map(Tag::key).toList());
        return user;
    }

    /** A user's tags (GetUser shows them), in key order. */
    public List<Tag> tagsOf(String userId) {
        return tags.userTags(account(), userId);
    }

    public void tagUser(Caller caller, String userName, List<Map<String, String>> tagMaps) {
        List<Tag> added = Tag.fromCaller(tagMaps);
        User user = guard.requireUser(caller, Catalogue.TAG_USER.action(), userName);
        if (added.isEmpty()) {
            throw KeywardenException.validation("tags", "Member must have length greater than or equal to 1");
        }
        Tags.merge(tags.userTags(account(), user.userId()), added, "user " + user.userName().value());
        tags.putUserTags(account(), user.userId(), added);
        notifyDescriptions(added.stream().map(Tag::key).toList());
    }

    public void untagUser(Caller caller, String userName, List<String> tagKeys) {
        List<String> keyList = Tag.keys(tagKeys);
        User user = guard.requireUser(caller, Catalogue.UNTAG_USER.action(), userName);
        tags.removeUserTags(account(), user.userId(), keyList);
        notifyDescriptions(keyList);
    }

    public Page<Tag> listUserTags(Caller caller, String userName, PageRequest page) {
        User user = guard.requireUser(caller, Catalogue.LIST_USER_TAGS.action(), userName);
        return Tags.page(tags.userTags(account(), user.userId()), page);
    }

    // ---------------------------------------------------------------- descriptions

    /**
     * CreateAccessKey with a description (REST and SDK): the description is the owner's tag keyed by the new key's
     * ID, so it needs {@code iam:TagUser} on the owner too (as the console's), counts against the owner's 50 tags
     * (checked before the key is made) and is 0-256 characters of the tag set. The root user has no tags: its keys
     * take no description.
     */
    public NewAccessKey createAccessKey(Caller caller, String userName, String description) {
        if (description == null) {
            return identity.createAccessKey(caller, userName);
        }
        new Tag("description", description); // the value's rules, before anything is done
        User owner = owner(caller, userName);
        guard.authorize(caller, Catalogue.TAG_USER.action(), owner.arn(), "user " + owner.userName().value());
        Tags.requireWithinLimit(tags.userTags(account(), owner.userId()).size() + 1,
                "user " + owner.userName().value());
        NewAccessKey created = identity.createAccessKey(caller, userName);
        tags.putUserTags(account(), owner.userId(), List.of(new Tag(created.key().id().value(), description)));
        identity.keyChanged(created.key().id());
        return created;
    }

    private User owner(Caller caller, String userName) {
        if (userName != null) {
            return guard.requireUser(caller, Catalogue.CREATE_ACCESS_KEY.action(), userName);
        }
        if (caller.principal().isRoot()) {
            throw KeywardenException.of(ErrorCode.INVALID_INPUT,
                    "the root user has no tags, so its access keys take no description");
        }
        return caller.principal().user().orElseThrow(() -> KeywardenException.of(ErrorCode.VALIDATION_ERROR,
                "Must specify userName when calling with non-User credentials"));
    }

    private void forgetDescription(AccessKey key) {
        if (!key.owner().isRoot()) {
            tags.removeUserTags(account(), key.owner().id(), List.of(key.id().value()));
        }
    }

    /** Tags whose key is an access key ID are descriptions: caches of key listings must drop them. */
    private void notifyDescriptions(List<String> tagKeys) {
        for (String k : tagKeys) {
            String upper = k.toUpperCase(java.util.Locale.ROOT);
            if (AccessKeyId.isWellFormed(upper)) {
                identity.keyChanged(AccessKeyId.of(upper));
            }
        }
    }

    // ---------------------------------------------------------------- quarantine

    /** What a quarantine did. */
    public record Quarantine(User owner, AccessKey key, boolean alreadyAttached) {
    }

    /**
     * Quarantines a leaked key: authorised as {@code keywarden:QuarantineAccessKey} on the key's owner, attaches the
     * built-in quarantine policy to the owner (creating it in the account the first time; not counted against the
     * 10 attached policies, so a full user can still be quarantined) and, when {@code deactivate}, makes the key
     * Inactive. Idempotent. A root key is refused ({@code InvalidInput}): the root user takes no policies.
     */
    public Quarantine quarantine(Caller caller, String accessKeyId, boolean deactivate) {
        AccessKeyId id = AccessKeyId.of(accessKeyId);
        String action = Catalogue.QUARANTINE_ACCESS_KEY.action();
        Optional<AccessKey> found = keys.find(id).map(StoredAccessKey::key)
                .filter(k -> k.accountId().equals(account()));
        if (found.isEmpty()) {
            guard.authorizeAny(caller, action);
            throw KeywardenException.noSuchAccessKey(accessKeyId);
        }
        AccessKey key = found.get();
        if (key.owner().isRoot()) {
            guard.authorize(caller, action, account().rootArn(), "the root user");
            throw KeywardenException.of(ErrorCode.INVALID_INPUT, "access key " + id.value() + " is a root user's key"
                    + " and the root user takes no policies, so it cannot be quarantined: deactivate or delete it with"
                    + " the root user's credentials (UpdateAccessKey Status=Inactive, then DeleteAccessKey), after"
                    + " creating a new root key if one is still needed");
        }
        User owner = users.findById(account(), key.owner().id())
                .orElseThrow(() -> KeywardenException.noSuchAccessKey(accessKeyId));
        guard.authorize(caller, action, owner.arn(), "user " + owner.userName().value());
        ensureQuarantinePolicy();
        boolean attached = policies.attach(account(), owner.userId(), QUARANTINE_POLICY_ARN);
        if (attached) {
            policyChanges.userPoliciesChanged(owner.userId());
        }
        AccessKey after = deactivate ? identity.setKeyStatus(key, KeyStatus.INACTIVE) : key;
        return new Quarantine(owner, after, !attached);
    }

    /** The built-in quarantine policy of this account, created the first time it is needed. */
    public ManagedPolicy ensureQuarantinePolicy() {
        Optional<ManagedPolicy> existing = policies.findPolicy(account(), QUARANTINE_POLICY_ARN);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ManagedPolicy policy = new ManagedPolicy(account(), UniqueIds.generate("ANPA", random), QUARANTINE_POLICY_NAME,
                "/", QUARANTINE_POLICY_DOCUMENT, QUARANTINE_POLICY_DESCRIPTION, now, now, 0, true);
        try {
            policies.createPolicy(policy);
            return policy;
        } catch (KeywardenException e) {
            // another node created it meanwhile; or a customer policy holds the name
            return policies.findPolicy(account(), QUARANTINE_POLICY_ARN).orElseThrow(() -> KeywardenException.of(
                    ErrorCode.ENTITY_ALREADY_EXISTS, "the built-in policy " + QUARANTINE_POLICY_ARN + " cannot be"
                            + " created: a customer-managed policy named " + QUARANTINE_POLICY_NAME + " exists;"
                            + " rename or delete it"));
        }
    }
}
