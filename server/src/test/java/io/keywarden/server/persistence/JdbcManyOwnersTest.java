package io.keywarden.server.persistence;

import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.port.AccessKeyStore.InsertResult;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The access-key store's many-owner reads (ListUsers' key ages, the credential report) agree with per-owner reads. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class JdbcManyOwnersTest extends ServerTestSupport {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private final Random random = new Random(7);

    @Inject
    JdbcUserStore users;
    @Inject
    JdbcAccessKeyStore keys;
    @Inject
    Account account;

    @Test
    void manyOwnersAtOnceMatchOneOwnerAtATimeAcrossChunks() {
        AccountId acct = account.id();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) { // more than two chunks of 500
            User user = new User(acct, "AIDAMANY" + String.format("%013d", i), UserName.of("many-" + i), UserPath.ROOT,
                    T0);
            users.insert(user);
            owners.add(user.userId());
            for (int slot = 1; slot <= i % 3; slot++) {
                KeyStatus status = (i + slot) % 4 == 0 ? KeyStatus.INACTIVE : KeyStatus.ACTIVE;
                AccessKey key = new AccessKey(AccessKeyId.generate(acct, random), acct,
                        KeyOwner.user(user.userId(), user.userName()), status, T0.plus(i * 10L + slot, ChronoUnit.MINUTES),
                        null);
                assertThat(keys.insert(new StoredAccessKey(key, "v1:sealed"), slot)).isEqualTo(InsertResult.INSERTED);
            }
            if (i % 7 == 0 && i % 3 != 0) {
                keys.delete(keys.listByOwner(acct, user.userId()).get(0).id());
            }
        }
        owners.add("AIDANOBODY00000000000");

        Map<String, List<AccessKey>> all = keys.listByOwners(acct, owners);
        Map<String, Instant> oldest = keys.oldestActiveKeyDates(acct, owners);
        assertThat(all.keySet()).containsExactlyElementsOf(owners);
        for (String owner : owners) {
            List<AccessKey> one = keys.listByOwner(acct, owner);
            assertThat(all.get(owner)).as(owner).isEqualTo(one);
            assertThat(oldest.get(owner)).as(owner).isEqualTo(one.stream().filter(AccessKey::isActive)
                    .map(AccessKey::createDate).min(Instant::compareTo).orElse(null));
        }
        assertThat(keys.listByOwners(AccountId.of("999999999999"), owners).values()).allMatch(List::isEmpty);
    }
}
