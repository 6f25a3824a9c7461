package io.keywarden.core.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a delivery, as Stripe and GitHub sign theirs: {@code X-Keywarden-Signature: sha256=<hex>} where the
 * hex is the HMAC-SHA256, keyed with the webhook's secret, of {@code <timestamp>.<body>}, the timestamp (Unix seconds)
 * being the {@code X-Keywarden-Timestamp} header. Signing the timestamp lets a receiver refuse replays (docs/webhooks.md
 * suggests five minutes); verification compares in constant time.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Keywarden-Signature";
    public static final String TIMESTAMP_HEADER = "X-Keywarden-Timestamp";
    public static final String DELIVERY_HEADER = "X-Keywarden-Delivery";
    public static final String EVENT_HEADER = "X-Keywarden-Event";
    private static final String SCHEME = "sha256=";

    private WebhookSignature() {
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(WebhookSecret secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code header} is the signature of this timestamp and body (constant-time comparison). */
    public static boolean verify(WebhookSecret secret, long timestampSeconds, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
