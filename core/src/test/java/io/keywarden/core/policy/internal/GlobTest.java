package io.keywarden.core.policy.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            *              | ""                        | true
            *              | anything/at:all           | true
            ""             | ""                        | true
            ""             | a                         | false
            abc            | abc                       | true
            abc            | abcd                      | false
            abc            | ABC                       | false
            a?c            | abc                       | true
            a?c            | ac                        | false
            ???            | abc                       | true
            ???            | ab                        | false
            user/*         | user/division/team/alice  | true
            user/*         | user/                     | true
            user/*         | users/alice               | false
            *alice         | user/alice                | true
            *alice         | user/alice2               | false
            a*b*c          | aXXbYYc                   | true
            a*b*c          | acb                       | false
            a*ab           | aab                       | true
            a*ab           | ab                        | false
            *ab*ab*        | xabyab                    | true
            *ab*ab*        | xaby                      | false
            *a?b*          | zzaXbzz                   | true
            a**b           | ab                        | true
            **             | x                         | true
            *?             | ""                        | false
            *?             | x                         | true
            iam:*AccessKey* | iam:GetAccessKeyLastUsed | true
            """)
    void matchesLikeAShellGlob(String pattern, String input, boolean expected) {
        assertThat(Glob.of(pattern).matches(input)).isEqualTo(expected);
    }

    @Test
    void matchesARangeOfALongerString() {
        Glob glob = Glob.of("user/*");
        String arn = "arn:aws:iam::123456789012:user/alice";
        int start = arn.lastIndexOf(':') + 1;
        assertThat(glob.matches(arn, start, arn.length(), new String[0])).isTrue();
        assertThat(glob.matches(arn, start - 1, arn.length(), new String[0])).isFalse();
    }

    @Test
    void aVariableValueIsLiteralEvenWhenItHoldsWildcards() {
        PolicyText.Parsed parsed = PolicyText.parse("user/${aws:username}/*", true, true);
        Glob glob = Glob.compile(parsed.tokens(), "user/${aws:username}/*");
        assertThat(glob.hasVariables()).isTrue();
        assertThat(glob.matches("user/a*/x", 0, 9, new String[] {"a*"})).isTrue();
        assertThat(glob.matches("user/ab/x", 0, 9, new String[] {"a*"})).isFalse();
        assertThat(glob.matches("user/alice/docs", 0, 15, new String[] {"alice"})).isTrue();
        assertThat(glob.matches("user/bob/docs", 0, 13, new String[] {"alice"})).isFalse();
    }

    @Test
    void escapesAreLiteralCharacters() {
        PolicyText.Parsed parsed = PolicyText.parse("a${*}b${?}c${$}", true, true);
        Glob glob = Glob.compile(parsed.tokens(), "a${*}b${?}c${$}");
        assertThat(glob.matches("a*b?c$")).isTrue();
        assertThat(glob.matches("axbyc$")).isFalse();
        assertThat(parsed.variables()).isEmpty();
    }

    @Test
    void foldingIsPerCharacterAndReturnsTheSameStringWhenNothingChanges() {
        String lower = "iam:createaccesskey";
        assertThat(Glob.fold(lower)).isSameAs(lower);
        assertThat(Glob.fold("IAM:CreateAccessKey")).isEqualTo(lower);
        assertThat(Glob.fold("\u212A")).isEqualTo("k"); // Kelvin sign folds as regex CASE_INSENSITIVE does
    }

    @Test
    void knowsWhenItMatchesEverything() {
        assertThat(Glob.of("*").matchesEverything()).isTrue();
        assertThat(Glob.of("**").matchesEverything()).isTrue();
        assertThat(Glob.of("*a").matchesEverything()).isFalse();
        assertThat(Glob.of("a").hasWildcard()).isFalse();
        assertThat(Glob.of("a?").hasWildcard()).isTrue();
    }
}
