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
}
