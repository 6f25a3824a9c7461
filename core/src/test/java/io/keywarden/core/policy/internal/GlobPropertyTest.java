package io.keywarden.core.policy.internal;

import static io.keywarden.core.testing.RandomizedChecks.forAll;
import static io.keywarden.core.testing.RandomizedChecks.list;
import static io.keywarden.core.testing.RandomizedChecks.pick;
import static io.keywarden.core.testing.RandomizedChecks.show;
import static io.keywarden.core.testing.RandomizedChecks.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link Glob} agrees with a regular-expression reference on random patterns and inputs. Inputs
 * come from a seeded generator (see {@link io.keywarden.core.testing.RandomizedChecks}), so a failure names the seed
 * and the input that reproduce it.
 */
class GlobPropertyTest {
    private static final int TRIES = 3_000;
    private static final int LITERAL_TRIES = 1_000;
    private static final long BASE_SEED = 0x476C_6F62L;

    private static final char[] PATTERN_CHARS = {'a', 'b', '/', ':', '*', '?', '*'};
    private static final char[] INPUT_CHARS = {'a', 'b', '/', ':'};
    private static final char[] CASE_CHARS = {'a', 'A', 'b', 'B', 'k', 'K', '\u212A', 's', 'S', '\u017F', 'i', 'I',
            '\u0130', '\u0131', '\u00DF', '\u00E9', '\u00C9', '\u00FF', '\u0178', '*', '?'};
    private static final Character[] ONE_CHARS = {'a', 'b', '/', ':'};

    /** A generated pattern and input. */
    private record Case(String pattern, String input) {
        @Override
        public String toString() {
            return "pattern " + show(pattern) + ", input " + show(input);
        }
    }

    @Test
    void agreesWithRegexOnRandomInputs() {
        forAll(BASE_SEED, TRIES, random -> new Case(pattern(random), input(random)), c ->
                assertThat(Glob.of(c.pattern()).matches(c.input())).as("'%s' ~ '%s'", c.pattern(), c.input())
                        .isEqualTo(reference(c.pattern(), 0).matcher(c.input()).matches()));
    }

    @Test
    void agreesWithRegexOnInputsDerivedFromThePattern() {
        forAll(BASE_SEED + 1_000_000, TRIES, GlobPropertyTest::derived, c ->
                assertThat(Glob.of(c.pattern()).matches(c.input())).as("'%s' ~ '%s'", c.pattern(), c.input())
                        .isEqualTo(reference(c.pattern(), 0).matcher(c.input()).matches()));
    }

    @Test
    void foldedMatchingAgreesWithCaseInsensitiveRegex() {
        forAll(BASE_SEED + 2_000_000, TRIES, random -> new Case(casePattern(random), caseInput(random)), c -> {
            boolean expected = reference(c.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(c.input()).matches();
            assertThat(Glob.of(Glob.fold(c.pattern())).matches(Glob.fold(c.input())))
                    .as("'%s' ~ '%s'", c.pattern(), c.input())
                    .isEqualTo(expected);
        });
    }

    @Test
    void aPatternWithoutWildcardsMatchesOnlyItself() {
        forAll(BASE_SEED + 3_000_000, LITERAL_TRIES, GlobPropertyTest::literalAndInput, c ->
                assertThat(Glob.of(c.pattern()).matches(c.input())).isEqualTo(c.pattern().equals(c.input())));
    }

    /** The obvious translation: {@code *} is {@code .*}, {@code ?} is {@code .}, everything else is quoted. */
    static Pattern reference(String glob, int flags) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL | flags);
    }

    // ---------------------------------------------------------------- generators

    private static String pattern(Random random) {
        return string(random, PATTERN_CHARS, 8);
    }

    private static String input(Random random) {
        return string(random, INPUT_CHARS, 10);
    }

    private static String casePattern(Random random) {
        return string(random, CASE_CHARS, 6);
    }

    private static String caseInput(Random random) {
        return string(random, CASE_CHARS, 6).replace('*', 'x').replace('?', 'y');
    }

    /**
     * A wildcard-free pattern and an input; one time in four the input is the pattern itself, so that "matches
     * itself" is tried as often as "matches nothing else" (two independent draws are rarely equal).
     */
    private static Case literalAndInput(Random random) {
        String literal = input(random);
        return new Case(literal, random.nextInt(4) == 0 ? literal : input(random));
    }

    /** A pattern and an input built by filling in its wildcards, sometimes with one character changed. */
    private static Case derived(Random random) {
        String pattern = pattern(random);
        List<String> fills = list(random, pattern.length(), pattern.length(), r -> string(r, INPUT_CHARS, 3));
        List<Character> ones = list(random, pattern.length(), pattern.length(), r -> pick(r, ONE_CHARS));
        int change = random.nextInt(-1, pattern.length() + 1);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                input.append(fills.get(i));
            } else if (c == '?' || i == change) {
                input.append(ones.get(i));
            } else {
                input.append(c);
            }
        }
        return new Case(pattern, input.toString());
    }
}
