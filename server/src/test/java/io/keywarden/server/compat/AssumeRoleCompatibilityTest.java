package io.keywarden.server.compat;

import io.keywarden.server.support.SignedClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * AssumeRole through the real AWS SDK for Java v2: trust policies (a named user, the account with the caller's own
 * policy, external IDs, source identities), the session's identity and permissions (the role's, narrowed by session
 * policies), role chaining, {@code StsAssumeRoleCredentialsProvider} feeding an {@code IamClient}, revocation, and the
 * audit event that answers "who requested this ASIA key?".
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssumeRoleCompatibilityTest extends AwsSdkTestSupport {
    private IamClient iam;
    private String account;
    private AccessKey dev;
    private AccessKey eve;
    private String deployer;
    private String chained;

    @BeforeAll
    void setUp() {
        iam = rootIam();
        account = rootSts().getCallerIdentity().account();
        iam.createUser(b -> b.userName("dev"));
        dev = iam.createAccessKey(b -> b.userName("dev")).accessKey();
        iam.createUser(b -> b.userName("eve"));
        eve = iam.createAccessKey(b -> b.userName("eve")).accessKey();
        deployer = iam.createRole(b -> b.roleName("deployer").maxSessionDuration(7200).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:user/dev"},
                 "Action":["sts:AssumeRole","sts:SetSourceIdentity"],
                 "Condition":{"StringEquals":{"sts:ExternalId":"ext-1"}}}]}""".formatted(account))).role().arn();
        iam.putRolePolicy(b -> b.roleName("deployer").policyName("ReadUsers").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ListUsers","iam:GetUser"],
                 "Resource":"*"}]}"""));
        chained = iam.createRole(b -> b.roleName("chained").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}""".formatted(deployer))).role().arn();
    }

    private AssumeRoleResponse assumeDeployer(AccessKey key, String session) {
        return sts(key).assumeRole(b -> b.roleArn(deployer).roleSessionName(session).externalId("ext-1"));
    }

    private IamClient iamAs(Credentials c) {
        return track(IamClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
    }

    private StsClient stsAs(Credentials c) {
        return track(StsClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
    }

    @Test
    void aTrustedUserGetsASessionThatActsAsTheRoleWithTheRolesPermissionsOnly() {
        AssumeRoleResponse r = assumeDeployer(dev, "s1");
        assertThat(r.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(r.credentials().secretAccessKey()).hasSize(40);
        assertThat(r.credentials().expiration()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/deployer/s1");
        assertThat(r.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":s1");
        assertThat(stsAs(r.credentials()).getCallerIdentity().arn()).isEqualTo(r.assumedRoleUser().arn());
        assertThat(rootSts().getAccessKeyInfo(b -> b.accessKeyId(r.credentials().accessKeyId())).account())
                .isEqualTo(account);

        IamClient asRole = iamAs(r.credentials());
        assertThat(asRole.listUsers().users()).extracting(u -> u.userName()).contains("dev", "eve");
        assertThatThrownBy(() -> asRole.createUser(b -> b.userName("nope")))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AccessDenied"));
    }

    @Test
    void theTrustPolicyDecides() {
        assertThatThrownBy(() -> assumeDeployer(eve, "s2")).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + account
                    + ":user/eve is not authorized to perform: sts:AssumeRole on resource: " + deployer);
        });
        assertThatThrownBy(() -> sts(dev).assumeRole(b -> b.roleArn(deployer).roleSessionName("s3")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AccessDenied")); // no ExternalId
        assertThatThrownBy(() -> rootSts().assumeRole(b -> b.roleArn(deployer).roleSessionName("s4")
                .externalId("ext-1"))).isInstanceOfSatisfying(StsException.class, e ->
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Roles may not be assumed by root accounts."));
        // a missing role is answered like one that does not trust the caller
        assertThatThrownBy(() -> sts(dev).assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/missing")
                .roleSessionName("s5"))).isInstanceOfSatisfying(StsException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> sts(dev).assumeRole(b -> b.roleArn(deployer).roleSessionName("s6")
                .externalId("ext-1").durationSeconds(9000))).isInstanceOfSatisfying(StsException.class, e ->
                assertThat(e.awsErrorDetails().errorMessage()).contains("MaxSessionDuration"));
    }

    @Test
    void trustThroughTheAccountAlsoNeedsTheCallersOwnPolicy() {
        iam.createRole(b -> b.roleName("account-trust").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                 "Action":"sts:AssumeRole"}]}""".formatted(account)));
        String arn = "arn:aws:iam::" + account + ":role/account-trust";
        assertThatThrownBy(() -> sts(eve).assumeRole(b -> b.roleArn(arn).roleSessionName("ex")))
                .isInstanceOf(StsException.class);
        iam.putUserPolicy(b -> b.userName("eve").policyName("MayAssume").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"%s"}]}"""
                .formatted(arn)));
        assertThat(sts(eve).assumeRole(b -> b.roleArn(arn).roleSessionName("ex")).assumedRoleUser().arn())
                .endsWith(":assumed-role/account-trust/ex");
    }

    @Test
    void sessionPoliciesOnlyNarrow() {
        AssumeRoleResponse r = sts(dev).assumeRole(b -> b.roleArn(deployer).roleSessionName("narrow")
                .externalId("ext-1").policy("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetUser","iam:CreateUser"],
                         "Resource":"*"}]}"""));
        assertThat(r.packedPolicySize()).isBetween(1, 100);
        IamClient narrowed = iamAs(r.credentials());
        assertThat(narrowed.getUser(b -> b.userName("dev")).user().userName()).isEqualTo("dev");
        assertThatThrownBy(narrowed::listUsers).isInstanceOf(IamException.class); // the session policy does not allow
        assertThatThrownBy(() -> narrowed.createUser(b -> b.userName("x"))).isInstanceOf(IamException.class); // nor the role
    }

    @Test
    void sourceIdentityIsSetOnceAndCarriedThroughChainingWhichLastsAtMostAnHour() {
        AssumeRoleResponse first = sts(dev).assumeRole(b -> b.roleArn(deployer).roleSessionName("alice-deploy")
                .externalId("ext-1").sourceIdentity("alice"));
        assertThat(first.sourceIdentity()).isEqualTo("alice");
        StsClient session = stsAs(first.credentials());
        assertThatThrownBy(() -> session.assumeRole(b -> b.roleArn(chained).roleSessionName("c1")
                .durationSeconds(7200))).isInstanceOfSatisfying(StsException.class, e ->
                assertThat(e.awsErrorDetails().errorMessage()).contains("role chaining"));
        AssumeRoleResponse second = session.assumeRole(b -> b.roleArn(chained).roleSessionName("c1"));
        assertThat(second.sourceIdentity()).isEqualTo("alice");
        assertThat(second.assumedRoleUser().arn()).endsWith(":assumed-role/chained/c1");
        assertThatThrownBy(() -> session.assumeRole(b -> b.roleArn(chained).roleSessionName("c2")
                .sourceIdentity("mallory"))).isInstanceOfSatisfying(StsException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void theSdksAssumeRoleProviderFeedsAnIamClient() {
        try (StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts(dev))
                .refreshRequest(b -> b.roleArn(deployer).roleSessionName("provider").externalId("ext-1"))
                .build()) {
            IamClient client = track(IamClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                    .credentialsProvider(provider).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
            assertThat(client.listUsers().users()).isNotEmpty();
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void revokingTheRolesSessionsDeniesThoseIssuedBeforeAndNotThoseAfter() {
        iam.createRole(b -> b.roleName("revocable").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/dev"},
                 "Action":"sts:AssumeRole"}]}""".formatted(account)));
        iam.putRolePolicy(b -> b.roleName("revocable").policyName("Read").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"""));
        String arn = "arn:aws:iam::" + account + ":role/revocable";
        IamClient before = iamAs(sts(dev).assumeRole(b -> b.roleArn(arn).roleSessionName("old")).credentials());
        assertThat(before.listUsers().users()).isNotEmpty();

        SignedClient.Response revoked = root().post("/v1/roles/revocable/revoke-sessions", null);
        assertThat(revoked.status()).isEqualTo(204);
        assertThatThrownBy(before::listUsers).isInstanceOfSatisfying(IamException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(java.net.URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("revocable")
                .policyName("AWSRevokeOlderSessions")).policyDocument(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"DateLessThan\":{\"aws:TokenIssueTime\"");
        // a session issued after the revocation (token issue times count whole seconds) works
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> assertThat(iamAs(sts(dev).assumeRole(b ->
                b.roleArn(arn).roleSessionName("new")).credentials()).listUsers().users()).isNotEmpty());
    }

    @Test
    void theAuditTrailNamesWhoRequestedAnAsiaKey() {
        AssumeRoleResponse r = sts(dev).assumeRole(b -> b.roleArn(deployer).roleSessionName("traced")
                .externalId("ext-1").sourceIdentity("bob"));
        String asia = r.credentials().accessKeyId();
        stsAs(r.credentials()).getCallerIdentity();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SignedClient.Response events = root().get("/v1/audit-events?accessKeyId=" + asia);
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.body()).contains("\"AssumeRole\"", "\"GetCallerIdentity\"", dev.accessKeyId(),
                    "traced", "bob", deployer).doesNotContain(r.credentials().secretAccessKey())
                    .doesNotContain(r.credentials().sessionToken());
        });
    }

    @Test
    void cloudTrailRecordsOfARoleSessionsCallsCarryTheSessionContext() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        AssumeRoleResponse r = sts(dev).assumeRole(b -> b.roleArn(deployer).roleSessionName("context")
                .externalId("ext-1").sourceIdentity("carol"));
        String asia = r.credentials().accessKeyId();
        stsAs(r.credentials()).getCallerIdentity();
        CloudTrailClient trail = track(CloudTrailClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        io.keywarden.server.support.ServerTestSupport.ROOT_ACCESS_KEY_ID,
                        io.keywarden.server.support.ServerTestSupport.ROOT_SECRET)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        Event call = await().atMost(Duration.ofSeconds(10)).until(() -> trail.lookupEvents(b -> b.lookupAttributes(
                        a -> a.attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(asia))).events().stream()
                .filter(e -> e.eventName().equals("GetCallerIdentity")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        JsonNode id = new ObjectMapper().readTree(call.cloudTrailEvent()).path("userIdentity");
        assertThat(id.path("type").asText()).isEqualTo("AssumedRole");
        assertThat(id.path("arn").asText()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/deployer/context");
        assertThat(id.path("accessKeyId").asText()).isEqualTo(asia);
        JsonNode issuer = id.path("sessionContext").path("sessionIssuer");
        assertThat(issuer.path("type").asText()).isEqualTo("Role");
        assertThat(issuer.path("principalId").asText()).matches("AROA[A-Z2-7]{17}")
                .isEqualTo(id.path("principalId").asText().split(":")[0]);
        assertThat(issuer.path("arn").asText()).isEqualTo(deployer);
        assertThat(issuer.path("accountId").asText()).isEqualTo(account);
        assertThat(issuer.path("userName").asText()).isEqualTo("deployer");
        JsonNode attributes = id.path("sessionContext").path("attributes");
        assertThat(attributes.path("mfaAuthenticated").asText()).isEqualTo("false");
        Instant created = Instant.parse(attributes.path("creationDate").asText());
        assertThat(created).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(id.path("sessionContext").path("sourceIdentity").asText()).isEqualTo("carol");
    }

    @Test
    void getRoleShowsWhenASessionOfTheRoleWasLastUsedAndListRolesLeavesItOut() {
        iam.createRole(b -> b.roleName("last-used").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/dev"},
                 "Action":"sts:AssumeRole"}]}""".formatted(account)));
        software.amazon.awssdk.services.iam.model.RoleLastUsed unused = iam.getRole(b -> b.roleName("last-used")).role()
                .roleLastUsed();
        assertThat(unused.lastUsedDate()).as("never used yet").isNull();
        assertThat(unused.region()).isNull();

        Instant before = Instant.now().minusSeconds(1);
        AssumeRoleResponse r = sts(dev).assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/last-used")
                .roleSessionName("lu"));
        // the session's request signed for eu-west-2 is the role's use (AssumeRole itself is the user's request)
        track(StsClient.builder().endpointOverride(baseUri()).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        r.credentials().accessKeyId(), r.credentials().secretAccessKey(),
                        r.credentials().sessionToken())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build())
                .getCallerIdentity();
        software.amazon.awssdk.services.iam.model.RoleLastUsed used = await().atMost(Duration.ofSeconds(10))
                .until(() -> iam.getRole(b -> b.roleName("last-used")).role().roleLastUsed(),
                        u -> u.lastUsedDate() != null);
        assertThat(used.region()).isEqualTo("eu-west-2");
        assertThat(used.lastUsedDate()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        assertThat(iam.listRoles().roles()).filteredOn(x -> x.roleName().equals("last-used")).singleElement()
                .satisfies(x -> assertThat(x.roleLastUsed()).as("ListRoles leaves it out, as AWS").isNull());

        SignedClient.Response rest = root().get("/v1/roles/last-used");
        assertThat(rest.json().path("roleLastUsed").path("region").asText()).isEqualTo("eu-west-2");
        assertThat(Instant.parse(rest.json().path("roleLastUsed").path("lastUsedDate").asText()))
                .isEqualTo(used.lastUsedDate());
        assertThat(root().get("/v1/roles").body()).doesNotContain("roleLastUsed");
    }
}
