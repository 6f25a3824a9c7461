package io.keywarden.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results;
import io.keywarden.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {
    private static final SecretAccessKey SECRET = SecretAccessKey.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY");

    /** A record whose field name says nothing about the secret it holds: the type decides. */
    record Innocent(String note, SecretAccessKey value, List<SecretAccessKey> more) {
    }

    @Test
    void aSensitiveValueIsHiddenWhateverItsFieldIsCalledAndAtAnyDepth() {
        String json = EventJson.write(new Results.CreatedKey(new Results.NewKeyEntry("alice", "AKIAEXAMPLE", "Active",
                SECRET, Instant.parse("2026-12-04T10:00:00.123Z"))));
        assertThat(json).doesNotContain("wJalrXUtnFEMI")
                .isEqualTo("{\"accessKey\":{\"userName\":\"alice\",\"accessKeyId\":\"AKIAEXAMPLE\",\"status\":\"Active\","
                        + "\"secretAccessKey\":\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"createDate\":"
                        + "\"2026-12-04T10:00:00.123Z\"}}");
        String innocent = EventJson.write(new Innocent("n", SECRET, List.of(SECRET)));
        assertThat(innocent).doesNotContain("wJalrXUtnFEMI")
                .isEqualTo("{\"note\":\"n\",\"value\":\"HIDDEN_DUE_TO_SECURITY_REASONS\","
                        + "\"more\":[\"HIDDEN_DUE_TO_SECURITY_REASONS\"]}");
    }

    @Test
    void emptyFieldsAreLeftOutAndAnEmptyRequestIsNoJson() {
        assertThat(EventJson.write(new Requests.GetCallerIdentity())).isNull();
        assertThat(EventJson.write(new Requests.CreateAccessKey(null))).isNull();
        assertThat(EventJson.write(new Requests.CreateUser("bob", null))).isEqualTo("{\"userName\":\"bob\"}");
        assertThat(EventJson.write(null)).isNull();
    }

    @Test
    void pagesAndContextMapsAreWrittenPlainlyWithSortedKeys() {
        JsonNode list = EventJson.parse(EventJson.write(new Requests.ListUsers("/a/", new PageRequest(null, 7))));
        assertThat(list.path("pathPrefix").asText()).isEqualTo("/a/");
        assertThat(list.path("page").path("maxItems").asInt()).isEqualTo(7);
        assertThat(list.path("page").has("marker")).isFalse();
        String simulate = EventJson.write(new Requests.SimulatePrincipalPolicy("u", "iam:GetUser", null,
                Map.of("z", List.of("1"), "a", List.of("2"))));
        assertThat(simulate).contains("\"context\":{\"a\":[\"2\"],\"z\":[\"1\"]}");
    }

    @Test
    void aLargeRequestKeepsItsIdentifiersAndLosesOnlyTheTailOfItsLongValues() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[" + "x".repeat(40_000) + "]}";
        String json = EventJson.write(new Requests.PutUserPolicy("alice", "Big", document));
        assertThat(json.length()).isLessThanOrEqualTo(AuditRecord.MAX_JSON);
        JsonNode parsed = EventJson.parse(json);
        assertThat(parsed.path("userName").asText()).isEqualTo("alice");
        assertThat(parsed.path("policyName").asText()).isEqualTo("Big");
        assertThat(parsed.path("policyDocument").asText()).startsWith("{\"Version\":\"2012-10-17\"")
                .endsWith("...[" + document.length() + " characters]");
        // what an event keeps is never replaced whole any more
        assertThat(new AuditRecord("e", Instant.EPOCH, "123456789012", "iam.amazonaws.com", "PutUserPolicy", false,
                "Root", "arn", "id", null, "AKIA", "ip", "ua", json, null, null, null, "r", 204).requestParameters())
                .isEqualTo(json);
        // many long values: cut further, still valid JSON with every key
        Map<String, List<String>> context = new java.util.TreeMap<>();
        for (int i = 0; i < 50; i++) {
            context.put("key" + i, List.of("v".repeat(2_000)));
        }
        String many = EventJson.write(new Requests.SimulatePrincipalPolicy("bob", "iam:GetUser", null, context));
        assertThat(many.length()).isLessThanOrEqualTo(AuditRecord.MAX_JSON);
        assertThat(EventJson.parse(many).path("context").size()).isEqualTo(50);
        assertThat(EventJson.parse(many).path("userName").asText()).isEqualTo("bob");
    }
}
