package io.keywarden.server.config;

import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.core.identity.Account;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line when the server is up: account, data folder and where it listens. */
@Singleton
public class StartupLogger implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupLogger.class);

    private final Account account;
    private final KeywardenConfig config;

    public StartupLogger(Account account, KeywardenConfig config) {
        this.account = account;
        this.config = config;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("Keywarden serving account {} on {} (data folder {})", account.id(), event.getSource().getURL(),
                config.dataDirPath());
    }
}
