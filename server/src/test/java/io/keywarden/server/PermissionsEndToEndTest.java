package io.keywarden.server;

import io.keywarden.core.authz.Decision;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.DeleteConflictException;
import io.keywarden.sdk.exception.EntityAlreadyExistsException;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.exception.MalformedPolicyDocumentException;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.ManagedPolicy;
import io.keywarden.sdk.model.SimulationRequest;
import io.keywarden.sdk.model.SimulationResult;
import io.keywarden.sdk.model.User;
import io.keywarden.server.auth.AuditingAuthorizer;
import io.keywarden.server.support.LogCapture;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Authorisation by IAM policies over real HTTP, every request signed by the SDK: the IAM User Guide's self-service
 * policies behave as documented, Deny wins, conditions on the source IP and the time hold, every change applies to the
 * next request, the simulator explains, denials are logged, and the management rules (malformed documents, quotas,
 * DeleteUser) are AWS's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsEndToEndTest extends ServerTestSupport {
    /** The IAM User Guide's example: create and list your own keys (and read your own user). */
    static final String CREATE_OWN_ACCESS_KEYS = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "CreateOwnAccessKeys",
                "Effect": "Allow",
                "Action": ["iam:CreateAccessKey", "iam:GetUser", "iam:ListAccessKeys"],
                "Resource": "arn:aws:iam::*:user/${aws:username}"
              }]
            }""";
    /** The IAM User Guide's example: manage (rotate) your own keys. */
    static final String MANAGE_OWN_ACCESS_KEYS = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "ManageOwnAccessKeys",
                "Effect": "Allow",
                "Action": ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:GetAccessKeyLastUsed", "iam:GetUser",
                           "iam:ListAccessKeys", "iam:UpdateAccessKey"],
                "Resource": "arn:aws:iam::*:user/${aws:username}"
              }]
            }""";

    @Inject
    PolicyStore store;

    private KeywardenClient rootClient;
    private final List<KeywardenClient> clients = new ArrayList<>();

    @AfterAll
    void closeClients() {
        clients.forEach(KeywardenClient::close);
    }

    private KeywardenClient client(String accessKeyId, String secret) {
        KeywardenClient c = KeywardenClient.builder().endpoint(baseUri()).region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(accessKeyId, secret)).maxRetries(0).build();
        clients.add(c);
        return c;
    }

    private KeywardenClient admin() {
        if (rootClient == null) {
            rootClient = client(ROOT_ACCESS_KEY_ID, ROOT_SECRET);
        }
        return rootClient;
    }

    private KeywardenClient client(CreatedAccessKey key) {
        return client(key.accessKeyId(), key.secretAccessKey());
    }

    /** A user with one access key (issued by root) and a client that signs with it. */
    private record Member(User user, CreatedAccessKey key, KeywardenClient client) {
        String name() {
            return user.userName();
        }
    }

    private Member member(String name) {
        User user = admin().createUser(name);
        CreatedAccessKey key = admin().createAccessKey(name);
        return new Member(user, key, client(key));
    }

    private static String allow(String sid, String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Action\":\""
                + action + "\",\"Resource\":\"" + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition)
                + "}]}";
    }

    private static void assertDenied(Executable call, String messageStart, String messageEnd) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.errorMessage()).startsWith(messageStart).endsWith(messageEnd);
        });
    }

    private static void assertDenied(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(AccessDeniedException.class);
    }

    private static String notAllowed(Member who, String action, String target) {
        return "User: " + who.user().arn() + " is not authorized to perform: " + action + " on resource: user " + target
                + " because no identity-based policy allows the " + action + " action";
    }

    // ---------------------------------------------------------------- the two example policies

    @Test
    void createOwnAccessKeysLetsAUserCreateAndListTheirOwnKeysOnly() {
        Member alice = member("alice");
        Member bob = member("bob");
        admin().putUserPolicy("alice", "CreateOwnAccessKeys", CREATE_OWN_ACCESS_KEYS);

        CreatedAccessKey second = alice.client().createAccessKey();
        assertThat(second.userName()).isEqualTo("alice");
        assertThat(alice.client().listAccessKeys().items()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactlyInAnyOrder(alice.key().accessKeyId(), second.accessKeyId());
        assertThat(alice.client().listAccessKeys("alice").items()).hasSize(2);
        assertThat(alice.client().getCurrentUser().userName()).isEqualTo("alice");

        assertDenied(() -> alice.client().createAccessKey("bob"), notAllowed(alice, "iam:CreateAccessKey", "bob"), "");
        assertDenied(() -> alice.client().listAccessKeys("bob"), notAllowed(alice, "iam:ListAccessKeys", "bob"), "");
        assertDenied(() -> alice.client().updateAccessKey("~", second.accessKeyId(), KeyStatus.INACTIVE),
                notAllowed(alice, "iam:UpdateAccessKey", "alice"), "");
        assertDenied(() -> alice.client().deleteAccessKey("alice", second.accessKeyId()),
                notAllowed(alice, "iam:DeleteAccessKey", "alice"), "");
        assertDenied(() -> alice.client().updateAccessKey("bob", bob.key().accessKeyId(), KeyStatus.INACTIVE));
        assertDenied(() -> alice.client().deleteAccessKey("bob", bob.key().accessKeyId()));
        assertThat(admin().listAccessKeys("bob").items()).hasSize(1);
        assertThat(admin().listAccessKeys("alice").items()).allMatch(AccessKeyMetadata::isActive);
    }

    @Test
    void manageOwnAccessKeysLetsAUserRotateTheirOwnKeysAndTouchNobodyElses() {
        Member carol = member("carol");
        Member dave = member("dave");
        admin().putUserPolicy("carol", "ManageOwnAccessKeys", MANAGE_OWN_ACCESS_KEYS);
        String oldKey = carol.key().accessKeyId();

        // the documented rotation, signed by carol's own keys throughout
        CreatedAccessKey fresh = carol.client().createAccessKey();
        KeywardenClient withFresh = client(fresh);
        assertThat(withFresh.callerIdentity().arn()).isEqualTo(carol.user().arn());
        assertThat(withFresh.getAccessKeyLastUsed(oldKey).userName()).isEqualTo("carol");
        assertThat(withFresh.updateAccessKey("~", oldKey, KeyStatus.INACTIVE).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThatThrownBy(() -> carol.client().listAccessKeys()).isInstanceOf(InvalidClientTokenIdException.class);
        withFresh.deleteAccessKey("carol", oldKey);
        assertThat(withFresh.listAccessKeys().items()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(fresh.accessKeyId());

        // and nothing on anyone else's keys, nor anything beyond keys
        String davesKey = dave.key().accessKeyId();
        assertDenied(() -> withFresh.createAccessKey("dave"), notAllowed(carol, "iam:CreateAccessKey", "dave"), "");
        assertDenied(() -> withFresh.listAccessKeys("dave"));
        assertDenied(() -> withFresh.updateAccessKey("dave", davesKey, KeyStatus.INACTIVE));
        assertDenied(() -> withFresh.deleteAccessKey("dave", davesKey));
        assertDenied(() -> withFresh.getAccessKeyLastUsed(davesKey));
        assertDenied(() -> withFresh.createUser("mallory"));
        assertDenied(() -> withFresh.putUserPolicy("carol", "Escalate", allow("All", "*", "*", null)));
        assertDenied(() -> withFresh.attachUserPolicy("carol", "arn:aws:iam::" + accountId() + ":policy/Any"));
        assertThat(dave.client().callerIdentity().arn()).isEqualTo(dave.user().arn());
        assertThat(admin().listAccessKeys("dave").items()).singleElement().satisfies(k -> assertThat(k.isActive()).isTrue());
    }

    // ---------------------------------------------------------------- evaluation rules

    @Test
    void anExplicitDenyInAManagedPolicyOverridesAnAllowAndDetachingItTakesEffectAtOnce() {
        Member erin = member("erin");
        admin().putUserPolicy("erin", "ManageOwnAccessKeys", MANAGE_OWN_ACCESS_KEYS);
        ManagedPolicy noDeletes = admin().createPolicy("NoKeyDeletion", """
                {"Version":"2012-10-17","Statement":[{"Sid":"NoDeletes","Effect":"Deny",
                  "Action":"iam:Delete*","Resource":"*"}]}""");
        admin().attachUserPolicy("erin", noDeletes.arn());
        CreatedAccessKey spare = erin.client().createAccessKey();

        assertDenied(() -> erin.client().deleteAccessKey("~", spare.accessKeyId()),
                "User: " + erin.user().arn() + " is not authorized to perform: iam:DeleteAccessKey on resource: user erin",
                " with an explicit deny in an identity-based policy");
        SimulationResult why = admin().simulate("erin", "iam:DeleteAccessKey", erin.user().arn());
        assertThat(why.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(why.decidingStatements()).containsExactly(noDeletes.arn() + "/NoDeletes");

        admin().detachUserPolicy("erin", noDeletes.arn());
        erin.client().deleteAccessKey("~", spare.accessKeyId());
        assertThat(erin.client().listAccessKeys().items()).hasSize(1);
    }

    @Test
    void aSourceIpConditionIsHonouredAndAChangedPolicyAppliesToTheNextRequest() {
        Member fay = member("fay");
        String ownUser = "arn:aws:iam::*:user/${aws:username}";
        admin().putUserPolicy("fay", "FromLoopback", allow("Loopback", "iam:ListAccessKeys", ownUser,
                "{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}"));
        assertThat(fay.client().listAccessKeys().items()).hasSize(1);

        admin().putUserPolicy("fay", "FromLoopback", allow("Loopback", "iam:ListAccessKeys", ownUser,
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"));
        assertDenied(() -> fay.client().listAccessKeys(), notAllowed(fay, "iam:ListAccessKeys", "fay"), "");

        admin().putUserPolicy("fay", "FromLoopback", allow("Loopback", "iam:ListAccessKeys", ownUser,
                "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"));
        assertThat(fay.client().listAccessKeys().items()).hasSize(1);
    }

    @Test
    void aCurrentTimeConditionIsHonoured() {
        Member gus = member("gus");
        String ownUser = "arn:aws:iam::*:user/${aws:username}";
        admin().putUserPolicy("gus", "Until", allow("UntilThen", "iam:ListAccessKeys", ownUser,
                "{\"DateLessThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}"));
        assertDenied(() -> gus.client().listAccessKeys());
        admin().putUserPolicy("gus", "Until", allow("UntilThen", "iam:ListAccessKeys", ownUser,
                "{\"DateLessThan\":{\"aws:CurrentTime\":\"2999-01-01T00:00:00Z\"}}"));
        assertThat(gus.client().listAccessKeys().items()).hasSize(1);
    }

    @Test
    void deletingOrDetachingAPolicyAppliesToTheNextRequest() {
        Member hal = member("hal");
        admin().putUserPolicy("hal", "CreateOwnAccessKeys", CREATE_OWN_ACCESS_KEYS);
        assertThat(hal.client().listAccessKeys().items()).hasSize(1);
        admin().deleteUserPolicy("hal", "CreateOwnAccessKeys");
        assertDenied(() -> hal.client().listAccessKeys());

        ManagedPolicy managed = admin().createPolicy("HalCreateOwnAccessKeys", "/self-service/", CREATE_OWN_ACCESS_KEYS,
                "the IAM User Guide's example");
        admin().attachUserPolicy("hal", managed.arn());
        assertThat(hal.client().listAccessKeys().items()).hasSize(1);
        admin().detachUserPolicy("hal", managed.arn());
        assertDenied(() -> hal.client().listAccessKeys());
        admin().deletePolicy(managed.arn());
    }

    @Test
    void aChangeMadeByAnotherServerAppliesWithinASecond() throws InterruptedException {
        Member ike = member("ike");
        admin().putUserPolicy("ike", "CreateOwnAccessKeys", CREATE_OWN_ACCESS_KEYS);
        assertThat(ike.client().listAccessKeys().items()).hasSize(1);
        // another node sharing the database deletes the policy: this node hears of it only through the change log
        assertThat(store.deleteUserPolicy(accountIdValue(), ike.user().userId(),
                "CreateOwnAccessKeys")).isTrue();
        long start = System.nanoTime();
        await("denied within 5 s").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        ike.client().listAccessKeys();
                        return false;
                    } catch (AccessDeniedException e) {
                        return true;
                    }
                });
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        // the change feed polls every 200 ms; the rest is slack for request latency on a busy machine
        assertThat(tookMillis).as("keywarden.cluster.poll-interval is 200 ms").isLessThan(2_500);
    }

    // ---------------------------------------------------------------- simulator and audit

    @Test
    void theSimulatorExplainsAnAllowAndADenialWithoutActing() {
        Member jo = member("jo");
        admin().putUserPolicy("jo", "CreateOwnAccessKeys", CREATE_OWN_ACCESS_KEYS);
        SimulationResult allowed = admin().simulate("jo", "iam:CreateAccessKey", jo.user().arn());
        assertThat(allowed.decision()).isEqualTo(Decision.ALLOW);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.explanation()).isEqualTo("allowed by policy CreateOwnAccessKeys statement CreateOwnAccessKeys");
        assertThat(allowed.decidingStatements()).containsExactly("CreateOwnAccessKeys/CreateOwnAccessKeys");
        assertThat(allowed.errors()).isEmpty();

        SimulationResult denied = admin().simulate("jo", "iam:DeleteAccessKey", jo.user().arn());
        assertThat(denied.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(denied.explanation()).isEqualTo("no statement allowed iam:DeleteAccessKey on " + jo.user().arn());
        assertThat(denied.decidingStatements()).isEmpty();
        assertThat(admin().listAccessKeys("jo").items()).hasSize(1);

        // the context defaults to the caller's request (loopback, now) and the given keys override it
        admin().putUserPolicy("jo", "Office", allow("FromOffice", "iam:UpdateAccessKey", "*",
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.1.0.0/16\"}}"));
        SimulationRequest.Builder fromOffice = SimulationRequest.builder().userName("jo").action("iam:UpdateAccessKey")
                .resource(jo.user().arn());
        assertThat(admin().simulate(fromOffice.build()).decision()).isEqualTo(Decision.IMPLICIT_DENY);
        SimulationResult inOffice = admin().simulate(fromOffice.context("aws:SourceIp", "10.1.2.3").build());
        assertThat(inOffice.decision()).isEqualTo(Decision.ALLOW);
        assertThat(inOffice.decidingStatements()).containsExactly("Office/FromOffice");

        // simulating is an administrator's right: jo may not simulate, not even herself
        assertDenied(() -> jo.client().simulate("jo", "iam:GetUser", null),
                notAllowed(jo, "iam:SimulatePrincipalPolicy", "jo"), "");
    }

    @Test
    void everyDenialIsLoggedOnOneLineWithWhoWhatAndWhy() {
        Member kay = member("kay");
        Member len = member("len");
        admin().putUserPolicy("kay", "ManageOwnAccessKeys", MANAGE_OWN_ACCESS_KEYS);
        String lensKey = len.key().accessKeyId();
        try (LogCapture log = LogCapture.attach()) {
            AccessDeniedException denied = org.junit.jupiter.api.Assertions.assertThrows(AccessDeniedException.class,
                    () -> kay.client().deleteAccessKey("len", lensKey));
            admin().simulate("kay", "iam:CreateUser", "*"); // a simulated denial is no denial

            List<String> lines = log.lines().stream().filter(l -> l.contains(AuditingAuthorizer.LOGGER)).toList();
            List<String> denials = lines.stream().filter(l -> l.startsWith("INFO")).toList();
            assertThat(denials).hasSize(1);
            String line = denials.get(0);
            assertThat(line).doesNotContain("\n")
                    .contains("\"decision\":\"ImplicitDeny\"")
                    .contains("\"principal\":\"" + kay.user().arn() + "\"")
                    .contains("\"accessKeyId\":\"" + kay.key().accessKeyId() + "\"")
                    .contains("\"action\":\"iam:DeleteAccessKey\"")
                    .contains("\"resource\":\"" + len.user().arn() + "\"")
                    .contains("\"reason\":\"no statement allowed iam:DeleteAccessKey on " + len.user().arn() + "\"")
                    .contains("\"sourceIp\":\"127.0.0.1\"")
                    .contains("\"requestId\":\"" + denied.requestId().orElseThrow() + "\"");
            assertThat(lines).anyMatch(l -> l.startsWith("DEBUG") && l.contains("\"simulated\":true")
                    && l.contains("\"action\":\"iam:CreateUser\""));
            assertThat(log.text()).doesNotContain(kay.key().secretAccessKey()).doesNotContain(ROOT_SECRET);
        }
    }

    @Test
    void aDenialOnTheQueryFaceIsLoggedWithItsRequestIdToo() {
        Member ray = member("ray");
        member("sam");
        try (LogCapture log = LogCapture.attach()) {
            io.keywarden.server.support.SignedClient.Response denied = as(ray.key().accessKeyId(),
                    ray.key().secretAccessKey()).send("POST", "/", "application/x-www-form-urlencoded",
                    "Action=ListAccessKeys&Version=2010-05-08&UserName=sam".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
            assertThat(denied.body()).contains("<Code>AccessDenied</Code>")
                    .contains("is not authorized to perform: iam:ListAccessKeys on resource: user sam");
            assertThat(log.lines()).filteredOn(l -> l.startsWith("INFO") && l.contains(AuditingAuthorizer.LOGGER))
                    .singleElement().satisfies(l -> assertThat(l)
                            .contains("\"principal\":\"" + ray.user().arn() + "\"")
                            .contains("\"action\":\"iam:ListAccessKeys\"")
                            .contains("\"requestId\":\"" + denied.header("x-amzn-RequestId") + "\""));
        }
    }

    @Test
    void anExplicitDenialIsLoggedWithItsDecidingStatement() {
        Member mo = member("mo");
        admin().putUserPolicy("mo", "NoListing", """
                {"Version":"2012-10-17","Statement":[{"Sid":"Nope","Effect":"Deny","Action":"iam:List*","Resource":"*"}]}""");
        try (LogCapture log = LogCapture.attach()) {
            assertDenied(() -> mo.client().listAccessKeys());
            assertThat(log.lines()).filteredOn(l -> l.contains(AuditingAuthorizer.LOGGER)).singleElement().satisfies(l ->
                    assertThat(l).contains("\"decision\":\"ExplicitDeny\"")
                            .contains("\"reason\":\"explicitly denied by policy NoListing statement Nope\"")
                            .contains("\"statements\":[\"NoListing/Nope\"]"));
        }
    }

    // ---------------------------------------------------------------- management rules

    @Test
    void deleteUserIsRefusedWhileTheUserHasPolicies() {
        admin().createUser("ned");
        admin().putUserPolicy("ned", "CreateOwnAccessKeys", CREATE_OWN_ACCESS_KEYS);
        assertThatThrownBy(() -> admin().deleteUser("ned")).isInstanceOfSatisfying(DeleteConflictException.class,
                e -> assertThat(e.errorMessage()).isEqualTo("Cannot delete entity, must delete policies first."));
        admin().deleteUserPolicy("ned", "CreateOwnAccessKeys");

        ManagedPolicy p = admin().createPolicy("NedPolicy", CREATE_OWN_ACCESS_KEYS);
        admin().attachUserPolicy("ned", p.arn());
        assertThatThrownBy(() -> admin().deleteUser("ned")).isInstanceOfSatisfying(DeleteConflictException.class,
                e -> assertThat(e.errorMessage()).isEqualTo("Cannot delete entity, must detach all policies first."));
        assertThatThrownBy(() -> admin().deletePolicy(p.arn())).isInstanceOf(DeleteConflictException.class);
        admin().detachUserPolicy("ned", p.arn());
        admin().deleteUser("ned");
        admin().deletePolicy(p.arn());
    }

    @Test
    void malformedDocumentsAreRejectedWithAMessageSayingWhatIsWrong() {
        admin().createUser("ola");
        assertMalformed(() -> admin().putUserPolicy("ola", "P", "{\"Version\":\"2012-10-17\",\"Statement\":"),
                "");
        assertMalformed(() -> admin().putUserPolicy("ola", "P", """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*",
                 "Condition":{"StringSorta":{"aws:username":"ola"}}}}"""), "StringSorta");
        assertMalformed(() -> admin().putUserPolicy("ola", "P", """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"iam:*","Resource":"*"}}"""),
                "Principal");
        assertMalformed(() -> admin().putUserPolicy("ola", "P", """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*","Colour":"red"}}"""),
                "Colour");
        assertMalformed(() -> admin().createPolicy("Bad", "{\"Statement\":[]}"), "Statement");
        assertThat(admin().listUserPolicies("ola").items()).isEmpty();
    }

    private static void assertMalformed(Executable call, String mentions) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_POLICY_DOCUMENT.code());
            assertThat(e.errorMessage()).isNotBlank().contains(mentions);
        });
    }

    @Test
    void awsQuotasApply() {
        admin().createUser("pat");
        // inline policies of a user: 2,048 characters in total, whitespace not counted
        String big = allow("Big", "iam:GetUser", "arn:aws:iam::*:user/" + "x".repeat(1000), null);
        admin().putUserPolicy("pat", "One", big);
        assertThatThrownBy(() -> admin().putUserPolicy("pat", "Two", big))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.errorMessage())
                        .isEqualTo("Maximum policy size of 2048 bytes exceeded for user pat"));
        admin().putUserPolicy("pat", "One", big); // replacing counts the new size only

        // a managed policy: 6,144 characters
        String huge = allow("Huge", "iam:GetUser", "arn:aws:iam::*:user/" + "y".repeat(6200), null);
        assertThatThrownBy(() -> admin().createPolicy("Huge", huge)).isInstanceOfSatisfying(LimitExceededException.class,
                e -> assertThat(e.errorMessage()).isEqualTo("Cannot exceed quota for PolicySize: 6144"));

        // 10 managed policies per user
        for (int i = 0; i < 10; i++) {
            admin().attachUserPolicy("pat", admin().createPolicy("PatPolicy" + i, CREATE_OWN_ACCESS_KEYS).arn());
        }
        ManagedPolicy eleventh = admin().createPolicy("PatPolicy10", CREATE_OWN_ACCESS_KEYS);
        assertThatThrownBy(() -> admin().attachUserPolicy("pat", eleventh.arn()))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.errorMessage())
                        .isEqualTo("Cannot exceed quota for PoliciesPerUser: 10"));
        assertThat(admin().listAllAttachedUserPolicies("pat")).hasSize(10);

        assertThatThrownBy(() -> admin().createPolicy("patpolicy0", CREATE_OWN_ACCESS_KEYS))
                .isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void sdkListingsAndReadsRoundTrip() {
        admin().createUser("quinn");
        admin().putUserPolicy("quinn", "B", CREATE_OWN_ACCESS_KEYS);
        admin().putUserPolicy("quinn", "A", MANAGE_OWN_ACCESS_KEYS);
        assertThat(admin().listUserPolicies("quinn", null, 1).items()).containsExactly("A");
        assertThat(admin().listAllUserPolicies("quinn")).containsExactly("A", "B");
        assertThat(admin().getUserPolicy("quinn", "B").policyDocument()).isEqualTo(CREATE_OWN_ACCESS_KEYS);
        ManagedPolicy created = admin().createPolicy("QuinnPolicy", "/q/", CREATE_OWN_ACCESS_KEYS, "for quinn");
        ManagedPolicy read = admin().getPolicy(created.arn());
        assertThat(read).isEqualTo(created);
        assertThat(read.document()).contains(CREATE_OWN_ACCESS_KEYS);
        assertThat(admin().listAllPolicies(io.keywarden.sdk.model.ListPoliciesRequest.builder().pathPrefix("/q/").build()))
                .singleElement().satisfies(p -> {
                    assertThat(p.arn()).isEqualTo(created.arn());
                    assertThat(p.document()).isEmpty();
                });
        assertThatThrownBy(() -> admin().getPolicy("arn:aws:iam::" + accountId() + ":policy/q/Nope"))
                .isInstanceOfSatisfying(KeywardenServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    private String accountId() {
        return admin().callerIdentity().account();
    }

    private io.keywarden.core.identity.AccountId accountIdValue() {
        return io.keywarden.core.identity.AccountId.of(accountId());
    }
}
