package io.keywarden.core.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {

    private static final Instant NOW = SuiteCase.SUITE_TIME;
    private static final SigningCredentials CREDENTIALS = SigningCredentials.of("AKIDEXAMPLE", SuiteCase.SECRET);
    private static final SigV4Signer SIGNER = SigV4Signer.create();

    private static SignableRequest request(Header... headers) {
        return SignableRequest.of("GET", "/", "", List.of(headers));
    }

    @Test
    void addedHeadersComeInDocumentedOrder() {
        SigningResult result = SIGNER.sign(request(Header.of("Host", "h")),
                SigningCredentials.of("AKIDEXAMPLE", SuiteCase.SECRET, "token"), "us-east-1", "iam", NOW,
                SignOptions.defaults().withAddContentSha256Header(true));

        assertThat(result.headersToAdd()).extracting(Header::name)
                .containsExactly("X-Amz-Date", "X-Amz-Security-Token", "x-amz-content-sha256", "Authorization");
        assertThat(result.signedRequest().headers()).hasSize(5);
    }

    @Test
    void requestWithoutHostCannotBeSigned() {
        assertThatThrownBy(() -> SIGNER.sign(request(Header.of("Accept", "*/*")), CREDENTIALS, "us-east-1", "iam",
                NOW, SignOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Host");
    }

    @Test
    void unsignedHeadersStayOutOfTheSignature() {
        SigningResult result = SIGNER.sign(request(Header.of("Host", "h"), Header.of("User-Agent", "ua"),
                Header.of("Connection", "keep-alive"), Header.of("Proxy-Authorization", "p"),
                Header.of("X-Amzn-Trace-Id", "t"), Header.of("Content-Type", "text/plain")),
                CREDENTIALS, "us-east-1", "iam", NOW, SignOptions.defaults());

        assertThat(result.authorization()).contains("SignedHeaders=content-type;host;x-amz-date,");
    }

    @Test
    void resigningReplacesTheOldSignature() {
        SignableRequest once = SIGNER.sign(request(Header.of("Host", "h")), CREDENTIALS, "us-east-1", "iam",
                NOW.minusSeconds(60), SignOptions.defaults()).signedRequest();
        SignableRequest twice = SIGNER.sign(once, CREDENTIALS, "us-east-1", "iam", NOW, SignOptions.defaults())
                .signedRequest();

        assertThat(twice.countHeaders("Authorization")).isEqualTo(1);
        assertThat(twice.countHeaders("X-Amz-Date")).isEqualTo(1);
        assertThat(twice.firstHeader("x-amz-date")).contains("20150830T123600Z");
    }

    @Test
    void presigningAgainReplacesTheOldParameters() {
        SignableRequest once = SIGNER.presign(request(Header.of("Host", "h")), CREDENTIALS, "us-east-1", "iam", NOW,
                Duration.ofMinutes(1), SignOptions.defaults()).signedRequest();
        PresignResult twice = SIGNER.presign(once, CREDENTIALS, "us-east-1", "iam", NOW, Duration.ofMinutes(2),
                SignOptions.defaults());

        assertThat(twice.signedRequest().rawQuery().split("&")).hasSize(6).contains("X-Amz-Expires=120");
        assertThat(twice.queryParameters()).extracting(QueryParameter::name).containsExactly("X-Amz-Algorithm",
                "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires", "X-Amz-Signature");
    }

    @Test
    void presignExpiryMustBeOneSecondToSevenDays() {
        for (Duration expires : List.of(Duration.ZERO, Duration.ofSeconds(604_801), Duration.ofMillis(1500),
                Duration.ofSeconds(-1))) {
            assertThatThrownBy(() -> SIGNER.presign(request(Header.of("Host", "h")), CREDENTIALS, "us-east-1", "iam",
                    NOW, expires, SignOptions.defaults())).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SIGNER.presign(request(Header.of("Host", "h")), CREDENTIALS, "us-east-1", "iam", NOW,
                Duration.ofDays(7), SignOptions.defaults()).signature()).hasSize(64);
    }

    @Test
    void queryParameterEncodesLikeSigV4() {
        assertThat(QueryParameter.of("X-Amz-Credential", "AKID/20150830/us-east-1/iam/aws4_request").encoded())
                .isEqualTo("X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fiam%2Faws4_request");
        assertThat(QueryParameter.of("k", "a b+c=d~").encoded()).isEqualTo("k=a%20b%2Bc%3Dd~");
    }

    @Test
    void signableRequestCopiesWhatItIsGiven() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>(List.of(Header.of("Host", "h")));
        SignableRequest request = new SignableRequest("POST", "/", "", headers, body);

        body[0] = 'X';
        headers.add(Header.of("Extra", "1"));
        request.body()[1] = 'Y';

        assertThat(request.body()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(request.headers()).hasSize(1);
        assertThat(request.firstHeader("HOST")).contains("h");
        assertThat(request.firstHeader("Missing")).isEmpty();
    }

    @Test
    void credentialScopeIsItsWireForm() {
        assertThat(CredentialScope.of(NOW, "eu-west-1", "sts")).hasToString("20150830/eu-west-1/sts/aws4_request");
        assertThatThrownBy(() -> CredentialScope.of("2015083", "r", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CredentialScope.of("20150830", "a/b", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signingTimeIsTruncatedToTheSecond() {
        SigningResult result = SIGNER.sign(request(Header.of("Host", "h")), CREDENTIALS, "us-east-1", "iam",
                NOW.plusMillis(999), SignOptions.defaults());

        assertThat(result.signedRequest().firstHeader("X-Amz-Date")).contains("20150830T123600Z");
    }
}
