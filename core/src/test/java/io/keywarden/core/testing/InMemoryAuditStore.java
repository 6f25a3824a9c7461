package io.keywarden.core.testing;

import io.keywarden.core.audit.AuditChain;
import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An audit trail in memory: one chain per account, look-ups newest first with a marker after the last seq. */
public final class InMemoryAuditStore implements AuditStore {
    private final Map<String, List<AuditEvent>> chains = new HashMap<>();

    @Override
    public synchronized List<AuditEvent> append(AccountId account, List<AuditRecord> records) {
        List<AuditEvent> chain = chains.computeIfAbsent(account.value(), a -> new ArrayList<>());
        List<AuditEvent> out = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            AuditEvent last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            AuditEvent e = AuditChain.link(r, last == null ? 1 : last.seq() + 1,
                    last == null ? AuditChain.GENESIS : last.hash());
            chain.add(e);
            out.add(e);
        }
        return out;
    }

    @Override
    public synchronized Page<AuditEvent> lookup(AuditQuery q) {
        List<AuditEvent> chain = chains.getOrDefault(q.account().value(), List.of());
        String after = q.page().afterKey();
        long before = after == null ? Long.MAX_VALUE : Long.parseLong(after);
        List<AuditEvent> out = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0 && out.size() <= q.page().maxItems(); i--) {
            AuditEvent e = chain.get(i);
            AuditRecord r = e.record();
            if (e.seq() < before && q.matches(r)) {
                out.add(e);
            }
        }
        boolean truncated = out.size() > q.page().maxItems();
        List<AuditEvent> items = truncated ? out.subList(0, q.page().maxItems()) : out;
        return Page.of(List.copyOf(items), truncated
                ? PageRequest.markerFor(Long.toString(items.get(items.size() - 1).seq())) : null);
    }

    @Override
    public synchronized List<AuditEvent> chain(AccountId account, long afterSeq, int limit) {
        List<AuditEvent> chain = chains.getOrDefault(account.value(), List.of());
        return chain.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
    }

    @Override
    public synchronized Head head(AccountId account) {
        List<AuditEvent> chain = chains.getOrDefault(account.value(), List.of());
        return chain.isEmpty() ? new Head(0, AuditChain.GENESIS)
                : new Head(chain.get(chain.size() - 1).seq(), chain.get(chain.size() - 1).hash());
    }

    /** Nothing is ever archived here: the whole chain is stored. */
    @Override
    public java.util.Optional<io.keywarden.core.audit.AuditCheckpoint> checkpoint(AccountId account) {
        return java.util.Optional.empty();
    }
}
