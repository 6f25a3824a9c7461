package io.keywarden.server.query;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryFormTest {

    private static Map<String, String> body(String form) {
        return QueryForm.decode(null, form.getBytes(StandardCharsets.UTF_8));
    }

    private static ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (KeywardenException e) {
            return e.errorCode();
        }
        throw new AssertionError("no failure");
    }

    @Test
    void decodesPlusAsSpaceAndPercentEscapesAsUtf8() {
        assertThat(body("Action=CreateUser&UserName=a%2Bb+c&Doc=%7B%22k%22%3A%22%C3%BC%E2%82%AC%22%7D"))
                .containsExactly(Map.entry("Action", "CreateUser"), Map.entry("UserName", "a+b c"),
                        Map.entry("Doc", "{\"k\":\"ü€\"}"));
    }

    @Test
    void lowerCaseEscapesAndEmptyValuesAndBareNames() {
        assertThat(body("A=%2f%2F&B=&C&&D=x=y")).containsExactly(Map.entry("A", "//"), Map.entry("B", ""),
                Map.entry("C", ""), Map.entry("D", "x=y"));
        assertThat(body("")).isEmpty();
    }

    @Test
    void queryStringParametersComeFirstAndSigningParametersAreLeftOut() {
        Map<String, String> p = QueryForm.decode("Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm="
                + "AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20260101T"
                + "000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=abc", null);
        assertThat(p).containsExactly(Map.entry("Action", "GetCallerIdentity"), Map.entry("Version", "2011-06-15"));
    }

    @Test
    void aNameGivenTwiceIsAValidationErrorEvenAcrossQueryAndBody() {
        assertThat(codeOf(() -> body("A=1&A=1"))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(codeOf(() -> QueryForm.decode("A=1", "A=2".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A=%", "A=%4", "A=%G1", "A=%C3", "A=%FF%FE", "=value", "A=%ED%A0%80"})
    void malformedInputIsMalformedQueryString(String form) {
        assertThat(codeOf(() -> body(form))).isEqualTo(ErrorCode.MALFORMED_QUERY_STRING);
    }

    @Test
    void tooManyParametersAreRefused() {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i <= QueryForm.MAX_PARAMETERS; i++) {
            form.append("P").append(i).append("=x&");
        }
        assertThat(codeOf(() -> body(form.toString()))).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void listsAreReadInMemberOrder() {
        QueryParams p = new QueryParams(body("Names.member.2=b&Names.member.10=c&Names.member.1=a"
                + "&Tags.member.2.Key=k2&Tags.member.1.Key=k1&Tags.member.1.Value=v1&Empty="));
        assertThat(p.list("Names")).containsExactly("a", "b", "c");
        assertThat(p.structList("Tags")).containsExactly(Map.of("Key", "k1", "Value", "v1"), Map.of("Key", "k2"));
        assertThat(p.list("Empty")).isEmpty();
        assertThat(p.list("Absent")).isEmpty();
        assertThat(p.has("Tags")).isTrue();
        assertThat(p.has("Empty")).isTrue();
        assertThat(p.has("Absent")).isFalse();
    }

    @Test
    void malformedListsAreValidationErrors() {
        for (String form : List.of("Names=x", "Names.1=x", "Names.member.0=x", "Names.member.01=x",
                "Names.member.x=y", "Names.member.1.=x")) {
            QueryParams p = new QueryParams(body(form));
            assertThatThrownBy(() -> p.list("Names")).as(form).isInstanceOfSatisfying(KeywardenException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        }
        QueryParams structs = new QueryParams(body("Tags.member.1=plain"));
        assertThatThrownBy(() -> structs.structList("Tags")).isInstanceOf(KeywardenException.class);
        QueryParams plain = new QueryParams(body("Names.member.1.Key=k"));
        assertThatThrownBy(() -> plain.list("Names")).isInstanceOf(KeywardenException.class);
    }
}
