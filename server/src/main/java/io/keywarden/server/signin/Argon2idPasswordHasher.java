package io.keywarden.server.signin;

import io.keywarden.core.password.Argon2Parameters;
import io.keywarden.core.password.PasswordHasher;
import io.keywarden.core.password.PhcString;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Argon2id (RFC 9106) by Bouncy Castle's pure-Java {@link Argon2BytesGenerator}, the password encoded as UTF-8. New
 * hashes use the configured parameters (OWASP's minimum by default) and a fresh salt from the injected generator; a
 * stored hash is verified with the parameters its PHC string carries, compared in constant time. Memory-hard and slow
 * on purpose (tens of milliseconds): callers run it on the blocking executor, never on an event loop.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private final Argon2Parameters parameters;
    private final RandomGenerator random;

    public Argon2idPasswordHasher(Argon2Parameters parameters, RandomGenerator random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[parameters.saltLength()];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) random.nextInt(256);
        }
        byte[] hash = derive(password, salt, parameters);
        return new PhcString(PhcString.VERSION_13, parameters, salt, hash).format();
    }

    @Override
    public boolean verify(char[] password, String encoded) {
        return PhcString.parse(encoded).filter(phc -> phc.version() == PhcString.VERSION_13).map(phc -> {
            byte[] actual = derive(password, phc.salt(), phc.parameters());
            return MessageDigest.isEqual(actual, phc.hash());
        }).orElse(false);
    }

    /** The raw Argon2id output (the bench measures this). */
    public static byte[] derive(char[] password, byte[] salt, Argon2Parameters p) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism())
                .withSalt(salt).build());
        byte[] secret = utf8(password);
        byte[] out = new byte[p.hashLength()];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
