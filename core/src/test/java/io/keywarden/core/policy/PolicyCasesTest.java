package io.keywarden.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every policy case in {@code src/test/resources/policy-cases/*.json}. A file holds one case or a list of them.
 *
 * <p>An evaluation case: {@code {"name", "policies": [{"name", "document"}], "request": {"action", "resource",
 * "context": {key: [values]}}, "expect": {"decision", "decidingSids": [...], "errors": [substrings],
 * "explain": substring}}}. Without {@code errors} the evaluation must have none. A deciding statement is named by
 * its Sid (or {@code Statement[i]}), or by {@code policy/Sid}.
 *
 * <p>A malformed-document case: {@code {"name", "document", "expectMalformed": substring of the message}}, with an
 * optional {@code "padTo": n} that pads the document with trailing spaces to n characters.
 *
 * <p>A document is a JSON string (taken verbatim) or a JSON object (serialised).
 */
class PolicyCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyEvaluator EVALUATOR = PolicyEvaluator.create();

    @TestFactory
    Stream<DynamicNode> policyCases() throws IOException, URISyntaxException {
        Path dir = Path.of(PolicyCasesTest.class.getResource("/policy-cases").toURI());
        List<DynamicNode> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(file.toFile());
                List<JsonNode> cases = new ArrayList<>();
                if (root.isArray()) {
                    root.forEach(cases::add);
                } else {
                    cases.add(root);
                }
                List<DynamicTest> tests = cases.stream()
                        .map(c -> DynamicTest.dynamicTest(c.path("name").asText("(unnamed)"), () -> run(c)))
                        .toList();
                files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
            }
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    private static void run(JsonNode c) throws IOException {
        assertThat(c.has("name")).as("every case has a name").isTrue();
        if (c.has("expectMalformed")) {
            runMalformed(c);
        } else if (c.has("expect")) {
            runEvaluation(c);
        } else {
            fail("case has neither 'expect' nor 'expectMalformed': " + c.path("name").asText());
        }
    }

    private static void runMalformed(JsonNode c) throws IOException {
        String document = documentText(c.get("document"));
        if (c.has("padTo")) {
            document = document + " ".repeat(Math.max(0, c.get("padTo").asInt() - document.length()));
        }
        String expected = c.get("expectMalformed").asText();
        String text = document;
        assertThatThrownBy(() -> PolicyDocument.parse(text))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_POLICY_DOCUMENT);
                    assertThat(e.getMessage()).contains(expected);
                    assertThat(e.getMessage()).as("error message style: lower case, no final period")
                            .doesNotEndWith(".")
                            .matches("^[a-z].*");
                });
    }

    private static void runEvaluation(JsonNode c) throws IOException {
        List<CompiledPolicy> policies = new ArrayList<>();
        for (JsonNode p : c.get("policies")) {
            policies.add(CompiledPolicy.parse(p.get("name").asText(), documentText(p.get("document"))));
        }
        JsonNode request = c.get("request");
        ConditionContext.Builder context = ConditionContext.builder();
        request.path("context").properties().forEach(entry -> {
            List<String> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(entry.getValue().asText());
            }
            context.add(entry.getKey(), values);
        });
        Evaluation evaluation = EVALUATOR.evaluate(
                EvaluationRequest.of(request.get("action").asText(), request.get("resource").asText(),
                        context.build()), policies);

        JsonNode expect = c.get("expect");
        assertThat(evaluation.decision()).as(evaluation.explain())
                .isEqualTo(Decision.valueOf(expect.get("decision").asText()));
        if (expect.has("decidingSids")) {
            List<String> expected = new ArrayList<>();
            expect.get("decidingSids").forEach(s -> expected.add(s.asText()));
            List<String> actual = evaluation.decidingStatements().stream()
                    .map(m -> expected.stream().anyMatch(e -> e.contains("/")) ? m.id() : m.label())
                    .toList();
            assertThat(actual).as(evaluation.explain()).containsExactlyElementsOf(expected);
        }
        if (evaluation.decision() == Decision.IMPLICIT_DENY) {
            assertThat(evaluation.decidingStatements()).isEmpty();
        }
        List<String> expectedErrors = new ArrayList<>();
        expect.path("errors").forEach(s -> expectedErrors.add(s.asText()));
        assertThat(evaluation.errors()).as(evaluation.explain()).hasSameSizeAs(expectedErrors);
        for (int i = 0; i < expectedErrors.size(); i++) {
            assertThat(evaluation.errors().get(i)).contains(expectedErrors.get(i));
        }
        if (expect.has("explain")) {
            assertThat(evaluation.explain()).contains(expect.get("explain").asText());
        }
    }

    private static String documentText(JsonNode document) throws IOException {
        assertThat(document).as("case has a document").isNotNull();
        return document.isTextual() ? document.textValue() : JSON.writeValueAsString(document);
    }
}
