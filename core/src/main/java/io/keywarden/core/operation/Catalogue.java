package io.keywarden.core.operation;

import io.keywarden.core.operation.Operation.NoOutput;
import io.keywarden.core.operation.Requests.*;
import io.keywarden.core.operation.Results.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation Keywarden serves, once: its name, service, IAM action, whether it only reads, whether the AWS
 * face serves it (in its service's protocol: Query or JSON 1.1), the resource it is authorised on, and its typed request and result. Both faces dispatch
 * through it, the use cases authorise with its actions, the audit trail names its events after it and decides from
 * it which calls must be committed before they are answered. Adding an operation starts here (see
 * {@code docs/architecture.md}).
 */
public final class Catalogue {
    private static final String USER = "arn:aws:iam::{account}:user{path}{userName} (the caller when no user is named)";
    private static final String NAMED_USER = "arn:aws:iam::{account}:user{path}{userName}";
    private static final String ROLE = "arn:aws:iam::{account}:role{path}{roleName}";
    private static final String POLICY = "arn:aws:iam::{account}:policy{path}{policyName}";
    private static final String ANY = "*";

    private Catalogue() {
    }

    // ---------------------------------------------------------------- users
    public static final Operation<CreateUser, UserResult> CREATE_USER =
            write("CreateUser", Service.IAM, NAMED_USER, CreateUser.class, UserResult.class);
    public static final Operation<GetUser, UserResult> GET_USER =
            read("GetUser", Service.IAM, USER, GetUser.class, UserResult.class);
    public static final Operation<ListUsers, UserList> LIST_USERS =
            read("ListUsers", Service.IAM, "arn:aws:iam::{account}:user{pathPrefix}*", ListUsers.class, UserList.class);
    public static final Operation<DeleteUser, NoOutput> DELETE_USER =
            write("DeleteUser", Service.IAM, NAMED_USER, DeleteUser.class, NoOutput.class);
    /**
     * The console's Users table: a page of users in a chosen order with their keys, key age, last key use, password
     * age and last console sign-in. Its own action, and also ListUsers, ListAccessKeys, GetAccessKeyLastUsed and
     * GetLoginProfile on every user, since it reveals what they reveal.
     */
    public static final Operation<ListUserSummaries, UserSummaryList> LIST_USER_SUMMARIES =
            new Operation<>("ListUserSummaries", Service.KEYWARDEN, "keywarden:ListUserSummaries", true, false,
                    "arn:aws:iam::{account}:user/* (and iam:ListUsers, iam:ListAccessKeys, iam:GetAccessKeyLastUsed,"
                            + " iam:GetLoginProfile on it)", ListUserSummaries.class, UserSummaryList.class);

    // ---------------------------------------------------------------- access keys
    public static final Operation<CreateAccessKey, CreatedKey> CREATE_ACCESS_KEY =
            write("CreateAccessKey", Service.IAM, USER, CreateAccessKey.class, CreatedKey.class);
    public static final Operation<ListAccessKeys, KeyList> LIST_ACCESS_KEYS =
            read("ListAccessKeys", Service.IAM, USER, ListAccessKeys.class, KeyList.class);
    public static final Operation<UpdateAccessKey, UpdatedKey> UPDATE_ACCESS_KEY =
            write("UpdateAccessKey", Service.IAM, USER, UpdateAccessKey.class, UpdatedKey.class);
    public static final Operation<DeleteAccessKey, NoOutput> DELETE_ACCESS_KEY =
            write("DeleteAccessKey", Service.IAM, USER, DeleteAccessKey.class, NoOutput.class);
    public static final Operation<GetAccessKeyLastUsed, LastUsedResult> GET_ACCESS_KEY_LAST_USED =
            read("GetAccessKeyLastUsed", Service.IAM, "the key's owner: arn:aws:iam::{account}:user{path}{userName}"
                    + " or arn:aws:iam::{account}:root", GetAccessKeyLastUsed.class, LastUsedResult.class);
    /** The console's search box: the administrator's look-up from a key ID to its owner. */
    public static final Operation<FindAccessKeyOwner, KeyOwnerResult> FIND_ACCESS_KEY_OWNER =
            new Operation<>("FindAccessKeyOwner", Service.KEYWARDEN, "iam:GetAccessKeyLastUsed", true, false, ANY,
                    FindAccessKeyOwner.class, KeyOwnerResult.class);

    // ---------------------------------------------------------------- STS
    /** Needs no permission, as in AWS. */
    public static final Operation<GetCallerIdentity, CallerIdentityResult> GET_CALLER_IDENTITY =
            new Operation<>("GetCallerIdentity", Service.STS, null, true, true, "none",
                    GetCallerIdentity.class, CallerIdentityResult.class);
    /**
     * Needs no permission, as in AWS (it authenticates; its credentials can do no more than their caller). A change,
     * not a read: its event (with the issued key ID and expiry) is committed before the credentials are handed out.
     */
    public static final Operation<GetSessionToken, SessionTokenResult> GET_SESSION_TOKEN =
            new Operation<>("GetSessionToken", Service.STS, null, false, true, "none",
                    GetSessionToken.class, SessionTokenResult.class);
    /**
     * Authorised by the role's trust policy (and, when it trusts the caller's account only, the caller's policies);
     * a change, so its event (the issued key ID, the role, the session, the source identity) is committed first.
     */
    public static final Operation<AssumeRole, AssumeRoleResult> ASSUME_ROLE =
            write("AssumeRole", Service.STS, "arn:aws:iam::{account}:role{path}{roleName} (the RoleArn)",
                    AssumeRole.class, AssumeRoleResult.class);
    /**
     * The console's "Revoke active sessions" of a role, as AWS's: puts the role's inline policy
     * {@code AWSRevokeOlderSessions} denying everything to sessions issued before now ({@code aws:TokenIssueTime});
     * authorised as that PutRolePolicy. It reaches every node through the change feed, as any policy change.
     */
    public static final Operation<RevokeRoleSessions, NoOutput> REVOKE_ROLE_SESSIONS =
            new Operation<>("RevokeRoleSessions", Service.KEYWARDEN, "iam:PutRolePolicy", false, false,
                    "arn:aws:iam::{account}:role{path}{roleName}", RevokeRoleSessions.class, NoOutput.class);
    /** The same for a user's GetSessionToken sessions (the user's inline policy; authorised as PutUserPolicy). */
    public static final Operation<RevokeUserSessions, NoOutput> REVOKE_USER_SESSIONS =
            new Operation<>("RevokeUserSessions", Service.KEYWARDEN, "iam:PutUserPolicy", false, false,
                    NAMED_USER, RevokeUserSessions.class, NoOutput.class);
    public static final Operation<GetAccessKeyInfo, AccountResult> GET_ACCESS_KEY_INFO =
            read("GetAccessKeyInfo", Service.STS, ANY, GetAccessKeyInfo.class, AccountResult.class);

    // ---------------------------------------------------------------- credential report
    public static final Operation<GenerateCredentialReport, ReportState> GENERATE_CREDENTIAL_REPORT =
            write("GenerateCredentialReport", Service.IAM, ANY, GenerateCredentialReport.class, ReportState.class);
    public static final Operation<GetCredentialReport, ReportContent> GET_CREDENTIAL_REPORT =
            read("GetCredentialReport", Service.IAM, ANY, GetCredentialReport.class, ReportContent.class);

    // ---------------------------------------------------------------- inline policies
    public static final Operation<PutUserPolicy, NoOutput> PUT_USER_POLICY =
            write("PutUserPolicy", Service.IAM, NAMED_USER, PutUserPolicy.class, NoOutput.class);
    public static final Operation<GetUserPolicy, UserPolicyResult> GET_USER_POLICY =
            read("GetUserPolicy", Service.IAM, NAMED_USER, GetUserPolicy.class, UserPolicyResult.class);
    public static final Operation<DeleteUserPolicy, NoOutput> DELETE_USER_POLICY =
            write("DeleteUserPolicy", Service.IAM, NAMED_USER, DeleteUserPolicy.class, NoOutput.class);
    public static final Operation<ListUserPolicies, PolicyNameList> LIST_USER_POLICIES =
            read("ListUserPolicies", Service.IAM, NAMED_USER, ListUserPolicies.class, PolicyNameList.class);

    // ---------------------------------------------------------------- managed policies
    public static final Operation<CreatePolicy, PolicyResult> CREATE_POLICY =
            write("CreatePolicy", Service.IAM, POLICY, CreatePolicy.class, PolicyResult.class);
    public static final Operation<GetPolicy, PolicyResult> GET_POLICY =
            read("GetPolicy", Service.IAM, POLICY, GetPolicy.class, PolicyResult.class);
    public static final Operation<GetPolicyVersion, PolicyVersionResult> GET_POLICY_VERSION =
            read("GetPolicyVersion", Service.IAM, POLICY, GetPolicyVersion.class, PolicyVersionResult.class);
    public static final Operation<DeletePolicy, NoOutput> DELETE_POLICY =
            write("DeletePolicy", Service.IAM, POLICY, DeletePolicy.class, NoOutput.class);
    public static final Operation<ListPolicies, PolicyList> LIST_POLICIES =
            read("ListPolicies", Service.IAM, ANY, ListPolicies.class, PolicyList.class);
    public static final Operation<AttachUserPolicy, NoOutput> ATTACH_USER_POLICY =
            write("AttachUserPolicy", Service.IAM, NAMED_USER, AttachUserPolicy.class, NoOutput.class);
    public static final Operation<DetachUserPolicy, NoOutput> DETACH_USER_POLICY =
            write("DetachUserPolicy", Service.IAM, NAMED_USER, DetachUserPolicy.class, NoOutput.class);
    public static final Operation<ListAttachedUserPolicies, AttachedPolicyList> LIST_ATTACHED_USER_POLICIES =
            read("ListAttachedUserPolicies", Service.IAM, NAMED_USER, ListAttachedUserPolicies.class,
                    AttachedPolicyList.class);
    /** REST only (AWS's SimulatePrincipalPolicy has another shape); authorised as the simulated user's GetUser. */
    public static final Operation<SimulatePrincipalPolicy, SimulationResult> SIMULATE_PRINCIPAL_POLICY =
            new Operation<>("SimulatePrincipalPolicy", Service.IAM, "iam:SimulatePrincipalPolicy", true, false,
                    NAMED_USER, SimulatePrincipalPolicy.class, SimulationResult.class);

    // ---------------------------------------------------------------- roles
    public static final Operation<CreateRole, RoleResult> CREATE_ROLE =
            write("CreateRole", Service.IAM, ROLE, CreateRole.class, RoleResult.class);
    public static final Operation<GetRole, RoleResult> GET_ROLE =
            read("GetRole", Service.IAM, ROLE, GetRole.class, RoleResult.class);
    public static final Operation<ListRoles, RoleList> LIST_ROLES =
            read("ListRoles", Service.IAM, "arn:aws:iam::{account}:role{pathPrefix}*", ListRoles.class,
                    RoleList.class);
    public static final Operation<UpdateRole, NoOutput> UPDATE_ROLE =
            write("UpdateRole", Service.IAM, ROLE, UpdateRole.class, NoOutput.class);
    public static final Operation<UpdateAssumeRolePolicy, NoOutput> UPDATE_ASSUME_ROLE_POLICY =
            write("UpdateAssumeRolePolicy", Service.IAM, ROLE, UpdateAssumeRolePolicy.class, NoOutput.class);
    public static final Operation<DeleteRole, NoOutput> DELETE_ROLE =
            write("DeleteRole", Service.IAM, ROLE, DeleteRole.class, NoOutput.class);
    public static final Operation<PutRolePolicy, NoOutput> PUT_ROLE_POLICY =
            write("PutRolePolicy", Service.IAM, ROLE, PutRolePolicy.class, NoOutput.class);
    public static final Operation<GetRolePolicy, RolePolicyResult> GET_ROLE_POLICY =
            read("GetRolePolicy", Service.IAM, ROLE, GetRolePolicy.class, RolePolicyResult.class);
    public static final Operation<DeleteRolePolicy, NoOutput> DELETE_ROLE_POLICY =
            write("DeleteRolePolicy", Service.IAM, ROLE, DeleteRolePolicy.class, NoOutput.class);
    public static final Operation<ListRolePolicies, PolicyNameList> LIST_ROLE_POLICIES =
            read("ListRolePolicies", Service.IAM, ROLE, ListRolePolicies.class, PolicyNameList.class);
    public static final Operation<AttachRolePolicy, NoOutput> ATTACH_ROLE_POLICY =
            write("AttachRolePolicy", Service.IAM, ROLE, AttachRolePolicy.class, NoOutput.class);
    public static final Operation<DetachRolePolicy, NoOutput> DETACH_ROLE_POLICY =
            write("DetachRolePolicy", Service.IAM, ROLE, DetachRolePolicy.class, NoOutput.class);
    public static final Operation<ListAttachedRolePolicies, AttachedPolicyList> LIST_ATTACHED_ROLE_POLICIES =
            read("ListAttachedRolePolicies", Service.IAM, ROLE, ListAttachedRolePolicies.class,
                    AttachedPolicyList.class);

    // ---------------------------------------------------------------- tags
    public static final Operation<TagUser, NoOutput> TAG_USER =
            write("TagUser", Service.IAM, NAMED_USER, TagUser.class, NoOutput.class);
    public static final Operation<UntagUser, NoOutput> UNTAG_USER =
            write("UntagUser", Service.IAM, NAMED_USER, UntagUser.class, NoOutput.class);
    public static final Operation<ListUserTags, TagList> LIST_USER_TAGS =
            read("ListUserTags", Service.IAM, NAMED_USER, ListUserTags.class, TagList.class);
    public static final Operation<TagRole, NoOutput> TAG_ROLE =
            write("TagRole", Service.IAM, ROLE, TagRole.class, NoOutput.class);
    public static final Operation<UntagRole, NoOutput> UNTAG_ROLE =
            write("UntagRole", Service.IAM, ROLE, UntagRole.class, NoOutput.class);
    public static final Operation<ListRoleTags, TagList> LIST_ROLE_TAGS =
            read("ListRoleTags", Service.IAM, ROLE, ListRoleTags.class, TagList.class);

    // ---------------------------------------------------------------- key hygiene
    /**
     * Quarantines a leaked key: attaches the built-in quarantine policy to the key's owner (a user; a root key is
     * refused) and optionally deactivates the key. Its own action, so that who may quarantine is granted apart from
     * who may attach policies or change keys. Undone by DetachUserPolicy.
     */
    public static final Operation<QuarantineAccessKey, QuarantineResult> QUARANTINE_ACCESS_KEY =
            new Operation<>("QuarantineAccessKey", Service.KEYWARDEN, "keywarden:QuarantineAccessKey", false, false,
                    "the key's owner: " + NAMED_USER, QuarantineAccessKey.class, QuarantineResult.class);

    // ---------------------------------------------------------------- console passwords
    public static final Operation<CreateLoginProfile, LoginProfileResult> CREATE_LOGIN_PROFILE =
            write("CreateLoginProfile", Service.IAM, USER, CreateLoginProfile.class, LoginProfileResult.class);
    public static final Operation<GetLoginProfile, LoginProfileResult> GET_LOGIN_PROFILE =
            read("GetLoginProfile", Service.IAM, USER, GetLoginProfile.class, LoginProfileResult.class);
    public static final Operation<UpdateLoginProfile, NoOutput> UPDATE_LOGIN_PROFILE =
            write("UpdateLoginProfile", Service.IAM, USER, UpdateLoginProfile.class, NoOutput.class);
    public static final Operation<DeleteLoginProfile, NoOutput> DELETE_LOGIN_PROFILE =
            write("DeleteLoginProfile", Service.IAM, USER, DeleteLoginProfile.class, NoOutput.class);
    /** Authorised only when the password policy does not let every user change their own password, as in AWS. */
    public static final Operation<ChangePassword, NoOutput> CHANGE_PASSWORD =
            write("ChangePassword", Service.IAM, "arn:aws:iam::{account}:user{path}{userName} (the caller; needed only"
                    + " without AllowUsersToChangePassword)", ChangePassword.class, NoOutput.class);
    public static final Operation<GetAccountPasswordPolicy, PasswordPolicyResult> GET_ACCOUNT_PASSWORD_POLICY =
            read("GetAccountPasswordPolicy", Service.IAM, ANY, GetAccountPasswordPolicy.class,
                    PasswordPolicyResult.class);
    public static final Operation<UpdateAccountPasswordPolicy, NoOutput> UPDATE_ACCOUNT_PASSWORD_POLICY =
            write("UpdateAccountPasswordPolicy", Service.IAM, ANY, UpdateAccountPasswordPolicy.class, NoOutput.class);
    public static final Operation<DeleteAccountPasswordPolicy, NoOutput> DELETE_ACCOUNT_PASSWORD_POLICY =
            write("DeleteAccountPasswordPolicy", Service.IAM, ANY, DeleteAccountPasswordPolicy.class, NoOutput.class);
    public static final Operation<CreateAccountAlias, NoOutput> CREATE_ACCOUNT_ALIAS =
            write("CreateAccountAlias", Service.IAM, ANY, CreateAccountAlias.class, NoOutput.class);
    public static final Operation<ListAccountAliases, AccountAliasList> LIST_ACCOUNT_ALIASES =
            read("ListAccountAliases", Service.IAM, ANY, ListAccountAliases.class, AccountAliasList.class);
    public static final Operation<DeleteAccountAlias, NoOutput> DELETE_ACCOUNT_ALIAS =
            write("DeleteAccountAlias", Service.IAM, ANY, DeleteAccountAlias.class, NoOutput.class);

    // ---------------------------------------------------------------- console sign-in
    /**
     * The console's sign-in, CloudTrail's {@code ConsoleLogin} ({@code signin.amazonaws.com}): authenticates by
     * password, or by the access key that signs it; needs no permission.
     */
    public static final Operation<ConsoleLogin, ConsoleSession> CONSOLE_LOGIN =
            new Operation<>("ConsoleLogin", Service.SIGNIN, null, false, false,
                    "none (authenticated by the password, or by the access key that signs it)", ConsoleLogin.class,
                    ConsoleSession.class, Operation.Authentication.SIGN_IN);
    /** Revokes the console session that signs it; needs no permission (any other credentials: AccessDenied). */
    public static final Operation<ConsoleSignOut, NoOutput> CONSOLE_SIGN_OUT =
            new Operation<>("ConsoleSignOut", Service.SIGNIN, null, false, false, "none (the signing console session)",
                    ConsoleSignOut.class, NoOutput.class);

    // ---------------------------------------------------------------- audit trail
    /** CloudTrail's LookupEvents: REST {@code GET /v1/audit-events} and JSON 1.1 on {@code POST /}. */
    public static final Operation<LookupEvents, EventList> LOOKUP_EVENTS =
            read("LookupEvents", Service.CLOUDTRAIL, ANY, LookupEvents.class, EventList.class);
    public static final Operation<VerifyAuditTrail, Verification> VERIFY_AUDIT_TRAIL =
            new Operation<>("VerifyAuditTrail", Service.KEYWARDEN, "keywarden:VerifyAuditTrail", true, false, ANY,
                    VerifyAuditTrail.class, Verification.class);

    // ---------------------------------------------------------------- master keys
    /** Which master key versions seal the stored secrets, and the re-seal's progress: REST {@code GET /v1/master-keys}. */
    public static final Operation<GetMasterKeyStatus, MasterKeyStatus> GET_MASTER_KEY_STATUS =
            new Operation<>("GetMasterKeyStatus", Service.KEYWARDEN, "keywarden:GetMasterKeyStatus", true, false, ANY,
                    GetMasterKeyStatus.class, MasterKeyStatus.class);

    // ---------------------------------------------------------------- webhooks (docs/webhooks.md)
    public static final Operation<CreateWebhook, CreatedWebhook> CREATE_WEBHOOK = keywarden("CreateWebhook", false,
            CreateWebhook.class, CreatedWebhook.class);
    public static final Operation<ListWebhooks, WebhookList> LIST_WEBHOOKS = keywarden("ListWebhooks", true,
            ListWebhooks.class, WebhookList.class);
    public static final Operation<GetWebhook, WebhookResult> GET_WEBHOOK = keywarden("GetWebhook", true,
            GetWebhook.class, WebhookResult.class);
    public static final Operation<UpdateWebhook, CreatedWebhook> UPDATE_WEBHOOK = keywarden("UpdateWebhook", false,
            UpdateWebhook.class, CreatedWebhook.class);
    public static final Operation<DeleteWebhook, NoOutput> DELETE_WEBHOOK = keywarden("DeleteWebhook", false,
            DeleteWebhook.class, NoOutput.class);
    public static final Operation<ListWebhookDeliveries, DeliveryList> LIST_WEBHOOK_DELIVERIES =
            keywarden("ListWebhookDeliveries", true, ListWebhookDeliveries.class, DeliveryList.class);

    // ---------------------------------------------------------------- key expiry policies (docs/key-hygiene.md)
    public static final Operation<GetKeyExpiryPolicy, KeyExpiryPolicyResult> GET_KEY_EXPIRY_POLICY =
            keywarden("GetKeyExpiryPolicy", true, GetKeyExpiryPolicy.class, KeyExpiryPolicyResult.class);
    public static final Operation<PutKeyExpiryPolicy, KeyExpiryPolicyResult> PUT_KEY_EXPIRY_POLICY =
            keywarden("PutKeyExpiryPolicy", false, PutKeyExpiryPolicy.class, KeyExpiryPolicyResult.class);
    public static final Operation<DeleteKeyExpiryPolicy, NoOutput> DELETE_KEY_EXPIRY_POLICY =
            keywarden("DeleteKeyExpiryPolicy", false, DeleteKeyExpiryPolicy.class, NoOutput.class);
    /** Every key's age, last use and what the expiry policy does to it next and when, with counts. */
    public static final Operation<GetKeyHygieneReport, KeyHygieneReport> GET_KEY_HYGIENE_REPORT =
            keywarden("GetKeyHygieneReport", true, GetKeyHygieneReport.class, KeyHygieneReport.class);

    private static final Map<String, Operation<?, ?>> BY_NAME = index(List.of(
            CREATE_USER, GET_USER, LIST_USERS, DELETE_USER,
            CREATE_ACCESS_KEY, LIST_ACCESS_KEYS, UPDATE_ACCESS_KEY, DELETE_ACCESS_KEY, GET_ACCESS_KEY_LAST_USED,
            FIND_ACCESS_KEY_OWNER, GET_CALLER_IDENTITY, GET_SESSION_TOKEN, ASSUME_ROLE, REVOKE_ROLE_SESSIONS,
            REVOKE_USER_SESSIONS, GET_ACCESS_KEY_INFO,
            GENERATE_CREDENTIAL_REPORT, GET_CREDENTIAL_REPORT,
            PUT_USER_POLICY, GET_USER_POLICY, DELETE_USER_POLICY, LIST_USER_POLICIES,
            CREATE_POLICY, GET_POLICY, GET_POLICY_VERSION, DELETE_POLICY, LIST_POLICIES,
            ATTACH_USER_POLICY, DETACH_USER_POLICY, LIST_ATTACHED_USER_POLICIES, SIMULATE_PRINCIPAL_POLICY,
            CREATE_ROLE, GET_ROLE, LIST_ROLES, UPDATE_ROLE, UPDATE_ASSUME_ROLE_POLICY, DELETE_ROLE,
            PUT_ROLE_POLICY, GET_ROLE_POLICY, DELETE_ROLE_POLICY, LIST_ROLE_POLICIES,
            ATTACH_ROLE_POLICY, DETACH_ROLE_POLICY, LIST_ATTACHED_ROLE_POLICIES,
            LOOKUP_EVENTS, VERIFY_AUDIT_TRAIL,
            TAG_USER, UNTAG_USER, LIST_USER_TAGS, TAG_ROLE, UNTAG_ROLE, LIST_ROLE_TAGS, QUARANTINE_ACCESS_KEY,
            GET_MASTER_KEY_STATUS,
            CREATE_WEBHOOK, LIST_WEBHOOKS, GET_WEBHOOK, UPDATE_WEBHOOK, DELETE_WEBHOOK, LIST_WEBHOOK_DELIVERIES,
            CREATE_LOGIN_PROFILE, GET_LOGIN_PROFILE, UPDATE_LOGIN_PROFILE, DELETE_LOGIN_PROFILE, CHANGE_PASSWORD,
            GET_ACCOUNT_PASSWORD_POLICY, UPDATE_ACCOUNT_PASSWORD_POLICY, DELETE_ACCOUNT_PASSWORD_POLICY,
            CREATE_ACCOUNT_ALIAS, LIST_ACCOUNT_ALIASES, DELETE_ACCOUNT_ALIAS,
            CONSOLE_LOGIN, CONSOLE_SIGN_OUT,
            GET_KEY_EXPIRY_POLICY, PUT_KEY_EXPIRY_POLICY, DELETE_KEY_EXPIRY_POLICY, GET_KEY_HYGIENE_REPORT,

            LIST_USER_SUMMARIES));

    /** Every operation, in the order above. */
    public static List<Operation<?, ?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The operation of this name (case-sensitive, as AWS's {@code Action}). */
    public static Optional<Operation<?, ?>> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The operation the Query face serves under this {@code Action}. */
    public static Optional<Operation<?, ?>> queryAction(String action) {
        return byName(action).filter(Operation::queryFace);
    }

    /** The operation the JSON 1.1 face serves under this {@code X-Amz-Target} (case-sensitive, as AWS). */
    public static Optional<Operation<?, ?>> jsonTarget(String target) {
        if (target == null) {
            return Optional.empty();
        }
        int dot = target.lastIndexOf('.');
        return byName(target.substring(dot + 1)).filter(op -> target.equals(op.jsonTarget()));
    }

    private static <Q extends Record, R extends Record> Operation<Q, R> read(String name, Service service,
                                                                             String resource, Class<Q> request,
                                                                             Class<R> result) {
        return new Operation<>(name, service, iamAction(service, name), true, true, resource, request, result);
    }

    private static <Q extends Record, R extends Record> Operation<Q, R> write(String name, Service service,
                                                                              String resource, Class<Q> request,
                                                                              Class<R> result) {
        return new Operation<>(name, service, iamAction(service, name), false, true, resource, request, result);
    }

    /** Keywarden's own operation, REST only, authorised as {@code keywarden:Name} on {@code *}. */
    private static <Q extends Record, R extends Record> Operation<Q, R> keywarden(String name, boolean readOnly,
                                                                                  Class<Q> request, Class<R> result) {
        return new Operation<>(name, Service.KEYWARDEN, iamAction(Service.KEYWARDEN, name), readOnly, false, ANY,
                request, result);
    }

    private static String iamAction(Service service, String name) {
        return service.actionPrefix() + ":" + name;
    }

    private static Map<String, Operation<?, ?>> index(List<Operation<?, ?>> operations) {
        Map<String, Operation<?, ?>> out = new LinkedHashMap<>();
        for (Operation<?, ?> op : operations) {
            if (out.put(op.name(), op) != null) {
                throw new IllegalStateException("operation " + op.name() + " is listed twice");
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
