package io.keywarden.server.audit;

import io.keywarden.core.audit.AuditCheckpointSigner;
import io.keywarden.core.audit.AuditRetention;
import io.keywarden.core.identity.Account;
import io.keywarden.core.port.AuditArchiveStore;
import io.keywarden.core.port.AuditStore;
import io.keywarden.server.settings.KeywardenConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs audit retention ({@link AuditRetention}) when {@code keywarden.audit.retention} is set: every
 * {@code keywarden.audit.retention-interval} (and a minute after start) the node that takes the lease archives the
 * account's expired segments to {@code keywarden.audit.archive-dir} (default {@code <data dir>/audit-archive}) and
 * prunes them behind a signed checkpoint. The lease (one row, a conditional UPDATE with an expiry) keeps the nodes
 * sharing a database from archiving at once; a node that dies holding it is replaced once it expires.
 */
@Context
public class AuditRetentionJob {
    static final String LEASE = "audit-retention";
    static final Duration LEASE_TTL = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionJob.class);

    private final AuditStore events;
    private final AuditArchiveStore archives;
    private final AuditCheckpointSigner signer;
    private final Account account;
    private final Clock clock;
    private final Duration retention;
    private final Path archiveDir;
    private final String node = UUID.randomUUID().toString();
    private final Counter archived;
    private final ScheduledFuture<?> schedule;

    public AuditRetentionJob(KeywardenConfig config, KeywardenConfig.Audit audit, AuditStore events,
                             AuditArchiveStore archives, AuditCheckpointSigner signer, Account account, Clock clock,
                             MeterRegistry registry, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.events = events;
        this.archives = archives;
        this.signer = signer;
        this.account = account;
        this.clock = clock;
        this.retention = audit.retention().orElse(null);
        this.archiveDir = audit.getArchiveDir() != null ? Path.of(audit.getArchiveDir()).toAbsolutePath().normalize()
                : config.dataDirPath().resolve("audit-archive");
        this.archived = Counter.builder("keywarden.audit.events.archived")
                .description("audit events archived to files and pruned from the database").register(registry);
        if (retention != null) {
            LOG.info("audit retention {}: older segments are archived to {} and pruned", retention, archiveDir);
            Duration every = audit.getRetentionInterval();
            this.schedule = scheduler.scheduleWithFixedDelay(Duration.ofMinutes(1), every, this::runQuietly);
        } else {
            this.schedule = null;
        }
    }

    /** Where archives go. */
    public Path archiveDir() {
        return archiveDir;
    }

    /** Whether a retention is configured. */
    public boolean enabled() {
        return retention != null;
    }

    /** One run with the server's clock. */
    public List<AuditRetention.Archived> runOnce() throws IOException {
        return runOnce(clock);
    }

    /**
     * One run, as of {@code now}'s time: takes the lease (or does nothing when another node holds it), archives and
     * prunes what expired, gives the lease back.
     */
    public List<AuditRetention.Archived> runOnce(Clock now) throws IOException {
        if (retention == null) {
            return List.of();
        }
        if (!archives.tryLease(LEASE, node, now.instant(), LEASE_TTL)) {
            LOG.debug("audit retention: another node holds the lease");
            return List.of();
        }
        try {
            List<AuditRetention.Archived> done = new AuditRetention(events, archives, this::writeArchive, signer,
                    retention, now).archiveExpired(account.id());
            for (AuditRetention.Archived a : done) {
                archived.increment(a.events());
                LOG.info("audit retention: archived events {} to {} ({} events) to {} and pruned them",
                        a.checkpoint().lastSeq() - a.events() + 1, a.checkpoint().lastSeq(), a.events(),
                        archiveDir.resolve(a.archive()));
            }
            return done;
        } finally {
            archives.releaseLease(LEASE, node);
        }
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (IOException | RuntimeException e) {
            LOG.error("audit retention failed; nothing was pruned past the last archive written: {}", e.toString());
        }
    }

    /** Writes the archive to a temporary file, forces it to disk and moves it into place atomically. */
    private void writeArchive(String name, AuditRetention.ArchiveTarget.Content content) throws IOException {
        Files.createDirectories(archiveDir);
        Path file = archiveDir.resolve(name);
        Path temp = archiveDir.resolve(name + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
