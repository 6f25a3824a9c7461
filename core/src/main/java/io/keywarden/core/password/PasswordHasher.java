package io.keywarden.core.password;

/**
 * Hashes console passwords with a memory-hard function (the server's is Argon2id). The hash is a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) that carries its own parameters and salt, so parameters can be
 * raised later while old hashes still verify. Implementations take a random salt per hash from injected randomness,
 * compare in constant time, and never log what they are given.
 */
public interface PasswordHasher {

    /** A new hash of {@code password} with a fresh salt. */
    String hash(char[] password);

    /** Whether {@code password} matches {@code encoded} (a PHC string this hasher wrote); false when unreadable. */
    boolean verify(char[] password, String encoded);
}
