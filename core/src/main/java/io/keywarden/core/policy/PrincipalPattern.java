package io.keywarden.core.policy;

import io.keywarden.core.error.KeywardenException;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One principal named by a trust policy's {@code Principal} element: {@code "*"} (anyone), or a value of the
 * {@code AWS}, {@code Service} or {@code Federated} principal type. AWS principals are checked when the policy is
 * parsed, as IAM checks them: an account ID, {@code arn:aws:iam::ACCOUNT:root}, a user or role ARN (with its path), an
 * assumed-role session ARN or a federated-user ARN; no wildcard other than the whole value {@code *}. Service and
 * federated principals are accepted (an {@code ec2.amazonaws.com}, a SAML or OIDC provider) and never match a caller
 * of Keywarden, which has neither services nor identity providers.
 */
public final class PrincipalPattern {
    /** The principal types a trust policy may name. */
    public enum Type {
        /** {@code "Principal": "*"} or {@code {"AWS": "*"}}: any principal. */
        ANYONE,
        /** {@code {"AWS": "123456789012"}} or {@code arn:aws:iam::123456789012:root}: every principal of the account. */
        ACCOUNT,
        /** {@code arn:aws:iam::ACCOUNT:user/PATH/NAME}. */
        USER,
        /** {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}: the role's sessions. */
        ROLE,
        /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}: one session. */
        ASSUMED_ROLE,
        /** {@code arn:aws:sts::ACCOUNT:federated-user/NAME}: parsed, never matches. */
        FEDERATED_USER,
        /** {@code {"Service": "..."}}: parsed, never matches. */
        SERVICE,
        /** {@code {"Federated": "..."}}: parsed, never matches. */
        FEDERATED
    }

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern IAM_ARN = Pattern.compile(
            "arn:aws:iam::(\\d{12}):(root|user/([\\u0021-\\u007E]*/)?[\\w+=,.@-]{1,64}"
                    + "|role/([\\u0021-\\u007E]*/)?[\\w+=,.@-]{1,64})");
    private static final Pattern STS_ARN = Pattern.compile(
            "arn:aws:sts::(\\d{12}):(assumed-role/[\\w+=,.@-]{1,64}/[\\w+=,.@-]{2,64}|federated-user/[\\w+=,.@-]{2,32})");

    private final Type type;
    private final String text;
    private final String account;

    private PrincipalPattern(Type type, String text, String account) {
        this.type = type;
        this.text = text;
        this.account = account;
    }

    /** {@code "Principal": "*"}. */
    static PrincipalPattern anyone() {
        return new PrincipalPattern(Type.ANYONE, "*", null);
    }

    /**
     * A value of the principal type {@code AWS}, {@code Service} or {@code Federated}.
     *
     * @throws KeywardenException {@code MALFORMED_POLICY_DOCUMENT} for a value IAM refuses
     */
    static PrincipalPattern parse(String principalType, String value) {
        switch (principalType) {
            case "AWS" -> {
                return aws(value);
            }
            case "Service" -> {
                if (value.isEmpty() || value.contains("*") || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                    throw invalid(principalType, value);
                }
                return new PrincipalPattern(Type.SERVICE, value, null);
            }
            case "Federated" -> {
                if (value.isEmpty() || value.contains("*") || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                    throw invalid(principalType, value);
                }
                return new PrincipalPattern(Type.FEDERATED, value, null);
            }
            default -> throw PolicyDocument.malformed("unknown principal type '" + principalType
                    + "' (a trust policy names principals of type AWS, Service or Federated)");
        }
    }

    private static PrincipalPattern aws(String value) {
        if (value.equals("*")) {
            return new PrincipalPattern(Type.ANYONE, value, null);
        }
        if (ACCOUNT_ID.matcher(value).matches()) {
            return new PrincipalPattern(Type.ACCOUNT, value, value);
        }
        var iam = IAM_ARN.matcher(value);
        if (iam.matches()) {
            String resource = iam.group(2);
            Type type = resource.equals("root") ? Type.ACCOUNT : resource.startsWith("user/") ? Type.USER : Type.ROLE;
            if (value.contains("*") || value.contains("?") || (type != Type.ACCOUNT && resource.contains("//"))) {
                throw invalid("AWS", value);
            }
            return new PrincipalPattern(type, value, iam.group(1));
        }
        var sts = STS_ARN.matcher(value);
        if (sts.matches()) {
            Type type = sts.group(2).startsWith("assumed-role/") ? Type.ASSUMED_ROLE : Type.FEDERATED_USER;
            return new PrincipalPattern(type, value, sts.group(1));
        }
        throw invalid("AWS", value);
    }

    private static KeywardenException invalid(String principalType, String value) {
        return PolicyDocument.malformed("Invalid principal in policy: \"" + principalType + "\":\"" + value + "\"");
    }

    public Type type() {
        return type;
    }

    /** The value as written ({@code *} for anyone). */
    public String text() {
        return text;
    }

    /** The account the value names (account ID, or the account in its ARN); empty for anyone, services and federation. */
    public Optional<String> accountId() {
        return Optional.ofNullable(account);
    }

    /**
     * Whether the calling principal is one this pattern names: anyone; any principal of the account (account ID or
     * {@code :root}); the user or session of that exact ARN; for a role ARN, every session of that role (AWS matches a
     * role principal against the sessions of the role). Service and federated principals match no caller.
     */
    public boolean matches(TrustRequest request) {
        return switch (type) {
            case ANYONE -> true;
            case ACCOUNT -> account.equals(request.principalAccount());
            case USER, ASSUMED_ROLE -> text.equals(request.principalArn());
            case ROLE -> text.equals(request.principalRoleArn());
            case FEDERATED_USER, SERVICE, FEDERATED -> false;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrincipalPattern p && p.type == type && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text);
    }

    @Override
    public String toString() {
        return switch (type) {
            case SERVICE -> "Service:" + text;
            case FEDERATED -> "Federated:" + text;
            default -> "AWS:" + text;
        };
    }
}
