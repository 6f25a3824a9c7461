package io.keywarden.server.auth;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unauthenticated caller cannot fill the credential cache: a claimed key ID that is not shaped like one Keywarden
 * issues is answered {@code InvalidClientTokenId} before the cache is asked, so nothing is loaded or remembered.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedAccessKeyIdTest extends ServerTestSupport {
    private static final int ID_LENGTH = 7_500; // ~8 KB: as long as fits in the server's 8 KB of headers

    @Inject
    CredentialCache credentials;

    @Test
    void aThousandJunkKeyIdsAreRefusedAndLeaveTheCredentialCacheAsItWas() {
        assertThat(root().get("/v1/caller-identity").status()).isEqualTo(200);
        long before = credentials.estimatedSize();
        for (int i = 0; i < 1_000; i++) {
            String junk = "AKIA" + String.format("%06d", i) + "X".repeat(ID_LENGTH - 10);
            Response r = as(junk, ROOT_SECRET).get("/v1/caller-identity");
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("InvalidClientTokenId");
            assertThat(r.json().path("message").asText())
                    .isEqualTo("The security token included in the request is invalid.");
        }
        assertThat(credentials.estimatedSize()).isEqualTo(before);
    }

    @Test
    void aKeyIdOfTheRightLengthButTheWrongAlphabetIsRefusedWithoutALookUp() {
        long before = credentials.estimatedSize();
        for (String id : new String[] {"AKIAQYLPMN5HHHFPZ018", "AKIDQYLPMN5HHHFPZAM2", "akiaqylpmn5hhhfpzam2",
                "AKIAQYLPMN5HHHFPZAM", "AKIAQYLPMN5HHHFPZAM22"}) {
            Response r = as(id, ROOT_SECRET).get("/v1/caller-identity");
            assertThat(r.code()).as(id).isEqualTo("InvalidClientTokenId");
        }
        assertThat(credentials.estimatedSize()).isEqualTo(before);
    }

    @Test
    void anEntryWeighsOnePerThirtyTwoCharactersOfItsKeyId() {
        assertThat(CredentialCache.weight(ROOT_ACCESS_KEY_ID)).isEqualTo(1);
        assertThat(CredentialCache.weight("A".repeat(32))).isEqualTo(1);
        assertThat(CredentialCache.weight("A".repeat(33))).isEqualTo(2);
        assertThat(CredentialCache.weight("A".repeat(8_192))).isEqualTo(256);
    }
}
