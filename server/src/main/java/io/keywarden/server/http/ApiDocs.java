package io.keywarden.server.http;

import io.keywarden.server.http.dto.ErrorDto;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The pieces of the OpenAPI document shared by many operations, as annotations the generator reads like the
 * ones they carry: the error answers (always the one {@code Error} schema) and the common parameters.
 */
public final class ApiDocs {
    /** The security scheme of {@code io.keywarden.server.Application}'s {@code @SecurityScheme}. */
    public static final String SIGV4 = "sigv4";
    private ApiDocs() {
    }

    /**
     * Any signed call of the REST face: signed with SigV4, and its error answers (a bad request, an authentication or
     * authorisation failure, a failure of the server).
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = SIGV4)
    @ApiResponse(responseCode = "400", description = "`ValidationError` (a parameter or body field is missing, of "
            + "the wrong type or invalid; an unknown body field), `InvalidInput`, `MalformedPolicyDocument`, "
            + "`IncompleteSignature`",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorDto.class)))
    @ApiResponse(responseCode = "403", description = "`AccessDenied` (no policy allows the call), "
            + "`InvalidClientTokenId` (unknown or Inactive key), `SignatureDoesNotMatch`, `MissingAuthenticationToken`",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorDto.class)))
    @ApiResponse(responseCode = "500", description = "`InternalFailure`",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorDto.class)))
    public @interface SignedCall {
    }

    /** A call of the AWS Query face: signed with SigV4, answered with AWS's XML, not JSON. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = SIGV4)
    @ApiResponse(responseCode = "200", description = "AWS's XML answer: `<{Action}Response "
            + "xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">` (STS: "
            + "`https://sts.amazonaws.com/doc/2011-06-15/`) with `{Action}Result` (for actions with output) and "
            + "`ResponseMetadata/RequestId`.",
            content = @Content(mediaType = "text/xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "4XX", description = "AWS's XML error envelope `<ErrorResponse><Error><Type>"
            + "Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`, with the HTTP status of "
            + "the code (authentication failures included); `InternalFailure` is a 500.",
            content = @Content(mediaType = "text/xml", schema = @Schema(type = "string")))
    public @interface QueryAnswers {
    }

    /** A named user, key or policy that does not exist. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "`NoSuchEntity`: the user, role, key or policy does not exist",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorDto.class)))
    public @interface NoSuchEntity {
    }

    /** A conflict with the state of the account; the operation's description names the codes it answers. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "409", description = "`EntityAlreadyExists`, `LimitExceeded` or `DeleteConflict`, "
            + "as the operation's description says",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorDto.class)))
    public @interface Conflict {
    }

    /** The authenticated caller: bound from the request's signature, not a parameter of the API. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(hidden = true)
    public @interface Hidden {
    }

    /** {@code {user}} in a path, where {@code ~} is the caller and the root user stands for itself. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "A user name, or `~` for the caller (for the root user: the root user itself).",
            schema = @Schema(type = "string", pattern = USER_OR_SELF))
    public @interface UserOrMe {
    }

    /** {@code {user}} in a path of an operation that needs a name: {@code ~} is the calling IAM user. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "A user name, or `~` for the calling IAM user (the root user has no name: "
            + "`ValidationError`).", schema = @Schema(type = "string", pattern = USER_OR_SELF))
    public @interface UserName {
    }

    /** {@code {role}} in a path: a role name. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "A role name.", schema = @Schema(type = "string", pattern = USER))
    public @interface RoleName {
    }

    /** {@code {id}}: an access key ID. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "An access key ID.",
            schema = @Schema(type = "string", pattern = "^\\w{16,128}$", example = "AKIARZPUZDIKGB2VALC4"))
    public @interface AccessKeyId {
    }

    /** {@code {name}}: an inline policy's name. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "An inline policy's name.",
            schema = @Schema(type = "string", pattern = "^[\\w+=,.@-]{1,128}$"))
    public @interface PolicyName {
    }

    /** {@code {arn}}: a managed policy's ARN in one path segment. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "A managed policy's ARN, percent-encoded into one path segment (`/` as `%2F`, "
            + "`:` as `%3A`).", schema = @Schema(type = "string",
            example = "arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2FManageOwnAccessKeys"))
    public @interface PolicyArn {
    }

    /** A query parameter that holds an ISO-8601 instant. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(schema = @Schema(type = "string", format = "date-time"))
    public @interface DateTime {
    }

    /** {@code maxItems}: the page size. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "The page size.",
            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
    public @interface MaxItems {
    }

    /** {@code marker}: where the page starts. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Parameter(description = "The `marker` of the previous page (opaque); absent for the first page.",
            schema = @Schema(type = "string", minLength = 1, maxLength = 320))
    public @interface Marker {
    }

    private static final String USER = "^[\\w+=,.@-]{1,64}$";
    /** A user name or {@code ~}, the caller. */
    private static final String USER_OR_SELF = "^([\\w+=,.@-]{1,64}|~)$";
}
