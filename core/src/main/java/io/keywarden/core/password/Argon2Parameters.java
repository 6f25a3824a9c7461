package io.keywarden.core.password;

/**
 * Argon2id's cost parameters. {@link #DEFAULT} is OWASP's minimum recommendation for Argon2id (19 MiB of memory, two
 * passes, one lane) with a 16-byte salt and a 32-byte hash; every hash carries its parameters in its PHC string, so
 * raising them affects new hashes only and old ones keep verifying.
 *
 * @param memoryKiB   memory in KiB ({@code m})
 * @param iterations  passes over the memory ({@code t})
 * @param parallelism lanes ({@code p})
 * @param saltLength  salt bytes
 * @param hashLength  hash bytes
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism, int saltLength, int hashLength) {
    public static final Argon2Parameters DEFAULT = new Argon2Parameters(19 * 1024, 2, 1, 16, 32);

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("parallelism must be 1 to 16");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("memory must be 8 KiB per lane to 4 GiB");
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("iterations must be 1 to 100");
        }
        if (saltLength < 8 || saltLength > 64 || hashLength < 16 || hashLength > 64) {
            throw new IllegalArgumentException("salt must be 8 to 64 bytes and hash 16 to 64");
        }
    }
}
