package io.keywarden.server.compat;

import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateUser, GetUser, ListUsers and DeleteUser through the real AWS SDK for Java v2. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class IamUsersCompatibilityTest extends AwsSdkTestSupport {
    private IamClient iam;
    private String account;

    @BeforeAll
    void clients() {
        iam = rootIam();
        account = rootSts().getCallerIdentity().account();
    }

    @Test
    void createUserAnswersTheAwsUserShape() {
        Instant before = Instant.now().minusSeconds(1);
        CreateUserResponse created = iam.createUser(b -> b.userName("sdk-alice").path("/eng/team/"));

        User u = created.user();
        assertThat(u.userName()).isEqualTo("sdk-alice");
        assertThat(u.path()).isEqualTo("/eng/team/");
        assertThat(u.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(u.arn()).isEqualTo("arn:aws:iam::" + account + ":user/eng/team/sdk-alice");
        assertThat(u.createDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(created.responseMetadata().requestId()).isNotBlank();
    }

    @Test
    void createUserWithoutPathIsAtTheRootPath() {
        User u = iam.createUser(b -> b.userName("sdk-plain")).user();
        assertThat(u.path()).isEqualTo("/");
        assertThat(u.arn()).endsWith(":user/sdk-plain");
    }

    @Test
    void duplicateUserNameIgnoringCaseIsEntityAlreadyExists() {
        iam.createUser(b -> b.userName("sdk-dup"));
        assertThatThrownBy(() -> iam.createUser(b -> b.userName("SDK-Dup")))
                .isInstanceOfSatisfying(EntityAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User with name SDK-Dup already exists.");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void invalidUserNameIsAValidationError() {
        assertThatThrownBy(() -> iam.createUser(b -> b.userName("has space")))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("1 validation error detected: Value at 'userName' failed to satisfy constraint");
                });
        assertThatThrownBy(() -> iam.createUser(b -> b.userName("x".repeat(65))))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.createUser(b -> b.userName("okname").path("no-slashes")))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void permissionsBoundariesAreRefusedRatherThanDroppedAndTagsAreKept() {
        assertThatThrownBy(() -> iam.createUser(b -> b.userName("sdk-bounded")
                .permissionsBoundary("arn:aws:iam::aws:policy/PowerUserAccess")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> iam.getUser(b -> b.userName("sdk-bounded"))).isInstanceOf(NoSuchEntityException.class);
        assertThat(iam.createUser(b -> b.userName("sdk-with-tags")
                .tags(Tag.builder().key("team").value("blue").build())).user().tags())
                .containsExactly(Tag.builder().key("team").value("blue").build());
    }

    @Test
    void getUserByNameAnswersTheUser() {
        iam.createUser(b -> b.userName("sdk-bob"));
        GetUserResponse got = iam.getUser(b -> b.userName("SDK-BOB"));
        assertThat(got.user().userName()).isEqualTo("sdk-bob");
        assertThat(got.user().path()).isEqualTo("/");
        assertThat(got.user().arn()).isEqualTo("arn:aws:iam::" + account + ":user/sdk-bob");
    }

    @Test
    void getUserWithoutNameAsRootAnswersTheRootIdentity() {
        User root = iam.getUser().user();
        assertThat(root.userId()).isEqualTo(account);
        assertThat(root.arn()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(root.createDate()).isNotNull();
        assertThat(root.userName()).isNull();
        assertThat(root.path()).isNull();
    }

    @Test
    void getUserWithoutNameAsAUserTargetsThatUser() {
        iam.createUser(b -> b.userName("sdk-self"));
        var key = iam.createAccessKey(b -> b.userName("sdk-self")).accessKey();
        // no policy allows it yet: the denial names the caller as the target, which is what "no name" must mean
        assertThatThrownBy(() -> iam(key).getUser())
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + account
                            + ":user/sdk-self is not authorized to perform: iam:GetUser on resource: user sdk-self"
                            + " because no identity-based policy allows the iam:GetUser action");
                });
    }

    @Test
    void unknownUserIsNoSuchEntity() {
        assertThatThrownBy(() -> iam.getUser(b -> b.userName("nobody")))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The user with name nobody cannot be found.");
                });
        assertThatThrownBy(() -> iam.deleteUser(b -> b.userName("nobody"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void deleteUserRemovesIt() {
        iam.createUser(b -> b.userName("sdk-gone"));
        iam.deleteUser(b -> b.userName("sdk-gone"));
        assertThatThrownBy(() -> iam.getUser(b -> b.userName("sdk-gone"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void userWithKeysCannotBeDeleted() {
        iam.createUser(b -> b.userName("sdk-keyed"));
        String id = iam.createAccessKey(b -> b.userName("sdk-keyed")).accessKey().accessKeyId();
        assertThatThrownBy(() -> iam.deleteUser(b -> b.userName("sdk-keyed")))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Cannot delete entity, must delete access keys first.");
                });
        iam.deleteAccessKey(b -> b.userName("sdk-keyed").accessKeyId(id));
        iam.deleteUser(b -> b.userName("sdk-keyed"));
    }

    @Test
    void listUsersAnswersMembersWithoutTruncation() {
        iam.createUser(b -> b.userName("sdk-listed").path("/listed/"));
        ListUsersResponse page = iam.listUsers(b -> b.pathPrefix("/listed/"));
        assertThat(page.users()).extracting(User::userName).containsExactly("sdk-listed");
        assertThat(page.users().get(0).path()).isEqualTo("/listed/");
        assertThat(page.isTruncated()).isFalse();
        assertThat(page.marker()).isNull();
        assertThat(iam.listUsers(b -> b.pathPrefix("/nothing-here/")).users()).isEmpty();
    }

    @Test
    void listUsersPaginatorWalksEveryPage() {
        List<String> names = IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("pg-user-%02d", i)).toList();
        names.forEach(n -> iam.createUser(b -> b.userName(n).path("/paged/")));

        ListUsersResponse first = iam.listUsers(b -> b.pathPrefix("/paged/").maxItems(7));
        assertThat(first.users()).hasSize(7);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotBlank();
        ListUsersResponse second = iam.listUsers(b -> b.pathPrefix("/paged/").maxItems(7).marker(first.marker()));
        assertThat(second.users().get(0).userName()).isEqualTo("pg-user-08");

        var pages = iam.listUsersPaginator(b -> b.pathPrefix("/paged/").maxItems(7)).stream().toList();
        assertThat(pages).hasSize(4);
        assertThat(pages).extracting(p -> p.users().size()).containsExactly(7, 7, 7, 4);
        assertThat(pages.get(3).isTruncated()).isFalse();
        assertThat(iam.listUsersPaginator(b -> b.pathPrefix("/paged/").maxItems(7)).users().stream()
                .map(User::userName).toList()).isEqualTo(names);
    }

    @Test
    void badMaxItemsAndMarkerAreValidationErrors() {
        assertThatThrownBy(() -> iam.listUsers(b -> b.maxItems(0)))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.listUsers(b -> b.maxItems(1001)))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.listUsers(b -> b.marker("not-a-marker")))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void answersAreQuick() {
        Instant start = Instant.now();
        iam.listUsers();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }
}
