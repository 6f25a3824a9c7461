package io.keywarden.core.policy;

import io.keywarden.core.authz.Decision;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PolicyDocument#parse} on arbitrary input only ever returns a document or throws
 * {@code MALFORMED_POLICY_DOCUMENT}; and any document it accepts evaluates without throwing.
 */
class PolicyDocumentPropertyTest {
    private static final List<String> ELEMENTS = List.of("Version", "Id", "Statement", "Sid", "Effect", "Action",
            "NotAction", "Resource", "NotResource", "Condition", "Principal", "version", "effect", "Foo");
    private static final List<String> WORDS = List.of("2012-10-17", "2008-10-17", "Allow", "Deny", "allow", "*",
            "iam:*", "iam:CreateAccessKey", "iam:*AccessKey*", "IAM:getuser", "iam:Get?ser", "s3*:Get", "iam:",
            "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::123456789012:user/alice", "arn:aws:*::1:x",
            "arn:aws:iam::*", "arn:aws", "${aws:PrincipalTag/team, 'x'}", "${*}${?}${$}", "${aws:username",
            "StringEquals", "StringLike", "ForAnyValue:StringEquals", "ForAllValues:StringLikeIfExists",
            "NumericLessThan", "DateLessThan", "Bool", "BoolIfExists", "IpAddress", "NotIpAddress", "ArnLike",
            "Null", "NullIfExists", "BinaryEquals", "aws:username", "aws:SourceIp", "aws:CurrentTime", "10",
            "2030-01-01T00:00:00Z", "203.0.113.0/24", "2001:db8::/32", "true", "false", "QQ==", "", "a-b",
            "S1", "S2");
    private static final List<String> OPERATORS = WORDS.subList(WORDS.indexOf("StringEquals"),
            WORDS.indexOf("aws:username"));

    @Property
    void arbitraryStringsParseOrAreMalformed(@ForAll String text) {
        parseOrMalformed(text);
    }

    @Property
    void jsonFragmentsParseOrAreMalformed(@ForAll("jsonFragments") String text) {
        parseOrMalformed(text);
    }

    @Property(tries = 2000)
    void policyShapedDocumentsParseOrAreMalformedAndEvaluate(@ForAll("policyShaped") String text,
                                                             @ForAll("requests") EvaluationRequest request) {
        PolicyDocument document = parseOrMalformed(text);
        Statistics.label("document").collect(document == null ? "malformed" : "valid");
        if (document != null) {
            Evaluation evaluation = PolicyEvaluator.create()
                    .evaluate(request, List.of(CompiledPolicy.of("P", document)));
            assertThat(evaluation.explain()).isNotBlank();
            Effect expected = evaluation.decision() == Decision.EXPLICIT_DENY ? Effect.DENY : Effect.ALLOW;
            assertThat(evaluation.decidingStatements()).allSatisfy(s -> assertThat(s.effect()).isEqualTo(expected));
            assertThat(evaluation.decidingStatements().isEmpty())
                    .isEqualTo(evaluation.decision() == Decision.IMPLICIT_DENY);
            Statistics.label("decision").collect(evaluation.decision());
        }
    }

    @Property(tries = 1000)
    void mutatedPolicyDocumentsParseOrAreMalformed(@ForAll("policyShaped") String text, @ForAll int position,
                                                   @ForAll("mutations") String insert, @ForAll boolean delete) {
        int at = Math.floorMod(position, text.length() + 1);
        String mutated = delete && at < text.length()
                ? text.substring(0, at) + text.substring(at + 1)
                : text.substring(0, at) + insert + text.substring(at);
        parseOrMalformed(mutated);
    }

    private static PolicyDocument parseOrMalformed(String text) {
        try {
            PolicyDocument document = PolicyDocument.parse(text);
            assertThat(document).isNotNull();
            return document;
        } catch (KeywardenException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_POLICY_DOCUMENT);
            assertThat(e.getMessage()).isNotBlank().doesNotEndWith(".").matches("(?s)^[a-z].*");
            return null;
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        return Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\u2019", "\u0000", " ", "*", "$", "${");
    }

    @Provide
    Arbitrary<String> jsonFragments() {
        return json(3);
    }

    private Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(PolicyDocumentPropertyTest::quote),
                Arbitraries.strings().ofMaxLength(8).map(PolicyDocumentPropertyTest::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1.50", "-0", "1e3"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> child = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<String> array = child.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.of(ELEMENTS).map(PolicyDocumentPropertyTest::quote),
                        child).as((k, v) -> k + ":" + v)
                .list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(Tuple.of(2, scalar), Tuple.of(1, array), Tuple.of(3, object));
    }

