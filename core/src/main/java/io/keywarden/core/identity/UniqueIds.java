package io.keywarden.core.identity;

import java.util.random.RandomGenerator;

/** AWS-style unique IDs: a four-letter prefix ({@code AIDA} user, {@code ANPA} policy, ...) and 17 base32 characters. */
public final class UniqueIds {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private UniqueIds() {
    }

    public static String generate(String prefix, RandomGenerator random) {
        StringBuilder sb = new StringBuilder(prefix.length() + 17).append(prefix);
        for (int i = 0; i < 17; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return sb.toString();
    }
}
