package io.keywarden.core.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.core.sigv4.SuiteCase.Form;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the aws-c-auth SigV4 suite, for header and for query signing: the canonical request, the
 * string to sign and the signature must match exactly; the signed request must match semantically (method,
 * path, query parameters as a set, each header by case-insensitive name and exact value, the parts of the
 * Authorization header, the body), as aws-c-auth's own runner compares it.
 */
class SigV4TestSuiteTest {

    private static final SigV4Signer SIGNER = SigV4Signer.create();

    record Outcome(String canonicalRequest, String stringToSign, String signature, SignableRequest signedRequest) {
    }

    static Stream<Arguments> cases() {
        return SuiteCase.all().stream().flatMap(c -> Arrays.stream(Form.values()).map(f -> Arguments.of(c, f)));
    }

    static Outcome sign(SuiteCase c, Form form) {
        if (form == Form.HEADER) {
            SigningResult r = SIGNER.sign(c.request(), c.credentials(), c.region(), c.service(), c.timestamp(),
                    c.options());
            return new Outcome(r.canonicalRequest(), r.stringToSign(), r.signature(), r.signedRequest());
        }
        PresignResult r = SIGNER.presign(c.request(), c.credentials(), c.region(), c.service(), c.timestamp(),
                c.expires(), c.options());
        return new Outcome(r.canonicalRequest(), r.stringToSign(), r.signature(), r.signedRequest());
    }

    @Test
    void suiteHasAllThirtyEightCases() {
        assertThat(SuiteCase.all()).hasSize(38);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void canonicalRequestMatchesTheSuite(SuiteCase c, Form form) {
        assertThat(sign(c, form).canonicalRequest()).isEqualTo(c.text(form, "canonical-request.txt"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void stringToSignMatchesTheSuite(SuiteCase c, Form form) {
        assertThat(sign(c, form).stringToSign()).isEqualTo(c.text(form, "string-to-sign.txt"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void signatureMatchesTheSuite(SuiteCase c, Form form) {
        assertThat(sign(c, form).signature()).isEqualTo(c.text(form, "signature.txt"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void signedRequestMatchesTheSuite(SuiteCase c, Form form) {
        SignableRequest actual = sign(c, form).signedRequest();
        SignableRequest expected = c.signedRequest(form);

        assertThat(actual.method()).isEqualTo(expected.method());
        assertThat(actual.rawPath()).isEqualTo(expected.rawPath());
        assertThat(queryPieces(actual.rawQuery())).containsExactlyInAnyOrderElementsOf(queryPieces(expected.rawQuery()));
        assertThat(actual.body()).isEqualTo(expected.body());
        assertThat(headersWithoutAuthorization(actual))
                .containsExactlyInAnyOrderElementsOf(headersWithoutAuthorization(expected));
        assertThat(actual.countHeaders("Authorization")).isEqualTo(expected.countHeaders("Authorization"));
        if (form == Form.HEADER) {
            assertThat(authorizationParts(actual.firstHeader("Authorization").orElseThrow()))
                    .isEqualTo(authorizationParts(expected.firstHeader("Authorization").orElseThrow()));
        }
    }

    private static List<String> queryPieces(String rawQuery) {
        return rawQuery.isEmpty() ? List.of() : Arrays.asList(rawQuery.split("&"));
    }

    private static List<String> headersWithoutAuthorization(SignableRequest request) {
        List<String> out = new ArrayList<>();
        for (Header header : request.headers()) {
            if (!header.hasName("Authorization")) {
                out.add(CanonicalRequest.lowerCase(header.name()) + ":" + header.value());
            }
        }
        return out;
    }

    /** {@code algorithm}, {@code Credential}, {@code SignedHeaders} and {@code Signature} of an Authorization value. */
    static Map<String, String> authorizationParts(String value) {
        Map<String, String> parts = new HashMap<>();
        int space = value.indexOf(' ');
        parts.put("algorithm", value.substring(0, space));
        for (String part : value.substring(space + 1).split(",")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            parts.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return parts;
    }
}
