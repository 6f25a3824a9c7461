package io.keywarden.core.port;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.AccountId;

import java.util.List;

/**
 * The append-only audit trail. {@link #append} chains records after the account's current head atomically (one
 * linear chain per account even when several server nodes append at once) and makes them durable before it returns.
 */
public interface AuditStore {
    /** The last event of an account's chain: {@code seq} 0 and the genesis hash while the trail is empty. */
    record Head(long seq, String hash) {
    }

    /** Chains and stores the records (all of one account, in order); returns them as chained. */
    List<AuditEvent> append(AccountId account, List<AuditRecord> records);

    /** Events matching the query, newest first; the marker continues after the last event of the previous page. */
    Page<AuditEvent> lookup(AuditQuery query);

    /** Events of the chain after position {@code afterSeq}, in order, at most {@code limit} (for verification). */
    List<AuditEvent> chain(AccountId account, long afterSeq, int limit);

    Head head(AccountId account);

    /**
     * Where the stored chain starts once older events were archived and pruned (audit retention); empty while the
     * whole chain is stored. Not a default method: a decorator of the store that forgot it would make verification
     * start from the genesis and report the archived events missing.
     */
    java.util.Optional<io.keywarden.core.audit.AuditCheckpoint> checkpoint(AccountId account);
}
