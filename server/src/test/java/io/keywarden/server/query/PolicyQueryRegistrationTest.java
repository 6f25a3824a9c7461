package io.keywarden.server.query;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.testing.InMemoryCredentialReportStore;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy actions plug into a Query-face dispatcher, served by the server's own PolicyService and store. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyQueryRegistrationTest extends ServerTestSupport {
    @Inject
    PolicyQueryRegistration registration;
    @Inject
    IdentityService identity;
    @Inject
    Account account;
    @Inject
    UserStore users;
    @Inject
    AccessKeyStore keys;
    @Inject
    Authorizer authorizer;

    @Test
    void theIamPolicyActionsAreRegisteredOnTheDispatcher() {
        QueryDispatcher dispatcher = new QueryDispatcher(identity, new CredentialReportService(account, users, keys,
                new InMemoryCredentialReportStore(), authorizer, Clock.systemUTC(), Duration.ofMinutes(1)));
        assertThat(dispatcher.knows("PutUserPolicy")).isFalse();

        assertThat(registration.register(dispatcher)).isSameAs(dispatcher);

        for (String action : new String[]{"PutUserPolicy", "GetUserPolicy", "DeleteUserPolicy", "ListUserPolicies",
                "CreatePolicy", "GetPolicy", "GetPolicyVersion", "DeletePolicy", "ListPolicies", "AttachUserPolicy",
                "DetachUserPolicy", "ListAttachedUserPolicies"}) {
            assertThat(dispatcher.knows(action)).as(action).isTrue();
        }
        Caller root = new Caller(Principal.root(account.id()), ROOT_ACCESS_KEY_ID, Instant.now(), "127.0.0.1", "test",
                false, "us-east-1", "iam");
        QueryDispatcher.Reply created = dispatcher.dispatch(root, Map.of("Action", "CreatePolicy", "PolicyName",
                "ViaQuery", "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                        + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}}"), "req-1");
        assertThat(created.status()).isEqualTo(200);
        QueryDispatcher.Reply listed = dispatcher.dispatch(root, Map.of("Action", "ListPolicies"), "req-2");
        assertThat(listed.xml()).contains("<PolicyName>ViaQuery</PolicyName>");
    }
}
