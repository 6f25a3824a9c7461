package io.keywarden.server.config;

import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.CredentialReportStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.query.QueryDispatcher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The credential report use case and the AWS Query face's dispatcher. Features add their actions to the dispatcher
 * when it is created (a {@code BeanCreatedEventListener<QueryDispatcher>} calling {@link QueryDispatcher#register}).
 */
@Factory
public class QueryFaceBeans {

    @Singleton
    CredentialReportService credentialReportService(Account account, UserStore users, AccessKeyStore keys,
                                                    CredentialReportStore reports, Authorizer authorizer, Clock clock,
                                                    KeywardenConfig.CredentialReport config) {
        return new CredentialReportService(account, users, keys, reports, authorizer, clock, config.getMaxAge());
    }

    @Singleton
    QueryDispatcher queryDispatcher(IdentityService identity, CredentialReportService reports) {
        return new QueryDispatcher(identity, reports);
    }
}
