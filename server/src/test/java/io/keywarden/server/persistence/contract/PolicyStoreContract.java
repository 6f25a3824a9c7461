package io.keywarden.server.persistence.contract;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.IdentityService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation of {@link PolicyStore}, on each database through the beans the server uses, and on core's
 * {@code InMemoryPolicyStore}; what only the database's constraints across tables guarantee (a policy needs its user,
 * a user with policies stays) and the server's wiring are checked on the databases only.
 */
public abstract class PolicyStoreContract extends StoreContract {
    private static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
            + "\"Resource\":\"*\"}}";
    private PolicyStore policies;
    private UserStore users;

    @BeforeEach
    void stores() {
        policies = bean(PolicyStore.class);
        users = bean(UserStore.class);
    }

    private User user(String name) {
        User u = new User(acct(), "AIDA" + Long.toString(Math.abs(random.nextLong()), 32).toUpperCase() + "PQR",
                UserName.of(name), UserPath.ROOT, T0);
        users.insert(u);
        return u;
    }

    private ManagedPolicy managed(String name, String path) {
        ManagedPolicy p = new ManagedPolicy(acct(), "ANPA" + Long.toString(Math.abs(random.nextLong()), 32).toUpperCase(),
                name, path, DOC, "about " + name, T0, T0.plusSeconds(1), 0);
        policies.createPolicy(p);
        return p;
    }

    private void assumeDatabase(String why) {
        Assumptions.assumeTrue(onDatabase(), "the in-memory stores do not check " + why);
    }

