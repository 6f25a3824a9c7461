package io.keywarden.server.hygiene;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.CreatedAccessKey;
import io.keywarden.sdk.model.QuarantineResult;
import io.keywarden.sdk.model.Tag;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key hygiene over real HTTP: users' and roles' tags on both faces with AWS's shapes and limits, access key
 * descriptions stored as the owner's tags (shown in listings, counted against the 50, gone with the key), and the
 * quarantine of a leaked key (the owner denied all but rotating its own keys, undone by DetachUserPolicy; root keys
 * refused).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyHygieneTest extends ServerTestSupport {
    private static final String QUARANTINE_ARN = "arn:aws:iam::aws:policy/KeywardenCompromisedKeyQuarantine";
    private static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final List<KeywardenClient> clients = new ArrayList<>();
    private KeywardenClient admin;

    @AfterAll
    void closeClients() {
        clients.forEach(KeywardenClient::close);
    }

    private KeywardenClient client(String id, String secret) {
        KeywardenClient c = KeywardenClient.builder().endpoint(baseUri()).region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(id, secret)).maxRetries(0).build();
        clients.add(c);
        return c;
    }

    private KeywardenClient admin() {
        if (admin == null) {
            admin = client(ROOT_ACCESS_KEY_ID, ROOT_SECRET);
        }
        return admin;
    }

    private Response query(SignedClient client, String form) {
        return client.send("POST", "/", "application/x-www-form-urlencoded",
                (form + "&Version=2010-05-08").getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- user tags

    @Test
    void userTagsOnTheQueryFaceHaveAwsShapes() {
        Response created = query(root(), "Action=CreateUser&UserName=tagged&Tags.member.1.Key=team"
                + "&Tags.member.1.Value=platform&Tags.member.2.Key=cost-centre&Tags.member.2.Value=42");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.body()).contains("<Tags><member><Key>cost-centre</Key><Value>42</Value></member>"
                + "<member><Key>team</Key><Value>platform</Value></member></Tags>");

        assertThat(query(root(), "Action=TagUser&UserName=tagged&Tags.member.1.Key=TEAM&Tags.member.1.Value=security"
                + "&Tags.member.2.Key=env&Tags.member.2.Value=").status()).isEqualTo(200);
        Response page = query(root(), "Action=ListUserTags&UserName=tagged&MaxItems=2");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("<ListUserTagsResult><Tags><member><Key>cost-centre</Key><Value>42</Value>"
                + "</member><member><Key>env</Key><Value></Value></member></Tags><IsTruncated>true</IsTruncated>"
                + "<Marker>");
        String marker = page.body().replaceAll("(?s).*<Marker>(.*)</Marker>.*", "$1");
        Response rest = query(root(), "Action=ListUserTags&UserName=tagged&Marker=" + enc(marker));
        assertThat(rest.body()).contains("<member><Key>TEAM</Key><Value>security</Value></member></Tags>"
                + "<IsTruncated>false</IsTruncated>");

        assertThat(query(root(), "Action=UntagUser&UserName=tagged&TagKeys.member.1=team&TagKeys.member.2=absent")
                .status()).isEqualTo(200);
        Response got = query(root(), "Action=GetUser&UserName=tagged");
        assertThat(got.body()).contains("<Key>cost-centre</Key>").doesNotContain("TEAM");
        assertThat(root().get("/v1/users/tagged/tags").json().path("tags").toString())
                .isEqualTo("[{\"key\":\"cost-centre\",\"value\":\"42\"},{\"key\":\"env\",\"value\":\"\"}]");
        assertThat(root().get("/v1/users/tagged").json().path("tags")).hasSize(2);
        assertThat(root().get("/v1/users?pathPrefix=/").json().path("users").findValues("tags")).isEmpty();
    }

    @Test
    void userTagLimitsAndReservedPrefixAreAwsErrors() {
        admin().createUser("limits");
        Response reserved = root().post("/v1/users/limits/tags", "{\"tags\":[{\"key\":\"aws:owner\",\"value\":\"x\"}]}");
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.code()).isEqualTo("InvalidInput");
        Response badChars = query(root(), "Action=TagUser&UserName=limits&Tags.member.1.Key=a%23b&Tags.member.1.Value=x");
        assertThat(badChars.status()).isEqualTo(400);
        assertThat(badChars.body()).contains("<Code>ValidationError</Code>");
        Response tooLong = root().post("/v1/users/limits/tags", "{\"tags\":[{\"key\":\"k\",\"value\":\""
                + "v".repeat(257) + "\"}]}");
        assertThat(tooLong.status()).isEqualTo(400);
        Response duplicate = root().post("/v1/users/limits/tags",
                "{\"tags\":[{\"key\":\"k\",\"value\":\"1\"},{\"key\":\"K\",\"value\":\"2\"}]}");
        assertThat(duplicate.code()).isEqualTo("InvalidInput");

        admin().tagUser("limits", IntStream.range(0, 50).mapToObj(i -> Tag.of("k" + i, "v")).toList());
        admin().tagUser("limits", List.of(Tag.of("K7", "replaced"))); // replacing a key adds none
        assertThatThrownBy(() -> admin().tagUser("limits", List.of(Tag.of("one-more", "v"))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.errorMessage()).endsWith("cannot exceed 50 tags.");
                });
        assertThat(admin().listUserTags("limits", null, 1000).items()).hasSize(50)
                .contains(Tag.of("K7", "replaced"));
        Response noUser = root().get("/v1/users/nobody-here/tags");
        assertThat(noUser.status()).isEqualTo(404);
        assertThat(noUser.code()).isEqualTo("NoSuchEntity");
    }

    // ---------------------------------------------------------------- role tags

    @Test
    void roleTagsOnBothFaces() {
        admin().createRole("tagged-role", TRUST);
        admin().tagRole("tagged-role", List.of(Tag.of("team", "a"), Tag.of("env", "prod")));
        assertThat(query(root(), "Action=TagRole&RoleName=tagged-role&Tags.member.1.Key=Team&Tags.member.1.Value=b")
                .status()).isEqualTo(200);
        Response listed = query(root(), "Action=ListRoleTags&RoleName=tagged-role");
        assertThat(listed.body()).contains("<Tags><member><Key>env</Key><Value>prod</Value></member><member>"
                + "<Key>Team</Key><Value>b</Value></member></Tags><IsTruncated>false</IsTruncated>");
        Response untag = root().delete("/v1/roles/tagged-role/tags?tagKeys=ENV");
        assertThat(untag.status()).as(untag.toString()).isEqualTo(204);
        assertThat(admin().listRoleTags("tagged-role").items()).containsExactly(Tag.of("Team", "b"));
        assertThat(admin().getRole("tagged-role").tags()).containsExactly(Tag.of("Team", "b"));
        Response reserved = query(root(), "Action=TagRole&RoleName=tagged-role&Tags.member.1.Key=AWS:x"
                + "&Tags.member.1.Value=y");
        assertThat(reserved.body()).contains("<Code>InvalidInput</Code>");
    }

    // ---------------------------------------------------------------- descriptions

    @Test
    void aKeyDescriptionIsItsOwnersTagShownInListingsAndGoneWithTheKey() {
        admin().createUser("described");
        CreatedAccessKey key = admin().createAccessKey("described", "ci deploy: repo web");
        assertThat(key.description()).isEqualTo("ci deploy: repo web");
        assertThat(admin().listUserTags("described").items())
                .containsExactly(Tag.of(key.accessKeyId(), "ci deploy: repo web"));
        AccessKeyMetadata listed = admin().listAccessKeys("described").items().get(0);
        assertThat(listed.description()).isEqualTo("ci deploy: repo web");
        // a change of the tag is a change of the description, even with the listing cached
        admin().tagUser("described", List.of(Tag.of(key.accessKeyId(), "rotated by ops")));
        assertThat(admin().listAccessKeys("described").items().get(0).description()).isEqualTo("rotated by ops");
        // AWS's Query face has no description: the key shows none there
        Response q = query(root(), "Action=ListAccessKeys&UserName=described");
        assertThat(q.body()).doesNotContain("rotated by ops").contains(key.accessKeyId());

        admin().updateAccessKey("described", key.accessKeyId(), KeyStatus.INACTIVE);
        admin().deleteAccessKey("described", key.accessKeyId());
        assertThat(admin().listUserTags("described").items()).isEmpty();
    }

    @Test
    void aDescriptionCountsAgainstTheFiftyTagsAndIsCheckedBeforeTheKeyIsMade() {
        admin().createUser("full");
        admin().tagUser("full", IntStream.range(0, 50).mapToObj(i -> Tag.of("t" + i, "v")).toList());
        assertThatThrownBy(() -> admin().createAccessKey("full", "one too many"))
                .isInstanceOf(LimitExceededException.class);
        assertThat(admin().listAccessKeys("full").items()).isEmpty();
        Response badValue = root().post("/v1/users/full/access-keys", "{\"description\":\"no#hash\"}");
        assertThat(badValue.status()).isEqualTo(400);
        Response rootKey = root().post("/v1/users/~/access-keys", "{\"description\":\"root\"}");
        assertThat(rootKey.status()).isEqualTo(400);
        assertThat(rootKey.code()).isEqualTo("InvalidInput");
        Response unknownField = root().post("/v1/users/full/access-keys", "{\"descr\":\"x\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(admin().listAccessKeys("full").items()).isEmpty();
    }

    // ---------------------------------------------------------------- quarantine

    @Test
    void aQuarantinedUserMayOnlyRotateItsOwnKeysUntilThePolicyIsDetached() {
        admin().createUser("leaky");
        admin().createUser("bystander");
        admin().putUserPolicy("leaky", "Admin", ADMIN);
        CreatedAccessKey leaked = admin().createAccessKey("leaky");
        KeywardenClient leaky = client(leaked.accessKeyId(), leaked.secretAccessKey());
        assertThat(leaky.listUsers().items()).isNotEmpty();

        QuarantineResult q = admin().quarantineAccessKey(leaked.accessKeyId(), "pushed to a public repo, INC-42",
                false);
        assertThat(q.userName()).isEqualTo("leaky");
        assertThat(q.policyArn()).isEqualTo(QUARANTINE_ARN);
        assertThat(q.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(q.alreadyAttached()).isFalse();

        assertThatThrownBy(leaky::listUsers).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leaky.createUser("mallory")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leaky.listAccessKeys("bystander")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leaky.detachUserPolicy("leaky", QUARANTINE_ARN))
                .isInstanceOf(AccessDeniedException.class);
        // rotating its own key stays possible
        assertThat(leaky.listAccessKeys().items()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(leaked.accessKeyId());
        CreatedAccessKey fresh = leaky.createAccessKey();
        leaky.updateAccessKey("leaky", leaked.accessKeyId(), KeyStatus.INACTIVE);
        KeywardenClient rotated = client(fresh.accessKeyId(), fresh.secretAccessKey());
        rotated.deleteAccessKey("leaky", leaked.accessKeyId());
        assertThat(rotated.getCurrentUser().userName()).isEqualTo("leaky");
        assertThatThrownBy(rotated::listUsers).isInstanceOf(AccessDeniedException.class);

        // the trail says who and why
        Response events = root().get("/v1/audit-events?eventName=QuarantineAccessKey&maxItems=50");
        assertThat(events.body()).contains("pushed to a public repo, INC-42").contains(leaked.accessKeyId())
                .contains("\"principalType\":\"Root\"");

        // AWS-managed style: listed under Scope=AWS, not deletable, detached to undo
        assertThat(query(root(), "Action=ListPolicies&Scope=AWS").body()).contains(QUARANTINE_ARN);
        assertThat(query(root(), "Action=ListPolicies&Scope=Local").body()).doesNotContain(QUARANTINE_ARN);
        assertThat(query(root(), "Action=DeletePolicy&PolicyArn=" + enc(QUARANTINE_ARN)).status()).isEqualTo(400);
        assertThat(query(root(), "Action=ListAttachedUserPolicies&UserName=leaky").body()).contains(QUARANTINE_ARN);
        Response detached = query(root(), "Action=DetachUserPolicy&UserName=leaky&PolicyArn=" + enc(QUARANTINE_ARN));
        assertThat(detached.status()).as(detached.toString()).isEqualTo(200);
        assertThat(rotated.listUsers().items()).isNotEmpty();
    }

    @Test
    void quarantiningTwiceIsHarmlessAndCanDeactivateTheKey() {
        admin().createUser("twice");
        CreatedAccessKey key = admin().createAccessKey("twice");
        assertThat(admin().quarantineAccessKey(key.accessKeyId(), null, false).alreadyAttached()).isFalse();
        QuarantineResult again = admin().quarantineAccessKey(key.accessKeyId(), "now stop it", true);
        assertThat(again.alreadyAttached()).isTrue();
        assertThat(again.status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(admin().listAccessKeys("twice").items().get(0).status()).isEqualTo(KeyStatus.INACTIVE);
        KeywardenClient stopped = client(key.accessKeyId(), key.secretAccessKey());
        assertThatThrownBy(stopped::callerIdentity).isInstanceOf(KeywardenServiceException.class);
        assertThat(query(root(), "Action=ListAttachedUserPolicies&UserName=twice").body().split(QUARANTINE_ARN, -1))
                .hasSize(2);
    }

    @Test
    void aRootKeyIsRefusedWithWhatToDoInstead() {
        Response refused = root().post("/v1/access-keys/" + ROOT_ACCESS_KEY_ID + "/quarantine",
                "{\"reason\":\"test\",\"deactivate\":true}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("InvalidInput");
        assertThat(refused.json().path("message").asText()).contains("root user's credentials")
                .contains("UpdateAccessKey");
        assertThat(admin().listAccessKeys().items()).extracting(AccessKeyMetadata::status)
                .containsOnly(KeyStatus.ACTIVE);
        Response unknown = root().post("/v1/access-keys/AKIAQYLPMN5HAAAAAAAA/quarantine", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        Response badBody = root().post("/v1/access-keys/" + ROOT_ACCESS_KEY_ID + "/quarantine",
                "{\"deactivate\":\"yes\"}");
        assertThat(badBody.status()).isEqualTo(400);
    }

    @Test
    void quarantineIsItsOwnPermission() {
        admin().createUser("helper");
        admin().putUserPolicy("helper", "Keys", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"iam:AttachUserPolicy\",\"iam:UpdateAccessKey\"],\"Resource\":\"*\"}]}");
        CreatedAccessKey helperKey = admin().createAccessKey("helper");
        admin().createUser("victim");
        CreatedAccessKey victimKey = admin().createAccessKey("victim");
        KeywardenClient helper = client(helperKey.accessKeyId(), helperKey.secretAccessKey());
        assertThatThrownBy(() -> helper.quarantineAccessKey(victimKey.accessKeyId(), "x", false))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.errorMessage())
                        .contains("keywarden:QuarantineAccessKey"));
        admin().putUserPolicy("helper", "Quarantine", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"keywarden:QuarantineAccessKey\",\"Resource\":\"arn:aws:iam::*:user/victim\"}]}");
        assertThat(helper.quarantineAccessKey(victimKey.accessKeyId(), "x", false).userName()).isEqualTo("victim");
    }
}
