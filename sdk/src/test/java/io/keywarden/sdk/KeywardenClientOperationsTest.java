package io.keywarden.sdk;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.MutableCredentialsProvider;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CallerIdentity;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.KeyOwner;
import io.keywarden.sdk.model.ListUsersRequest;
import io.keywarden.sdk.model.Page;
import io.keywarden.sdk.model.User;
import io.keywarden.sdk.model.UserSummary;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.keywarden.sdk.testing.Fixtures.ACCESS_KEY_ID;
import static io.keywarden.sdk.testing.Fixtures.CREDENTIALS;
import static io.keywarden.sdk.testing.Fixtures.SECRET;
import static io.keywarden.sdk.testing.Fixtures.USER_JSON;
import static io.keywarden.sdk.testing.Fixtures.accessKeyJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywardenClientOperationsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");
    private static final String REGION = "eu-west-3";

    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        client = clientFor(stub.uri().toString(), StaticCredentialsProvider.create(CREDENTIALS));
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private KeywardenClient clientFor(String endpoint, io.keywarden.sdk.auth.CredentialsProvider provider) {
        return KeywardenClient.builder().endpoint(endpoint).region(REGION).credentialsProvider(provider)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxRetries(0).build();
    }

    /** The one request, checked to be signed by the test key for {@code service} at the clock's time. */
    private Recorded signedRequest(String service) {
        Recorded request = stub.onlyRequest();
        SignatureCheck.Verified verified = SignatureCheck.verify(request, CREDENTIALS);
        assertThat(verified.service()).isEqualTo(service);
        assertThat(verified.region()).isEqualTo(REGION);
        assertThat(verified.time()).isEqualTo(NOW);
        assertThat(verified.signedHeaders()).contains("host", "x-amz-date");
        return request;
    }

    @Test
    void callerIdentityIsAGetOnCallerIdentitySignedForSts() {
        stub.enqueue(Answer.ok("{\"account\":\"123456789012\",\"userId\":\"AIDAQ2KWSD3J5ABCDEFGH\","
                + "\"arn\":\"arn:aws:iam::123456789012:user/alice\"}"));

        CallerIdentity identity = client.callerIdentity();

        Recorded request = signedRequest("sts");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/caller-identity");
        assertThat(request.rawQuery()).isEmpty();
        assertThat(request.body()).isEmpty();
        assertThat(identity).isEqualTo(new CallerIdentity("123456789012", "AIDAQ2KWSD3J5ABCDEFGH",
                "arn:aws:iam::123456789012:user/alice"));
    }

    @Test
    void createUserPostsNameAndPathAsSignedJson() {
        stub.enqueue(Answer.json(201, USER_JSON));

        User user = client.createUser("alice", "/eng/");

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/users");
        assertThat(request.bodyText()).isEqualTo("{\"userName\":\"alice\",\"path\":\"/eng/\"}");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(SignatureCheck.verify(request, CREDENTIALS).signedHeaders()).contains("content-type");
        assertThat(user).isEqualTo(new User("alice", "AIDAQ2KWSD3J5ABCDEFGH", "arn:aws:iam::123456789012:user/eng/alice",
                "/eng/", Instant.parse("2026-11-29T15:22:15.123Z")));
        assertThat(user.isRoot()).isFalse();
    }

    @Test
    void createUserWithoutPathSendsOnlyTheName() {
        stub.enqueue(Answer.json(201, USER_JSON));

        client.createUser("alice");

        assertThat(signedRequest("iam").bodyText()).isEqualTo("{\"userName\":\"alice\"}");
    }

    @Test
    void getUserPercentEncodesTheNameInThePath() {
        stub.enqueue(Answer.ok(USER_JSON));

        client.getUser("a+b=c,d.e@f_g-h");

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/users/a%2Bb%3Dc%2Cd.e%40f_g-h");
    }

    @Test
    void userNamesMadeOfDotsStayOneSegment() {
        stub.enqueue(Answer.ok(USER_JSON));

        client.getUser("..");

        assertThat(signedRequest("iam").rawPath()).isEqualTo("/v1/users/%2E%2E");
    }

    @Test
    void currentUserIsAskedForAsMeAndMayBeTheRootUser() {
        stub.enqueue(Answer.ok("{\"userId\":\"123456789012\",\"arn\":\"arn:aws:iam::123456789012:root\","
                + "\"createDate\":\"2026-01-01T00:00:00Z\"}"));

        User user = client.getCurrentUser();

        assertThat(signedRequest("iam").rawPath()).isEqualTo("/v1/users/~");
        assertThat(user.isRoot()).isTrue();
        assertThat(user.name()).isEmpty();
        assertThat(user.userId()).isEqualTo("123456789012");
    }

    @Test
    void listUsersSendsPathPrefixMaxItemsAndMarkerAndReadsKeyAges() {
        stub.enqueue(Answer.ok("{\"users\":[" + USER_JSON.replace("}", ",\"keyAgeDays\":42}") + ","
                + USER_JSON.replace("alice", "bob") + "],\"isTruncated\":true,\"marker\":\"a3cxOmJvYg\"}"));

        Page<UserSummary> page = client.listUsers("/eng/", "a3cxOmFsaWNl", 2);

        Recorded request = signedRequest("iam");
        assertThat(request.rawPath()).isEqualTo("/v1/users");
        assertThat(request.query()).isEqualTo(Map.of("pathPrefix", "/eng/", "maxItems", "2", "marker", "a3cxOmFsaWNl"));
        assertThat(request.rawQuery()).contains("pathPrefix=%2Feng%2F");
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.nextMarker()).contains("a3cxOmJvYg");
        assertThat(page.items()).extracting(UserSummary::userName).containsExactly("alice", "bob");
        assertThat(page.items().get(0).keyAge()).hasValue(42);
        assertThat(page.items().get(1).keyAge()).isEmpty();
    }

    @Test
    void listUsersWithoutParametersSendsNoQueryAndALastPageHasNoMarker() {
        stub.enqueue(Answer.ok("{\"users\":[],\"isTruncated\":false}"));

        Page<UserSummary> page = client.listUsers();

        assertThat(signedRequest("iam").rawQuery()).isEmpty();
        assertThat(page.items()).isEmpty();
        assertThat(page.isTruncated()).isFalse();
        assertThat(page.nextMarker()).isEmpty();
    }

    @Test
    void listUsersRequestBuilderRejectsAPageSizeOutsideTheRange() {
        assertThatThrownBy(() -> ListUsersRequest.builder().maxItems(1001).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxItems");
        assertThatThrownBy(() -> client.listUsers(null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void deleteUserIsADeleteThatAcceptsNoContent() {
        stub.enqueue(Answer.noContent());

        client.deleteUser("alice");

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void createAccessKeyPostsNoBodyAndReturnsTheSecretOnce() {
        stub.enqueue(Answer.json(201, "{\"accessKeyId\":\"AKIAQ2KWSD3J5NEWKEY1\",\"secretAccessKey\":\"" + SECRET
                + "\",\"status\":\"Active\",\"createDate\":\"2026-12-01T10:15:30Z\",\"userName\":\"alice\"}"));

        CreatedAccessKey key = client.createAccessKey("alice");

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice/access-keys");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).isEmpty();
        assertThat(SignatureCheck.verify(request, CREDENTIALS).signedHeaders()).doesNotContain("content-type");
        assertThat(key.accessKeyId()).isEqualTo("AKIAQ2KWSD3J5NEWKEY1");
        assertThat(key.secretAccessKey()).isEqualTo(SECRET);
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(key.credentials()).isEqualTo(SigningCredentials.of("AKIAQ2KWSD3J5NEWKEY1", SECRET));
        assertThat(key.metadata()).isEqualTo(new AccessKeyMetadata("AKIAQ2KWSD3J5NEWKEY1", KeyStatus.ACTIVE,
                Instant.parse("2026-12-01T10:15:30Z"), "alice"));
    }

    @Test
    void createAccessKeyWithoutAUserIsForTheCaller() {
        stub.enqueue(Answer.json(201, "{\"accessKeyId\":\"AKIAQ2KWSD3J5NEWKEY1\",\"secretAccessKey\":\"" + SECRET
                + "\",\"status\":\"Active\",\"createDate\":\"2026-12-01T10:15:30Z\"}"));

        CreatedAccessKey key = client.createAccessKey();

        assertThat(signedRequest("iam").rawPath()).isEqualTo("/v1/users/~/access-keys");
        assertThat(key.userName()).isNull();
    }

    @Test
    void listAccessKeysReadsMetadataIncludingTheRootUsersKeys() {
        stub.enqueue(Answer.ok("{\"accessKeys\":[" + accessKeyJson("AKIAQ2KWSD3J5KEYONE1", "Active", "alice") + ","
                + accessKeyJson("AKIAQ2KWSD3J5KEYTWO2", "Inactive", null) + "],\"isTruncated\":false}"));

        Page<AccessKeyMetadata> page = client.listAccessKeys("alice", "bWFyaw", 10);

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice/access-keys");
        assertThat(request.query()).isEqualTo(Map.of("maxItems", "10", "marker", "bWFyaw"));
        assertThat(page.items()).extracting(AccessKeyMetadata::status).containsExactly(KeyStatus.ACTIVE, KeyStatus.INACTIVE);
        assertThat(page.items().get(1).owner()).isEmpty();
        assertThat(page.items().get(0).owner()).contains("alice");
    }

    @Test
    void listAccessKeysOfTheCallerUsesMe() {
        stub.enqueue(Answer.ok("{\"accessKeys\":[],\"isTruncated\":false}"));

        client.listAccessKeys();

        assertThat(signedRequest("iam").rawPath()).isEqualTo("/v1/users/~/access-keys");
    }

    @Test
    void updateAccessKeyPatchesTheStatus() {
        stub.enqueue(Answer.ok(accessKeyJson("AKIAQ2KWSD3J5KEYONE1", "Inactive", "alice")));

        AccessKeyMetadata key = client.updateAccessKey("alice", "AKIAQ2KWSD3J5KEYONE1", KeyStatus.INACTIVE);

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice/access-keys/AKIAQ2KWSD3J5KEYONE1");
        assertThat(request.bodyText()).isEqualTo("{\"status\":\"Inactive\"}");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(key.status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(key.isActive()).isFalse();
    }

    @Test
    void deleteAccessKeyIsADeleteOnTheKey() {
        stub.enqueue(Answer.noContent());

        client.deleteAccessKey("alice", "AKIAQ2KWSD3J5KEYONE1");

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.rawPath()).isEqualTo("/v1/users/alice/access-keys/AKIAQ2KWSD3J5KEYONE1");
    }

    @Test
    void lastUsedReadsDateServiceAndRegion() {
        stub.enqueue(Answer.ok("{\"userName\":\"alice\",\"accessKeyLastUsed\":{\"lastUsedDate\":"
                + "\"2026-11-30T23:59:01Z\",\"serviceName\":\"sts\",\"region\":\"eu-west-3\"}}"));

        AccessKeyLastUsed lastUsed = client.getAccessKeyLastUsed("AKIAQ2KWSD3J5KEYONE1");

        Recorded request = signedRequest("iam");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/access-keys/AKIAQ2KWSD3J5KEYONE1/last-used");
        assertThat(lastUsed).isEqualTo(new AccessKeyLastUsed("AKIAQ2KWSD3J5KEYONE1", "alice",
                Instant.parse("2026-11-30T23:59:01Z"), "sts", "eu-west-3"));
        assertThat(lastUsed.lastUsedDate()).contains(Instant.parse("2026-11-30T23:59:01Z"));
        assertThat(lastUsed.wasUsed()).isTrue();
    }

    @Test
    void aKeyNeverUsedHasNoDateAndNotApplicableServiceAndRegion() {
        stub.enqueue(Answer.ok("{\"userName\":\"alice\",\"accessKeyLastUsed\":{\"serviceName\":\"N/A\","
                + "\"region\":\"N/A\"}}"));

        AccessKeyLastUsed lastUsed = client.getAccessKeyLastUsed("AKIAQ2KWSD3J5KEYONE1");

        assertThat(lastUsed.lastUsedDate()).isEmpty();
        assertThat(lastUsed.wasUsed()).isFalse();
        assertThat(lastUsed.serviceName()).isEqualTo(AccessKeyLastUsed.NOT_APPLICABLE);
        assertThat(lastUsed.region()).isEqualTo(AccessKeyLastUsed.NOT_APPLICABLE);
    }

    @Test
    void accessKeyInfoIsSignedForSts() {
        stub.enqueue(Answer.ok("{\"account\":\"123456789012\"}"));

        assertThat(client.getAccessKeyInfo("AKIAQ2KWSD3J5KEYONE1").account()).isEqualTo("123456789012");

        Recorded request = signedRequest("sts");
        assertThat(request.rawPath()).isEqualTo("/v1/access-keys/AKIAQ2KWSD3J5KEYONE1/info");
    }

    @Test
    void findKeyOwnerReadsTheOwnerAndTheKey() {
        stub.enqueue(Answer.ok("{\"account\":\"123456789012\",\"arn\":\"arn:aws:iam::123456789012:user/alice\","
                + "\"userName\":\"alice\",\"userId\":\"AIDAQ2KWSD3J5ABCDEFGH\",\"accessKey\":"
                + accessKeyJson("AKIAQ2KWSD3J5KEYONE1", "Active", "alice") + "}"));

        KeyOwner owner = client.findKeyOwner("AKIAQ2KWSD3J5KEYONE1");

        Recorded request = signedRequest("iam");
        assertThat(request.rawPath()).isEqualTo("/v1/access-keys/AKIAQ2KWSD3J5KEYONE1/owner");
        assertThat(owner.userName()).isEqualTo("alice");
        assertThat(owner.isRoot()).isFalse();
        assertThat(owner.accessKey().accessKeyId()).isEqualTo("AKIAQ2KWSD3J5KEYONE1");
    }

    @Test
    void anEndpointWithAPathKeepsItBeforeV1() {
        stub.enqueue(Answer.ok(USER_JSON));
        try (KeywardenClient prefixed = clientFor(stub.uri() + "/keywarden/",
                StaticCredentialsProvider.create(CREDENTIALS))) {
            prefixed.getUser("alice");
        }
        assertThat(signedRequest("iam").rawPath()).isEqualTo("/keywarden/v1/users/alice");
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        SigningCredentials temporary = SigningCredentials.of("ASIAQ2KWSD3J5TEMPKEY", SECRET, "token-123");
        stub.enqueue(Answer.ok("{\"account\":\"123456789012\",\"userId\":\"u\",\"arn\":\"a\"}"));
        try (KeywardenClient tokenClient = clientFor(stub.uri().toString(), StaticCredentialsProvider.create(temporary))) {
            tokenClient.callerIdentity();
        }
        Recorded request = stub.onlyRequest();
        assertThat(request.header("X-Amz-Security-Token")).contains("token-123");
        assertThat(SignatureCheck.verify(request, temporary).signedHeaders()).contains("x-amz-security-token");
    }

    @Test
    void eachRequestIsSignedWithTheCredentialsOfThatMoment() {
        MutableCredentialsProvider provider = MutableCredentialsProvider.create(CREDENTIALS);
        SigningCredentials rotated = SigningCredentials.of("AKIAQ2KWSD3J5ROTATED", "another-secret-of-forty-characters-xxxx");
        stub.otherwise(r -> Answer.ok("{\"account\":\"123456789012\",\"userId\":\"u\",\"arn\":\"a\"}"));
        try (KeywardenClient swapping = clientFor(stub.uri().toString(), provider)) {
            swapping.callerIdentity();
            provider.set(rotated);
            swapping.callerIdentity();
        }
        List<Recorded> requests = stub.requests();
        assertThat(SignatureCheck.verify(requests.get(0), CREDENTIALS).accessKeyId()).isEqualTo(ACCESS_KEY_ID);
        assertThat(SignatureCheck.verify(requests.get(1), rotated).accessKeyId()).isEqualTo("AKIAQ2KWSD3J5ROTATED");
    }

    @Test
    void anAnswerLackingARequiredFieldIsAClientException() {
        stub.enqueue(Answer.ok("{\"account\":\"123456789012\",\"userId\":\"u\"}"));

        assertThatThrownBy(() -> client.callerIdentity())
                .isInstanceOf(KeywardenClientException.class)
                .hasMessageContaining("GET /v1/caller-identity").hasMessageContaining("'arn'");
    }

    @Test
    void anAnswerThatIsNotJsonIsAClientException() {
        stub.enqueue(new Answer(200, Map.of("Content-Type", "text/html"), "<html>hello</html>", java.time.Duration.ZERO));

        assertThatThrownBy(() -> client.getUser("alice"))
                .isInstanceOf(KeywardenClientException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void anUnreadableCreateAnswerNeverQuotesTheSecret() {
        stub.enqueue(Answer.json(201, "{\"accessKeyId\":\"AKIAQ2KWSD3J5NEWKEY1\",\"secretAccessKey\":\"" + SECRET
                + "\",\"status\":\"Active\",\"createDate\":\"2026-12-01T10:15:30Z\" " + SECRET + "}"));

        assertThatThrownBy(() -> client.createAccessKey("alice"))
                .isInstanceOf(KeywardenClientException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(SECRET);
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void anUnknownKeyStatusIsAClientException() {
        stub.enqueue(Answer.ok(accessKeyJson("AKIAQ2KWSD3J5KEYONE1", "Sleeping", "alice")));

        assertThatThrownBy(() -> client.updateAccessKey("alice", "AKIAQ2KWSD3J5KEYONE1", KeyStatus.ACTIVE))
                .isInstanceOf(KeywardenClientException.class).hasMessageContaining("'status'");
    }

    @Test
    void emptyNamesAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.getUser("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("userName must not be empty");
        assertThatThrownBy(() -> client.deleteAccessKey("alice", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accessKeyId must not be empty");
        assertThatThrownBy(() -> client.getUser(null)).isInstanceOf(NullPointerException.class);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aClosedClientRefusesCalls() {
        client.close();
        client.close();

        assertThatThrownBy(() -> client.callerIdentity()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the client is closed");
    }
}
