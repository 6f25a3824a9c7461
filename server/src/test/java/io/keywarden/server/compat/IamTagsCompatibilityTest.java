package io.keywarden.server.compat;

import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User and role tags through the real AWS SDK for Java v2: AWS's shapes, paging, limits and errors. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class IamTagsCompatibilityTest extends AwsSdkTestSupport {
    private IamClient iam;

    @BeforeAll
    void clients() {
        iam = rootIam();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void userTagsRoundTripWithPagingAndCaseInsensitiveKeys() {
        assertThat(iam.createUser(b -> b.userName("sdk-tagged").tags(tag("team", "platform"))).user().tags())
                .containsExactly(tag("team", "platform"));
        iam.tagUser(b -> b.userName("sdk-tagged").tags(tag("TEAM", "security"), tag("env", ""), tag("cost", "42")));
        assertThat(iam.getUser(b -> b.userName("sdk-tagged")).user().tags())
                .containsExactly(tag("cost", "42"), tag("env", ""), tag("TEAM", "security"));

        ListUserTagsResponse first = iam.listUserTags(b -> b.userName("sdk-tagged").maxItems(2));
        assertThat(first.tags()).containsExactly(tag("cost", "42"), tag("env", ""));
        assertThat(first.isTruncated()).isTrue();
        ListUserTagsResponse rest = iam.listUserTags(b -> b.userName("sdk-tagged").marker(first.marker()));
        assertThat(rest.tags()).containsExactly(tag("TEAM", "security"));
        assertThat(rest.isTruncated()).isFalse();

        iam.untagUser(b -> b.userName("sdk-tagged").tagKeys("team", "nope"));
        assertThat(iam.listUserTags(b -> b.userName("sdk-tagged")).tags()).extracting(Tag::key)
                .containsExactly("cost", "env");
        assertThat(iam.listUsers().users()).allSatisfy(u -> assertThat(u.hasTags()).isFalse());
    }

    @Test
    void limitsAndReservedKeysAreAwsErrors() {
        iam.createUser(b -> b.userName("sdk-full"));
        iam.tagUser(b -> b.userName("sdk-full").tags(IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList()));
        assertThatThrownBy(() -> iam.tagUser(b -> b.userName("sdk-full").tags(tag("k50", "v"))))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> iam.tagUser(b -> b.userName("sdk-full").tags(tag("aws:x", "v"))))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
        assertThatThrownBy(() -> iam.tagUser(b -> b.userName("sdk-full").tags(tag("k", "x".repeat(257)))))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void roleTagsRoundTrip() {
        iam.createRole(b -> b.roleName("sdk-tagged-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}"));
        iam.tagRole(b -> b.roleName("sdk-tagged-role").tags(tag("team", "a"), tag("env", "prod")));
        iam.untagRole(b -> b.roleName("sdk-tagged-role").tagKeys("ENV"));
        assertThat(iam.listRoleTags(b -> b.roleName("sdk-tagged-role")).tags()).isEqualTo(List.of(tag("team", "a")));
        assertThat(iam.getRole(b -> b.roleName("sdk-tagged-role")).role().tags()).containsExactly(tag("team", "a"));
    }
}
