package io.keywarden.core.policy.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyTextTest {

    @Test
    void readsVariablesWithAndWithoutDefaults() {
        PolicyText.Parsed parsed = PolicyText.parse("x/${aws:username}/${aws:PrincipalTag/team , 'none'}", true, false);
        assertThat(parsed.variables()).containsExactly(
                new PolicyText.Variable("aws:username", null, 0),
                new PolicyText.Variable("aws:principaltag/team", "none", 1));
    }

    @Test
    void variablesAreLiteralWhenTheVersionHasNone() {
        PolicyText.Parsed parsed = PolicyText.parse("user/${aws:username}", false, false);
        assertThat(parsed.variables()).isEmpty();
        assertThat(parsed.tokens()).extracting(PolicyText.Token::text).containsExactly("user/${aws:username}");
    }

    @Test
    void malformedVariablesAreLiteralText() {
        for (String text : List.of("${aws:username", "${}", "${a b}", "${a, x}", "${a, 'x}", "$ {a}")) {
            PolicyText.Parsed parsed = PolicyText.parse(text, true, false);
            assertThat(parsed.variables()).as(text).isEmpty();
            assertThat(String.join("", parsed.tokens().stream().map(PolicyText.Token::text).toList()))
                    .as(text).isEqualTo(text);
        }
    }

    @Test
    void aDefaultValueMayHoldABrace() {
        PolicyText.Parsed parsed = PolicyText.parse("${k, 'a}b'}", true, false);
        assertThat(parsed.variables()).containsExactly(new PolicyText.Variable("k", "a}b", 0));
    }
}