    /** Valid condition operator blocks, combined into a {@code Condition} element. */
    private static final List<String> CONDITIONS = List.of(
            "\"StringEquals\": {\"aws:username\": [\"alice\", \"bob\"]}",
            "\"StringLike\": {\"aws:username\": \"a*\"}",
            "\"StringNotEqualsIfExists\": {\"aws:username\": \"${aws:PrincipalTag/boss}\"}",
            "\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"team\"}",
            "\"ForAllValues:StringLike\": {\"aws:TagKeys\": [\"t*\", \"e?v\"]}",
            "\"NumericLessThan\": {\"aws:username\": 10}",
            "\"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"}",
            "\"Bool\": {\"aws:SecureTransport\": true}",
            "\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\", \"2001:db8::/32\"]}",
            "\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}",
            "\"Null\": {\"aws:username\": \"false\"}",
            "\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:user/${aws:username}\"}",
            "\"BinaryEquals\": {\"aws:username\": \"QQ==\"}");

    /**
     * Policy-shaped documents: mostly valid statements (so that evaluation is exercised too), some with a random
     * element added or replaced.
     */
    @Provide
    Arbitrary<String> policyShaped() {
        Arbitrary<String> word = Arbitraries.of(WORDS).map(PolicyDocumentPropertyTest::quote);
        Arbitrary<String> words = Arbitraries.oneOf(word,
                word.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"));
        Arbitrary<String> condition = Arbitraries.of(CONDITIONS).list().uniqueElements().ofMaxSize(3)
                .map(l -> "{" + String.join(",", l) + "}");
        Arbitrary<String> randomCondition = Combinators.combine(
                        Arbitraries.of(OPERATORS).map(PolicyDocumentPropertyTest::quote),
                        Combinators.combine(Arbitraries.of("aws:username", "aws:SourceIp", "aws:CurrentTime",
                                        "aws:TagKeys").map(PolicyDocumentPropertyTest::quote), words)
                                .as((k, v) -> k + ":" + v).list().ofMaxSize(2)
                                .map(l -> "{" + String.join(",", l) + "}"))
                .as((op, keys) -> "{" + op + ":" + keys + "}");
        Arbitrary<Map<String, String>> corruption = Arbitraries.maps(
                Arbitraries.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition",
                        "Principal", "Foo"),
                Arbitraries.oneOf(words, randomCondition)).ofMaxSize(1);
        Arbitrary<Map<String, String>> rarely = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Map.<String, String>of())), Tuple.of(1, corruption));
        Arbitrary<String> statement = Combinators.combine(rarely,
                        Arbitraries.of("Allow", "Deny"),
                        Arbitraries.of("Action", "NotAction"),
                        Arbitraries.of("\"iam:*\"", "\"*\"", "[\"iam:GetUser\", \"iam:*AccessKey*\"]",
                                "\"IAM:get?ser\""),
                        Arbitraries.of("Resource", "NotResource"),
                        Arbitraries.of("\"*\"", "\"arn:aws:iam::*:user/${aws:username}\"",
                                "[\"arn:aws:iam::123456789012:user/*\", \"arn:aws:iam::*\"]"),
                        condition)
                .as((extra, effect, actionElement, action, resourceElement, resource, conditions) -> {
                    Map<String, String> elements = new java.util.LinkedHashMap<>();
                    elements.put("Effect", quote(effect));
                    elements.put(actionElement, action);
                    elements.put(resourceElement, resource);
                    elements.put("Condition", conditions);
                    elements.putAll(extra);
                    return elements.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                            .collect(Collectors.joining(",", "{", "}"));
                });
        return Combinators.combine(Arbitraries.of("\"2012-10-17\"", "\"2008-10-17\"", "absent"),
                        statement.list().ofMinSize(1).ofMaxSize(4))
                .as((version, statements) -> "{" + (version.equals("absent") ? "" : "\"Version\":" + version + ",")
                        + "\"Statement\":[" + String.join(",", statements) + "]}");
    }

    @Provide
    Arbitrary<EvaluationRequest> requests() {
        Arbitrary<ConditionContext> context = Arbitraries.maps(
                Arbitraries.of("aws:username", "aws:SourceIp", "aws:CurrentTime", "aws:TagKeys", "AWS:UserName"),
                Arbitraries.of(WORDS).list().ofMaxSize(2)).ofMaxSize(4).map(ConditionContext::of);
        return Combinators.combine(
                Arbitraries.of("iam:GetUser", "iam:CreateAccessKey", "sts:GetCallerIdentity", "IAM:getuser"),
                Arbitraries.of("arn:aws:iam::123456789012:user/alice", "*", "arn:aws:iam::123456789012:user/x10",
                        "arn:aws:iam::123456789012:user/${aws:username}", "arn:aws:iam:::::::"),
                context).as(EvaluationRequest::new);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
