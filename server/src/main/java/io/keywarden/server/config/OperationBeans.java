package io.keywarden.server.config;

import io.keywarden.core.password.PasswordService;
import io.keywarden.core.port.AccountSettingsStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.core.audit.AuditService;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.operation.OperationInvoker;
import io.keywarden.core.operation.Operations;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.permissions.RoleService;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.CredentialReportStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.service.MasterKeyService;
import io.keywarden.core.service.UserSummaryService;
import io.keywarden.core.port.UserSummaryStore;
import io.keywarden.core.session.SessionService;
import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.permissions.AssumeRoleService;
import io.keywarden.core.notify.WebhookService;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.server.http.RequestIds;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The catalogue bound to the use cases ({@link Operations}) and the invoker both faces perform operations with. */
@Factory
public class OperationBeans {

    @Singleton
    CredentialReportService credentialReportService(Account account, UserStore users, AccessKeyStore keys,
                                                    CredentialReportStore reports, LoginProfileStore profiles,
                                                    AccountSettingsStore settings, Authorizer authorizer, Clock clock,
                                                    KeywardenConfig.CredentialReport config) {
        return new CredentialReportService(account, users, keys, reports, profiles, settings, authorizer, clock,
                config.getMaxAge());
    }

    @Singleton
    Operations operations(IdentityService identity, PolicyService policies, RoleService roles,
                          CredentialReportService reports, AuditService audit, SessionService sessions,
                          AssumeRoleService assume, io.keywarden.core.permissions.KeyHygieneService hygiene,
                          MasterKeyService masterKeys, WebhookService webhooks, PasswordService passwords,
                          io.keywarden.core.signin.ConsoleSignIn console,
                          io.keywarden.core.expiry.KeyExpiryService expiry,
                          UserSummaryService summaries) {
        return Operations.standard(identity, policies, roles, reports, audit, sessions, assume, hygiene, masterKeys, webhooks,
                passwords, console, expiry, summaries);
    }

    @Singleton
    UserSummaryService userSummaryService(IdentityService identity, UserStore users, AccessKeyStore keys,
                                          LoginProfileStore profiles, UserSummaryStore summaries, Clock clock) {
        return new UserSummaryService(identity.guard(), users, keys, profiles, summaries, clock);
    }

    @Singleton
    AssumeRoleService assumeRoleService(RoleService roles, PolicyStore policies, Authorizer authorizer,
                                        SessionTokens tokens) {
        return new AssumeRoleService(roles, policies, authorizer, tokens);
    }

    @Singleton
    OperationInvoker operationInvoker(Operations operations, Account account, Clock clock) {
        return new OperationInvoker(operations, account.id(), clock, RequestIds::newId);
    }
}
