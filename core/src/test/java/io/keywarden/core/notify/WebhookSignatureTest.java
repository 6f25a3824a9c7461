package io.keywarden.core.notify;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final WebhookSecret SECRET = WebhookSecret.of("whsec_0123456789abcdefghij");
    private static final byte[] BODY = "{\"id\":\"d1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureIsHmacSha256OfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal("1700000000.{\"id\":\"d1\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY)).isEqualTo(expected);
    }

    @Test
    void verifyAcceptsOnlyTheSameSecretTimestampAndBody() {
        String header = WebhookSignature.sign(SECRET, 1_700_000_000L, BODY);

        assertThat(WebhookSignature.verify(SECRET, 1_700_000_000L, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_001L, BODY, header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
        assertThat(WebhookSignature.verify(WebhookSecret.of("whsec_another-secret-value"), 1_700_000_000L, BODY,
                header)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, 1_700_000_000L, BODY, null)).isFalse();
    }

    @Test
    void generatedSecretsAreLongDistinctAndRedacted() {
        Random random = new Random(7);
        WebhookSecret a = WebhookSecret.generate(random);
        WebhookSecret b = WebhookSecret.generate(random);

        assertThat(a.reveal()).startsWith("whsec_").hasSize(49);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.toString()).doesNotContain(a.reveal()).contains("redacted");
    }
}
