package io.keywarden.server;

import io.keywarden.server.config.DataSourceUrlConfigurer;
import io.keywarden.server.support.LogCapture;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 4xx JSON error with AWS's code, never a 500; nothing leaks a class name or stack trace. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesTest extends ServerTestSupport {
    private String keyId;

    @BeforeAll
    void createUserWithKey() {
        root().post("/v1/users", "{\"userName\":\"victor\"}");
        keyId = root().post("/v1/users/victor/access-keys", null).json().path("accessKeyId").asText();
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().path("requestId").asText()).isNotBlank();
        assertThat(r.header("x-amzn-RequestId")).isEqualTo(r.json().path("requestId").asText());
        assertThat(r.header("Date")).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception", "io.micronaut", "java.", "\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/y", "tab\\t", "ünïcode",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void invalidUserNamesAreValidationErrors(String name) {
        Response r = root().post("/v1/users", "{\"userName\":\"" + name + "\"}");
        assertError(r, 400, "ValidationError");
        assertThat(r.json().path("message").asText()).startsWith("1 validation error detected: Value at 'userName'");
    }

    @Test
    void invalidPathIsAValidationError() {
        assertError(root().post("/v1/users", "{\"userName\":\"ok\",\"path\":\"no-slashes\"}"), 400, "ValidationError");
    }

    @Test
    void duplicateUserNameIgnoringCaseIsEntityAlreadyExists() {
        Response r = root().post("/v1/users", "{\"userName\":\"VICTOR\"}");
        assertError(r, 409, "EntityAlreadyExists");
        assertThat(r.json().path("message").asText()).isEqualTo("User with name VICTOR already exists.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\":\"Bogus\"}", "{\"status\":\"active\"}", "{\"status\":\"Expired\"}",
            "{\"status\":null}", "{}", "{\"status\":1}", "{\"status\":[\"Active\"]}", "[]", "\"Active\""})
    void badStatusValuesAreValidationErrors(String body) {
        assertError(root().patch("/v1/users/victor/access-keys/" + keyId, body), 400, "ValidationError");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "AKIA-NOT-VALID-AT-ALL", "AKIA%20SPACEY000000000"})
    void malformedKeyIdsAreValidationErrors(String id) {
        assertError(root().patch("/v1/users/victor/access-keys/" + id, "{\"status\":\"Inactive\"}"), 400,
                "ValidationError");
        assertError(root().get("/v1/access-keys/" + id + "/last-used"), 400, "ValidationError");
        assertError(root().get("/v1/access-keys/" + id + "/info"), 400, "ValidationError");
        assertError(root().delete("/v1/users/victor/access-keys/" + id), 400, "ValidationError");
    }

    @Test
    void keyIdWithoutAccountIsAValidationErrorForInfo() {
        assertError(root().get("/v1/access-keys/AKIAIOSFODNN7EXAMPLE/info"), 400, "ValidationError");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-5", "ten", "1.5"})
    void badMaxItemsAreValidationErrors(String maxItems) {
        assertError(root().get("/v1/users?maxItems=" + maxItems), 400, "ValidationError");
        assertError(root().get("/v1/users/victor/access-keys?maxItems=" + maxItems), 400, "ValidationError");
    }

    @Test
    void garbageMarkerIsAValidationError() {
        assertError(root().get("/v1/users?marker=@@@"), 400, "ValidationError");
    }

    @Test
    void nonJsonBodyIsAValidationError() {
        Response r = root().send("POST", "/v1/users", "application/json",
                "userName=alice".getBytes(StandardCharsets.UTF_8));
        assertError(r, 400, "ValidationError");
        assertError(root().send("POST", "/v1/users", "application/json",
                "{\"userName\":".getBytes(StandardCharsets.UTF_8)), 400, "ValidationError");
    }

    @Test
    void wrongJsonTypesAreValidationErrors() {
        assertError(root().post("/v1/users", "{\"userName\":5}"), 400, "ValidationError");
        assertError(root().post("/v1/users", "{\"userName\":{\"a\":1}}"), 400, "ValidationError");
        assertError(root().post("/v1/users", "{\"userName\":\"ok2\",\"path\":true}"), 400, "ValidationError");
        assertError(root().post("/v1/users", "[\"userName\"]"), 400, "ValidationError");
        assertError(root().post("/v1/users", "{}"), 400, "ValidationError");
    }

    @Test
    void bodyErrorsSayWhatIsWrongInAwsWords() {
        String prefix = "1 validation error detected: Value at ";
        assertMessage(root().post("/v1/users", "{\"userName\":5}"),
                prefix + "'userName' failed to satisfy constraint: Member must be a string");
        assertMessage(root().post("/v1/users", "{\"path\":\"/\"}"),
                prefix + "'userName' failed to satisfy constraint: Member must not be null");
        assertMessage(root().post("/v1/users", "{\"userName\":null}"),
                prefix + "'userName' failed to satisfy constraint: Member must not be null");
        assertMessage(root().post("/v1/users", "[\"userName\"]"), "request body must be a JSON object");
        assertMessage(root().post("/v1/users", "null"), "request body must be a JSON object");
        assertMessage(root().send("POST", "/v1/users", "application/json", new byte[0]),
                "request body is required: a JSON object");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST|/v1/users|{\"userName\":\"extra1\",\"admin\":true}",
            "PATCH|/v1/users/victor/access-keys/KEY|{\"status\":\"Active\",\"admin\":true}",
            "PUT|/v1/users/victor/policies/P|{\"policyDocument\":\"{}\",\"admin\":true}",
            "POST|/v1/policies|{\"policyName\":\"P\",\"policyDocument\":\"{}\",\"admin\":true}",
            "PUT|/v1/users/victor/attached-policies|{\"policyArn\":\"arn:aws:iam::1:policy/P\",\"admin\":true}",
            "POST|/v1/simulate|{\"userName\":\"victor\",\"action\":\"iam:GetUser\",\"admin\":true}"})
    void unknownBodyFieldsAreRefusedNotIgnored(String method, String path, String body) {
        Response r = root().send(method, path.replace("KEY", keyId), "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertError(r, 400, "ValidationError");
        assertThat(r.json().path("message").asText()).isEqualTo("1 validation error detected: Value at 'admin' "
                + "failed to satisfy constraint: Member is not a field of this request");
    }

    private static void assertMessage(Response r, String message) {
        assertError(r, 400, "ValidationError");
        assertThat(r.json().path("message").asText()).isEqualTo(message);
    }

    @Test
    void missingBodyIsAValidationError() {
        assertError(root().send("POST", "/v1/users", "application/json", new byte[0]), 400, "ValidationError");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        assertError(root().send("POST", "/v1/users", "text/plain",
                "{\"userName\":\"t\"}".getBytes(StandardCharsets.UTF_8)), 415, "UnsupportedMediaType");
    }

    @Test
    void oversizedBodyIs413() {
        byte[] big = ("{\"userName\":\"big\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Response r = root().send("POST", "/v1/users", "application/json", big);
        assertError(r, 413, "RequestEntityTooLarge");
    }

    @Test
    void unknownRouteIsNotFoundJson() {
        assertError(root().get("/v1/nothing-here"), 404, "NotFound");
        assertError(root().get("/v1"), 404, "NotFound");
    }

    @Test
    void wrongMethodIs405() {
        assertError(root().send("PUT", "/v1/users", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 405,
                "MethodNotAllowed");
    }

    @Test
    void unknownUserIsNoSuchEntity() {
        assertError(root().get("/v1/users/nobody"), 404, "NoSuchEntity");
        assertError(root().post("/v1/users/nobody/access-keys", null), 404, "NoSuchEntity");
        assertError(root().get("/v1/access-keys/AKIAQYLPMN5HHHFPZZZZ/owner"), 404, "NoSuchEntity");
    }

    @Test
    void anInternalFailureIsAGeneric500() throws Exception {
        root().post("/v1/users", "{\"userName\":\"broken\"}");
        Response key = root().post("/v1/users/broken/access-keys", null);
        String id = key.json().path("accessKeyId").asText();
        // damage the sealed secret behind the server's back: unsealing it fails, which is no client error
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(new byte[12 + 40 + 16]);
        try (Connection c = DriverManager.getConnection(DataSourceUrlConfigurer.h2Url(dataDir), "sa", "");
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE access_keys SET sealed_secret = ? WHERE access_key_id = ?")) {
            ps.setString(1, tampered);
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (LogCapture log = LogCapture.attach()) {
            Response r = as(id, key.json().path("secretAccessKey").asText()).get("/v1/caller-identity");
            assertError(r, 500, "InternalFailure");
            assertThat(r.json().path("message").asText()).isEqualTo("We encountered an internal error. Please try again.");
            assertThat(r.body()).doesNotContain(id).doesNotContain("unseal");
            assertThat(log.text()).as("the cause is logged on the server").contains("cannot unseal the secret of key " + id);
        }
    }

    @Test
    void meAsRootCannotBeDeleted() {
        assertError(root().delete("/v1/users/~"), 400, "ValidationError");
    }
}
