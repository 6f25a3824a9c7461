package io.keywarden.server.persistence.contract;

import io.keywarden.core.audit.AuditChain;
import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.AuditService;
import io.keywarden.core.audit.AuditVerifier;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.server.support.AuditTampering;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@link AuditStore}, on each database: appends chain after the head, what is stored reads back
 * exactly (so hashes still match), look-ups filter and page newest first, appends racing from many threads (as from
 * many nodes) make one linear chain, and a row changed in the database breaks the chain at exactly that event.
 */
public abstract class AuditStoreContract extends StoreContract {
    private AuditStore audit;
    private int counter;

    @BeforeEach
    void stores() {
        audit = bean(AuditStore.class);
    }

    private AuditRecord record(String eventName, String accessKeyId, String userName, Instant time, String error) {
        counter++;
        return new AuditRecord("00000000-0000-4000-8000-" + String.format("%012d", counter), time, acct().value(),
                "iam.amazonaws.com", eventName, eventName.startsWith("List"), userName == null ? "Root" : "IAMUser",
                "arn:aws:iam::" + acct().value() + (userName == null ? ":root" : ":user/" + userName), "AIDAEXAMPLE",
                userName, accessKeyId, "127.0.0.1", "agent/1.0 é \uD83D\uDE00",
                "{\"userName\":\"u" + counter + "\",\"note\":\"line\\nbreak\"}", error == null ? "{\"ok\":true}" : null,
                error, error == null ? null : "why: " + error, "req-" + counter, error == null ? 200 : 403);
    }

    @Test
    void appendChainsAfterTheHeadAndReadsBackExactly() {
        assertThat(audit.head(acct())).isEqualTo(new AuditStore.Head(0, AuditChain.GENESIS));
        List<AuditEvent> first = audit.append(acct(), List.of(record("CreateUser", "AKIA1", null, T0, null),
                record("ListUsers", "AKIA2", "bob", T0.plusMillis(1), "AccessDenied")));
        List<AuditEvent> second = audit.append(acct(), List.of(record("DeleteUser", "AKIA1", null, T0.plusSeconds(1),
                null)));
        assertThat(first).extracting(AuditEvent::seq).containsExactly(1L, 2L);
        assertThat(first.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.get(1).prevHash()).isEqualTo(first.get(0).hash());
        assertThat(second.get(0).prevHash()).isEqualTo(first.get(1).hash());
        assertThat(audit.head(acct())).isEqualTo(new AuditStore.Head(3, second.get(0).hash()));

        List<AuditEvent> stored = audit.chain(acct(), 0, 10);
        List<AuditEvent> appended = new ArrayList<>(first);
        appended.addAll(second);
        assertThat(stored).isEqualTo(appended);
        assertThat(stored).allSatisfy(e -> assertThat(AuditChain.hashMatches(e)).isTrue());
        assertThat(audit.chain(acct(), 1, 1)).extracting(AuditEvent::seq).containsExactly(2L);
        assertThat(AuditService.verify(audit, acct()).intact()).isTrue();
        assertThat(audit.append(acct(), List.of())).isEmpty();
    }

