package io.keywarden.core.keys;

import io.keywarden.core.audit.Sensitive;
import io.keywarden.core.error.KeywardenException;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** A 40-character secret access key. Never printed: {@link #toString()} redacts it. */
public final class SecretAccessKey implements Sensitive {
    public static final int LENGTH = 40;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final String value;

    private SecretAccessKey(String value) {
        this.value = value;
    }

    public static SecretAccessKey of(String value) {
        if (value == null || value.isEmpty()) {
            throw KeywardenException.validation("secretAccessKey", "Member must not be empty");
        }
        return new SecretAccessKey(value);
    }

    /** 40 characters of {@code [A-Za-z0-9+/]}, 6 uniform bits each, from the given (cryptographically strong) generator. */
    public static SecretAccessKey generate(RandomGenerator random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(64));
        }
        return new SecretAccessKey(new String(chars));
    }

    /** The secret itself; call only where it is needed (signing, sealing, the one create response). */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretAccessKey other && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value.length());
    }

    @Override
    public String toString() {
        return "SecretAccessKey[redacted]";
    }
}
