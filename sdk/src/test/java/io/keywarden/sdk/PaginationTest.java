package io.keywarden.sdk;

import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.ListUsersRequest;
import io.keywarden.sdk.model.Page;
import io.keywarden.sdk.model.UserSummary;
import io.keywarden.sdk.testing.Fixtures;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static io.keywarden.sdk.testing.Fixtures.accessKeyJson;
import static io.keywarden.sdk.testing.Fixtures.userJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationTest {
    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        client = KeywardenClient.builder().endpoint(stub.uri())
                .credentialsProvider(StaticCredentialsProvider.create(Fixtures.CREDENTIALS)).maxRetries(0).build();
        // three pages of users: [ann, bea] -> m1 -> [cat, dan] -> m2 -> [eve]
        stub.otherwise(r -> {
            String marker = r.query().get("marker");
            if (marker == null) {
                return usersPage(List.of("ann", "bea"), "m1");
            }
            return switch (marker) {
                case "m1" -> usersPage(List.of("cat", "dan"), "m2");
                case "m2" -> usersPage(List.of("eve"), null);
                default -> Answer.error(400, "ValidationError", "invalid marker", "r");
            };
        });
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static Answer usersPage(List<String> names, String marker) {
        String users = String.join(",", names.stream().map(Fixtures::userJson).toList());
        return Answer.ok("{\"users\":[" + users + "],\"isTruncated\":" + (marker != null)
                + (marker == null ? "" : ",\"marker\":\"" + marker + "\"") + "}");
    }

    @Test
    void listAllUsersFollowsMarkersAcrossThreePages() {
        List<String> names = new ArrayList<>();
        for (UserSummary user : client.listAllUsers(ListUsersRequest.builder().pathPrefix("/").maxItems(2).build())) {
            names.add(user.userName());
        }

        assertThat(names).containsExactly("ann", "bea", "cat", "dan", "eve");
        assertThat(stub.requests()).extracting(r -> r.query().get("marker")).containsExactly(null, "m1", "m2");
        assertThat(stub.requests()).allSatisfy(r -> {
            assertThat(r.query()).containsEntry("maxItems", "2").containsEntry("pathPrefix", "/");
        });
    }

    @Test
    void pagesAreFetchedOnlyWhenIterationReachesThem() {
        Iterator<UserSummary> users = client.listAllUsers().iterator();

        assertThat(stub.requests()).isEmpty();
        users.next();
        users.next();
        assertThat(stub.requests()).hasSize(1);
        users.next();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void theStreamIsLazyAndEachIterationStartsOver() {
        PagedIterable<UserSummary> all = client.listAllUsers();

        assertThat(all.stream().limit(1).map(UserSummary::userName).toList()).containsExactly("ann");
        assertThat(stub.requests()).hasSize(1);
        assertThat(all.stream().map(UserSummary::userName).toList()).containsExactly("ann", "bea", "cat", "dan", "eve");
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    void pagesCanBeWalkedOneByOne() {
        List<Page<UserSummary>> pages = new ArrayList<>();
        client.listAllUsers().pages().forEach(pages::add);

        assertThat(pages).extracting(Page::marker).containsExactly("m1", "m2", null);
        assertThat(pages).extracting(Page::isTruncated).containsExactly(true, true, false);
    }

    @Test
    void listingCanResumeFromAMarker() {
        List<String> names = client.listAllUsers(ListUsersRequest.builder().marker("m1").build()).stream()
                .map(UserSummary::userName).toList();

        assertThat(names).containsExactly("cat", "dan", "eve");
        assertThat(stub.requests()).extracting(Recorded::rawQuery).containsExactly("marker=m1", "marker=m2");
    }

    @Test
    void aServerRepeatingAMarkerStopsTheListingInsteadOfLoopingForEver() {
        stub.otherwise(r -> usersPage(List.of("ann"), "same"));

        assertThatThrownBy(() -> client.listAllUsers().stream().count())
                .isInstanceOf(KeywardenClientException.class).hasMessageContaining("marker");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void listAllAccessKeysFollowsMarkers() {
        stub.otherwise(r -> "k2".equals(r.query().get("marker"))
                ? Answer.ok("{\"accessKeys\":[" + accessKeyJson("AKIAQ2KWSD3J5KEYTWO2", "Inactive", "ann")
                        + "],\"isTruncated\":false}")
                : Answer.ok("{\"accessKeys\":[" + accessKeyJson("AKIAQ2KWSD3J5KEYONE1", "Active", "ann")
                        + "],\"isTruncated\":true,\"marker\":\"k2\"}"));

        List<String> ids = client.listAllAccessKeys("ann").stream().map(AccessKeyMetadata::accessKeyId).toList();

        assertThat(ids).containsExactly("AKIAQ2KWSD3J5KEYONE1", "AKIAQ2KWSD3J5KEYTWO2");
        assertThat(stub.requests()).extracting(Recorded::rawPath).containsOnly("/v1/users/ann/access-keys");
    }

    @Test
    void aTruncatedAnswerWithoutAMarkerIsAClientException() {
        stub.otherwise(r -> Answer.ok("{\"users\":[],\"isTruncated\":true}"));

        assertThatThrownBy(() -> client.listUsers()).isInstanceOf(KeywardenClientException.class)
                .hasMessageContaining("no marker");
    }
}
