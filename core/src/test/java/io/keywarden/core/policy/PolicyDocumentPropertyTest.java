package io.keywarden.core.policy;

import static io.keywarden.core.testing.RandomizedChecks.anyInt;
import static io.keywarden.core.testing.RandomizedChecks.anyString;
import static io.keywarden.core.testing.RandomizedChecks.distinct;
import static io.keywarden.core.testing.RandomizedChecks.forAll;
import static io.keywarden.core.testing.RandomizedChecks.list;
import static io.keywarden.core.testing.RandomizedChecks.pick;
import static io.keywarden.core.testing.RandomizedChecks.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.core.authz.Decision;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * {@link PolicyDocument#parse} on arbitrary input only ever returns a document or throws
 * {@code MALFORMED_POLICY_DOCUMENT}; and any document it accepts evaluates without throwing. Inputs come from a
 * seeded generator (see {@link io.keywarden.core.testing.RandomizedChecks}), so a failure names the seed and the
 * input that reproduce it.
 */
class PolicyDocumentPropertyTest {
    private static final int TRIES = 1_000;
    private static final int EVALUATION_TRIES = 2_000;
    private static final long BASE_SEED = 0x506F_6C69L;

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
    private static final List<String> MUTATIONS = List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\u2019",
            "\u0000", " ", "*", "$", "${");

    @Test
    void arbitraryStringsParseOrAreMalformed() {
        forAll(BASE_SEED, TRIES, PolicyDocumentPropertyTest::arbitraryString,
                PolicyDocumentPropertyTest::parseOrMalformed);
    }

    @Test
    void jsonFragmentsParseOrAreMalformed() {
        forAll(BASE_SEED + 1_000_000, TRIES, random -> json(random, 3), PolicyDocumentPropertyTest::parseOrMalformed);
    }

    /** A generated document and request. */
    private record DocumentAndRequest(String text, EvaluationRequest request) {
        @Override
        public String toString() {
            return "document " + show(text) + ", request " + request;
        }
    }

    @Test
    void policyShapedDocumentsParseOrAreMalformedAndEvaluate(TestReporter reporter) {
        Map<String, Integer> documents = new TreeMap<>();
        Map<Decision, Integer> decisions = new TreeMap<>();
        forAll(BASE_SEED + 2_000_000, EVALUATION_TRIES,
                random -> new DocumentAndRequest(policyShaped(random), request(random)), c -> {
                    PolicyDocument document = parseOrMalformed(c.text());
                    documents.merge(document == null ? "malformed" : "valid", 1, Integer::sum);
                    if (document != null) {
                        Evaluation evaluation = PolicyEvaluator.create()
                                .evaluate(c.request(), List.of(CompiledPolicy.of("P", document)));
                        assertThat(evaluation.explain()).isNotBlank();
                        Effect expected = evaluation.decision() == Decision.EXPLICIT_DENY ? Effect.DENY : Effect.ALLOW;
                        assertThat(evaluation.decidingStatements())
                                .allSatisfy(s -> assertThat(s.effect()).isEqualTo(expected));
                        assertThat(evaluation.decidingStatements().isEmpty())
                                .isEqualTo(evaluation.decision() == Decision.IMPLICIT_DENY);
                        decisions.merge(evaluation.decision(), 1, Integer::sum);
                    }
                });
        // the run's statistics: how much of it got as far as evaluation, and with which decisions
        reporter.publishEntry("document", documents.toString());
        reporter.publishEntry("decision", decisions.toString());
    }

    /** A generated document and how to mutate it. */
    private record Mutation(String text, int position, String insert, boolean delete) {
        @Override
        public String toString() {
            return "document " + show(text) + ", position " + position + ", insert " + show(insert) + ", delete "
                    + delete;
        }
    }

    @Test
    void mutatedPolicyDocumentsParseOrAreMalformed() {
        forAll(BASE_SEED + 3_000_000, TRIES,
                random -> new Mutation(policyShaped(random), anyInt(random), pick(random, MUTATIONS),
                        random.nextBoolean()), m -> {
                    String text = m.text();
                    int at = Math.floorMod(m.position(), text.length() + 1);
                    String mutated = m.delete() && at < text.length()
                            ? text.substring(0, at) + text.substring(at + 1)
                            : text.substring(0, at) + m.insert() + text.substring(at);
                    parseOrMalformed(mutated);
                });
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

    // ---------------------------------------------------------------- generators

    /** Any string: mostly short, sometimes up to 255 characters, of any UTF-16 code units. */
    private static String arbitraryString(Random random) {
        return anyString(random, pick(random, 8, 32, 255));
    }

    /** Nested JSON-ish text up to {@code depth} levels deep: scalars, arrays and objects keyed by policy elements. */
    private static String json(Random random, int depth) {
        // weights as before: scalar 2, array 1, object 3
        int kind = depth == 0 ? 0 : random.nextInt(6);
        if (kind < 2) {
            return switch (random.nextInt(4)) {
                case 0 -> quote(pick(random, WORDS));
                case 1 -> quote(anyString(random, 8));
                case 2 -> String.valueOf(anyInt(random));
                default -> pick(random, "true", "false", "null", "1.50", "-0", "1e3");
            };
        }
        if (kind == 2) {
            return list(random, 0, 3, r -> json(r, depth - 1)).stream().collect(Collectors.joining(",", "[", "]"));
        }
        return list(random, 0, 4, r -> quote(pick(r, ELEMENTS)) + ":" + json(r, depth - 1)).stream()
                .collect(Collectors.joining(",", "{", "}"));
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
    private static String policyShaped(Random random) {
        String version = pick(random, "\"2012-10-17\"", "\"2008-10-17\"", "absent");
        List<String> statements = list(random, 1, 4, PolicyDocumentPropertyTest::statement);
        return "{" + (version.equals("absent") ? "" : "\"Version\":" + version + ",")
                + "\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String statement(Random random) {
        Map<String, String> elements = new LinkedHashMap<>();
        elements.put("Effect", quote(pick(random, "Allow", "Deny")));
        elements.put(pick(random, "Action", "NotAction"),
                pick(random, "\"iam:*\"", "\"*\"", "[\"iam:GetUser\", \"iam:*AccessKey*\"]", "\"IAM:get?ser\""));
        elements.put(pick(random, "Resource", "NotResource"), pick(random, "\"*\"",
                "\"arn:aws:iam::*:user/${aws:username}\"", "[\"arn:aws:iam::123456789012:user/*\", \"arn:aws:iam::*\"]"));
        elements.put("Condition", "{" + String.join(",", distinct(random, CONDITIONS, 3)) + "}");
        // rarely (1 in 5) a corruption: at most one element added, or replaced in place
        if (random.nextInt(5) == 0 && random.nextBoolean()) {
            elements.put(pick(random, "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition",
                    "Principal", "Foo"), random.nextBoolean() ? words(random) : randomCondition(random));
        }
        return elements.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A quoted word, or an array of up to three. */
    private static String words(Random random) {
        return random.nextBoolean()
                ? quote(pick(random, WORDS))
                : list(random, 0, 3, r -> quote(pick(r, WORDS))).stream().collect(Collectors.joining(",", "[", "]"));
    }

    /** A condition block with a random operator and up to two keys with random words. */
    private static String randomCondition(Random random) {
        String keys = list(random, 0, 2, r -> quote(pick(r, "aws:username", "aws:SourceIp", "aws:CurrentTime",
                "aws:TagKeys")) + ":" + words(r)).stream().collect(Collectors.joining(",", "{", "}"));
        return "{" + quote(pick(random, OPERATORS)) + ":" + keys + "}";
    }

    private static EvaluationRequest request(Random random) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (String key : distinct(random, List.of("aws:username", "aws:SourceIp", "aws:CurrentTime", "aws:TagKeys",
                "AWS:UserName"), 4)) {
            context.put(key, list(random, 0, 2, r -> pick(r, WORDS)));
        }
        return new EvaluationRequest(
                pick(random, "iam:GetUser", "iam:CreateAccessKey", "sts:GetCallerIdentity", "IAM:getuser"),
                pick(random, "arn:aws:iam::123456789012:user/alice", "*", "arn:aws:iam::123456789012:user/x10",
                        "arn:aws:iam::123456789012:user/${aws:username}", "arn:aws:iam:::::::"),
                ConditionContext.of(context));
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
