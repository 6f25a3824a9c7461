package io.keywarden.core.audit;

import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.service.AccessGuard;

import java.util.List;
import java.util.Objects;

/**
 * The audit trail's use cases: looking events up ({@code cloudtrail:LookupEvents}) and verifying the chain
 * ({@code keywarden:VerifyAuditTrail}), both on resource {@code *} and decided by the {@code Authorizer}, so only
 * the root user and users whose policies allow them (administrators) may read the trail.
 */
public final class AuditService {
    public static final String LOOKUP_ACTION = Catalogue.LOOKUP_EVENTS.action();
    public static final String VERIFY_ACTION = Catalogue.VERIFY_AUDIT_TRAIL.action();
    private static final int VERIFY_BATCH = 1000;

    private final AuditStore store;
    private final AccessGuard guard;
    private final AuditCheckpointSigner checkpoints;

    /** A service for a trail that is never pruned (a checkpoint, should one appear, fails verification). */
    public AuditService(AuditStore store, AccessGuard guard) {
        this.store = Objects.requireNonNull(store, "store");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.checkpoints = null;
    }

    /** A service whose verification starts from the trail's checkpoint once it checked its signature. */
    public AuditService(AuditStore store, AccessGuard guard, AuditCheckpointSigner checkpoints) {
        this.store = Objects.requireNonNull(store, "store");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    public Page<AuditEvent> lookup(Caller caller, AuditQuery query) {
        guard.authorizeAny(caller, LOOKUP_ACTION);
        return store.lookup(query);
    }

    public AuditVerifier.Result verify(Caller caller) {
        guard.authorizeAny(caller, VERIFY_ACTION);
        return verify(store, guard.account(), checkpoints);
    }

    /** Verifies an account's whole chain, reading it in batches; no authorisation (for operators' tools). */
    public static AuditVerifier.Result verify(AuditStore store, io.keywarden.core.identity.AccountId account) {
        return verify(store, account, null);
    }

    /**
     * Verifies an account's chain from its start or, once older events were archived, from its checkpoint after
     * checking the checkpoint's signature with {@code checkpoints} (a checkpoint that does not hold, or that cannot be
     * checked because {@code checkpoints} is null, is reported as the broken link); no authorisation.
     */
    public static AuditVerifier.Result verify(AuditStore store, io.keywarden.core.identity.AccountId account,
                                              AuditCheckpointSigner checkpoints) {
        java.util.Optional<AuditCheckpoint> checkpoint = store.checkpoint(account);
        AuditVerifier.Result result = verifyFrom(store, account, checkpoints, checkpoint);
        if (!result.intact()) {
            // events pruned by retention while we read them look missing: once the checkpoint moved, check again
            java.util.Optional<AuditCheckpoint> now = store.checkpoint(account);
            if (!now.equals(checkpoint)) {
                result = verifyFrom(store, account, checkpoints, now);
            }
        }
        return result;
    }

    private static AuditVerifier.Result verifyFrom(AuditStore store, io.keywarden.core.identity.AccountId account,
                                                   AuditCheckpointSigner checkpoints,
                                                   java.util.Optional<AuditCheckpoint> checkpoint) {
        // the head first: events appended while we read are after it and not looked at
        AuditStore.Head head = store.head(account);
        AuditVerifier verifier = new AuditVerifier();
        long after = 0;
        if (checkpoint.isPresent()) {
            AuditCheckpoint c = checkpoint.get();
            String problem = checkpoints == null ? "the audit checkpoint cannot be checked without the master key"
                    : checkpoints.problemWith(c);
            if (problem != null || !c.accountId().equals(account.value())) {
                return AuditVerifier.brokenCheckpoint(c.lastSeq(), problem != null ? problem
                        : "the audit checkpoint belongs to another account").finish(head.seq(), head.hash());
            }
            verifier = AuditVerifier.after(c.lastSeq(), c.lastHash());
            after = c.lastSeq();
        }
        while (after < head.seq()) {
            List<AuditEvent> batch = store.chain(account, after, (int) Math.min(VERIFY_BATCH, head.seq() - after));
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEvent e : batch) {
                if (!verifier.accept(e)) {
                    return verifier.finish(head.seq(), head.hash());
                }
            }
            after = batch.get(batch.size() - 1).seq();
        }
        return verifier.finish(head.seq(), head.hash());
    }
}
