package io.keywarden.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property checks over generated inputs with plain JUnit 5: each try draws its input from a {@link Random} seeded
 * with {@code baseSeed + try}, so a failure names the one seed (and the input) that reproduces it.
 *
 * <p>Plain JUnit rather than jqwik: from 1.10 jqwik carries an "Anti-AI Usage Clause" asking AI coding agents not to
 * use it, and these tests were written by one.
 */
public final class RandomizedChecks {
    private static final String PUNCTUATION = "{}[]\":,\\ $*?";

    private RandomizedChecks() {
    }

    /**
     * Runs {@code property} on {@code tries} inputs; the input of try {@code i} is {@code generator} applied to
     * {@code new Random(baseSeed + i)}.
     */
    public static <T> void forAll(long baseSeed, int tries, Function<Random, T> generator, Consumer<T> property) {
        for (int i = 0; i < tries; i++) {
            long seed = baseSeed + i;
            T input = null;
            boolean generated = false;
            try {
                input = generator.apply(new Random(seed));
                generated = true;
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed for seed " + seed + " (try " + (i + 1) + " of " + tries + ") "
                        + (generated ? "on input " + show(input) : "while generating the input") + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** A string of up to {@code maxLength} characters, each drawn from {@code alphabet}. */
    public static String string(Random random, char[] alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return out.toString();
    }

    /**
     * A string of up to {@code maxLength} arbitrary UTF-16 code units: mostly anywhere in {@code \u0000..\uFFFF}
     * (lone surrogates included), with ASCII, control characters and JSON punctuation mixed in so that short
     * strings are not all CJK.
     */
    public static String anyString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(anyChar(random));
        }
        return out.toString();
    }

    /** An arbitrary UTF-16 code unit, see {@link #anyString}. */
    public static char anyChar(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> (char) random.nextInt(0x20);
            case 1, 2 -> (char) random.nextInt(0x20, 0x7F);
            case 3 -> PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
            case 4 -> (char) random.nextInt(0x80, 0x800);
            default -> (char) random.nextInt(0x10000);
        };
    }

    /** Any {@code int}, with the edge cases 0, ±1, {@code MIN_VALUE} and {@code MAX_VALUE} drawn more often. */
    public static int anyInt(Random random) {
        return random.nextInt(10) == 0
                ? pick(random, 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)
                : random.nextInt();
    }

    @SafeVarargs
    public static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A list of {@code minSize} to {@code maxSize} elements, each from {@code element}. */
    public static <T> List<T> list(Random random, int minSize, int maxSize, Function<Random, T> element) {
        int size = random.nextInt(minSize, maxSize + 1);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.apply(random));
        }
        return out;
    }

    /** Up to {@code maxSize} distinct elements of {@code choices}, in random order. */
    public static <T> List<T> distinct(Random random, Collection<T> choices, int maxSize) {
        List<T> shuffled = new ArrayList<>(choices);
        java.util.Collections.shuffle(shuffled, random);
        return new ArrayList<>(shuffled.subList(0, random.nextInt(Math.min(maxSize, shuffled.size()) + 1)));
    }

    /** A value as it would be written in Java source: strings quoted, non-ASCII and controls as escapes. */
    public static String show(Object value) {
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c > 0x7E) {
                            out.append(String.format("\\u%04X", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Character c) {
            String quoted = show(String.valueOf(c));
            return "'" + quoted.substring(1, quoted.length() - 1) + "'";
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(RandomizedChecks::show)
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
