package io.keywarden.core.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.keywarden.core.audit.AuditChainTest.chain;
import static io.keywarden.core.audit.AuditChainTest.record;
import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierTest {

    private static AuditVerifier.Result verify(List<AuditEvent> events, long headSeq, String headHash) {
        AuditVerifier v = new AuditVerifier();
        for (AuditEvent e : events) {
            if (!v.accept(e)) {
                break;
            }
        }
        return v.finish(headSeq, headHash);
    }

    private static AuditVerifier.Result verify(List<AuditEvent> events) {
        AuditEvent last = events.get(events.size() - 1);
        return verify(events, last.seq(), last.hash());
    }

    @Test
    void intactChainVerifies() {
        List<AuditEvent> c = chain(20);
        AuditVerifier.Result r = verify(c);
        assertThat(r.intact()).isTrue();
        assertThat(r.eventsChecked()).isEqualTo(20);
        assertThat(r.lastSeq()).isEqualTo(20);
        assertThat(r.lastHash()).isEqualTo(c.get(19).hash());
        assertThat(verify(List.of(), 0, AuditChain.GENESIS).intact()).isTrue();
    }

    @Test
    void changedEventIsReportedAtExactlyThatEvent() {
        for (int i = 0; i < 10; i++) {
            List<AuditEvent> c = new ArrayList<>(chain(10));
            AuditEvent e = c.get(i);
            AuditRecord r = e.record();
            AuditRecord changed = new AuditRecord(r.eventId(), r.eventTime(), r.accountId(), r.eventSource(),
                    r.eventName(), r.readOnly(), r.principalType(), r.principalArn(), r.principalId(), r.userName(),
                    r.accessKeyId(), r.sourceIp(), r.userAgent(), r.requestParameters(), r.responseElements(),
                    "AccessDenied", r.errorMessage(), r.requestId(), 403);
            c.set(i, new AuditEvent(e.seq(), changed, e.prevHash(), e.hash()));
            AuditVerifier.Result result = verify(c);
            assertThat(result.brokenLink()).hasValueSatisfying(b -> {
                assertThat(b.seq()).isEqualTo(e.seq());
                assertThat(b.reason()).contains("was changed");
            });
            assertThat(result.eventsChecked()).isEqualTo(i);
        }
    }

    @Test
    void reHashedEventBreaksTheNextLink() {
        List<AuditEvent> c = new ArrayList<>(chain(5));
        AuditEvent third = c.get(2);
        AuditRecord r = record(99);
        c.set(2, AuditChain.link(r, 3, third.prevHash())); // forged consistently, but event 4 points at the old hash
        assertThat(verify(c).brokenLink()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.reason()).contains("does not follow event 3");
        });
    }

    @Test
    void removedEventsAreReported() {
        List<AuditEvent> c = new ArrayList<>(chain(6));
        AuditEvent last = c.get(5);
        c.remove(3);
        assertThat(verify(c, last.seq(), last.hash()).brokenLink())
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(4));
        List<AuditEvent> tail = new ArrayList<>(chain(6)).subList(0, 4);
        assertThat(verify(tail, last.seq(), last.hash()).brokenLink()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.reason()).contains("removed from the end");
        });
        List<AuditEvent> first = new ArrayList<>(chain(3));
        first.remove(0);
        assertThat(verify(first).brokenLink()).hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(1));
    }

    @Test
    void headThatDoesNotMatchTheLastEventIsReported() {
        List<AuditEvent> c = chain(3);
        assertThat(verify(c, 3, "f".repeat(64)).brokenLink())
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(3));
        assertThat(verify(c, 2, c.get(1).hash()).brokenLink())
                .hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(3));
    }
}
