package io.keywarden.server;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A denied look-up must not tell whether what it names exists. GetAccessKeyLastUsed must not tell a caller who may not read a key whether it exists or whose it is: an unknown key
 * and another user's existing key get the same answer, byte for byte but for the key ID asked about, on both faces.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyExistenceOracleTest extends ServerTestSupport {
    private static final String UNKNOWN_KEY = "AKIAQYLPMN5HUNKNOWN2";
    private String bobsKey;
    private SignedClient alice;
    private SignedClient carol;

    @BeforeAll
    void usersAndKeys() {
        for (String user : new String[] {"oracle-alice", "oracle-bob", "oracle-carol", "Oracle-Dan"}) {
            assertThat(root().post("/v1/users", "{\"userName\":\"" + user + "\"}").status()).isEqualTo(201);
        }
        bobsKey = root().post("/v1/users/oracle-bob/access-keys", null).json().path("accessKeyId").asText();
        alice = client("oracle-alice");   // no policy at all: implicit deny
        String carolsPolicy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":["
                + "{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"iam:GetAccessKeyLastUsed\\\",\\\"Resource\\\":\\\"*\\\"},"
                + "{\\\"Effect\\\":\\\"Deny\\\",\\\"Action\\\":\\\"iam:GetAccessKeyLastUsed\\\","
                + "\\\"Resource\\\":\\\"arn:aws:iam::*:user/oracle-bob\\\"}]}";
        Response put = root().send("PUT", "/v1/users/oracle-carol/policies/NotBob", "application/json",
                ("{\"policyDocument\":\"" + carolsPolicy + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isBetween(200, 204);
        carol = client("oracle-carol");   // an explicit deny on bob
    }

    private SignedClient client(String user) {
        Response key = root().post("/v1/users/" + user + "/access-keys", null);
        return as(key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
    }

    private SignedClient caller(String who) {
        return who.equals("alice") ? alice : carol;
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "carol"})
    void restAnswersAnUnknownKeyAndAnotherUsersKeyAlike(String who) {
        Response unknown = caller(who).get("/v1/access-keys/" + UNKNOWN_KEY + "/last-used");
        Response existing = caller(who).get("/v1/access-keys/" + bobsKey + "/last-used");
        assertThat(existing.status()).isEqualTo(403).isEqualTo(unknown.status());
        assertThat(existing.code()).isEqualTo("AccessDenied").isEqualTo(unknown.code());
        String unknownMessage = unknown.json().path("message").asText();
        String existingMessage = existing.json().path("message").asText();
        assertThat(existingMessage).doesNotContain("oracle-bob").contains(bobsKey);
        assertThat(existingMessage.replace(bobsKey, "<key>")).isEqualTo(unknownMessage.replace(UNKNOWN_KEY, "<key>"));
        assertThat(withoutRequestId(existing.body()).replace(bobsKey, "<key>"))
                .isEqualTo(withoutRequestId(unknown.body()).replace(UNKNOWN_KEY, "<key>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "carol"})
    void queryAnswersAnUnknownKeyAndAnotherUsersKeyAlike(String who) {
        Response unknown = query(caller(who), UNKNOWN_KEY);
        Response existing = query(caller(who), bobsKey);
        assertThat(existing.status()).isEqualTo(403).isEqualTo(unknown.status());
        assertThat(existing.body()).contains("<Code>AccessDenied</Code>").doesNotContain("oracle-bob").contains(bobsKey);
        assertThat(withoutRequestId(existing.body()).replace(bobsKey, "<key>"))
                .isEqualTo(withoutRequestId(unknown.body()).replace(UNKNOWN_KEY, "<key>"));
    }

    /**
     * AccessGuard names a denied user as the caller spelled it: asking for {@code ORACLE-DAN} (stored
     * {@code Oracle-Dan}) and for a user that does not exist get the same answer but for the name asked about.
     */
    @ParameterizedTest
    @ValueSource(strings = {"alice", "carol"})
    void aDeniedUserLookUpNeverEchoesTheStoredSpellingOnEitherFace(String who) {
        Response existing = caller(who).get("/v1/users/ORACLE-DAN");
        Response unknown = caller(who).get("/v1/users/ORACLE-NOBODY");
        assertThat(existing.status()).isEqualTo(403).isEqualTo(unknown.status());
        assertThat(existing.body()).doesNotContain("Oracle-Dan").contains("user ORACLE-DAN");
        assertThat(withoutRequestId(existing.body()).replace("ORACLE-DAN", "<name>"))
                .isEqualTo(withoutRequestId(unknown.body()).replace("ORACLE-NOBODY", "<name>"));

        Response existingXml = getUser(caller(who), "ORACLE-DAN");
        Response unknownXml = getUser(caller(who), "ORACLE-NOBODY");
        assertThat(existingXml.status()).isEqualTo(403).isEqualTo(unknownXml.status());
        assertThat(existingXml.body()).contains("<Code>AccessDenied</Code>").doesNotContain("Oracle-Dan")
                .contains("user ORACLE-DAN");
        assertThat(withoutRequestId(existingXml.body()).replace("ORACLE-DAN", "<name>"))
                .isEqualTo(withoutRequestId(unknownXml.body()).replace("ORACLE-NOBODY", "<name>"));
    }

    private static Response getUser(SignedClient client, String userName) {
        return client.send("POST", "/", "application/x-www-form-urlencoded",
                ("Action=GetUser&UserName=" + userName + "&Version=2010-05-08").getBytes(StandardCharsets.UTF_8));
    }

    private static Response query(SignedClient client, String keyId) {
        return client.send("POST", "/", "application/x-www-form-urlencoded",
                ("Action=GetAccessKeyLastUsed&AccessKeyId=" + keyId + "&Version=2010-05-08")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll("<RequestId>[^<]*</RequestId>", "<RequestId/>")
                .replaceAll("\"requestId\"\\s*:\\s*\"[^\"]*\"", "\"requestId\":\"\"");
    }
}
