package io.keywarden.server.persistence;

import io.keywarden.core.audit.AuditChain;
import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.AuditService;
import io.keywarden.core.audit.AuditVerifier;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.PageRequest;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V7 on a database that holds a trail of an earlier version (one row per event in {@code audit_events}):
 * after the upgrade the same events, with the same positions and hashes, read back through the store; an intact chain
 * verifies intact and a row changed before the upgrade still shows as changed; the old table is gone.
 */
class AuditEventsToSegmentsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String OTHER = "210987654321";
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void h2() throws Exception {
        try (TestDatabase db = TestDatabase.h2()) {
            upgradeKeepsTheTrail(db);
        }
    }

    @Test
    void postgres() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            upgradeKeepsTheTrail(db);
        }
    }

    private static void upgradeKeepsTheTrail(TestDatabase db) throws Exception {
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
                .target("6").load().migrate();
        List<AuditEvent> mine = chain(ACCOUNT, 2_345); // three segments: 1,000 + 1,000 + 345
        List<AuditEvent> other = chain(OTHER, 5);
        try (Connection c = db.connect()) {
            for (String account : List.of(ACCOUNT, OTHER)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (id, create_date) VALUES (?, ?)")) {
                    ps.setString(1, account);
                    ps.setObject(2, T0.atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
            insertLegacy(c, mine);
            insertLegacy(c, other);
            // someone covering their tracks before the upgrade: a denial turned into a success
            try (Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE audit_events SET error_code = NULL, http_status = 200"
                        + " WHERE account_id = '" + OTHER + "' AND seq = 3")).isEqualTo(1);
            }
        }

        Path dataDir = Files.createTempDirectory("keywarden-migration-");
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("keywarden.data-dir", dataDir.toString());
        props.put("keywarden.account-id", ACCOUNT);
        props.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        try (ApplicationContext context = ApplicationContext.run(props)) {
            AuditStore store = context.getBean(AuditStore.class);
            AccountId account = new AccountId(ACCOUNT);
            assertThat(store.chain(account, 0, 10_000)).isEqualTo(mine);
            assertThat(store.chain(account, 1_500, 10)).isEqualTo(mine.subList(1_500, 1_510));
            AuditVerifier.Result result = AuditService.verify(store, account);
            assertThat(result.intact()).as(result.toString()).isTrue();
            assertThat(result.eventsChecked()).isEqualTo(2_345);

            AuditVerifier.Result tampered = AuditService.verify(store, new AccountId(OTHER));
            assertThat(tampered.brokenLink()).hasValueSatisfying(b -> {
                assertThat(b.seq()).isEqualTo(3);
                assertThat(b.reason()).contains("changed");
            });

            // look-ups work over the moved events: newest first, filtered by key through the term index
            var page = store.lookup(new AuditQuery(account, "AKIAKEY7", null, null, null, null,
                    PageRequest.of(null, 5)));
            assertThat(page.items()).extracting(AuditEvent::seq).containsExactly(2_337L, 2_327L, 2_317L, 2_307L,
                    2_297L);
            // and the trail goes on from the old head
            List<AuditEvent> next = store.append(account, List.of(record(ACCOUNT, 9_999)));
            assertThat(next.get(0).seq()).isEqualTo(2_346);
            assertThat(next.get(0).prevHash()).isEqualTo(mine.get(mine.size() - 1).hash());
            assertThat(AuditService.verify(store, account).intact()).isTrue();
        } finally {
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT COUNT(*) FROM audit_events"))
                    .isInstanceOf(SQLException.class);
        }
    }

    private static AuditRecord record(String account, int i) {
        return new AuditRecord("00000000-0000-4000-8000-" + String.format("%012d", i), T0.plusMillis(i), account,
                "iam.amazonaws.com", i % 2 == 0 ? "ListUsers" : "CreateUser", i % 2 == 0, "IAMUser",
                "arn:aws:iam::" + account + ":user/u" + i % 3, "AIDAEXAMPLE", "u" + i % 3, "AKIAKEY" + i % 10,
                "127.0.0.1", "agent/1.0 \u00e9", "{\"userName\":\"u" + i + "\"}", null,
                i % 7 == 3 ? "AccessDenied" : null, i % 7 == 3 ? "denied" : null, "req-" + i, i % 7 == 3 ? 403 : 200);
    }

    private static List<AuditEvent> chain(String account, int n) {
        List<AuditEvent> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEvent e = AuditChain.link(record(account, i), i, prev);
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    /** As versions before V7 stored the trail: one row per event, and the head. */
    private static void insertLegacy(Connection c, List<AuditEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (seq, event_id, event_time,"
                + " account_id, event_source, event_name, read_only, principal_type, principal_arn, principal_id,"
                + " user_name, access_key_id, source_ip, user_agent, request_parameters, response_elements,"
                + " error_code, error_message, request_id, http_status, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent e : events) {
                AuditRecord r = e.record();
                Object[] values = {e.seq(), r.eventId(), r.eventTime().atOffset(ZoneOffset.UTC), r.accountId(),
                    r.eventSource(), r.eventName(), r.readOnly(), r.principalType(), r.principalArn(),
                    r.principalId(), r.userName(), r.accessKeyId(), r.sourceIp(), r.userAgent(),
                    r.requestParameters(), r.responseElements(), r.errorCode(), r.errorMessage(), r.requestId(),
                    r.httpStatus(), e.prevHash(), e.hash()};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        ps.setNull(i + 1, java.sql.Types.VARCHAR);
                    } else {
                        ps.setObject(i + 1, values[i]);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        AuditEvent last = events.get(events.size() - 1);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_chain_heads (account_id, last_seq, last_hash) VALUES (?, ?, ?)")) {
            ps.setString(1, last.record().accountId());
            ps.setLong(2, last.seq());
            ps.setString(3, last.hash());
            ps.executeUpdate();
        }
    }
}
