package io.keywarden.server.query;

import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.port.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The IAM policy actions of the Query face, over {@link PolicyService}. Policy documents come back URL-encoded
 * (RFC 3986), as AWS sends them.
 */
public final class PolicyQueryActions {
    private PolicyQueryActions() {
    }

    public static void register(QueryDispatcher dispatcher, PolicyService policies) {
        String ns = QueryDispatcher.IAM_NS;
        dispatcher.register("PutUserPolicy", ns, (caller, p, r) -> {
            policies.putUserPolicy(caller, p.required("UserName"), p.required("PolicyName"), p.required("PolicyDocument"));
            return false;
        });
        dispatcher.register("GetUserPolicy", ns, (caller, p, r) -> {
            String user = p.required("UserName");
            InlinePolicy policy = policies.getUserPolicy(caller, user, p.required("PolicyName"));
            r.element("UserName", user).element("PolicyName", policy.policyName())
                    .element("PolicyDocument", rfc3986(policy.document()));
            return true;
        });
        dispatcher.register("DeleteUserPolicy", ns, (caller, p, r) -> {
            policies.deleteUserPolicy(caller, p.required("UserName"), p.required("PolicyName"));
            return false;
        });
        dispatcher.register("ListUserPolicies", ns, (caller, p, r) -> {
            Page<String> page = policies.listUserPolicies(caller, p.required("UserName"), p.page());
            r.start("PolicyNames");
            page.items().forEach(n -> r.element("member", n));
            r.end("PolicyNames");
            QueryDispatcher.truncation(r, page);
            return true;
        });
        dispatcher.register("CreatePolicy", ns, (caller, p, r) -> {
            ManagedPolicy policy = policies.createPolicy(caller, p.required("PolicyName"), p.optional("Path"),
                    p.required("PolicyDocument"), p.optional("Description"));
            r.start("Policy");
            policy(r, policy);
            r.end("Policy");
            return true;
        });
        dispatcher.register("GetPolicy", ns, (caller, p, r) -> {
            r.start("Policy");
            policy(r, policies.getPolicy(caller, p.required("PolicyArn")));
            r.end("Policy");
            return true;
        });
        dispatcher.register("GetPolicyVersion", ns, (caller, p, r) -> {
            ManagedPolicy policy = policies.getPolicy(caller, p.required("PolicyArn"));
            String version = p.required("VersionId");
            if (!version.equals(policy.defaultVersionId())) {
                throw io.keywarden.core.error.KeywardenException.of(io.keywarden.core.error.ErrorCode.NO_SUCH_ENTITY,
                        "Policy " + policy.arn() + " version " + version + " does not exist or is not attachable.");
            }
            r.start("PolicyVersion")
                    .element("Document", rfc3986(policy.document()))
                    .element("VersionId", policy.defaultVersionId())
                    .element("IsDefaultVersion", true)
                    .element("CreateDate", policy.createDate())
                    .end("PolicyVersion");
            return true;
        });
        dispatcher.register("DeletePolicy", ns, (caller, p, r) -> {
            policies.deletePolicy(caller, p.required("PolicyArn"));
            return false;
        });
        dispatcher.register("ListPolicies", ns, (caller, p, r) -> {
            Page<ManagedPolicy> page = policies.listPolicies(caller, p.optional("Scope"), p.bool("OnlyAttached", false),
                    p.optional("PathPrefix"), p.page());
            r.start("Policies");
            for (ManagedPolicy policy : page.items()) {
                r.start("member");
                policy(r, policy);
                r.end("member");
            }
            r.end("Policies");
            QueryDispatcher.truncation(r, page);
            return true;
        });
        dispatcher.register("AttachUserPolicy", ns, (caller, p, r) -> {
            policies.attachUserPolicy(caller, p.required("UserName"), p.required("PolicyArn"));
            return false;
        });
        dispatcher.register("DetachUserPolicy", ns, (caller, p, r) -> {
            policies.detachUserPolicy(caller, p.required("UserName"), p.required("PolicyArn"));
            return false;
        });
        dispatcher.register("ListAttachedUserPolicies", ns, (caller, p, r) -> {
            Page<ManagedPolicy> page = policies.listAttachedUserPolicies(caller, p.required("UserName"),
                    p.optional("PathPrefix"), p.page());
            r.start("AttachedPolicies");
            for (ManagedPolicy policy : page.items()) {
                r.start("member").element("PolicyName", policy.policyName()).element("PolicyArn", policy.arn()).end("member");
            }
            r.end("AttachedPolicies");
            QueryDispatcher.truncation(r, page);
            return true;
        });
    }

    private static void policy(Xml r, ManagedPolicy policy) {
        r.element("PolicyName", policy.policyName())
                .element("PolicyId", policy.policyId())
                .element("Arn", policy.arn())
                .element("Path", policy.path())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("AttachmentCount", policy.attachmentCount())
                .element("PermissionsBoundaryUsageCount", 0)
                .element("IsAttachable", true)
                .element("Description", policy.description().isEmpty() ? null : policy.description())
                .element("CreateDate", policy.createDate())
                .element("UpdateDate", policy.updateDate());
    }

    /** RFC 3986 percent-encoding: unreserved characters stay, a space is %20 (not +). */
    static String rfc3986(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
