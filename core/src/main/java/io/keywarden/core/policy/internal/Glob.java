package io.keywarden.core.policy.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled wildcard pattern: {@code *} matches any run of characters (including none, and including {@code /}
 * and {@code :}), {@code ?} exactly one character; everything else matches itself. No regular expressions: the
 * pattern is cut at its stars into fixed-width segments, and each segment is found at its leftmost position, which
 * is exact for this pattern language and runs in O(pattern × input) at worst.
 *
 * <p>A segment may also hold policy variables, whose values are substituted literally (a {@code *} in a value is
 * not a wildcard); the caller resolves them and passes their values by {@link PolicyText.Variable#index()}.
 *
 * <p>Matching is case-sensitive; for case-insensitive matching compile a {@link #fold folded} pattern and fold the
 * input once.
 */
public final class Glob {
    private static final String[] NO_VALUES = new String[0];
    private static final byte LITERAL = 0;
    private static final byte ANY = 1;
    private static final byte VARIABLE = 2;

    private final String source;
    private final Segment[] segments;
    private final boolean hasStar;
    private final boolean leadingStar;
    private final boolean trailingStar;
    private final boolean hasVariables;

    private Glob(String source, Segment[] segments, boolean hasStar, boolean leadingStar, boolean trailingStar,
                 boolean hasVariables) {
        this.source = source;
        this.segments = segments;
        this.hasStar = hasStar;
        this.leadingStar = leadingStar;
        this.trailingStar = trailingStar;
        this.hasVariables = hasVariables;
    }

    /** A pattern with {@code *} and {@code ?} wildcards and no variables. */
    public static Glob of(String pattern) {
        return compile(PolicyText.parse(pattern, false, true).tokens(), pattern);
    }

    /** A pattern from tokens; {@code source} only names it in {@link #toString()}. */
    public static Glob compile(List<PolicyText.Token> tokens, String source) {
        List<Segment> segments = new ArrayList<>();
        SegmentBuilder current = new SegmentBuilder();
        boolean hasStar = false;
        boolean leadingStar = false;
        boolean trailingStar = false;
        boolean hasVariables = false;
        for (int i = 0; i < tokens.size(); i++) {
            PolicyText.Token token = tokens.get(i);
            switch (token.kind()) {
                case STAR -> {
                    if (i == 0) {
                        leadingStar = true;
                    }
                    if (i == tokens.size() - 1) {
                        trailingStar = true;
                    }
                    hasStar = true;
                    if (!current.isEmpty()) {
                        segments.add(current.build());
                        current = new SegmentBuilder();
                    }
                }
                case ANY_CHAR -> current.anyChar();
                case LITERAL -> current.literal(token.text());
                case VARIABLE -> {
                    hasVariables = true;
                    current.variable(token.variable().index());
                }
                default -> throw new IllegalStateException("unknown token " + token.kind());
            }
        }
        if (!current.isEmpty() || !hasStar) {
            segments.add(current.build());
        }
        return new Glob(source, segments.toArray(new Segment[0]), hasStar, leadingStar, trailingStar, hasVariables);
    }

    /** True if this pattern is only stars: it matches every string. */
    public boolean matchesEverything() {
        return hasStar && segments.length == 0;
    }

    public boolean hasVariables() {
        return hasVariables;
    }

    /** True if the pattern has a {@code *} or {@code ?}. */
    public boolean hasWildcard() {
        if (hasStar) {
            return true;
        }
        for (Segment segment : segments) {
            for (byte kind : segment.kinds) {
                if (kind == ANY) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if the pattern ends with {@code *}. */
    public boolean endsWithStar() {
        return trailingStar;
    }

    /** True if the pattern matches nothing but the empty string. */
    public boolean isEmpty() {
        return !hasStar && segments.length == 1 && segments[0].kinds.length == 0;
    }

    public boolean matches(String input) {
        return matches(input, 0, input.length(), NO_VALUES);
    }

    /**
     * Whether {@code input[from, to)} matches.
     *
     * @param values the values of the pattern's variables, by index; none may be null
     */
    public boolean matches(String input, int from, int to, String[] values) {
        if (!hasStar) {
            Segment only = segments[0];
            return only.length(values) == to - from && only.matchesAt(input, from, values);
        }
        int pos = from;
        int end = to;
        int first = 0;
        int last = segments.length - 1;
        if (!leadingStar) {
            Segment head = segments[0];
            int length = head.length(values);
            if (length > end - pos || !head.matchesAt(input, pos, values)) {
                return false;
            }
            pos += length;
            first = 1;
        }
        if (!trailingStar) {
            Segment tail = segments[last];
            int length = tail.length(values);
            if (length > end - pos || !tail.matchesAt(input, end - length, values)) {
                return false;
            }
            end -= length;
            last--;
        }
        for (int k = first; k <= last; k++) {
            Segment segment = segments[k];
            int length = segment.length(values);
            int found = segment.find(input, pos, end - length, values);
            if (found < 0) {
                return false;
            }
            pos = found + length;
        }
        return true;
    }

    /**
     * Case folding for case-insensitive matching, per character as {@link java.util.regex.Pattern} does with
     * {@code CASE_INSENSITIVE | UNICODE_CASE}. Returns the same string when nothing changes.
     */
    public static String fold(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && fold(s.charAt(i)) == s.charAt(i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (; i < n; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    @Override
    public String toString() {
        return source;
    }

    /** A run of literal text, single-character wildcards and variables between two stars. */
    private static final class Segment {
        final byte[] kinds;
        final String[] literals;
        final int[] numbers; // ANY: how many characters; VARIABLE: the variable's index
        final int fixedLength; // -1 when the length depends on variables

        Segment(byte[] kinds, String[] literals, int[] numbers) {
            this.kinds = kinds;
            this.literals = literals;
            this.numbers = numbers;
            int length = 0;
            for (int i = 0; i < kinds.length && length >= 0; i++) {
                switch (kinds[i]) {
                    case LITERAL -> length += literals[i].length();
                    case ANY -> length += numbers[i];
                    default -> length = -1;
                }
            }
            this.fixedLength = length;
        }

        int length(String[] values) {
            if (fixedLength >= 0) {
                return fixedLength;
            }
            int length = 0;
            for (int i = 0; i < kinds.length; i++) {
                switch (kinds[i]) {
                    case LITERAL -> length += literals[i].length();
                    case ANY -> length += numbers[i];
                    default -> length += values[numbers[i]].length();
                }
            }
            return length;
        }

        /** Whether the segment matches at {@code pos}; the caller has checked that it fits. */
        boolean matchesAt(String input, int pos, String[] values) {
            for (int i = 0; i < kinds.length; i++) {
                switch (kinds[i]) {
                    case LITERAL -> {
                        String literal = literals[i];
                        if (!input.regionMatches(pos, literal, 0, literal.length())) {
                            return false;
                        }
                        pos += literal.length();
                    }
                    case ANY -> pos += numbers[i];
                    default -> {
                        String value = values[numbers[i]];
                        if (!input.regionMatches(pos, value, 0, value.length())) {
                            return false;
                        }
                        pos += value.length();
                    }
                }
            }
            return true;
        }

        /** The leftmost position in {@code [from, lastStart]} where the segment matches, or -1. */
        int find(String input, int from, int lastStart, String[] values) {
            if (kinds.length > 0 && kinds[0] == LITERAL) {
                String head = literals[0];
                int at = input.indexOf(head, from);
                while (at >= 0 && at <= lastStart) {
                    if (matchesAt(input, at, values)) {
                        return at;
                    }
                    at = input.indexOf(head, at + 1);
                }
                return -1;
            }
            for (int at = from; at <= lastStart; at++) {
                if (matchesAt(input, at, values)) {
                    return at;
                }
            }
            return -1;
        }
    }

    private static final class SegmentBuilder {
        private final List<Byte> kinds = new ArrayList<>();
        private final List<String> literals = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();

        boolean isEmpty() {
            return kinds.isEmpty();
        }

        void literal(String text) {
            int last = kinds.size() - 1;
            if (last >= 0 && kinds.get(last) == LITERAL) {
                literals.set(last, literals.get(last) + text);
            } else {
                add(LITERAL, text, 0);
            }
        }

        void anyChar() {
            int last = kinds.size() - 1;
            if (last >= 0 && kinds.get(last) == ANY) {
                numbers.set(last, numbers.get(last) + 1);
            } else {
                add(ANY, null, 1);
            }
        }

        void variable(int index) {
            add(VARIABLE, null, index);
        }

        private void add(byte kind, String literal, int number) {
            kinds.add(kind);
            literals.add(literal);
            numbers.add(number);
        }

        Segment build() {
            byte[] k = new byte[kinds.size()];
            int[] n = new int[numbers.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = kinds.get(i);
                n[i] = numbers.get(i);
            }
            return new Segment(k, literals.toArray(new String[0]), n);
        }
    }
}