    @Test
    void aLargeBatchIsStoredWholeAndInOrder() {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 137; i++) {
            records.add(record(i % 2 == 0 ? "GetUser" : "CreateUser", "AKIABATCH" + (i % 7), i % 3 == 0 ? null : "dave",
                    T0.plusMillis(i), i % 5 == 0 ? "AccessDenied" : null));
        }
        List<AuditEvent> returned = audit.append(acct(), records);
        List<AuditEvent> stored = audit.chain(acct(), 0, 1000);
        assertThat(stored).hasSize(137);
        assertThat(stored).extracting(AuditEvent::seq).containsExactlyElementsOf(returned.stream().map(AuditEvent::seq).toList());
        for (int i = 0; i < 137; i++) {
            assertThat(stored.get(i).record()).isEqualTo(records.get(i));
            assertThat(stored.get(i).hash()).isEqualTo(returned.get(i).hash());
        }
        assertThat(AuditService.verify(audit, acct()).intact()).isTrue();
    }

    @Test
    void lookupFiltersAndPagesNewestFirst() {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(record(i % 2 == 0 ? "CreateAccessKey" : "ListUsers", i % 3 == 0 ? "AKIAONE" : "AKIATWO",
                    i % 2 == 0 ? null : "carol", T0.plusSeconds(i), null));
        }
        audit.append(acct(), records);
        Page<AuditEvent> all = audit.lookup(query(null, null, null, null, null, PageRequest.of(null, 1000)));
        assertThat(all.items()).extracting(AuditEvent::seq).containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(audit.lookup(query("AKIAONE", null, null, null, null, PageRequest.first())).items())
                .extracting(AuditEvent::seq).containsExactly(10L, 7L, 4L, 1L);
        assertThat(audit.lookup(query(null, "carol", "ListUsers", null, null, PageRequest.first())).items())
                .hasSize(5).allSatisfy(e -> assertThat(e.record().userName()).isEqualTo("carol"));
        assertThat(audit.lookup(query(null, null, null, T0.plusSeconds(3), T0.plusSeconds(5), PageRequest.first()))
                .items()).extracting(AuditEvent::seq).containsExactly(5L, 4L);

        List<Long> seqs = new ArrayList<>();
        String marker = null;
        do {
            Page<AuditEvent> page = audit.lookup(query(null, null, null, null, null, PageRequest.of(marker, 3)));
            page.items().forEach(e -> seqs.add(e.seq()));
            // events appended meanwhile are newer: they never show up on later pages
            audit.append(acct(), List.of(record("GetUser", "AKIANEW", null, T0.plusSeconds(99), null)));
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(seqs).containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    /**
     * Events spread over many segments (batches of 1 to 1,700 events; a segment holds at most 1,000): every look-up,
     * followed page by page, gives exactly what filtering the whole trail in memory gives, newest first.
     */
    @Test
    void lookupsOverManySegmentsMatchFilteringTheWholeTrail() {
        List<AuditEvent> all = new ArrayList<>();
        int[] batches = {1, 1, 3, 1_700, 40, 1, 999, 1_001, 2};
        int n = 0;
        for (int size : batches) {
            List<AuditRecord> batch = new ArrayList<>();
            for (int i = 0; i < size; i++, n++) {
                // AKIARARE only in a few events; times not in seq order (as from several nodes)
                String key = n % 997 == 5 ? "AKIARARE" : "AKIAKEY" + n % 4;
                batch.add(record(n % 3 == 0 ? "GetUser" : n % 3 == 1 ? "ListUsers" : "CreateUser", key,
                        n % 5 == 0 ? null : "user" + n % 2, T0.plusSeconds(n % 2 == 0 ? n : n - 7), null));
            }
            all.addAll(audit.append(acct(), batch));
        }
        List<AuditQuery> queries = List.of(
                query(null, null, null, null, null, PageRequest.of(null, 1000)),
                query("AKIARARE", null, null, null, null, PageRequest.of(null, 2)),
                query("AKIAKEY1", "user1", null, null, null, PageRequest.of(null, 400)),
                query(null, "user0", "GetUser", null, null, PageRequest.of(null, 150)),
                query(null, null, "CreateUser", T0.plusSeconds(1_000), T0.plusSeconds(2_500), PageRequest.of(null, 333)),
                query(null, null, null, T0.plusSeconds(3_000), T0.plusSeconds(3_010), PageRequest.of(null, 3)),
                query("AKIANONE", null, null, null, null, PageRequest.first()));
        for (AuditQuery q : queries) {
            List<Long> expected = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                AuditRecord r = all.get(i).record();
                if ((q.accessKeyId() == null || q.accessKeyId().equals(r.accessKeyId()))
                        && (q.userName() == null || q.userName().equals(r.userName()))
                        && (q.eventName() == null || q.eventName().equals(r.eventName()))
                        && (q.from() == null || !r.eventTime().isBefore(q.from()))
                        && (q.to() == null || r.eventTime().isBefore(q.to()))) {
                    expected.add(all.get(i).seq());
                }
            }
            List<Long> found = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                Page<AuditEvent> page = audit.lookup(new AuditQuery(acct(), q.accessKeyId(), q.userName(),
                        q.eventName(), q.from(), q.to(), PageRequest.of(marker, q.page().maxItems())));
                assertThat(page.items().size()).isLessThanOrEqualTo(q.page().maxItems());
                page.items().forEach(e -> found.add(e.seq()));
                marker = page.nextMarker();
                pages++;
            } while (marker != null && pages < 100);
            assertThat(found).as(q.toString()).isEqualTo(expected);
        }
        assertThat(audit.chain(acct(), 0, 10_000)).isEqualTo(all);
        assertThat(audit.chain(acct(), 1_704, 3)).extracting(AuditEvent::seq).containsExactly(1_705L, 1_706L, 1_707L);
        assertThat(AuditService.verify(audit, acct()).eventsChecked()).isEqualTo(all.size());
    }

    private AuditQuery query(String key, String user, String name, Instant from, Instant to, PageRequest page) {
        return new AuditQuery(acct(), key, user, name, from, to, page);
    }

    @Test
    void appendsRacingFromManyThreadsMakeOneLinearChain() throws Exception {
        race(8, t -> {
            for (int i = 0; i < 10; i++) {
                List<AuditRecord> batch = new ArrayList<>();
                for (int j = 0; j <= i % 3; j++) {
                    synchronized (this) {
                        batch.add(record("CreateUser", "AKIA" + t, null, T0.plusSeconds(i), null));
                    }
                }
                audit.append(acct(), batch);
            }
            return null;
        });
        AuditStore.Head head = audit.head(acct());
        List<AuditEvent> chain = audit.chain(acct(), 0, 1000);
        assertThat(chain).hasSize((int) head.seq());
        assertThat(chain).extracting(AuditEvent::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, head.seq()).boxed().toList());
        Set<String> requestIds = chain.stream().map(e -> e.record().requestId()).collect(Collectors.toSet());
        assertThat(requestIds).hasSize(chain.size());
        AuditVerifier.Result result = AuditService.verify(audit, acct());
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(head.seq());
    }

    @Test
    void aRowChangedInTheDatabaseBreaksTheChainAtExactlyThatEvent() throws Exception {
        Assumptions.assumeTrue(onDatabase(), "tampering with stored rows needs a database");
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(record("DeleteAccessKey", "AKIAX", "dave", T0.plusSeconds(i), i == 3 ? "AccessDenied" : null));
        }
        audit.append(acct(), records);
        try (Connection c = database.connect()) {
            AuditTampering.change(c, acct().value(), 4, AuditTampering::asSuccess);
        }
        AuditVerifier.Result result = AuditService.verify(audit, acct());
        assertThat(result.brokenLink()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.reason()).contains("changed");
        });
        assertThat(result.eventsChecked()).isEqualTo(3);

        try (Connection c = database.connect()) {
            AuditTampering.remove(c, acct().value(), 4);
        }
        assertThat(AuditService.verify(audit, acct()).brokenLink())
                .hasValueSatisfying(b -> assertThat(b.reason()).contains("event 4 is missing"));

        // the segment's events removed altogether: look-ups still answer, verification finds them missing
        try (Connection c = database.connect(); java.sql.Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("DELETE FROM audit_segment_events")).isEqualTo(1);
        }
        assertThat(audit.lookup(query(null, null, null, null, null, PageRequest.first())).items()).isEmpty();
        assertThat(AuditService.verify(audit, acct()).brokenLink())
                .hasValueSatisfying(b -> assertThat(b.reason()).contains("events were removed"));
    }
}