    private static void assertError(ErrorCode code, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void inlinePoliciesArePutReplacedReadListedInNameOrderAndDeleted() {
        User u = user("inline");
        String big = DOC + " ".repeat(100_000); // documents up to the language's limit are stored whole
        policies.putUserPolicy(acct(), u.userId(), new InlinePolicy("b", DOC));
        policies.putUserPolicy(acct(), u.userId(), new InlinePolicy("B", DOC));
        policies.putUserPolicy(acct(), u.userId(), new InlinePolicy("a", big));
        policies.putUserPolicy(acct(), u.userId(), new InlinePolicy("b", "{\"replaced\":true}"));
        assertThat(policies.getUserPolicy(acct(), u.userId(), "b")).contains(new InlinePolicy("b", "{\"replaced\":true}"));
        assertThat(policies.getUserPolicy(acct(), u.userId(), "a").orElseThrow().document()).isEqualTo(big);
        assertThat(policies.getUserPolicy(acct(), u.userId(), "c")).isEmpty();
        assertThat(policies.userPolicies(acct(), u.userId())).extracting(InlinePolicy::policyName)
                .as("String order, whatever the collation").containsExactly("B", "a", "b");
        assertThat(policies.userPolicies(AccountId.of("999999999999"), u.userId())).isEmpty();
        assertThat(policies.deleteUserPolicy(acct(), u.userId(), "b")).isTrue();
        assertThat(policies.deleteUserPolicy(acct(), u.userId(), "b")).isFalse();
        assertThat(policies.userPolicies(acct(), u.userId())).extracting(InlinePolicy::policyName).containsExactly("B", "a");
    }

    @Test
    void concurrentPutsOfTheSameNewNameBothSucceedAndOneDocumentWins() throws Exception {
        User u = user("racer");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String doc = "{\"n\":" + i + "}";
            puts.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                policies.putUserPolicy(acct(), u.userId(), new InlinePolicy("Same", doc));
            }));
        }
        go.countDown();
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        assertThat(policies.userPolicies(acct(), u.userId())).singleElement()
                .satisfies(p -> assertThat(p.document()).matches("\\{\"n\":\\d}"));
    }

    @Test
    void aPolicyForAUserThatIsGoneIsNoSuchEntity() {
        assumeDatabase("users from the policy store");
        assertError(ErrorCode.NO_SUCH_ENTITY, "The user with id AIDAGONEGONEGONEGONE cannot be found.",
                () -> policies.putUserPolicy(acct(), "AIDAGONEGONEGONEGONE", new InlinePolicy("P", DOC)));
    }

    @Test
    void managedPoliciesAreCreatedFoundByArnAndUniqueByNameIgnoringCase() {
        ManagedPolicy p = managed("Readers", "/team/");
        assertThat(policies.findPolicy(acct(), p.arn())).contains(p);
        assertThat(policies.findPolicy(acct(), p.arn()).orElseThrow().arn()).isEqualTo(
                "arn:aws:iam::" + acct().value() + ":policy/team/Readers");
        assertThat(policies.findPolicy(acct(), p.arn().replace("Readers", "readers"))).as("ARNs are case-sensitive").isEmpty();
        assertThat(policies.findPolicy(AccountId.of("999999999999"), p.arn())).isEmpty();
        assertError(ErrorCode.ENTITY_ALREADY_EXISTS, "A policy called READERS already exists. Duplicate names are not allowed.",
                () -> managed("READERS", "/elsewhere/"));
    }

    @Test
    void attachmentsAreCountedListedByNameAndIdempotent() {
        User u = user("attached");
        User v = user("attached2");
        ManagedPolicy zeta = managed("Zeta", "/");
        ManagedPolicy alpha = managed("Alpha", "/");
        assertThat(policies.attach(acct(), u.userId(), zeta.arn())).isTrue();
        assertThat(policies.attach(acct(), u.userId(), zeta.arn())).isFalse();
        assertThat(policies.attach(acct(), u.userId(), alpha.arn())).isTrue();
        assertThat(policies.attach(acct(), v.userId(), zeta.arn())).isTrue();
        assertThat(policies.attachedPolicies(acct(), u.userId())).extracting(ManagedPolicy::policyName)
                .containsExactly("Alpha", "Zeta");
        assertThat(policies.attachedPolicies(acct(), u.userId())).extracting(ManagedPolicy::attachmentCount)
                .containsExactly(1, 2);
        assertThat(policies.findPolicy(acct(), zeta.arn()).orElseThrow().attachmentCount()).isEqualTo(2);
        assertThat(policies.detach(acct(), u.userId(), zeta.arn())).isTrue();
        assertThat(policies.detach(acct(), u.userId(), zeta.arn())).isFalse();
        assertThat(policies.attachedPolicies(acct(), u.userId())).extracting(ManagedPolicy::policyName)
                .containsExactly("Alpha");
    }

    @Test
    void attachingAPolicyThatIsGoneIsNoSuchEntity() {
        User u = user("attachgone");
        String arn = "arn:aws:iam::" + acct().value() + ":policy/Gone";
        assertError(ErrorCode.NO_SUCH_ENTITY, "Policy " + arn + " does not exist or is not attachable.",
                () -> policies.attach(acct(), u.userId(), arn));
    }

    @Test
    void anAttachedPolicyCannotBeDeletedEvenByTheStore() {
        User u = user("holder");
        ManagedPolicy p = managed("Held", "/");
        policies.attach(acct(), u.userId(), p.arn());
        assertError(ErrorCode.DELETE_CONFLICT, "Cannot delete a policy attached to entities.",
                () -> policies.deletePolicy(acct(), p.arn()));
        policies.detach(acct(), u.userId(), p.arn());
        assertThat(policies.deletePolicy(acct(), p.arn())).isTrue();
        assertThat(policies.deletePolicy(acct(), p.arn())).isFalse();
        assertThat(policies.findPolicy(acct(), p.arn())).isEmpty();
    }

    @Test
    void aUserWithPoliciesCannotBeDeletedEvenByTheStore() {
        assumeDatabase("policies from the user store");
        User u = user("guarded");
        policies.putUserPolicy(acct(), u.userId(), new InlinePolicy("P", DOC));
        assertError(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must delete policies first.",
                () -> users.delete(acct(), u.userId()));
        policies.deleteUserPolicy(acct(), u.userId(), "P");
        ManagedPolicy p = managed("GuardedPolicy", "/");
        policies.attach(acct(), u.userId(), p.arn());
        assertThatThrownBy(() -> users.delete(acct(), u.userId())).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DELETE_CONFLICT));
        policies.detach(acct(), u.userId(), p.arn());
        assertThat(users.delete(acct(), u.userId())).isTrue();
    }

    @Test
    void deleteUserChecksPoliciesFromTheFirstRequestOn() {
        // nothing in this test context asked for the PolicyService: it is created with the context, so DeleteUser
        // already knows to look for policies (only its check says "detach", the foreign key cannot tell)
        assumeDatabase("the server's wiring");
        IdentityService identity = bean(IdentityService.class);
        Caller root = new Caller(Principal.root(acct()), io.keywarden.server.support.ServerTestSupport.ROOT_ACCESS_KEY_ID, Instant.now(), "127.0.0.1", "test", false,
                "us-east-1", "iam");
        User u = identity.createUser(root, "eager", null);
        ManagedPolicy p = managed("EagerPolicy", "/");
        policies.attach(acct(), u.userId(), p.arn());
        assertError(ErrorCode.DELETE_CONFLICT, "Cannot delete entity, must detach all policies first.",
                () -> identity.deleteUser(root, "eager"));
    }

    @Test
    void listingFiltersByLiteralPathPrefixAndAttachmentAndPagesByName() {
        User u = user("lister");
        managed("LC", "/list_p/");
        ManagedPolicy la = managed("LA", "/list_p/");
        managed("LB", "/list_p/sub/");
        managed("LX", "/listXp/"); // '_' in the prefix must not act as a wildcard
        policies.attach(acct(), u.userId(), la.arn());
        List<ManagedPolicy> page1 = policies.listPolicies(acct(), "/list_p/", false, null, 2);
        assertThat(page1).extracting(ManagedPolicy::policyName).containsExactly("LA", "LB");
        assertThat(page1.get(0).attachmentCount()).isEqualTo(1);
        assertThat(policies.listPolicies(acct(), "/list_p/", false, "LB", 2)).extracting(ManagedPolicy::policyName)
                .containsExactly("LC");
        assertThat(policies.listPolicies(acct(), "/list_p/", true, null, 10)).extracting(ManagedPolicy::policyName)
                .containsExactly("LA");
        assertThat(policies.listPolicies(acct(), "/list", false, null, 10)).extracting(ManagedPolicy::policyName)
                .containsExactly("LA", "LB", "LC", "LX");
    }
}
