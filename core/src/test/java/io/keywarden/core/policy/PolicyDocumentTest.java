package io.keywarden.core.policy;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.policy.condition.ConditionOperator;
import io.keywarden.core.policy.condition.SetOperator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDocumentTest {
    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Id": "keys",
              "Statement": [
                {
                  "Sid": "ManageOwnKeys",
                  "Effect": "Allow",
                  "Action": ["iam:*AccessKey*", "iam:GetUser"],
                  "Resource": "arn:aws:iam::*:user/${aws:username}",
                  "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team", "env*"]}}
                },
                {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*"}
              ]
            }""";

    @Test
    void exposesWhatItParsed() {
        PolicyDocument document = PolicyDocument.parse(POLICY);
        assertThat(document.version()).isEqualTo(PolicyVersion.V2012_10_17);
        assertThat(document.declaredVersion()).contains(PolicyVersion.V2012_10_17);
        assertThat(document.id()).contains("keys");
        assertThat(document.json()).isEqualTo(POLICY);
        assertThat(document.statements()).hasSize(2);

        Statement first = document.statements().get(0);
        assertThat(first.sid()).contains("ManageOwnKeys");
        assertThat(first.label()).isEqualTo("ManageOwnKeys");
        assertThat(first.effect()).isEqualTo(Effect.ALLOW);
        assertThat(first.notAction()).isFalse();
        assertThat(first.actions()).extracting(ActionPattern::text).containsExactly("iam:*AccessKey*", "iam:GetUser");
        assertThat(first.resources()).extracting(ResourcePattern::text)
                .containsExactly("arn:aws:iam::*:user/${aws:username}");
        assertThat(first.resources().get(0).hasVariables()).isTrue();
        assertThat(first.conditions()).singleElement().satisfies(c -> {
            assertThat(c.operator().setOperator()).isEqualTo(SetOperator.FOR_ANY_VALUE);
            assertThat(c.operator().operator()).isEqualTo(ConditionOperator.STRING_LIKE);
            assertThat(c.operator().ifExists()).isTrue();
            assertThat(c.operator()).hasToString("ForAnyValue:StringLikeIfExists");
            assertThat(c.key()).isEqualTo("aws:TagKeys");
            assertThat(c.values()).containsExactly("team", "env*");
        });

        Statement second = document.statements().get(1);
        assertThat(second.sid()).isEmpty();
        assertThat(second.label()).isEqualTo("Statement[1]");
        assertThat(second.notAction()).isTrue();
        assertThat(second.notResource()).isTrue();
        assertThat(second.conditions()).isEmpty();
    }

    @Test
    void aDocumentWithoutVersionFollowsTheOldRules() {
        PolicyDocument document = PolicyDocument.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}}");
        assertThat(document.declaredVersion()).isEmpty();
        assertThat(document.version()).isEqualTo(PolicyVersion.V2008_10_17);
        assertThat(document.statements().get(0).resources().get(0).hasVariables()).isFalse();
    }

    @Test
    void countsCharactersWithoutWhitespaceForQuotas() {
        PolicyDocument document = PolicyDocument.parse("{ \"Statement\" : {\n\t\"Effect\": \"Allow\", "
                + "\"Action\": \"*\", \"Resource\": \"*\" } }");
        assertThat(document.sizeWithoutWhitespace())
                .isEqualTo("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}".length());
    }

    @Test
    void nullIsMalformedNotAnNpe() {
        assertThatThrownBy(() -> PolicyDocument.parse(null))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_POLICY_DOCUMENT));
    }

    @Test
    void acceptsADocumentOfExactlyTheMaximumLength() {
        String document = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        String padded = document + " ".repeat(PolicyDocument.MAX_LENGTH - document.length());
        assertThat(PolicyDocument.parse(padded).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(padded + " ")).hasMessageContaining("the maximum is 131072");
    }

    @Test
    void acceptsLatin1Characters() {
        PolicyDocument document = PolicyDocument.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::bücket/ñ\"}}");
        assertThat(document.statements().get(0).resources().get(0).text()).isEqualTo("arn:aws:s3:::bücket/ñ");
    }
}
