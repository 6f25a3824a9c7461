package io.keywarden.server;

import io.keywarden.server.http.ApiDocs;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * The server. The OpenAPI document served at {@code GET /openapi.yml} is generated at build time from the
 * controllers in {@code io.keywarden.server.http}, the records in {@code io.keywarden.server.http.dto} and their
 * javadoc; this class carries its head.
 */
@OpenAPIDefinition(
        info = @Info(title = "Keywarden REST API", version = "0.1.0", description = """
                The resource-oriented JSON face of Keywarden, a self-hosted service for IAM-style access keys. It \
                shares every rule with the AWS Query face (`POST /`). Every request is authenticated with AWS \
                Signature Version 4 (the `Authorization` header, or a presigned query string) except `GET /health`, \
                `GET /ping`, `GET /openapi.yml` and `GET /prometheus`. Sign with service `iam` (identity and key \
                operations) or `sts` (`/v1/caller-identity`, `/v1/access-keys/{id}/info`) and any region; the \
                scope's service and region are recorded as the key's last use.

                `{user}` is a user name; `~` stands for the caller (for the root user: the root user's own keys; \
                operations that need a name refuse `~` for the root user with `ValidationError`). Dates are ISO-8601 \
                UTC with milliseconds. Lists take `maxItems` (1-1000, default 100) and `marker` and answer \
                `isTruncated` plus `marker` when truncated; markers are opaque.

                Request bodies are JSON objects with exactly the documented fields: an unknown field, a value of \
                another JSON type (no coercion of `5` into `"5"`) or a missing required field is a `ValidationError` \
                (400).

                Every response carries `x-amzn-RequestId`. Errors are the `Error` object `{"code","message",\
                "requestId"}` with the HTTP status of the code; the codes are AWS's (`NoSuchEntity` 404, \
                `EntityAlreadyExists` 409, `LimitExceeded` 409, `DeleteConflict` 409, `ValidationError` 400, \
                `InvalidInput` 400, `MalformedPolicyDocument` 400, `AccessDenied` 403, `InvalidClientTokenId` 403, \
                `SignatureDoesNotMatch` 403, `IncompleteSignature` 400, `MissingAuthenticationToken` 403, \
                `NotFound` 404, `MethodNotAllowed` 405, `UnsupportedMediaType` 415, `RequestEntityTooLarge` 413, \
                `ReportNotPresent` 410, `InternalFailure` 500, `ServiceUnavailable` 503). On `/` (the AWS Query \
                face) answers and errors are AWS's XML instead. Operations without a security requirement need no                 signature."""),
        servers = @Server(url = "http://localhost:8080"))
@SecurityScheme(name = ApiDocs.SIGV4, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "Authorization", description = """
                AWS Signature Version 4: `AWS4-HMAC-SHA256 Credential=AKID/yyyymmdd/region/service/aws4_request, \
                SignedHeaders=host;x-amz-date;..., Signature=...` with `X-Amz-Date`, or the presigned query form \
                (`X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`, \
                `X-Amz-Signature`). The request time must be within 15 minutes of the server's clock.""")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
