package io.keywarden.server.sdk;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.DeleteConflictException;
import io.keywarden.sdk.exception.EntityAlreadyExistsException;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.exception.SignatureDoesNotMatchException;
import io.keywarden.sdk.exception.ValidationException;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CallerIdentity;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.KeyOwner;
import io.keywarden.sdk.model.User;
import io.keywarden.sdk.model.UserSummary;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The foundation slice end to end through the Java SDK: every request is signed by {@code KeywardenClient}. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkLifecycleTest extends ServerTestSupport {
    private final List<KeywardenClient> clients = new ArrayList<>();

    private KeywardenClient client(String id, String secret, String region) {
        KeywardenClient c = KeywardenClient.builder().endpoint(baseUri()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(id, secret))
                .maxRetries(0).build();
        clients.add(c);
        return c;
    }

    private KeywardenClient rootClient() {
        return client(ROOT_ACCESS_KEY_ID, ROOT_SECRET, "us-east-1");
    }

    @AfterAll
    void closeClients() {
        clients.forEach(KeywardenClient::close);
    }

    @Test
    void wholeLifecycleThroughTheSdk() throws Exception {
        KeywardenClient root = rootClient();
        User alice = root.createUser("sdk-alice", "/team/");
        assertThat(alice.arn()).endsWith(":user/team/sdk-alice");
        assertThat(root.getUser("SDK-ALICE").userId()).isEqualTo(alice.userId());

        CreatedAccessKey key = root.createAccessKey("sdk-alice");
        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.toString()).doesNotContain(key.secretAccessKey());

        AccessKeyLastUsed before = root.getAccessKeyLastUsed(key.accessKeyId());
        assertThat(before.wasUsed()).isFalse();
        assertThat(before.serviceName()).isEqualTo("N/A");
        assertThat(before.region()).isEqualTo("N/A");

        KeywardenClient asAlice = client(key.accessKeyId(), key.secretAccessKey(), "eu-central-1");
        CallerIdentity me = asAlice.callerIdentity();
        assertThat(me.arn()).isEqualTo(alice.arn());
        assertThat(me.userId()).isEqualTo(alice.userId());
        assertThat(root.getAccessKeyInfo(key.accessKeyId()).account()).isEqualTo(me.account());

        AccessKeyLastUsed after = await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> root.getAccessKeyLastUsed(key.accessKeyId()), AccessKeyLastUsed::wasUsed);
        assertThat(after.lastUsedDate()).isPresent();
        assertThat(after.region()).isEqualTo("eu-central-1");
        assertThat(after.serviceName()).isEqualTo("sts");
        assertThat(after.userName()).isEqualTo("sdk-alice");

        assertThat(root.listAccessKeys("sdk-alice").items()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(key.accessKeyId());
        KeyOwner owner = root.findKeyOwner(key.accessKeyId());
        assertThat(owner.userName()).isEqualTo("sdk-alice");
        assertThat(owner.arn()).isEqualTo(alice.arn());

        root.updateAccessKey("sdk-alice", key.accessKeyId(), KeyStatus.INACTIVE);
        assertThatThrownBy(asAlice::callerIdentity).isInstanceOfSatisfying(InvalidClientTokenIdException.class,
                e -> assertThat(e.statusCode()).isEqualTo(403));
        root.updateAccessKey("sdk-alice", key.accessKeyId(), KeyStatus.ACTIVE);
        assertThat(asAlice.callerIdentity().arn()).isEqualTo(alice.arn());

        assertThatThrownBy(() -> root.deleteUser("sdk-alice")).isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("must delete access keys first");
        root.deleteAccessKey("sdk-alice", key.accessKeyId());
        assertThatThrownBy(asAlice::callerIdentity).isInstanceOf(InvalidClientTokenIdException.class);
        root.deleteUser("sdk-alice");
        assertThatThrownBy(() -> root.getUser("sdk-alice")).isInstanceOfSatisfying(NoSuchEntityException.class,
                e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.requestId()).isPresent();
                });
    }

    @Test
    void limitsAndConflictsAreTypedExceptions() throws Exception {
        KeywardenClient root = rootClient();
        root.createUser("sdk-bob");
        assertThatThrownBy(() -> root.createUser("SDK-BOB")).isInstanceOf(EntityAlreadyExistsException.class);
        List<CompletableFuture<Object>> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            creates.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return root.createAccessKey("sdk-bob");
                } catch (LimitExceededException e) {
                    return e;
                }
            }));
        }
        long created = creates.stream().map(CompletableFuture::join).filter(CreatedAccessKey.class::isInstance).count();
        long limited = creates.stream().map(CompletableFuture::join).filter(LimitExceededException.class::isInstance).count();
        assertThat(created).isEqualTo(2);
        assertThat(limited).isEqualTo(18);
        assertThatThrownBy(() -> root.createAccessKey("sdk-bob")).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void badInputAndWrongSecretsAreTypedExceptions() {
        KeywardenClient root = rootClient();
        assertThatThrownBy(() -> root.createUser("not a valid name")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> root.getAccessKeyInfo("AKIAIOSFODNN7EXAMPLE")).isInstanceOf(ValidationException.class);
        KeywardenClient forged = client(ROOT_ACCESS_KEY_ID, "x".repeat(40), "us-east-1");
        assertThatThrownBy(forged::callerIdentity).isInstanceOf(SignatureDoesNotMatchException.class);
    }

    @Test
    void anIamUserMayAskWhoItIsAndNothingElseUntilPoliciesGrantMore() {
        KeywardenClient root = rootClient();
        root.createUser("sdk-carol");
        CreatedAccessKey key = root.createAccessKey("sdk-carol");
        KeywardenClient carol = client(key.accessKeyId(), key.secretAccessKey(), "us-east-1");
        assertThat(carol.callerIdentity().arn()).endsWith(":user/sdk-carol");
        assertThatThrownBy(carol::listUsers).isInstanceOfSatisfying(AccessDeniedException.class,
                e -> assertThat(e.errorMessage()).contains("is not authorized to perform: iam:ListUsers"));
    }

    @Test
    void usersArePaginatedThroughTheSdk() {
        KeywardenClient root = rootClient();
        for (int i = 0; i < 7; i++) {
            root.createUser("page-user-" + i, "/paged/");
        }
        List<String> names = StreamSupport.stream(
                        root.listAllUsers(io.keywarden.sdk.model.ListUsersRequest.builder().pathPrefix("/paged/").maxItems(3).build())
                                .spliterator(), false)
                .map(UserSummary::userName).toList();
        assertThat(names).containsExactly("page-user-0", "page-user-1", "page-user-2", "page-user-3", "page-user-4",
                "page-user-5", "page-user-6");
    }
}
