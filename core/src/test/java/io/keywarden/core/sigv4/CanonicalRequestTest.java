package io.keywarden.core.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalRequestTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiterString = "->", value = {
            "/ -> /",
            "'' -> /",
            "/a/b/.. -> /a",
            "/a/b/../ -> /a/",
            "/a/./b/ -> /a/b/",
            "//a//b// -> /a/b/",
            "/.. -> /",
            "/../../a -> /a",
            "/a/.hidden -> /a/.hidden",
            "/a/..b -> /a/..b"})
    void pathIsNormalizedLikeBotocore(String path, String canonical) {
        assertThat(CanonicalRequest.canonicalUri(path, true)).isEqualTo(canonical);
    }

    @Test
    void wirePathIsEncodedOnceMore() {
        assertThat(CanonicalRequest.canonicalUri("/a%20b/%E1%88%B4", true)).isEqualTo("/a%2520b/%25E1%2588%25B4");
        assertThat(CanonicalRequest.canonicalUri("/a b/\u1234", true)).isEqualTo("/a%20b/%E1%88%B4");
    }

    @Test
    void unnormalizedPathIsKeptAsIs() {
        assertThat(CanonicalRequest.canonicalUri("//a/./b/..", false)).isEqualTo("//a/./b/..");
    }

    @Test
    void queryIsDecodedReencodedAndSorted() {
        List<CanonicalRequest.QueryParam> params =
                CanonicalRequest.parseQuery("b=2&a=%7Efoo&a=1&c&d=&e=x+y&f=%zz&&g=a=b&%E1%88%B4=%e1%88%b4");

        assertThat(CanonicalRequest.canonicalQuery(params, null))
                .isEqualTo("%E1%88%B4=%E1%88%B4&a=1&a=~foo&b=2&c=&d=&e=x%2By&f=%25zz&g=a%3Db");
    }

    @Test
    void excludedParameterIsLeftOutOfTheCanonicalQuery() {
        List<CanonicalRequest.QueryParam> params = CanonicalRequest.parseQuery("X-Amz-Signature=abc&a=1");

        assertThat(CanonicalRequest.canonicalQuery(params, "X-Amz-Signature")).isEqualTo("a=1");
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndRepeatsJoined() {
        StringBuilder out = new StringBuilder();
        CanonicalRequest.appendCanonicalHeaders(out, List.of("my-header", "missing"), List.of(
                Header.of("My-Header", "  a   b\t c "),
                Header.of("Other", "x"),
                Header.of("MY-HEADER", "second\n  line")));

        assertThat(out).hasToString("my-header:a b c,second line\nmissing:\n");
    }

    @Test
    void headerNamesCompareCaseInsensitivelyForAsciiOnly() {
        assertThat(CanonicalRequest.asciiEqualsIgnoreCase("X-Amz-Date", "x-amz-date")).isTrue();
        assertThat(CanonicalRequest.asciiEqualsIgnoreCase("\u212Aey", "key")).isFalse(); // Kelvin sign
    }
}
