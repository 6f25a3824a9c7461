package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.policy.PolicyDocument;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryPolicyStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.InMemoryUserTagStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyHygieneServiceTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
    private final InMemoryUserTagStore tags = new InMemoryUserTagStore();
    private final InMemoryPolicyStore policies = new InMemoryPolicyStore();
    private final SecureRandom random = new SecureRandom();
    private final IdentityService identity = IdentityService.builder()
            .account(new Account(accountId, clock.instant())).users(users).keys(keys)
            .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), random)).authorizer(new RootOnlyAuthorizer())
            .random(random).clock(clock).build();
    private final KeyHygieneService hygiene = new KeyHygieneService(identity, users, tags, keys, policies,
            PolicyChangeListener.NONE, clock, random);
    private final Caller root = new Caller(Principal.root(accountId), "AKIAEXAMPLEEXAMPLE00", clock.instant(),
            "127.0.0.1", "test", false, "us-east-1", "iam");

    private static void assertError(ErrorCode code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void theQuarantinePolicyIsAValidDenyModelledOnAwsAndNamedAsAwsManaged() {
        PolicyDocument doc = PolicyDocument.parse(KeyHygieneService.QUARANTINE_POLICY_DOCUMENT);
        assertThat(doc.sizeWithoutWhitespace()).isLessThan(PolicyService.MANAGED_QUOTA);
        ManagedPolicy policy = hygiene.ensureQuarantinePolicy();
        assertThat(policy.arn()).isEqualTo("arn:aws:iam::aws:policy/KeywardenCompromisedKeyQuarantine");
        assertThat(policy.awsManaged()).isTrue();
        assertThat(hygiene.ensureQuarantinePolicy().policyId()).isEqualTo(policy.policyId()); // created once
    }

    @Test
    void quarantineAttachesOnceAndDeactivatesOnRequest() {
        identity.createUser(root, "leaky", null);
        NewAccessKey key = identity.createAccessKey(root, "leaky");
        KeyHygieneService.Quarantine first = hygiene.quarantine(root, key.key().id().value(), false);
        assertThat(first.alreadyAttached()).isFalse();
        assertThat(first.key().status()).isEqualTo(KeyStatus.ACTIVE);
        String userId = first.owner().userId();
        assertThat(policies.attachedPolicies(accountId, userId)).extracting(ManagedPolicy::arn)
                .containsExactly(KeyHygieneService.QUARANTINE_POLICY_ARN);
        KeyHygieneService.Quarantine second = hygiene.quarantine(root, key.key().id().value(), true);
        assertThat(second.alreadyAttached()).isTrue();
        assertThat(keys.find(key.key().id()).orElseThrow().key().status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(policies.attachedPolicies(accountId, userId)).hasSize(1);
    }

    @Test
    void aRootKeyIsRefusedAndLeftAlone() {
        NewAccessKey rootKey = identity.issueRootKey();
        assertThatThrownBy(() -> hygiene.quarantine(root, rootKey.key().id().value(), true))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("root user's credentials");
                });
        assertThat(keys.find(rootKey.key().id()).orElseThrow().key().status()).isEqualTo(KeyStatus.ACTIVE);
        assertError(ErrorCode.NO_SUCH_ENTITY, () -> hygiene.quarantine(root, "AKIAQYLPMN5HAAAAAAAA", false));
    }

    @Test
    void aDescriptionIsAnOwnerTagCheckedBeforeTheKeyIsMadeAndDeletedWithIt() {
        identity.createUser(root, "alice", null);
        NewAccessKey key = hygiene.createAccessKey(root, "alice", "ci deploy");
        String userId = users.findByName(accountId, io.keywarden.core.identity.UserName.of("alice")).orElseThrow()
                .userId();
        assertThat(tags.userTags(accountId, userId)).containsExactly(new Tag(key.key().id().value(), "ci deploy"));
        assertError(ErrorCode.VALIDATION_ERROR, () -> hygiene.createAccessKey(root, "alice", "no#hash"));

        hygiene.tagUser(root, "alice", IntStream.range(0, 49).mapToObj(i -> Map.of("Key", "k" + i, "Value", "v"))
                .toList());
        assertError(ErrorCode.LIMIT_EXCEEDED, () -> hygiene.createAccessKey(root, "alice", "one too many"));
        assertThat(keys.listByOwner(accountId, userId)).hasSize(1);

        identity.updateAccessKey(root, "alice", key.key().id().value(), "Inactive");
        identity.deleteAccessKey(root, "alice", key.key().id().value());
        assertThat(tags.userTags(accountId, userId)).hasSize(49)
                .noneMatch(t -> t.key().equals(key.key().id().value()));
        assertError(ErrorCode.INVALID_INPUT, () -> hygiene.createAccessKey(root, null, "root key"));
    }

    @Test
    void createUserWithTagsChecksThemFirst() {
        assertError(ErrorCode.INVALID_INPUT, () -> hygiene.createUser(root, "bob", null,
                List.of(Map.of("Key", "aws:x", "Value", "y"))));
        assertThat(users.findByName(accountId, io.keywarden.core.identity.UserName.of("bob"))).isEmpty();
        var bob = hygiene.createUser(root, "bob", null, List.of(Map.of("Key", "team", "Value", "a")));
        assertThat(hygiene.tagsOf(bob.userId())).containsExactly(new Tag("team", "a"));
    }
}
