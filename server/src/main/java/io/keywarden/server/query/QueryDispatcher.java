package io.keywarden.server.query;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.port.Page;
import io.keywarden.core.service.CallerIdentity;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.service.KeyLastUsedInfo;
import io.keywarden.core.service.UserInfo;
import io.keywarden.core.service.UserSummary;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS Query protocol face: dispatches on {@code Action} to the same use cases as the REST face and renders AWS's
 * XML exactly ({@code {Action}Result} first, lists always present, no Result element for operations without output).
 * Framework-free: the HTTP adapter hands it the authenticated caller and the decoded parameters.
 */
public final class QueryDispatcher {
    public static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    /** A rendered reply: HTTP status and XML body. */
    public record Reply(int status, String xml) {
    }

    @FunctionalInterface
    public interface Operation {
        /** Performs the action, writing the Result element's content; returns false for an action without output. */
        boolean perform(Caller caller, QueryParams params, Xml result);
    }

    private record Action(String namespace, Operation operation, boolean blocking) {
    }

    /** Written while features register (normally before the first request), read by every request. */
    private final Map<String, Action> actions = new ConcurrentHashMap<>();

    public QueryDispatcher(IdentityService identity, CredentialReportService reports) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(reports, "reports");
        registerIdentity(identity);
        registerReports(reports);
    }

    /** Adds an action (used by features that plug into this face). It may block (database I/O). */
    public void register(String name, String namespace, Operation operation) {
        actions.put(name, new Action(namespace, operation, true));
    }

    /** Adds an action that never blocks (no I/O at all), so the HTTP adapter may run it on the event loop. */
    public void registerNonBlocking(String name, String namespace, Operation operation) {
        actions.put(name, new Action(namespace, operation, false));
    }

    /** The names of the registered actions. */
    public java.util.Set<String> actionNames() {
        return java.util.Set.copyOf(actions.keySet());
    }

    public boolean knows(String action) {
        return action != null && actions.containsKey(action);
    }

    /**
     * Whether performing this action may block. Unknown (and absent) actions do not: they fail at once with
     * {@code InvalidAction} ({@code MissingAction}).
     */
    public boolean blocks(String action) {
        Action a = action == null ? null : actions.get(action);
        return a != null && a.blocking();
    }

    /** The namespace errors of this action are rendered in (IAM for unknown actions). */
    public String namespaceOf(String action) {
        Action a = action == null ? null : actions.get(action);
        return a == null ? IAM_NS : a.namespace();
    }

    public Reply dispatch(Caller caller, Map<String, String> parameters, String requestId) {
        String name = parameters.get("Action");
        if (name == null || name.isEmpty()) {
            throw KeywardenException.of(ErrorCode.MISSING_ACTION, "Missing Action");
        }
        Action action = actions.get(name);
        if (action == null) {
            throw KeywardenException.of(ErrorCode.INVALID_ACTION,
                    "Could not find operation " + name + " for version " + parameters.getOrDefault("Version", "NO_VERSION_SPECIFIED"));
        }
        Xml result = new Xml();
        boolean hasOutput = action.operation().perform(caller, new QueryParams(parameters), result);
        Xml xml = new Xml().start(name + "Response", action.namespace());
        if (hasOutput) {
            // botocore and the Java SDK look up {Action}Result by name: it must be the first child
            xml.start(name + "Result");
            xml.raw(result);
            xml.end(name + "Result");
        }
        xml.start("ResponseMetadata").element("RequestId", requestId).end("ResponseMetadata");
        xml.end(name + "Response");
        return new Reply(200, xml.toString());
    }

    /** AWS's XML error envelope. */
    public static String errorXml(String namespace, ErrorCode code, String message, String requestId) {
        Xml xml = new Xml().start("ErrorResponse", namespace).start("Error")
                .element("Type", code.faultType())
                .element("Code", code.code())
                .element("Message", message)
                .end("Error")
                .element("RequestId", requestId)
                .end("ErrorResponse");
        return xml.toString();
    }

    // ---------------------------------------------------------------- IAM users and keys, STS

    private void registerIdentity(IdentityService identity) {
        register("CreateUser", IAM_NS, (caller, p, r) -> {
            if (!p.structList("Tags").isEmpty()) {
                throw KeywardenException.of(ErrorCode.INVALID_INPUT, "user tags are not supported");
            }
            if (p.optional("PermissionsBoundary") != null) {
                throw KeywardenException.of(ErrorCode.INVALID_INPUT, "permissions boundaries are not supported");
            }
            User u = identity.createUser(caller, p.required("UserName"), p.optional("Path"));
            user(r, UserInfo.of(u));
            return true;
        });
        register("GetUser", IAM_NS, (caller, p, r) -> {
            user(r, identity.getUser(caller, p.optional("UserName")));
            return true;
        });
        register("ListUsers", IAM_NS, (caller, p, r) -> {
            Page<UserSummary> page = identity.listUsers(caller, p.optional("PathPrefix"), p.page());
            r.start("Users");
            for (UserSummary s : page.items()) {
                r.start("member");
                userFields(r, UserInfo.of(s.user()));
                r.end("member");
            }
            r.end("Users");
            truncation(r, page);
            return true;
        });
        register("DeleteUser", IAM_NS, (caller, p, r) -> {
            identity.deleteUser(caller, p.required("UserName"));
            return false;
        });
        register("CreateAccessKey", IAM_NS, (caller, p, r) -> {
            NewAccessKey created = identity.createAccessKey(caller, p.optional("UserName"));
            AccessKey k = created.key();
            r.start("AccessKey")
                    .element("UserName", k.owner().name().map(Object::toString).orElse(null))
                    .element("AccessKeyId", k.id().value())
                    .element("Status", k.status().wireName())
                    .element("SecretAccessKey", created.secret().reveal())
                    .element("CreateDate", k.createDate())
                    .end("AccessKey");
            return true;
        });
        register("ListAccessKeys", IAM_NS, (caller, p, r) -> {
            String userName = p.optional("UserName");
            Page<AccessKey> page = identity.listAccessKeys(caller, userName, p.page());
            String owner = userName != null ? userName : caller.principal().user().map(u -> u.userName().value()).orElse(null);
            r.element("UserName", owner);
            r.start("AccessKeyMetadata");
            for (AccessKey k : page.items()) {
                r.start("member")
                        .element("UserName", k.owner().name().map(Object::toString).orElse(null))
                        .element("AccessKeyId", k.id().value())
                        .element("Status", k.status().wireName())
                        .element("CreateDate", k.createDate())
                        .end("member");
            }
            r.end("AccessKeyMetadata");
            truncation(r, page);
            return true;
        });
        register("UpdateAccessKey", IAM_NS, (caller, p, r) -> {
            identity.updateAccessKey(caller, p.optional("UserName"), p.required("AccessKeyId"), p.required("Status"));
            return false;
        });
        register("DeleteAccessKey", IAM_NS, (caller, p, r) -> {
            identity.deleteAccessKey(caller, p.optional("UserName"), p.required("AccessKeyId"));
            return false;
        });
        register("GetAccessKeyLastUsed", IAM_NS, (caller, p, r) -> {
            KeyLastUsedInfo info = identity.getAccessKeyLastUsed(caller, p.required("AccessKeyId"));
            r.element("UserName", info.userName());
            r.start("AccessKeyLastUsed");
            info.record().ifPresent(u -> r.element("LastUsedDate", u.date()));
            r.element("ServiceName", info.serviceName()).element("Region", info.region());
            r.end("AccessKeyLastUsed");
            return true;
        });
        registerNonBlocking("GetCallerIdentity", STS_NS, (caller, p, r) -> {
            CallerIdentity id = identity.getCallerIdentity(caller);
            r.element("UserId", id.userId()).element("Account", id.account()).element("Arn", id.arn());
            return true;
        });
        register("GetAccessKeyInfo", STS_NS, (caller, p, r) -> {
            r.element("Account", identity.getAccessKeyInfo(caller, p.required("AccessKeyId")).value());
            return true;
        });
    }

    private void registerReports(CredentialReportService reports) {
        register("GenerateCredentialReport", IAM_NS, (caller, p, r) -> {
            CredentialReportService.GenerateResult g = reports.generate(caller);
            r.element("State", g.state().name()).element("Description", g.description());
            return true;
        });
        register("GetCredentialReport", IAM_NS, (caller, p, r) -> {
            CredentialReportService.Report report = reports.get(caller);
            r.element("Content", Base64.getEncoder().encodeToString(report.csv()))
                    .element("ReportFormat", "text/csv")
                    .element("GeneratedTime", report.generatedTime());
            return true;
        });
    }

    // ---------------------------------------------------------------- shapes

    private static void user(Xml r, UserInfo u) {
        r.start("User");
        userFields(r, u);
        r.end("User");
    }

    private static void userFields(Xml r, UserInfo u) {
        r.element("Path", u.userPath().map(Object::toString).orElse(null))
                .element("UserName", u.name().map(Object::toString).orElse(null))
                .element("UserId", u.userId())
                .element("Arn", u.arn())
                .element("CreateDate", u.createDate());
    }

    public static void truncation(Xml r, Page<?> page) {
        r.element("IsTruncated", page.isTruncated());
        page.marker().ifPresent(m -> r.element("Marker", m));
    }
}
