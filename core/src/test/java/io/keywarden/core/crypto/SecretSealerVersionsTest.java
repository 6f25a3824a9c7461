package io.keywarden.core.crypto;

import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.SecretAccessKey;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing and opening across master key versions (rotation), and parsing {@code KEYWARDEN_MASTER_KEYS}. */
class SecretSealerVersionsTest {
    private final SecureRandom random = new SecureRandom();
    private final AccessKeyId id = AccessKeyId.of("AKIARZPUZDIKGB2VALC4");

    private MasterKey key(int version) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return MasterKey.of(version, bytes);
    }

    @Test
    void newSecretsAreSealedUnderTheNewestAndOldOnesStillOpen() {
        MasterKey v1 = key(1);
        MasterKey v2 = key(2);
        SecretAccessKey old = SecretAccessKey.generate(random);
        String sealedV1 = SecretSealer.create(v1, random).seal(id, old);

        SecretSealer both = SecretSealer.create(v2, List.of(v1), random);
        assertThat(both.currentVersion()).isEqualTo(2);
        assertThat(both.configuredVersions()).containsExactly(1, 2);
        assertThat(both.unseal(id, sealedV1)).isEqualTo(old);
        SecretAccessKey fresh = SecretAccessKey.generate(random);
        String sealedV2 = both.seal(id, fresh);
        assertThat(sealedV2).startsWith("v2:");
        assertThat(both.needsReseal(sealedV1)).isTrue();
        assertThat(both.needsReseal(sealedV2)).isFalse();

        String resealed = both.reseal(id, sealedV1);
        assertThat(resealed).startsWith("v2:");
        SecretSealer v2Only = SecretSealer.create(v2, random);
        assertThat(v2Only.unseal(id, resealed)).isEqualTo(old);
        assertThat(v2Only.unseal(id, sealedV2)).isEqualTo(fresh);
        assertThatThrownBy(() -> v2Only.unseal(id, sealedV1))
                .isInstanceOf(SecretSealer.SealingException.class)
                .hasMessageContaining("needs master key version 1, which is not configured");
        // the version-1 sealer cannot open what version 2 sealed
        assertThatThrownBy(() -> SecretSealer.create(v1, random).unseal(id, sealedV2))
                .isInstanceOf(SecretSealer.SealingException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void aKeyListedUnderAnotherVersionDoesNotOpen() {
        MasterKey v1 = key(1);
        String sealed = SecretSealer.create(v1, random).seal(id, SecretAccessKey.generate(random));
        // the same bytes configured as version 2 (a mislabelled key) open nothing sealed as version 1
        SecretSealer mislabelled = SecretSealer.create(MasterKey.of(2, v1.keyBytes()), random);
        assertThatThrownBy(() -> mislabelled.unseal(id, sealed)).isInstanceOf(SecretSealer.SealingException.class);
    }

    @Test
    void versionOfReadsThePrefixOnly() {
        assertThat(SecretSealer.versionOf("v1:abc")).isEqualTo(1);
        assertThat(SecretSealer.versionOf("v42:abc")).isEqualTo(42);
        assertThat(SecretSealer.versionOf("v2147483647:x")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SecretSealer.versionOf("v2147483648:x")).isEqualTo(-1);
        assertThat(SecretSealer.versionOf("v0:abc")).isEqualTo(-1);
        assertThat(SecretSealer.versionOf("deleted")).isEqualTo(-1);
        assertThat(SecretSealer.versionOf("v:abc")).isEqualTo(-1);
        assertThat(SecretSealer.versionOf("vx:abc")).isEqualTo(-1);
        assertThat(SecretSealer.versionOf(null)).isEqualTo(-1);
    }

    @Test
    void parsesAListOfVersionedKeys() {
        MasterKey v1 = key(1);
        MasterKey v7 = key(7);
        String spec = " 7:" + Base64.getEncoder().encodeToString(v7.keyBytes()) + " , 1:"
                + Base64.getEncoder().encodeToString(v1.keyBytes()) + ",";
        assertThat(MasterKey.parseList(spec)).containsExactly(v1, v7);
    }

    @Test
    void aBadListSaysWhichEntryWithoutShowingKeys() {
        String good = Base64.getEncoder().encodeToString(key(1).keyBytes());
        assertThatThrownBy(() -> MasterKey.parseList("1:" + good + ",1:" + good))
                .hasMessageContaining("version 1 is listed twice").hasMessageNotContaining(good);
        assertThatThrownBy(() -> MasterKey.parseList(good))
                .hasMessageContaining("entry 1 must be written <version>:<base64");
        assertThatThrownBy(() -> MasterKey.parseList("x:" + good)).hasMessageContaining("no numeric version");
        assertThatThrownBy(() -> MasterKey.parseList("0:" + good)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> MasterKey.parseList("2:c2hvcnQ=")).hasMessageContaining("master key version 2")
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.parseList(" , ")).hasMessageContaining("no master key");
    }
}
