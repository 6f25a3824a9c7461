package io.keywarden.core.policy.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written {@link Glob} agrees with a regular-expression reference on random patterns and inputs. */
class GlobPropertyTest {
    private static final char[] PATTERN_CHARS = {'a', 'b', '/', ':', '*', '?', '*'};
    private static final char[] INPUT_CHARS = {'a', 'b', '/', ':'};
    private static final char[] CASE_CHARS = {'a', 'A', 'b', 'B', 'k', 'K', '\u212A', 's', 'S', '\u017F', 'i', 'I',
            '\u0130', '\u0131', '\u00DF', '\u00E9', '\u00C9', '\u00FF', '\u0178', '*', '?'};

    @Property(tries = 3000)
    void agreesWithRegexOnRandomInputs(@ForAll("patterns") String pattern, @ForAll("inputs") String input) {
        assertThat(Glob.of(pattern).matches(input)).as("'%s' ~ '%s'", pattern, input)
                .isEqualTo(reference(pattern, 0).matcher(input).matches());
    }

    @Property(tries = 3000)
    void agreesWithRegexOnInputsDerivedFromThePattern(@ForAll("derived") Tuple2<String, String> patternAndInput) {
        String pattern = patternAndInput.get1();
        String input = patternAndInput.get2();
        assertThat(Glob.of(pattern).matches(input)).as("'%s' ~ '%s'", pattern, input)
                .isEqualTo(reference(pattern, 0).matcher(input).matches());
    }

    @Property(tries = 3000)
    void foldedMatchingAgreesWithCaseInsensitiveRegex(@ForAll("casePatterns") String pattern,
                                                      @ForAll("caseInputs") String input) {
        boolean expected = reference(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(input).matches();
        assertThat(Glob.of(Glob.fold(pattern)).matches(Glob.fold(input))).as("'%s' ~ '%s'", pattern, input)
                .isEqualTo(expected);
    }

    @Property
    void aPatternWithoutWildcardsMatchesOnlyItself(@ForAll("inputs") String literal, @ForAll("inputs") String input) {
        assertThat(Glob.of(literal).matches(input)).isEqualTo(literal.equals(input));
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

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars(PATTERN_CHARS).ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> inputs() {
        return Arbitraries.strings().withChars(INPUT_CHARS).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> casePatterns() {
        return Arbitraries.strings().withChars(CASE_CHARS).ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> caseInputs() {
        return Arbitraries.strings().withChars(CASE_CHARS).ofMaxLength(6)
                .map(s -> s.replace('*', 'x').replace('?', 'y'));
    }

    /** A pattern and an input built by filling in its wildcards, sometimes with one character changed. */
    @Provide
    Arbitrary<Tuple2<String, String>> derived() {
        return patterns().flatMap(pattern -> {
            Arbitrary<String> fill = Arbitraries.strings().withChars(INPUT_CHARS).ofMaxLength(3);
            Arbitrary<Character> one = Arbitraries.of('a', 'b', '/', ':');
            return Combinators.combine(fill.list().ofSize(pattern.length()), one.list().ofSize(pattern.length()),
                            Arbitraries.integers().between(-1, pattern.length()))
                    .as((fills, ones, change) -> {
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
                        return Tuple.of(pattern, input.toString());
                    });
        });
    }
}
