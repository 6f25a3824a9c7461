package io.keywarden.core.keys;

/** RFC 4648 base32 ({@code A-Z2-7}) without padding, the alphabet of AWS unique IDs. */
final class Base32 {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }

    static boolean isBase32(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (valueOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Encodes the low {@code bits} bits of {@code value} (a multiple of 5) as base32, most significant first. */
    static String encodeBits(long value, int bits) {
        StringBuilder sb = new StringBuilder(bits / 5);
        for (int shift = bits - 5; shift >= 0; shift -= 5) {
            sb.append(ALPHABET.charAt((int) ((value >>> shift) & 31)));
        }
        return sb.toString();
    }

    /** Decodes base32 characters into a long, 5 bits per character (at most 12 characters). */
    static long decodeBits(CharSequence s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v = (v << 5) | valueOf(s.charAt(i));
        }
        return v;
    }
}
