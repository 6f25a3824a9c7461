package io.keywarden.core.testing;

import io.keywarden.core.password.PasswordHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast salted SHA-256 stand-in for Argon2id in unit tests; counts its work so tests can compare it. */
public final class FakePasswordHasher implements PasswordHasher {
    public final AtomicInteger hashes = new AtomicInteger();
    public final AtomicInteger verifications = new AtomicInteger();
    private final AtomicInteger salt = new AtomicInteger();

    @Override
    public String hash(char[] password) {
        hashes.incrementAndGet();
        String s = Integer.toString(salt.incrementAndGet());
        return "fake$" + s + "$" + digest(s, password);
    }

    @Override
    public boolean verify(char[] password, String encoded) {
        verifications.incrementAndGet();
        String[] parts = encoded.split("\\$");
        return parts.length == 3 && MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.UTF_8),
                digest(parts[1], password).getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String salt, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
