package io.keywarden.server.compat;

import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The access-key actions through the real AWS SDK for Java v2, on a server that requires keys to be Inactive before
 * they are deleted (as the console does), so that every documented error of the key operations shows up.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class IamAccessKeysCompatibilityTest extends AwsSdkTestSupport {
    private IamClient iam;
    private String account;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.keys.require-inactive-before-delete", "true");
    }

    @BeforeAll
    void clients() {
        iam = rootIam();
        account = rootSts().getCallerIdentity().account();
    }

    private void user(String name) {
        iam.createUser(b -> b.userName(name));
    }

    private void retire(String user, String keyId) {
        iam.updateAccessKey(b -> b.userName(user).accessKeyId(keyId).status(StatusType.INACTIVE));
        iam.deleteAccessKey(b -> b.userName(user).accessKeyId(keyId));
    }

    private static IamException iamError(Throwable t) {
        return (IamException) t;
    }

    @Test
    void createAccessKeyAnswersTheKeyWithItsSecretOnce() {
        user("ak-create");
        Instant before = Instant.now().minusSeconds(1);
        CreateAccessKeyResponse created = iam.createAccessKey(b -> b.userName("ak-create"));

        AccessKey key = created.accessKey();
        assertThat(key.userName()).isEqualTo("ak-create");
        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).matches("[A-Za-z0-9+/]{40}");
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(key.createDate()).isBetween(before, Instant.now().plusSeconds(1));

        ListAccessKeysResponse listed = iam.listAccessKeys(b -> b.userName("ak-create"));
        assertThat(listed.accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(key.accessKeyId());
        assertThat(listed.toString()).doesNotContain(key.secretAccessKey());
    }

    @Test
    void theNewKeyAuthenticatesAtOnce() {
        user("ak-fresh");
        AccessKey key = iam.createAccessKey(b -> b.userName("ak-fresh")).accessKey();
        assertThat(sts(key).getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + account + ":user/ak-fresh");
    }

    @Test
    void listAccessKeysAnswersMetadataOnly() {
        user("ak-list");
        AccessKey k1 = iam.createAccessKey(b -> b.userName("ak-list")).accessKey();
        AccessKey k2 = iam.createAccessKey(b -> b.userName("ak-list")).accessKey();
        iam.updateAccessKey(b -> b.userName("ak-list").accessKeyId(k1.accessKeyId()).status(StatusType.INACTIVE));

        ListAccessKeysResponse listed = iam.listAccessKeys(b -> b.userName("ak-list"));
        assertThat(listed.isTruncated()).isFalse();
        assertThat(listed.marker()).isNull();
        Map<String, StatusType> statuses = listed.accessKeyMetadata().stream()
                .collect(Collectors.toMap(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::status));
        assertThat(statuses).isEqualTo(Map.of(k1.accessKeyId(), StatusType.INACTIVE, k2.accessKeyId(), StatusType.ACTIVE));
        assertThat(listed.accessKeyMetadata()).allSatisfy(m -> {
            assertThat(m.userName()).isEqualTo("ak-list");
            assertThat(m.createDate()).isNotNull();
        });
    }

    @Test
    void listAccessKeysOfAUserWithoutKeysIsAnEmptyList() {
        user("ak-none");
        ListAccessKeysResponse listed = iam.listAccessKeys(b -> b.userName("ak-none"));
        assertThat(listed.hasAccessKeyMetadata()).isTrue();
        assertThat(listed.accessKeyMetadata()).isEmpty();
        assertThat(listed.isTruncated()).isFalse();
    }

    @Test
    void listAccessKeysPaginatorWalksOneKeyPerPage() {
        user("ak-paged");
        String a = iam.createAccessKey(b -> b.userName("ak-paged")).accessKey().accessKeyId();
        String b2 = iam.createAccessKey(b -> b.userName("ak-paged")).accessKey().accessKeyId();

        ListAccessKeysResponse first = iam.listAccessKeys(b -> b.userName("ak-paged").maxItems(1));
        assertThat(first.accessKeyMetadata()).hasSize(1);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotBlank();

        var pages = iam.listAccessKeysPaginator(b -> b.userName("ak-paged").maxItems(1)).stream().toList();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).isTruncated()).isFalse();
        assertThat(iam.listAccessKeysPaginator(b -> b.userName("ak-paged").maxItems(1)).accessKeyMetadata().stream()
                .map(AccessKeyMetadata::accessKeyId).toList()).containsExactlyInAnyOrder(a, b2);
    }

    @Test
    void rootActsOnItsOwnKeysWhenNoUserIsNamed() {
        ListAccessKeysResponse before = iam.listAccessKeys();
        assertThat(before.accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId).contains(ROOT_ACCESS_KEY_ID);
        assertThat(before.accessKeyMetadata()).allSatisfy(m -> assertThat(m.userName()).isNull());

        AccessKey second = iam.createAccessKey().accessKey();
        assertThat(second.accessKeyId()).startsWith("AKIA");
        assertThat(second.userName()).isNull();
        assertThat(sts(second).getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(iam.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .contains(ROOT_ACCESS_KEY_ID, second.accessKeyId());

        iam.updateAccessKey(b -> b.accessKeyId(second.accessKeyId()).status(StatusType.INACTIVE));
        iam.deleteAccessKey(b -> b.accessKeyId(second.accessKeyId()));
        assertThat(iam.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(ROOT_ACCESS_KEY_ID);
    }

    @Test
    void aThirdKeyIsLimitExceeded() {
        user("ak-limit");
        AccessKey k1 = iam.createAccessKey(b -> b.userName("ak-limit")).accessKey();
        iam.createAccessKey(b -> b.userName("ak-limit"));
        iam.updateAccessKey(b -> b.userName("ak-limit").accessKeyId(k1.accessKeyId()).status(StatusType.INACTIVE));
        assertThatThrownBy(() -> iam.createAccessKey(b -> b.userName("ak-limit")))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
                });
    }

    @Test
    void keyOperationsOnUnknownUsersAndKeysAreNoSuchEntity() {
        user("ak-owner");
        user("ak-other");
        String owned = iam.createAccessKey(b -> b.userName("ak-owner")).accessKey().accessKeyId();
        String unknownKey = "AKIAQYLPMN5HXXXXXXXX";

        assertThatThrownBy(() -> iam.createAccessKey(b -> b.userName("ak-nobody")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The user with name ak-nobody cannot be found."));
        assertThatThrownBy(() -> iam.listAccessKeys(b -> b.userName("ak-nobody")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.updateAccessKey(b -> b.userName("ak-owner").accessKeyId(unknownKey)
                .status(StatusType.INACTIVE)))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The Access Key with id " + unknownKey + " cannot be found.");
                });
        // a key of another user is not found under this one
        assertThatThrownBy(() -> iam.updateAccessKey(b -> b.userName("ak-other").accessKeyId(owned)
                .status(StatusType.INACTIVE))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.deleteAccessKey(b -> b.userName("ak-other").accessKeyId(owned)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void badStatusAndKeyIdsAreValidationErrors() {
        user("ak-valid");
        String id = iam.createAccessKey(b -> b.userName("ak-valid")).accessKey().accessKeyId();
        assertThatThrownBy(() -> iam.updateAccessKey(b -> b.userName("ak-valid").accessKeyId(id).status("Bogus")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at"
                            + " 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
                });
        assertThatThrownBy(() -> iam.updateAccessKey(b -> b.userName("ak-valid").accessKeyId("short")
                .status(StatusType.INACTIVE)))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("Value at 'accessKeyId'"));
        assertThatThrownBy(() -> iam.deleteAccessKey(b -> b.userName("ak-valid").accessKeyId("AKIA-NOT-VALID-AT-ALL")))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value at 'accessKeyId' failed to satisfy constraint:"
                                + " Member must satisfy regular expression pattern: [\\w]+"));
        // a missing required member (the SDK does not check it)
        assertThatThrownBy(() -> iam.updateAccessKey(b -> b.userName("ak-valid").accessKeyId(id)))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value at 'status' failed to satisfy constraint:"
                                + " Member must not be null"));
    }

    @Test
    void deletingAnActiveKeyIsADeleteConflictOnThisServer() {
        user("ak-active");
        String id = iam.createAccessKey(b -> b.userName("ak-active")).accessKey().accessKeyId();
        assertThatThrownBy(() -> iam.deleteAccessKey(b -> b.userName("ak-active").accessKeyId(id)))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        retire("ak-active", id);
        assertThat(iam.listAccessKeys(b -> b.userName("ak-active")).accessKeyMetadata()).isEmpty();
    }

    @Test
    void aUserMayNotTouchAnotherUsersKeys() {
        user("ak-mallory");
        user("ak-victim");
        AccessKey mallory = iam.createAccessKey(b -> b.userName("ak-mallory")).accessKey();
        assertThatThrownBy(() -> iam(mallory).createAccessKey(b -> b.userName("ak-victim")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + account
                            + ":user/ak-mallory is not authorized to perform: iam:CreateAccessKey on resource: user"
                            + " ak-victim because no identity-based policy allows the iam:CreateAccessKey action");
                });
        assertThat(iam.listAccessKeys(b -> b.userName("ak-victim")).accessKeyMetadata()).isEmpty();
    }

    @Test
    void getAccessKeyLastUsedOfANeverUsedKeyIsNaWithoutDate() {
        user("ak-unused");
        String id = iam.createAccessKey(b -> b.userName("ak-unused")).accessKey().accessKeyId();
        GetAccessKeyLastUsedResponse r = iam.getAccessKeyLastUsed(b -> b.accessKeyId(id));
        assertThat(r.userName()).isEqualTo("ak-unused");
        assertThat(r.accessKeyLastUsed().lastUsedDate()).isNull();
        assertThat(r.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
        assertThat(r.accessKeyLastUsed().region()).isEqualTo("N/A");
    }

    @Test
    void getAccessKeyLastUsedOfAnUnknownKeyIsAccessDeniedAsAws() {
        String unknown = "AKIAQYLPMN5HZZZZZZZZ";
        assertThatThrownBy(() -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(unknown)))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + account
                            + ":root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key "
                            + unknown);
                });
    }

    @Test
    void unknownInactiveAndDeletedKeysAreInvalidClientTokenId() {
        user("ak-auth");
        AccessKey key = iam.createAccessKey(b -> b.userName("ak-auth")).accessKey();
        StsClient sts = sts(key);
        sts.getCallerIdentity();

        assertThatThrownBy(() -> sts("AKIAQYLPMN5HQQQQQQQQ", key.secretAccessKey()).getCallerIdentity())
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The security token included in the request is invalid.");
                });
        iam.updateAccessKey(b -> b.userName("ak-auth").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        assertThatThrownBy(() -> iam(key).listAccessKeys()).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        iam.deleteAccessKey(b -> b.userName("ak-auth").accessKeyId(key.accessKeyId()));
        assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatch() {
        user("ak-wrong");
        AccessKey key = iam.createAccessKey(b -> b.userName("ak-wrong")).accessKey();
        String wrong = (key.secretAccessKey().charAt(0) == 'A' ? "B" : "A") + key.secretAccessKey().substring(1);
        assertThatThrownBy(() -> iam(key.accessKeyId(), wrong).listAccessKeys())
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("The request signature we calculated does not match the signature you provided.");
                });
    }

    /**
     * The seed's zero-downtime rotation, as an operator runs it with the AWS SDK: create a second key, switch the
     * application to it, check by last-used that the old key is idle, deactivate the old key, see it refused,
     * reactivate it (the rollback path), deactivate it again and delete it.
     */
    @Test
    void rotationProcedure() throws Exception {
        user("ak-app");
        AccessKey oldKey = iam.createAccessKey(b -> b.userName("ak-app")).accessKey();

        // the application's client, whose credentials are swapped in place
        AtomicReference<AwsCredentials> current = new AtomicReference<>(
                AwsBasicCredentials.create(oldKey.accessKeyId(), oldKey.secretAccessKey()));
        StsClient app = track(StsClient.builder().endpointOverride(baseUri()).region(Region.EU_WEST_1)
                .credentialsProvider(current::get).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        assertThat(app.getCallerIdentity().arn()).endsWith(":user/ak-app");
        AccessKeyLastUsed oldUse = eventually(() -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(oldKey.accessKeyId()))
                .accessKeyLastUsed(), u -> u.lastUsedDate() != null);
        assertThat(oldUse.serviceName()).isEqualTo("sts");
        assertThat(oldUse.region()).isEqualTo("eu-west-1");

        // 1. a second key while the first still works
        AccessKey newKey = iam.createAccessKey(b -> b.userName("ak-app")).accessKey();
        // 2. switch the application to it
        current.set(AwsBasicCredentials.create(newKey.accessKeyId(), newKey.secretAccessKey()));
        assertThat(app.getCallerIdentity().arn()).endsWith(":user/ak-app");
        // 3. the new key shows use; the old key's last use stays where it was
        AccessKeyLastUsed newUse = eventually(() -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(newKey.accessKeyId()))
                .accessKeyLastUsed(), u -> u.lastUsedDate() != null);
        assertThat(newUse.serviceName()).isEqualTo("sts");
        assertThat(iam.getAccessKeyLastUsed(b -> b.accessKeyId(oldKey.accessKeyId())).accessKeyLastUsed()
                .lastUsedDate()).isEqualTo(oldUse.lastUsedDate());
        // 4. deactivate the old key and verify it is refused, while the application keeps working
        iam.updateAccessKey(b -> b.userName("ak-app").accessKeyId(oldKey.accessKeyId()).status(StatusType.INACTIVE));
        assertThatThrownBy(() -> sts(oldKey).getCallerIdentity()).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        assertThat(app.getCallerIdentity().arn()).endsWith(":user/ak-app");
        // 5. the rollback path: reactivating brings it back at once
        iam.updateAccessKey(b -> b.userName("ak-app").accessKeyId(oldKey.accessKeyId()).status(StatusType.ACTIVE));
        assertThat(sts(oldKey).getCallerIdentity().arn()).endsWith(":user/ak-app");
        // 6. deactivate again and delete for good
        iam.updateAccessKey(b -> b.userName("ak-app").accessKeyId(oldKey.accessKeyId()).status(StatusType.INACTIVE));
        iam.deleteAccessKey(b -> b.userName("ak-app").accessKeyId(oldKey.accessKeyId()));
        assertThat(iam.listAccessKeys(b -> b.userName("ak-app")).accessKeyMetadata())
                .extracting(AccessKeyMetadata::accessKeyId).containsExactly(newKey.accessKeyId());
        assertThatThrownBy(() -> sts(oldKey).getCallerIdentity()).isInstanceOf(StsException.class);
        assertThat(app.getCallerIdentity().arn()).endsWith(":user/ak-app");
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        return await("condition met within 10 s").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(read::get, done);
    }

    @SuppressWarnings("unused")
    private static List<String> ids(List<AccessKeyMetadata> keys) {
        return keys.stream().map(AccessKeyMetadata::accessKeyId).toList();
    }
}
