package io.keywarden.server;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request rules are written once, in core, so the same bad input gets the same error on both faces: the REST face's
 * query string and the Query face's form reach the same typed request.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameRulesOnBothFacesTest extends ServerTestSupport {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    @BeforeAll
    void aUser() {
        assertThat(root().post("/v1/users", "{\"userName\":\"rules\"}").status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', value = {
            "/v1/users?maxItems=0                       | Action=ListUsers&MaxItems=0                          | ValidationError",
            "/v1/users?maxItems=1001                    | Action=ListUsers&MaxItems=1001                       | ValidationError",
            "/v1/users?maxItems=many                    | Action=ListUsers&MaxItems=many                       | ValidationError",
            "/v1/users?marker=not-a-marker              | Action=ListUsers&Marker=not-a-marker                 | ValidationError",
            "/v1/users?pathPrefix=no-slash              | Action=ListUsers&PathPrefix=no-slash                 | ValidationError",
            "/v1/policies?pathPrefix=no-slash           | Action=ListPolicies&PathPrefix=no-slash              | ValidationError",
            "/v1/users/rules/attached-policies?pathPrefix=x | Action=ListAttachedUserPolicies&UserName=rules&PathPrefix=x | ValidationError",
            "/v1/policies?onlyAttached=maybe            | Action=ListPolicies&OnlyAttached=maybe               | ValidationError",
            "/v1/policies?scope=Everything              | Action=ListPolicies&Scope=Everything                 | ValidationError",
            "/v1/users/nobody-here                      | Action=GetUser&UserName=nobody-here                  | NoSuchEntity",
            "/v1/users/rules/access-keys?maxItems=0     | Action=ListAccessKeys&UserName=rules&MaxItems=0      | ValidationError",
            "/v1/policies?onlyAttached=TRUE&maxItems=5  | Action=ListPolicies&OnlyAttached=TRUE&MaxItems=5     | ",
    })
    void theSameInputGetsTheSameAnswerOnBothFaces(String restPath, String form, String expectedCode) {
        Response rest = root().get(restPath.trim());
        Response query = root().send("POST", "/", "application/x-www-form-urlencoded",
                (form.trim() + "&Version=2010-05-08").getBytes(StandardCharsets.UTF_8));
        if (expectedCode == null) {
            assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
            assertThat(query.status()).as(query.toString()).isEqualTo(200);
            return;
        }
        assertThat(rest.code()).as(rest.toString()).isEqualTo(expectedCode);
        assertThat(xml(CODE, query)).as(query.toString()).isEqualTo(expectedCode);
        assertThat(query.status()).isEqualTo(rest.status());
        assertThat(xml(MESSAGE, query)).isEqualTo(rest.json().path("message").asText());
    }

    private static String xml(Pattern pattern, Response r) {
        Matcher m = pattern.matcher(r.body());
        return m.find() ? m.group(1).replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&") : null;
    }
}
