package io.keywarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestLifecycleTest extends ServerTestSupport {

    @Test
    void fullKeyLifecycleOverRestAsRoot() {
        SignedClient root = root();
        Response created = root.post("/v1/users", "{\"userName\":\"alice\",\"path\":\"/eng/\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.path("userName").asText()).isEqualTo("alice");
        assertThat(user.path("path").asText()).isEqualTo("/eng/");
        assertThat(user.path("userId").asText()).startsWith("AIDA").hasSize(21);
        assertThat(user.path("arn").asText()).matches("arn:aws:iam::\\d{12}:user/eng/alice");
        assertThat(user.path("createDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        Response key = root.post("/v1/users/alice/access-keys", null);
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String keyId = key.json().path("accessKeyId").asText();
        String secret = key.json().path("secretAccessKey").asText();
        assertThat(keyId).matches("AKIA[A-Z2-7]{16}");
        assertThat(secret).hasSize(40);
        assertThat(key.json().path("status").asText()).isEqualTo("Active");
        assertThat(key.json().path("userName").asText()).isEqualTo("alice");

        SignedClient alice = as(keyId, secret).withScope("eu-west-1", "sts");
        Response identity = alice.get("/v1/caller-identity");
        assertThat(identity.status()).as(identity.toString()).isEqualTo(200);
        assertThat(identity.json().path("arn").asText()).isEqualTo(user.path("arn").asText());
        assertThat(identity.json().path("userId").asText()).isEqualTo(user.path("userId").asText());
        assertThat(identity.json().path("account").asText()).matches("\\d{12}");

        Response list = root.get("/v1/users/alice/access-keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("accessKeys")).hasSize(1);
        assertThat(list.json().path("accessKeys").get(0).path("accessKeyId").asText()).isEqualTo(keyId);
        assertThat(list.json().path("accessKeys").get(0).has("secretAccessKey")).isFalse();
        assertThat(list.json().path("isTruncated").asBoolean()).isFalse();

        Response deactivated = root.patch("/v1/users/alice/access-keys/" + keyId, "{\"status\":\"Inactive\"}");
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().path("status").asText()).isEqualTo("Inactive");
        Response refused = alice.get("/v1/caller-identity");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("InvalidClientTokenId");

        Response reactivated = root.patch("/v1/users/alice/access-keys/" + keyId, "{\"status\":\"Active\"}");
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(alice.get("/v1/caller-identity").status()).isEqualTo(200);

        Response deleted = root.delete("/v1/users/alice/access-keys/" + keyId);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        Response afterDelete = alice.get("/v1/caller-identity");
        assertThat(afterDelete.status()).isEqualTo(403);
        assertThat(afterDelete.code()).isEqualTo("InvalidClientTokenId");
        assertThat(root.get("/v1/users/alice/access-keys").json().path("accessKeys")).isEmpty();

        assertThat(root.delete("/v1/users/alice").status()).isEqualTo(204);
        Response gone = root.get("/v1/users/alice");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("NoSuchEntity");
        assertThat(gone.json().path("message").asText()).isEqualTo("The user with name alice cannot be found.");
    }

    @Test
    void thirdKeyIsRejected() {
        root().post("/v1/users", "{\"userName\":\"bob\"}");
        assertThat(root().post("/v1/users/bob/access-keys", null).status()).isEqualTo(201);
        assertThat(root().post("/v1/users/bob/access-keys", null).status()).isEqualTo(201);
        Response third = root().post("/v1/users/bob/access-keys", null);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("LimitExceeded");
        assertThat(third.json().path("message").asText()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void twentyConcurrentCreatesYieldExactlyTwoKeys() {
        root().post("/v1/users", "{\"userName\":\"carol\"}");
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(root().sendAsync("POST", "/v1/users/carol/access-keys", null, null));
        }
        List<Response> answers = calls.stream().map(CompletableFuture::join).toList();
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(2);
        assertThat(answers.stream().filter(r -> r.status() == 409 && "LimitExceeded".equals(r.code())).count())
                .as(answers.toString()).isEqualTo(18);
        assertThat(root().get("/v1/users/carol/access-keys").json().path("accessKeys")).hasSize(2);
    }

    @Test
    void deleteUserWithKeysIsAConflict() {
        root().post("/v1/users", "{\"userName\":\"dave\"}");
        root().post("/v1/users/dave/access-keys", null);
        Response refused = root().delete("/v1/users/dave");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("DeleteConflict");
        assertThat(refused.json().path("message").asText())
                .isEqualTo("Cannot delete entity, must delete access keys first.");
    }

    @Test
    void iamUserMayAskWhoItIsButNothingElse() {
        root().post("/v1/users", "{\"userName\":\"erin\"}");
        Response key = root().post("/v1/users/erin/access-keys", null);
        SignedClient erin = as(key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
        assertThat(erin.get("/v1/caller-identity").status()).isEqualTo(200);

        Response denied = erin.get("/v1/users/~/access-keys");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("AccessDenied");
        String arn = erin.get("/v1/caller-identity").json().path("arn").asText();
        assertThat(denied.json().path("message").asText()).isEqualTo("User: " + arn
                + " is not authorized to perform: iam:ListAccessKeys on resource: user erin because no"
                + " identity-based policy allows the iam:ListAccessKeys action");
        assertThat(erin.post("/v1/users", "{\"userName\":\"mallory\"}").code()).isEqualTo("AccessDenied");
        assertThat(erin.post("/v1/users/erin/access-keys", null).code()).isEqualTo("AccessDenied");
        assertThat(erin.get("/v1/users").code()).isEqualTo("AccessDenied");
    }

    @Test
    void lastUsedShowsNothingBeforeUseAndDateServiceRegionAfter() throws InterruptedException {
        root().post("/v1/users", "{\"userName\":\"frank\"}");
        Response key = root().post("/v1/users/frank/access-keys", null);
        String keyId = key.json().path("accessKeyId").asText();

        Response before = root().get("/v1/access-keys/" + keyId + "/last-used");
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().path("userName").asText()).isEqualTo("frank");
        JsonNode never = before.json().path("accessKeyLastUsed");
        assertThat(never.has("lastUsedDate")).isFalse();
        assertThat(never.path("serviceName").asText()).isEqualTo("N/A");
        assertThat(never.path("region").asText()).isEqualTo("N/A");

        Instant usedAfter = Instant.now().minusSeconds(1);
        SignedClient frank = as(keyId, key.json().path("secretAccessKey").asText()).withScope("ap-south-1", "sts");
        assertThat(frank.get("/v1/caller-identity").status()).isEqualTo(200);

        JsonNode used = await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> root().get("/v1/access-keys/" + keyId + "/last-used").json().path("accessKeyLastUsed"),
                        u -> u.has("lastUsedDate"));
        assertThat(used.has("lastUsedDate")).as(used.toString()).isTrue();
        assertThat(Instant.parse(used.path("lastUsedDate").asText())).isAfter(usedAfter);
        assertThat(used.path("serviceName").asText()).isEqualTo("sts");
        assertThat(used.path("region").asText()).isEqualTo("ap-south-1");
    }

    @Test
    void lastUsedOfAnUnknownKeyIsAccessDenied() {
        Response r = root().get("/v1/access-keys/AKIAQYLPMN5HHHFPZZZZ/last-used");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("AccessDenied");
    }

    @Test
    void tildeStandsForTheRootUser() {
        Response me = root().get("/v1/users/~");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("arn").asText()).endsWith(":root");
        assertThat(me.json().has("userName")).isFalse();
        assertThat(me.json().has("path")).isFalse();
        Response keys = root().get("/v1/users/~/access-keys");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().path("accessKeys").get(0).path("accessKeyId").asText()).isEqualTo(ROOT_ACCESS_KEY_ID);
        assertThat(keys.json().path("accessKeys").get(0).has("userName")).isFalse();
    }

    @Test
    void aUserNamedMeIsReachedLiterallyWhileTildeIsTheCaller() {
        assertThat(root().post("/v1/users", "{\"userName\":\"me\"}").status()).isEqualTo(201);
        Response created = root().post("/v1/users/me/access-keys", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String mesKey = created.json().path("accessKeyId").asText();
        assertThat(created.json().path("userName").asText()).isEqualTo("me");

        // as root: /v1/users/me is the user named me, /v1/users/~ is root
        Response mesKeys = root().get("/v1/users/me/access-keys");
        assertThat(mesKeys.status()).isEqualTo(200);
        assertThat(mesKeys.json().path("accessKeys")).hasSize(1);
        assertThat(mesKeys.json().path("accessKeys").get(0).path("accessKeyId").asText()).isEqualTo(mesKey);
        assertThat(root().get("/v1/users/me").json().path("userName").asText()).isEqualTo("me");
        Response rootsKeys = root().get("/v1/users/~/access-keys");
        assertThat(rootsKeys.json().path("accessKeys").get(0).path("accessKeyId").asText())
                .isEqualTo(ROOT_ACCESS_KEY_ID);

        // signing as the user named me (no policy): ~ is that user, as the denial names it
        Response own = as(mesKey, created.json().path("secretAccessKey").asText()).get("/v1/users/~/access-keys");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().path("message").asText()).contains(":user/me ").endsWith("on resource: user me "
                + "because no identity-based policy allows the iam:ListAccessKeys action");
        assertThat(root().delete("/v1/users/me/access-keys/" + mesKey).status()).isEqualTo(204);
        assertThat(root().get("/v1/users/me/access-keys").json().path("accessKeys")).isEmpty();
        assertThat(root().get("/v1/users/~/access-keys").json().path("accessKeys")).hasSize(1);
    }

    @Test
    void listsPageWithMarkers() {
        for (String n : List.of("p-a", "p-b", "p-c")) {
            root().post("/v1/users", "{\"userName\":\"" + n + "\",\"path\":\"/paging/\"}");
        }
        Response first = root().get("/v1/users?pathPrefix=/paging/&maxItems=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("users")).hasSize(2);
        assertThat(first.json().path("isTruncated").asBoolean()).isTrue();
        String marker = first.json().path("marker").asText();
        Response second = root().get("/v1/users?pathPrefix=/paging/&maxItems=2&marker=" + marker);
        assertThat(second.json().path("users")).hasSize(1);
        assertThat(second.json().path("users").get(0).path("userName").asText()).isEqualTo("p-c");
        assertThat(second.json().path("isTruncated").asBoolean()).isFalse();
        assertThat(second.json().has("marker")).isFalse();
    }

    @Test
    void keyInfoAndOwnerLookUp() {
        root().post("/v1/users", "{\"userName\":\"gina\"}");
        Response key = root().post("/v1/users/gina/access-keys", null);
        String keyId = key.json().path("accessKeyId").asText();
        String account = root().get("/v1/caller-identity").json().path("account").asText();
        Response info = root().withScope("us-east-1", "sts").get("/v1/access-keys/" + keyId + "/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("account").asText()).isEqualTo(account);
        Response owner = root().get("/v1/access-keys/" + keyId + "/owner");
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(owner.json().path("userName").asText()).isEqualTo("gina");
        assertThat(owner.json().path("accessKey").path("accessKeyId").asText()).isEqualTo(keyId);
    }
}
