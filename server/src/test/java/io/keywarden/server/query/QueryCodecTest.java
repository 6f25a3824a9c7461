package io.keywarden.server.query;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.audit.AuditService;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Operation;
import io.keywarden.core.operation.Operations;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Service;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.permissions.RoleService;
import io.keywarden.core.testing.InMemoryRoleStore;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.session.SessionService;
import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.session.TokenKeys;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryAuditStore;
import io.keywarden.core.testing.InMemoryCredentialReportStore;
import io.keywarden.core.testing.InMemoryPolicyStore;
import io.keywarden.core.testing.InMemoryUserStore;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Query protocol as the catalogue's typed records give it, through the real use cases: AWS's XML shapes, errors
 * and parameter rules, with nothing written per operation.
 */
class QueryCodecTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final Account account = new Account(accountId, Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
    private final IdentityService identity = IdentityService.builder().account(account).users(users).keys(keys)
            .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom()))
            .authorizer(new RootOnlyAuthorizer()).random(new SecureRandom()).clock(Clock.systemUTC()).build();
    private final InMemoryPolicyStore policyStore = new InMemoryPolicyStore();
    private final RoleService roleService = new RoleService(identity, users, new InMemoryRoleStore(policyStore), policyStore,
            policyStore, PolicyChangeListener.NONE, Clock.systemUTC(), new SecureRandom());
    private final SessionTokens sessionTokens = new SessionTokens(accountId, TokenKeys.of("k", new byte[32]),
            Clock.systemUTC(), new SecureRandom());
    private final Operations operations = Operations.standard(identity, new PolicyService(identity,
            policyStore, PolicyChangeListener.NONE, Clock.systemUTC(), new SecureRandom()),
            roleService,
            new CredentialReportService(account, users, keys, new InMemoryCredentialReportStore(),
                    new RootOnlyAuthorizer(), Clock.systemUTC(), Duration.ofMinutes(1)),
            new AuditService(new InMemoryAuditStore(), identity.guard()),
            new SessionService(sessionTokens),
            new io.keywarden.core.permissions.AssumeRoleService(roleService, policyStore, new RootOnlyAuthorizer(),
                    sessionTokens),
            new io.keywarden.core.permissions.KeyHygieneService(identity, users,
                    new io.keywarden.core.testing.InMemoryUserTagStore(), keys, policyStore, PolicyChangeListener.NONE,
                    Clock.systemUTC(), new SecureRandom()),

            new io.keywarden.core.service.MasterKeyService(SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom()), new io.keywarden.core.testing.InMemorySealedSecrets(),
                    new io.keywarden.core.testing.InMemoryResealLedger(), identity.guard(), Clock.systemUTC()),
            new io.keywarden.core.notify.WebhookService(identity.guard(),
                    new io.keywarden.core.testing.InMemoryWebhookStore(),
                    io.keywarden.core.crypto.SecretSealer.create(io.keywarden.core.crypto.MasterKey.of(1,
                            new byte[32]), new SecureRandom()),
                    new io.keywarden.core.notify.WebhookUrlPolicy(java.util.List.of(), false, false),
                    Clock.systemUTC(), new SecureRandom()),
            new io.keywarden.core.password.PasswordService(identity,
                    new io.keywarden.core.testing.InMemoryLoginProfileStore(),
                    new io.keywarden.core.testing.InMemoryAccountSettingsStore(),
                    new io.keywarden.core.testing.FakePasswordHasher(), Clock.systemUTC()),
            new io.keywarden.core.signin.ConsoleSignIn(io.keywarden.core.signin.PasswordSignIn.NONE, sessionTokens,
                    io.keywarden.core.signin.ConsoleSignIn.Durations.DEFAULT),
            new io.keywarden.core.expiry.KeyExpiryService(identity, users,
                    new io.keywarden.core.testing.InMemoryUserTagStore(), keys,
                    new io.keywarden.core.testing.InMemoryKeyExpiryStore(), new InMemoryAuditStore(),
                    () -> java.util.UUID.randomUUID().toString(), Clock.systemUTC()),
            new io.keywarden.core.service.UserSummaryService(identity.guard(), users, keys,
                    new io.keywarden.core.testing.InMemoryLoginProfileStore(),
                    new io.keywarden.core.testing.InMemoryUserSummaryStore(users, keys,
                            new io.keywarden.core.testing.InMemoryLoginProfileStore()), Clock.systemUTC()));
    private final Caller root = new Caller(Principal.root(accountId), "AKIAEXAMPLEEXAMPLE00", Instant.now(),
            "127.0.0.1", "test", false, "us-east-1", "iam");

    /** What the Query face does with decoded parameters, minus HTTP and the audit trail. */
    private String dispatch(Map<String, String> params, String requestId) {
        return perform(QueryCodec.operation(params), new QueryParams(params), requestId);
    }

    private <Q extends Record, R extends Record> String perform(Operation<Q, R> op, QueryParams params,
                                                                String requestId) {
        R result = operations.handler(op).handle(root, QueryCodec.decode(op.requestType(), params));
        return QueryCodec.answer(op, result, requestId);
    }

    private Element call(Map<String, String> params) throws Exception {
        String xml = dispatch(params, "req-1");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }

    private static Element first(Element e) {
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                return el;
            }
        }
        return null;
    }

    @Test
    void resultIsTheFirstChildAndRequestIdFollows() throws Exception {
        Element response = call(Map.of("Action", "CreateUser", "UserName", "alice"));
        assertThat(response.getLocalName()).isEqualTo("CreateUserResponse");
        assertThat(response.getNamespaceURI()).isEqualTo(Service.IAM.xmlNamespace());
        assertThat(first(response).getLocalName()).isEqualTo("CreateUserResult");
        assertThat(response.getElementsByTagName("UserName").item(0).getTextContent()).isEqualTo("alice");
        assertThat(response.getElementsByTagName("Path").item(0).getTextContent()).isEqualTo("/");
        assertThat(response.getElementsByTagName("RequestId").item(0).getTextContent()).isEqualTo("req-1");
    }

    @Test
    void operationsWithoutOutputHaveNoResultElement() throws Exception {
        call(Map.of("Action", "CreateUser", "UserName", "bob"));
        Element response = call(Map.of("Action", "DeleteUser", "UserName", "bob"));
        assertThat(response.getElementsByTagName("DeleteUserResult").getLength()).isZero();
        assertThat(first(response).getLocalName()).isEqualTo("ResponseMetadata");
    }

    @Test
    void emptyListsAreStillPresent() throws Exception {
        call(Map.of("Action", "CreateUser", "UserName", "carol"));
        Element response = call(Map.of("Action", "ListAccessKeys", "UserName", "carol"));
        assertThat(response.getElementsByTagName("AccessKeyMetadata").getLength()).isEqualTo(1);
        assertThat(response.getElementsByTagName("member").getLength()).isZero();
        assertThat(response.getElementsByTagName("IsTruncated").item(0).getTextContent()).isEqualTo("false");
        assertThat(response.getElementsByTagName("Marker").getLength()).isZero();
    }

    @Test
    void neverUsedKeyShowsNaAndNoDate() throws Exception {
        call(Map.of("Action", "CreateUser", "UserName", "dave"));
        Element created = call(Map.of("Action", "CreateAccessKey", "UserName", "dave"));
        String id = created.getElementsByTagName("AccessKeyId").item(0).getTextContent();
        assertThat(created.getElementsByTagName("SecretAccessKey").item(0).getTextContent()).hasSize(40);
        Element lastUsed = call(Map.of("Action", "GetAccessKeyLastUsed", "AccessKeyId", id));
        assertThat(lastUsed.getElementsByTagName("ServiceName").item(0).getTextContent()).isEqualTo("N/A");
        assertThat(lastUsed.getElementsByTagName("Region").item(0).getTextContent()).isEqualTo("N/A");
        assertThat(lastUsed.getElementsByTagName("LastUsedDate").getLength()).isZero();
        assertThat(lastUsed.getElementsByTagName("UserName").item(0).getTextContent()).isEqualTo("dave");
    }

    @Test
    void stsActionsUseTheStsNamespace() throws Exception {
        Element response = call(Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15"));
        assertThat(response.getNamespaceURI()).isEqualTo(Service.STS.xmlNamespace());
        assertThat(response.getElementsByTagName("Arn").item(0).getTextContent()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(response.getElementsByTagName("UserId").item(0).getTextContent()).isEqualTo("123456789012");
    }

    @Test
    void unknownAndMissingActionsAreErrors() {
        assertThatThrownBy(() -> dispatch(Map.of("Action", "Frobnicate"), "r"))
                .isInstanceOfSatisfying(KeywardenException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ACTION));
        assertThatThrownBy(() -> dispatch(Map.of(), "r"))
                .isInstanceOfSatisfying(KeywardenException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_ACTION));
    }

    @Test
    void missingRequiredParameterIsAValidationErrorNamingTheMember() {
        assertThatThrownBy(() -> dispatch(Map.of("Action", "DeleteUser"), "r"))
                .hasMessage("1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> dispatch(Map.of("Action", "ListUsers", "MaxItems", "many"), "r"))
                .hasMessageContaining("maxItems");
    }

    @Test
    void policyDocumentsComeBackUrlEncodedAndManagedPoliciesHaveAwsShape() throws Exception {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";
        call(Map.of("Action", "CreateUser", "UserName", "erin"));
        Element put = call(Map.of("Action", "PutUserPolicy", "UserName", "erin", "PolicyName", "Self", "PolicyDocument", doc));
        assertThat(first(put).getLocalName()).isEqualTo("ResponseMetadata");
        Element got = call(Map.of("Action", "GetUserPolicy", "UserName", "erin", "PolicyName", "Self"));
        String encoded = got.getElementsByTagName("PolicyDocument").item(0).getTextContent();
        assertThat(encoded).startsWith("%7B%22Version%22").doesNotContain("+").doesNotContain("{");
        assertThat(java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(doc);
        Element created = call(Map.of("Action", "CreatePolicy", "PolicyName", "Managed", "PolicyDocument", doc));
        assertThat(created.getElementsByTagName("DefaultVersionId").item(0).getTextContent()).isEqualTo("v1");
        assertThat(created.getElementsByTagName("IsAttachable").item(0).getTextContent()).isEqualTo("true");
        String arn = created.getElementsByTagName("Arn").item(0).getTextContent();
        call(Map.of("Action", "AttachUserPolicy", "UserName", "erin", "PolicyArn", arn));
        Element attached = call(Map.of("Action", "ListAttachedUserPolicies", "UserName", "erin"));
        assertThat(attached.getElementsByTagName("PolicyArn").item(0).getTextContent()).isEqualTo(arn);
        Element names = call(Map.of("Action", "ListUserPolicies", "UserName", "erin"));
        assertThat(names.getElementsByTagName("member").item(0).getTextContent()).isEqualTo("Self");
    }

    @Test
    void errorEnvelopeMatchesAws() {
        String xml = QueryCodec.errorXml(Service.IAM.xmlNamespace(), ErrorCode.NO_SUCH_ENTITY, "The user with name <x> cannot be found.", "r-9");
        assertThat(xml).isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                + "<Code>NoSuchEntity</Code><Message>The user with name &lt;x&gt; cannot be found.</Message></Error>"
                + "<RequestId>r-9</RequestId></ErrorResponse>");
    }

    @Test
    void everyQueryOperationDecodesItsRequestFromTheParameters() {
        for (Operation<?, ?> op : Catalogue.all()) {
            if (!op.queryFace()) {
                continue;
            }
            // every parameter given (as its Query name): the typed request decodes, or refuses a value it forbids
            Map<String, String> all = new java.util.HashMap<>();
            for (var c : op.requestType().getRecordComponents()) {
                if (c.isAnnotationPresent(io.keywarden.core.operation.Extension.class)) {
                    continue; // REST only: the Query face does not read it (checked below)
                }
                if (c.getType() == String.class) {
                    all.put(QueryCodec.pascal(c.getName()), "x");
                } else if (c.getType() == boolean.class || c.getType() == Boolean.class) {
                    all.put(QueryCodec.pascal(c.getName()), "true");
                } else if (c.getType() == io.keywarden.core.password.Password.class) {
                    all.put(QueryCodec.pascal(c.getName()), "Pass-word-1");
                }
            }
            all.computeIfPresent("AccountAlias", (k, v) -> "my-alias");
            all.put("MaxItems", "7");
            all.remove("PermissionsBoundary"); // refused, not dropped (see below)
            all.computeIfPresent("PathPrefix", (k, v) -> "/x/");
            // AssumeRole's members have minimum lengths and shapes
            all.computeIfPresent("RoleArn", (k, v) -> "arn:aws:iam::123456789012:role/x");
            for (String twoOrMore : List.of("RoleSessionName", "ExternalId", "SourceIdentity")) {
                all.computeIfPresent(twoOrMore, (k, v) -> "xx");
            }
            Record request = QueryCodec.decode(op.requestType(), new QueryParams(all));
            for (var c : op.requestType().getRecordComponents()) {
                String given = all.get(QueryCodec.pascal(c.getName()));
                if (c.getType() == String.class && given != null) {
                    assertThat(read(c, request)).as(op + "." + c.getName()).isEqualTo(given);
                }
                if (c.getType() == io.keywarden.core.password.Password.class) {
                    assertThat(new String(((io.keywarden.core.password.Password) read(c, request)).chars()))
                            .as(op + "." + c.getName()).isEqualTo(given);
                }
                if (c.getType() == Boolean.class) {
                    assertThat(read(c, request)).as(op + "." + c.getName()).isEqualTo(Boolean.TRUE);
                }
            }
        }
    }

    private static Object read(java.lang.reflect.RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void booleansAndPagesFollowTheSharedRules() {
        ListPoliciesOf(Map.of("OnlyAttached", "TRUE", "MaxItems", "5"));
        assertThatThrownBy(() -> ListPoliciesOf(Map.of("OnlyAttached", "maybe")))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.getMessage()).contains("onlyAttached"));
    }

    private static void ListPoliciesOf(Map<String, String> params) {
        Requests.ListPolicies q = QueryCodec.decode(Requests.ListPolicies.class, new QueryParams(params));
        assertThat(q.onlyAttached()).isTrue();
        assertThat(q.page().maxItems()).isEqualTo(5);
    }

    @Test
    void permissionsBoundariesAreRefusedNotDroppedAndTagsAreKept() {
        assertThat(dispatch(Map.of("Action", "CreateUser", "UserName", "tagged",
                "Tags.member.1.Key", "team", "Tags.member.1.Value", "blue"), "r"))
                .contains("<Tags><member><Key>team</Key><Value>blue</Value></member></Tags>");
        assertThatThrownBy(() -> dispatch(Map.of("Action", "CreateUser", "UserName", "bounded",
                "PermissionsBoundary", "arn:aws:iam::123456789012:policy/B"), "r"))
                .isInstanceOfSatisfying(KeywardenException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThat(users.findByName(accountId, io.keywarden.core.identity.UserName.of("bounded"))).isEmpty();
    }

    @Test
    void restOnlyParametersAreNotReadFromTheQueryFace() {
        Record request = QueryCodec.decode(Requests.CreateAccessKey.class,
                new QueryParams(Map.of("UserName", "alice", "Description", "not AWS's")));
        assertThat(((Requests.CreateAccessKey) request).description()).isNull();
    }
}
