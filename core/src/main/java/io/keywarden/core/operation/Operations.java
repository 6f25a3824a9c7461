package io.keywarden.core.operation;

import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.AuditQuery;
import io.keywarden.core.audit.AuditService;
import io.keywarden.core.audit.AuditVerifier;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.operation.Operation.NoOutput;
import io.keywarden.core.operation.Results.*;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.permissions.RoleService;
import io.keywarden.core.identity.Role;
import io.keywarden.core.port.Page;
import io.keywarden.core.service.CallerIdentity;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.service.KeyLastUsedInfo;
import io.keywarden.core.service.KeyOwnerInfo;
import io.keywarden.core.service.MasterKeyService;
import io.keywarden.core.port.ResealLedger;
import io.keywarden.core.service.UserInfo;
import io.keywarden.core.service.UserSummary;
import io.keywarden.core.service.UserOverview;
import io.keywarden.core.service.UserSummaryService;
import io.keywarden.core.session.SessionService;
import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.session.Session;
import io.keywarden.core.permissions.AssumeRoleService;
import io.keywarden.core.permissions.KeyHygieneService;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.notify.DeliveryAttempt;
import io.keywarden.core.notify.Webhook;
import io.keywarden.core.notify.WebhookService;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.password.PasswordPolicy;
import io.keywarden.core.password.PasswordService;
import io.keywarden.core.signin.ConsoleSignIn;
import io.keywarden.core.expiry.KeyExpiryEvaluator;
import io.keywarden.core.expiry.KeyExpiryPolicy;
import io.keywarden.core.expiry.KeyExpiryService;
import io.keywarden.core.port.KeyExpiryStore;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalogue bound to the use cases: for each {@link Catalogue} operation the handler that performs it. Both faces
 * look handlers up here; {@link #standard} is the binding of every operation, and building fails when one is
 * missing, so an operation added to the catalogue cannot be forgotten here.
 */
public final class Operations {
    private final Map<Operation<?, ?>, OperationHandler<?, ?>> handlers;
    private final Map<Operation<?, ?>, SignInHandler<?, ?>> signIns;

    private Operations(Map<Operation<?, ?>, OperationHandler<?, ?>> handlers,
                       Map<Operation<?, ?>, SignInHandler<?, ?>> signIns) {
        this.handlers = handlers;
        this.signIns = signIns;
    }

    /** The handler of an operation of the catalogue (one its caller signs). */
    @SuppressWarnings("unchecked")
    public <Q extends Record, R extends Record> OperationHandler<Q, R> handler(Operation<Q, R> operation) {
        OperationHandler<?, ?> handler = handlers.get(operation);
        if (handler == null) {
            throw new IllegalArgumentException("operation " + operation + " is not bound"
                    + (operation.signIn() ? " (a sign-in: see signInHandler)" : ""));
        }
        return (OperationHandler<Q, R>) handler;
    }

    /** The handler of a sign-in operation of the catalogue ({@link Operation.Authentication#SIGN_IN}). */
    @SuppressWarnings("unchecked")
    public <Q extends Record, R extends Record> SignInHandler<Q, R> signInHandler(Operation<Q, R> operation) {
        SignInHandler<?, ?> handler = signIns.get(operation);
        if (handler == null) {
            throw new IllegalArgumentException("sign-in operation " + operation + " is not bound");
        }
        return (SignInHandler<Q, R>) handler;
    }

    /** A copy with one operation's handler replaced (a decorator, a test's failing handler). */
    public <Q extends Record, R extends Record> Operations with(Operation<Q, R> operation,
                                                                OperationHandler<Q, R> handler) {
        handler(operation); // must be bound already
        Map<Operation<?, ?>, OperationHandler<?, ?>> copy = new IdentityHashMap<>(handlers);
        copy.put(operation, Objects.requireNonNull(handler, "handler"));
        return new Operations(copy, signIns);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds handlers to operations; {@link #build} checks that every catalogue operation has one. */
    public static final class Builder {
        private final Map<Operation<?, ?>, OperationHandler<?, ?>> handlers = new IdentityHashMap<>();
        private final Map<Operation<?, ?>, SignInHandler<?, ?>> signIns = new IdentityHashMap<>();

        /** Binds an operation its caller signs. */
        public <Q extends Record, R extends Record> Builder bind(Operation<Q, R> operation,
                                                                 OperationHandler<Q, R> handler) {
            Objects.requireNonNull(handler, "handler");
            if (Objects.requireNonNull(operation, "operation").signIn()) {
                throw new IllegalArgumentException("operation " + operation + " is a sign-in: bindSignIn");
            }
            if (handlers.put(operation, handler) != null) {
                throw new IllegalStateException("operation " + operation + " is bound twice");
            }
            return this;
        }

        /** Binds a sign-in operation ({@link Operation.Authentication#SIGN_IN}). */
        public <Q extends Record, R extends Record> Builder bindSignIn(Operation<Q, R> operation,
                                                                       SignInHandler<Q, R> handler) {
            Objects.requireNonNull(handler, "handler");
            if (!Objects.requireNonNull(operation, "operation").signIn()) {
                throw new IllegalArgumentException("operation " + operation + " is not a sign-in: bind");
            }
            if (signIns.put(operation, handler) != null) {
                throw new IllegalStateException("operation " + operation + " is bound twice");
            }
            return this;
        }

        public Operations build() {
            List<String> unbound = Catalogue.all().stream()
                    .filter(op -> !handlers.containsKey(op) && !signIns.containsKey(op))
                    .map(Operation::name).toList();
            if (!unbound.isEmpty()) {
                throw new IllegalStateException("operations without a handler: " + unbound);
            }
            return new Operations(new IdentityHashMap<>(handlers), new IdentityHashMap<>(signIns));
        }
    }

    /** Every operation of the catalogue, performed by the use cases. */
    public static Operations standard(IdentityService identity, PolicyService policies, RoleService roles,
                                      CredentialReportService reports, AuditService audit, SessionService sessions,
                                      AssumeRoleService assume, KeyHygieneService hygiene,
                                      MasterKeyService masterKeys, WebhookService webhooks,
                                      PasswordService passwords, ConsoleSignIn console, KeyExpiryService expiry,
                                      UserSummaryService summaries) {
        return builder()
                // users
                .bind(Catalogue.CREATE_USER, (caller, q) -> {
                    User created = hygiene.createUser(caller, q.userName(), q.path(), q.tags());
                    return new UserResult(user(created, q.tags().isEmpty() ? List.of()
                            : hygiene.tagsOf(created.userId())));
                })
                .bind(Catalogue.GET_USER, (caller, q) -> {
                    UserInfo info = identity.getUser(caller, q.userName());
                    return new UserResult(user(info, info.isRoot() ? List.of() : hygiene.tagsOf(info.userId())));
                })
                .bind(Catalogue.LIST_USERS, (caller, q) -> {
                    Page<UserSummary> page = identity.listUsers(caller, q.pathPrefix(), q.page());
                    return new UserList(page.items().stream().map(s -> user(s.user(), s.keyAgeDays())).toList(),
                            page.isTruncated(), page.nextMarker());
                })
                .bind(Catalogue.DELETE_USER, (caller, q) -> {
                    identity.deleteUser(caller, q.userName());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_USER_SUMMARIES, (caller, q) -> {
                    Page<UserOverview> page = summaries.list(caller, q.sortOrder(), q.descending(), q.search(),
                            q.page());
                    return new UserSummaryList(page.items().stream().map(Operations::summary).toList(),
                            page.isTruncated(), page.nextMarker());
                })
                // access keys
                .bind(Catalogue.CREATE_ACCESS_KEY, (caller, q) -> {
                    NewAccessKey created = hygiene.createAccessKey(caller, q.userName(), q.description());
                    AccessKey k = created.key();
                    return new CreatedKey(new NewKeyEntry(ownerName(k), k.id().value(), k.status().wireName(),
                            created.secret(), k.createDate(), q.description()));
                })
                .bind(Catalogue.LIST_ACCESS_KEYS, new OperationHandler<>() {
                    @Override
                    public KeyList handle(Caller caller, Requests.ListAccessKeys q) {
                        IdentityService.DescribedKeys described = identity.listDescribedAccessKeys(caller,
                                q.userName(), q.page());
                        Page<AccessKey> page = described.page();
                        String owner = q.userName() != null ? q.userName()
                                : caller.principal().user().map(u -> u.userName().value()).orElse(null);
                        return new KeyList(owner, page.items().stream()
                                .map(k -> key(k, described.descriptions().get(k.id().value()))).toList(),
                                page.isTruncated(), page.nextMarker());
                    }

                    @Override
                    public boolean servedFromMemory(Caller caller, Requests.ListAccessKeys q) {
                        return identity.listsOwnAccessKeysFromMemory(caller, q.userName());
                    }
                })
                .bind(Catalogue.UPDATE_ACCESS_KEY, (caller, q) -> new UpdatedKey(key(identity.updateAccessKey(caller,
                        q.userName(), q.accessKeyId(), q.status()))))
                .bind(Catalogue.DELETE_ACCESS_KEY, (caller, q) -> {
                    identity.deleteAccessKey(caller, q.userName(), q.accessKeyId());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.GET_ACCESS_KEY_LAST_USED, (caller, q) -> {
                    KeyLastUsedInfo info = identity.getAccessKeyLastUsed(caller, q.accessKeyId());
                    return new LastUsedResult(info.userName(), new LastUsedEntry(
                            info.record().map(r -> r.date()).orElse(null), info.serviceName(), info.region()));
                })
                .bind(Catalogue.FIND_ACCESS_KEY_OWNER, (caller, q) -> {
                    KeyOwnerInfo o = identity.findKeyOwner(caller, q.accessKeyId());
                    return new KeyOwnerResult(o.account(), o.arn(), o.userName(), o.userId(), key(o.key()));
                })
                .bind(Catalogue.GET_CALLER_IDENTITY, OperationHandler.inMemory((caller, q) -> {
                    CallerIdentity id = identity.getCallerIdentity(caller);
                    return new CallerIdentityResult(id.userId(), id.account(), id.arn());
                }))
                .bind(Catalogue.GET_SESSION_TOKEN, OperationHandler.inMemory((caller, q) -> {
                    SessionTokens.Issued issued = sessions.getSessionToken(caller, q.durationSeconds(),
                            q.serialNumber(), q.tokenCode());
                    return new SessionTokenResult(credentials(issued));
                }))
                .bind(Catalogue.REVOKE_ROLE_SESSIONS, (caller, q) -> {
                    roles.putRolePolicy(caller, q.roleName(), AssumeRoleService.REVOKE_POLICY,
                            AssumeRoleService.revokeOlderSessions(caller.requestTime()));
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.REVOKE_USER_SESSIONS, (caller, q) -> {
                    policies.putUserPolicy(caller, q.userName(), AssumeRoleService.REVOKE_POLICY,
                            AssumeRoleService.revokeOlderSessions(caller.requestTime()));
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.ASSUME_ROLE, (caller, q) -> {
                    AssumeRoleService.Assumed assumed = assume.assumeRole(caller, q.roleArn(), q.roleSessionName(),
                            q.durationSeconds(), q.externalId(), q.policy(), q.arns(), q.sourceIdentity());
                    Session s = assumed.issued().session();
                    return new AssumeRoleResult(credentials(assumed.issued()),
                            new AssumedRoleUser(s.principal().userId(), s.principal().arn()),
                            assumed.packedPolicySize(), s.sourceIdentity());
                })
                .bind(Catalogue.GET_ACCESS_KEY_INFO, (caller, q) ->
                        new AccountResult(identity.getAccessKeyInfo(caller, q.accessKeyId()).value()))
                // credential report
                .bind(Catalogue.GENERATE_CREDENTIAL_REPORT, (caller, q) -> {
                    CredentialReportService.GenerateResult g = reports.generate(caller);
                    return new ReportState(g.state().name(), g.description());
                })
                .bind(Catalogue.GET_CREDENTIAL_REPORT, (caller, q) -> {
                    CredentialReportService.Report report = reports.get(caller);
                    return new ReportContent(report.csv(), "text/csv", report.generatedTime());
                })
                // inline policies
                .bind(Catalogue.PUT_USER_POLICY, (caller, q) -> {
                    policies.putUserPolicy(caller, q.userName(), q.policyName(), q.policyDocument());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.GET_USER_POLICY, (caller, q) -> {
                    InlinePolicy policy = policies.getUserPolicy(caller, q.userName(), q.policyName());
                    return new UserPolicyResult(q.userName(), policy.policyName(), policy.document());
                })
                .bind(Catalogue.DELETE_USER_POLICY, (caller, q) -> {
                    policies.deleteUserPolicy(caller, q.userName(), q.policyName());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_USER_POLICIES, (caller, q) -> {
                    Page<String> page = policies.listUserPolicies(caller, q.userName(), q.page());
                    return new PolicyNameList(page.items(), page.isTruncated(), page.nextMarker());
                })
                // managed policies
                .bind(Catalogue.CREATE_POLICY, (caller, q) -> new PolicyResult(policy(policies.createPolicy(caller,
                        q.policyName(), q.path(), q.policyDocument(), q.description()), true)))
                .bind(Catalogue.GET_POLICY, (caller, q) ->
                        new PolicyResult(policy(policies.getPolicy(caller, q.policyArn()), true)))
                .bind(Catalogue.GET_POLICY_VERSION, (caller, q) -> {
                    ManagedPolicy policy = policies.getPolicy(caller, q.policyArn());
                    if (!q.versionId().equals(policy.defaultVersionId())) {
                        throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "Policy " + policy.arn() + " version "
                                + q.versionId() + " does not exist or is not attachable.");
                    }
                    return new PolicyVersionResult(new PolicyVersionEntry(policy.document(),
                            policy.defaultVersionId(), true, policy.createDate()));
                })
                .bind(Catalogue.DELETE_POLICY, (caller, q) -> {
                    policies.deletePolicy(caller, q.policyArn());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_POLICIES, (caller, q) -> {
                    Page<ManagedPolicy> page = policies.listPolicies(caller, q.scope(), q.onlyAttached(),
                            q.pathPrefix(), q.page());
                    return new PolicyList(page.items().stream().map(p -> policy(p, false)).toList(),
                            page.isTruncated(), page.nextMarker());
                })
                .bind(Catalogue.ATTACH_USER_POLICY, (caller, q) -> {
                    policies.attachUserPolicy(caller, q.userName(), q.policyArn());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.DETACH_USER_POLICY, (caller, q) -> {
                    policies.detachUserPolicy(caller, q.userName(), q.policyArn());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_ATTACHED_USER_POLICIES, (caller, q) -> {
                    Page<ManagedPolicy> page = policies.listAttachedUserPolicies(caller, q.userName(),
                            q.pathPrefix(), q.page());
                    return new AttachedPolicyList(page.items().stream()
                            .map(p -> new AttachedPolicyEntry(p.policyName(), p.arn())).toList(),
                            page.isTruncated(), page.nextMarker());
                })
                .bind(Catalogue.SIMULATE_PRINCIPAL_POLICY, (caller, q) -> {
                    AuthorizationResult r = policies.simulate(caller, q.userName(), q.action(), q.resource(), caller,
                            q.context());
                    return new SimulationResult(r.decision().wireName(), r.explanation(), r.decidingStatements(),
                            r.errors());
                })
                // roles
                .bind(Catalogue.CREATE_ROLE, (caller, q) -> new RoleResult(role(roles.createRole(caller, q.roleName(),
                        q.path(), q.assumeRolePolicyDocument(), q.description(), q.maxSessionDuration(), q.tags()),
                        true)))
                .bind(Catalogue.GET_ROLE, (caller, q) -> new RoleResult(role(roles.getRole(caller, q.roleName()), true)))
                .bind(Catalogue.LIST_ROLES, (caller, q) -> {
                    Page<Role> page = roles.listRoles(caller, q.pathPrefix(), q.page());
                    return new RoleList(page.items().stream().map(r -> role(r, false)).toList(), page.isTruncated(),
                            page.nextMarker());
                })
                .bind(Catalogue.UPDATE_ROLE, (caller, q) -> {
                    roles.updateRole(caller, q.roleName(), q.description(), q.maxSessionDuration());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.UPDATE_ASSUME_ROLE_POLICY, (caller, q) -> {
                    roles.updateAssumeRolePolicy(caller, q.roleName(), q.policyDocument());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.DELETE_ROLE, (caller, q) -> {
                    roles.deleteRole(caller, q.roleName());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.PUT_ROLE_POLICY, (caller, q) -> {
                    roles.putRolePolicy(caller, q.roleName(), q.policyName(), q.policyDocument());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.GET_ROLE_POLICY, (caller, q) -> {
                    InlinePolicy policy = roles.getRolePolicy(caller, q.roleName(), q.policyName());
                    return new RolePolicyResult(q.roleName(), policy.policyName(), policy.document());
                })
                .bind(Catalogue.DELETE_ROLE_POLICY, (caller, q) -> {
                    roles.deleteRolePolicy(caller, q.roleName(), q.policyName());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_ROLE_POLICIES, (caller, q) -> {
                    Page<String> page = roles.listRolePolicies(caller, q.roleName(), q.page());
                    return new PolicyNameList(page.items(), page.isTruncated(), page.nextMarker());
                })
                .bind(Catalogue.ATTACH_ROLE_POLICY, (caller, q) -> {
                    roles.attachRolePolicy(caller, q.roleName(), q.policyArn());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.DETACH_ROLE_POLICY, (caller, q) -> {
                    roles.detachRolePolicy(caller, q.roleName(), q.policyArn());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_ATTACHED_ROLE_POLICIES, (caller, q) -> {
                    Page<ManagedPolicy> page = roles.listAttachedRolePolicies(caller, q.roleName(), q.pathPrefix(),
                            q.page());
                    return new AttachedPolicyList(page.items().stream()
                            .map(p -> new AttachedPolicyEntry(p.policyName(), p.arn())).toList(),
                            page.isTruncated(), page.nextMarker());
                })
                // tags
                .bind(Catalogue.TAG_USER, (caller, q) -> {
                    hygiene.tagUser(caller, q.userName(), q.tags());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.UNTAG_USER, (caller, q) -> {
                    hygiene.untagUser(caller, q.userName(), q.tagKeys());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_USER_TAGS, (caller, q) ->
                        tagList(hygiene.listUserTags(caller, q.userName(), q.page())))
                .bind(Catalogue.TAG_ROLE, (caller, q) -> {
                    roles.tagRole(caller, q.roleName(), q.tags());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.UNTAG_ROLE, (caller, q) -> {
                    roles.untagRole(caller, q.roleName(), q.tagKeys());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_ROLE_TAGS, (caller, q) ->
                        tagList(roles.listRoleTags(caller, q.roleName(), q.page())))
                // key hygiene
                .bind(Catalogue.QUARANTINE_ACCESS_KEY, (caller, q) -> {
                    KeyHygieneService.Quarantine done = hygiene.quarantine(caller, q.accessKeyId(),
                            Boolean.TRUE.equals(q.deactivate()));
                    return new QuarantineResult(done.owner().userName().value(), done.key().id().value(),
                            done.key().status().wireName(), KeyHygieneService.QUARANTINE_POLICY_ARN,
                            done.alreadyAttached());
                })
                // audit trail
                .bind(Catalogue.LOOKUP_EVENTS, (caller, q) -> {
                    Page<AuditEvent> page = audit.lookup(caller, new AuditQuery(identity.accountId(), q.accessKeyId(),
                            q.userName(), q.eventName(), q.readOnly(), q.resourceName(), q.resourceType(), q.eventId(),
                            q.eventSource(), q.from(), q.to(), q.page()));
                    return new EventList(page.items(), page.isTruncated(), page.nextMarker());
                })
                .bind(Catalogue.VERIFY_AUDIT_TRAIL, (caller, q) -> {
                    AuditVerifier.Result r = audit.verify(caller);
                    return new Verification(r.intact(), r.eventsChecked(), r.lastSeq(), r.lastHash(),
                            r.brokenLink().map(AuditVerifier.BrokenLink::seq).orElse(null),
                            r.brokenLink().map(AuditVerifier.BrokenLink::reason).orElse(null),
                            r.startedAfter() == 0 ? null : r.startedAfter());
                })
                // master keys
                .bind(Catalogue.GET_MASTER_KEY_STATUS, (caller, q) -> masterKeyStatus(masterKeys.status(caller)))
                // webhooks
                .bind(Catalogue.CREATE_WEBHOOK, (caller, q) -> created(webhooks.create(caller, q.url(), q.events(),
                        q.secret())))
                .bind(Catalogue.LIST_WEBHOOKS, (caller, q) -> new WebhookList(webhooks.list(caller).stream()
                        .map(Operations::webhook).toList()))
                .bind(Catalogue.GET_WEBHOOK, (caller, q) -> new WebhookResult(webhook(webhooks.get(caller,
                        q.webhookId()))))
                .bind(Catalogue.UPDATE_WEBHOOK, (caller, q) -> created(webhooks.update(caller, q.webhookId(), q.url(),
                        q.events(), q.secret(), q.rotateSecret())))
                .bind(Catalogue.DELETE_WEBHOOK, (caller, q) -> {
                    webhooks.delete(caller, q.webhookId());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_WEBHOOK_DELIVERIES, (caller, q) -> {
                    Page<DeliveryAttempt> page = webhooks.deliveries(caller, q.webhookId(), q.page());
                    return new DeliveryList(page.items().stream().map(a -> new DeliveryEntry(a.deliveryId(),
                            a.event(), a.attempt(), a.attemptedAt(), a.statusCode(), a.error(), a.durationMillis(),
                            a.outcome())).toList(), page.isTruncated(), page.nextMarker());
                })
                // console passwords
                .bind(Catalogue.CREATE_LOGIN_PROFILE, (caller, q) -> new LoginProfileResult(loginProfile(
                        passwords.createLoginProfile(caller, q.userName(), q.password(), q.passwordResetRequired()))))
                .bind(Catalogue.GET_LOGIN_PROFILE, (caller, q) -> new LoginProfileResult(loginProfile(
                        passwords.getLoginProfile(caller, q.userName()))))
                .bind(Catalogue.UPDATE_LOGIN_PROFILE, (caller, q) -> {
                    passwords.updateLoginProfile(caller, q.userName(), q.password(), q.passwordResetRequired());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.DELETE_LOGIN_PROFILE, (caller, q) -> {
                    passwords.deleteLoginProfile(caller, q.userName());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.CHANGE_PASSWORD, (caller, q) -> {
                    passwords.changePassword(caller, q.oldPassword(), q.newPassword());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.GET_ACCOUNT_PASSWORD_POLICY, (caller, q) -> {
                    PasswordPolicy p = passwords.getAccountPasswordPolicy(caller);
                    return new PasswordPolicyResult(new PasswordPolicyEntry(p.minimumPasswordLength(),
                            p.requireSymbols(), p.requireNumbers(), p.requireUppercaseCharacters(),
                            p.requireLowercaseCharacters(), p.allowUsersToChangePassword(), p.expirePasswords(),
                            p.maxPasswordAge(), p.passwordReusePrevention(), p.hardExpiry()));
                })
                .bind(Catalogue.UPDATE_ACCOUNT_PASSWORD_POLICY, (caller, q) -> {
                    passwords.updateAccountPasswordPolicy(caller, q.policy());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.DELETE_ACCOUNT_PASSWORD_POLICY, (caller, q) -> {
                    passwords.deleteAccountPasswordPolicy(caller);
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.CREATE_ACCOUNT_ALIAS, (caller, q) -> {
                    passwords.createAccountAlias(caller, q.accountAlias());
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.LIST_ACCOUNT_ALIASES, (caller, q) -> {
                    Page<String> page = passwords.listAccountAliases(caller, q.page());
                    return new AccountAliasList(page.items(), page.isTruncated(), page.nextMarker());
                })
                .bind(Catalogue.DELETE_ACCOUNT_ALIAS, (caller, q) -> {
                    passwords.deleteAccountAlias(caller, q.accountAlias());
                    return NoOutput.INSTANCE;
                })
                // console sign-in
                .bindSignIn(Catalogue.CONSOLE_LOGIN, (requester, q) -> consoleSession(console.signIn(
                        requester.signedBy(), requester.signatureRefused(), q.account(), q.userName(),
                        q.password() == null ? null : q.password().chars(), requester.sourceIp())))
                .bind(Catalogue.CONSOLE_SIGN_OUT, (caller, q) -> {
                    console.signOut(caller);
                    return NoOutput.INSTANCE;
                })
                // key expiry policies
                .bind(Catalogue.GET_KEY_EXPIRY_POLICY, (caller, q) -> expiryPolicy(expiry.getPolicy(caller)))
                .bind(Catalogue.PUT_KEY_EXPIRY_POLICY, (caller, q) -> expiryPolicy(expiry.putPolicy(caller,
                        q.policy())))
                .bind(Catalogue.DELETE_KEY_EXPIRY_POLICY, (caller, q) -> {
                    expiry.deletePolicy(caller);
                    return NoOutput.INSTANCE;
                })
                .bind(Catalogue.GET_KEY_HYGIENE_REPORT, (caller, q) -> hygieneReport(expiry.report(caller, q.page())))
                .build();
    }

    private static ConsoleSession consoleSession(ConsoleSignIn.SignedIn s) {
        Session session = s.issued().session();
        io.keywarden.core.identity.Principal p = session.principal();
        return new ConsoleSession(credentials(s.issued()), new ConsolePrincipal(p.arn(), p.accountId().value(),
                p.user().map(u -> u.userName().value()).orElse(null), p.identityType(), p.userId()),
                s.passwordResetRequired());
    }

    // ---------------------------------------------------------------- shapes

    private static KeyExpiryPolicyResult expiryPolicy(KeyExpiryStore.StoredPolicy stored) {
        KeyExpiryPolicy p = stored.policy();
        return new KeyExpiryPolicyResult(p.warnAfterDays(), p.deactivateAfterDays(), p.deleteAfterDays(),
                p.unusedWarnAfterDays(), p.unusedDeactivateAfterDays(), p.exemptions().stream()
                .map(e -> new ExemptionEntry(e.tagKey(), e.tagValue())).toList(), p.dryRun(), stored.updatedAt());
    }

    private static KeyHygieneReport hygieneReport(KeyExpiryService.Report r) {
        KeyExpiryService.Summary s = r.summary();
        return new KeyHygieneReport(r.policy() == null ? null : expiryPolicy(r.policy()), r.generatedAt(),
                new KeyHygieneSummary(s.keys(), s.ok(), s.due(), s.overdue(), s.exempt(), s.overWarn(),
                        s.overDeactivate(), s.overDelete(), s.activeRootKeys(), s.activeOlderThan90Days(),
                        s.activeUnusedFor90Days()),
                r.keys().stream().map(Operations::hygieneEntry).toList(), r.isTruncated(), r.nextMarker());
    }

    private static KeyHygieneEntry hygieneEntry(KeyExpiryEvaluator.Verdict v) {
        AccessKey k = v.key();
        KeyExpiryEvaluator.Step next = v.next();
        return new KeyHygieneEntry(k.id().value(), k.owner().name().map(UserName::value).orElse(null),
                k.owner().isRoot(), k.status().wireName(), k.createDate(),
                k.lastUsed() == null ? null : k.lastUsed().date(), v.ageDays(), v.unusedDays(),
                v.state().wireName(), v.exempt(), v.exemptBy() == null ? null : v.exemptBy().toString(),
                next == null ? null : next.action().wireName(), next == null ? null : next.at(),
                next == null ? null : next.rule().wireName(), next == null ? null : next.thresholdDays(),
                next == null ? null : next.reason(), v.note());
    }

    private static MasterKeyStatus masterKeyStatus(MasterKeyService.Status s) {
        ResealLedger.State r = s.reseal();
        return new MasterKeyStatus(s.newestVersion(), s.versions().stream()
                .map(v -> new MasterKeyVersionEntry(v.version(), v.configured(), v.newest(), v.sealedSecrets()))
                .toList(),
                new ResealEntry(s.state().wireName(), r.targetVersion(), r.leaseHolder(), r.leaseExpiresAt(),
                        r.resealed(), s.remaining(), r.startedAt(), r.lastBatchAt(), r.finishedAt(), r.lastError()));
    }

    private static CreatedWebhook created(WebhookService.Created c) {
        return new CreatedWebhook(webhook(c.webhook()), c.secret());
    }

    private static WebhookEntry webhook(Webhook w) {
        return new WebhookEntry(w.id(), w.url(), w.events(), w.createDate(), w.updateDate());
    }

    private static LoginProfileEntry loginProfile(LoginProfile p) {
        return new LoginProfileEntry(p.userName(), p.createDate(), p.passwordResetRequired(), p.passwordLastChanged());
    }

    private static UserSummaryEntry summary(UserOverview o) {
        User u = o.user();
        return new UserSummaryEntry(u.path().value(), u.userName().value(), u.userId(), u.arn(), u.createDate(),
                o.keys().stream().map(k -> new SummaryKeyEntry(k.id().value(), k.status().wireName(), k.createDate()))
                        .toList(),
                o.activeKeyAgeDays(),
                o.lastUsed() == null ? null : new SummaryLastUsedEntry(o.lastUsedKey().value(), o.lastUsed().date(),
                        o.lastUsed().serviceName(), o.lastUsed().region()),
                o.passwordEnabled(), o.passwordLastChanged(), o.passwordAgeDays(), o.consoleLastSignIn());
    }

    private static UserEntry user(User u, Long keyAgeDays) {
        return new UserEntry(u.path().value(), u.userName().value(), u.userId(), u.arn(), u.createDate(), keyAgeDays);
    }

    private static UserEntry user(User u, List<Tag> tags) {
        return new UserEntry(u.path().value(), u.userName().value(), u.userId(), u.arn(), u.createDate(),
                tagEntries(tags), null);
    }

    private static UserEntry user(UserInfo u, List<Tag> tags) {
        return new UserEntry(u.userPath().map(UserPath::value).orElse(null), u.name().map(UserName::value).orElse(null),
                u.userId(), u.arn(), u.createDate(), tagEntries(tags), null);
    }

    /** Tags as AWS answers them on an entity: null (left out) when there are none. */
    private static List<TagEntry> tagEntries(List<Tag> tags) {
        return tags.isEmpty() ? null : tags.stream().map(t -> new TagEntry(t.key(), t.value())).toList();
    }

    private static TagList tagList(Page<Tag> page) {
        return new TagList(page.items().stream().map(t -> new TagEntry(t.key(), t.value())).toList(),
                page.isTruncated(), page.nextMarker());
    }

    /** The credentials of a session just issued, as STS answers them (AssumeRole answers the same shape). */
    public static SessionCredentials credentials(SessionTokens.Issued issued) {
        return new SessionCredentials(issued.session().accessKeyId(), issued.secret(), issued.token(),
                issued.session().expiresAt());
    }

    private static String ownerName(AccessKey k) {
        return k.owner().name().map(UserName::value).orElse(null);
    }

    private static KeyEntry key(AccessKey k) {
        return new KeyEntry(ownerName(k), k.id().value(), k.status().wireName(), k.createDate());
    }

    private static KeyEntry key(AccessKey k, String description) {
        return new KeyEntry(ownerName(k), k.id().value(), k.status().wireName(), k.createDate(), description);
    }

    private static RoleEntry role(Role r, boolean withTags) {
        List<TagEntry> tags = withTags && !r.tags().isEmpty()
                ? r.tags().stream().map(t -> new TagEntry(t.key(), t.value())).toList() : null;
        // RoleLastUsed: like the tags, in a role's own answers and not in listings (ListRoles leaves it out, as AWS)
        Results.RoleLastUsedEntry lastUsed = !withTags ? null : r.lastUsed() == null
                ? new Results.RoleLastUsedEntry(null, null)
                : new Results.RoleLastUsedEntry(r.lastUsed().lastUsedDate(), r.lastUsed().region());
        return new RoleEntry(r.path().value(), r.roleName(), r.roleId(), r.arn(), r.createDate(),
                r.assumeRolePolicyDocument(), r.description(), r.maxSessionDuration(), tags, lastUsed);
    }

    private static PolicyEntry policy(ManagedPolicy p, boolean withDocument) {
        return new PolicyEntry(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(),
                p.attachmentCount(), 0, true, p.description().isEmpty() ? null : p.description(), p.createDate(),
                p.updateDate(), withDocument ? p.document() : null);
    }
}
