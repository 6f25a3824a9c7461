package io.keywarden.core.notify;

import io.keywarden.core.audit.Sensitive;
import io.keywarden.core.error.KeywardenException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.random.RandomGenerator;

/**
 * A webhook's signing secret: shown once when the webhook is created (or the secret replaced), stored sealed, never
 * returned again, never logged ({@link #toString()} redacts it; the audit trail leaves it out by its type).
 */
public final class WebhookSecret implements Sensitive {
    public static final String PREFIX = "whsec_";
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 256;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String value;

    private WebhookSecret(String value) {
        this.value = value;
    }

    /** A secret the caller chose: 16 to 256 printable ASCII characters. */
    public static WebhookSecret of(String value) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw KeywardenException.validation("secret", "Member must have length between " + MIN_LENGTH + " and "
                    + MAX_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw KeywardenException.validation("secret", "Member must consist of printable ASCII characters");
            }
        }
        return new WebhookSecret(value);
    }

    /** {@code whsec_} and 43 characters (256 bits) from the given cryptographically strong generator. */
    public static WebhookSecret generate(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < 43; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new WebhookSecret(sb.toString());
    }

    /** The secret itself: for signing, sealing and the one answer that shows it. */
    public String reveal() {
        return value;
    }

    byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && MessageDigest.isEqual(bytes(), other.bytes());
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
