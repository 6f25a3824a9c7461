package io.keywarden.server;

import io.keywarden.core.audit.AuditService;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Operations;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.permissions.RoleService;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.session.SessionService;
import io.keywarden.server.config.OperationBeans;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import io.keywarden.server.support.LogCapture;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Query face at the HTTP level, with hand-made requests: how parameters are decoded, that GET works as POST, and
 * that every failure on {@code /} — the dispatcher's, the authentication filter's and Micronaut's own — is AWS's XML
 * error envelope with the code's status, {@code x-amzn-RequestId} and {@code Date}.
 */
@MicronautTest(transactional = false)
@Property(name = "keywarden.test.exploding-operation", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryFaceTest extends ServerTestSupport {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String IAM = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";

    /** The server's operations, but GetPolicyVersion fails as a bug would (only in this test's context). */
    @Factory
    @Requires(property = "keywarden.test.exploding-operation", value = "true")
    static class ExplodingOperations {
        @Singleton
        @Replaces(value = Operations.class, factory = OperationBeans.class)
        Operations operations(IdentityService identity, PolicyService policies, RoleService roles,
                              CredentialReportService reports, AuditService audit, SessionService sessions,
                              io.keywarden.core.permissions.AssumeRoleService assume,
                              io.keywarden.core.permissions.KeyHygieneService hygiene,
                              io.keywarden.core.service.MasterKeyService masterKeys,
                              io.keywarden.core.notify.WebhookService webhooks,
                              io.keywarden.core.password.PasswordService passwords,
                              io.keywarden.core.signin.ConsoleSignIn console,
                              io.keywarden.core.expiry.KeyExpiryService expiry,
                              io.keywarden.core.service.UserSummaryService summaries) {
            return Operations.standard(identity, policies, roles, reports, audit, sessions, assume, hygiene, masterKeys, webhooks, passwords, console, expiry,
                    summaries).with(Catalogue.GET_POLICY_VERSION,
                    (c, q) -> {
                        throw new IllegalStateException("boom: secret detail");
                    });
        }
    }

    private Response post(String form) {
        return root().send("POST", "/", FORM, form.getBytes(StandardCharsets.UTF_8));
    }

    private static Document xml(Response r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String element) {
        var nodes = d.getElementsByTagNameNS("*", element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** Checks AWS's error envelope and headers; returns the message. */
    private static String assertXmlError(Response r, int status, String code, String namespace) throws Exception {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).isEqualTo("text/xml");
        Document d = xml(r);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("ErrorResponse");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(namespace);
        assertThat(text(d, "Type")).isEqualTo(status >= 500 ? "Receiver" : "Sender");
        assertThat(text(d, "Code")).isEqualTo(code);
        assertThat(text(d, "RequestId")).isNotBlank().isEqualTo(r.header("x-amzn-RequestId"));
        assertThat(ZonedDateTime.parse(r.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(r.body()).doesNotContain("Exception", "io.micronaut", "java.", "\tat ");
        return text(d, "Message");
    }

    @Test
    void successAnswersAreTextXmlWithRequestIdAndDate() throws Exception {
        Response r = post("Action=GetUser&Version=2010-05-08");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/xml");
        assertThat(r.header("Date")).isNotBlank();
        Document d = xml(r);
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("GetUserResponse");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(IAM);
        assertThat(text(d, "RequestId")).isEqualTo(r.header("x-amzn-RequestId"));
    }

    @Test
    void plusIsASpaceAndPercentEscapesAreUtf8() throws Exception {
        assertThat(post("Action=CreateUser&UserName=q%2Bplus%40x.y").status()).isEqualTo(200);
        assertThat(text(xml(post("Action=GetUser&UserName=q%2bplus%40x.y")), "UserName")).isEqualTo("q+plus@x.y");
        // a '+' in the form is a space, which no user name may hold
        assertThat(assertXmlError(post("Action=CreateUser&UserName=q+space"), 400, "ValidationError", IAM))
                .contains("'userName'");
        // percent-encoded UTF-8 is decoded (and then refused by the name's pattern, as AWS does)
        assertThat(assertXmlError(post("Action=CreateUser&UserName=%C3%BCml"), 400, "ValidationError", IAM))
                .contains("'userName'");
    }

    @Test
    void malformedEncodingIsMalformedQueryString() throws Exception {
        assertXmlError(post("Action=GetUser&UserName=a%ZZ"), 404, "MalformedQueryString", IAM);
        assertXmlError(post("Action=GetUser&UserName=%C3"), 404, "MalformedQueryString", IAM);
        assertXmlError(post("Action=GetUser&=x"), 404, "MalformedQueryString", IAM);
    }

    @Test
    void aParameterGivenTwiceIsRefused() throws Exception {
        assertThat(assertXmlError(post("Action=GetUser&UserName=a&UserName=b"), 400, "ValidationError", IAM))
                .isEqualTo("parameter 'UserName' is given more than once");
        assertXmlError(root().send("POST", "/?UserName=a", FORM,
                "Action=GetUser&UserName=b".getBytes(StandardCharsets.UTF_8)), 400, "ValidationError", IAM);
    }

    @Test
    void listsAreMemberNumberedAndAnEmptyListIsAllowed() throws Exception {
        assertThat(post("Action=CreateUser&UserName=q-empty-tags&Tags=").status()).isEqualTo(200);
        Response tagged = post("Action=CreateUser&UserName=q-tagged&Tags.member.1.Key=team&Tags.member.1.Value=blue");
        assertThat(tagged.status()).isEqualTo(200);
        assertThat(tagged.body()).contains("<Tags><member><Key>team</Key><Value>blue</Value></member></Tags>");
        assertXmlError(post("Action=CreateUser&UserName=q-bad-tags&Tags.1.Key=team"), 400, "ValidationError", IAM);
    }

    @Test
    void missingAndUnknownActions() throws Exception {
        assertThat(assertXmlError(post("Version=2010-05-08"), 400, "MissingAction", IAM)).isEqualTo("Missing Action");
        assertThat(assertXmlError(post("Action=Frobnicate&Version=2010-05-08"), 400, "InvalidAction", IAM))
                .isEqualTo("Could not find operation Frobnicate for version 2010-05-08");
        assertXmlError(root().get("/"), 400, "MissingAction", IAM);
        // signed for STS: the error is in STS's namespace
        assertXmlError(root().withScope("us-east-1", "sts").send("POST", "/", FORM,
                "Action=Frobnicate&Version=2011-06-15".getBytes(StandardCharsets.UTF_8)), 400, "InvalidAction", STS);
    }

    @Test
    void missingRequiredParameterIsAValidationErrorInTheActionsNamespace() throws Exception {
        assertThat(assertXmlError(post("Action=GetAccessKeyInfo&Version=2011-06-15"), 400, "ValidationError", STS))
                .isEqualTo("1 validation error detected: Value at 'accessKeyId' failed to satisfy constraint: "
                        + "Member must not be null");
        assertXmlError(post("Action=DeleteUser&Version=2010-05-08"), 400, "ValidationError", IAM);
    }

    @Test
    void getWithQueryParametersWorksLikePost() throws Exception {
        Response r = root().withScope("us-east-1", "sts").get("/?Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Document d = xml(r);
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(STS);
        assertThat(text(d, "Arn")).endsWith(":root");
        assertThat(text(xml(root().get("/?Action=ListUsers&MaxItems=1")), "IsTruncated")).isNotNull();
    }

    @Test
    void aBodyArrivingInChunksIsDecodedWhole() throws Exception {
        Response r = root().sendChunked("POST", "/", FORM,
                ("Action=CreateUser&UserName=q-chunked&Path=%2F" + "p".repeat(300) + "%2F")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(text(xml(r), "Path")).isEqualTo("/" + "p".repeat(300) + "/");
    }

    @Test
    void authenticationFailuresAreXmlErrors() throws Exception {
        Response unsigned = anonymous().send("POST", "/", FORM,
                "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8));
        assertThat(assertXmlError(unsigned, 403, "MissingAuthenticationToken", IAM))
                .isEqualTo("Request is missing Authentication Token");
        assertXmlError(anonymous().get("/?Action=GetCallerIdentity&Version=2011-06-15"), 403,
                "MissingAuthenticationToken", STS);

        SignedClient unknown = as("AKIAQYLPMN5HQQQQQQQQ", ROOT_SECRET).withScope("us-east-1", "sts");
        assertThat(assertXmlError(unknown.send("POST", "/", FORM,
                "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8)), 403,
                "InvalidClientTokenId", STS)).isEqualTo("The security token included in the request is invalid.");

        Response tampered = root().sendTampered("POST", "/", FORM,
                "Action=GetUser&UserName=alice".getBytes(StandardCharsets.UTF_8),
                "Action=GetUser&UserName=mallory".getBytes(StandardCharsets.UTF_8));
        assertXmlError(tampered, 403, "SignatureDoesNotMatch", IAM);

        Response skewed = root().at(Instant.now().minusSeconds(3600)).send("POST", "/", FORM,
                "Action=GetUser".getBytes(StandardCharsets.UTF_8));
        assertThat(assertXmlError(skewed, 403, "SignatureDoesNotMatch", IAM)).startsWith("Signature expired: ");
    }

    @Test
    void unsupportedMethodsAndMediaTypesAreXmlErrors() throws Exception {
        assertXmlError(root().send("PUT", "/", FORM, "Action=GetUser".getBytes(StandardCharsets.UTF_8)), 405,
                "MethodNotAllowed", IAM);
        assertXmlError(root().delete("/"), 405, "MethodNotAllowed", IAM);
        assertThat(assertXmlError(root().send("POST", "/", "application/json",
                "{\"Action\":\"GetUser\"}".getBytes(StandardCharsets.UTF_8)), 415, "UnsupportedMediaType", IAM))
                .endsWith("send application/x-www-form-urlencoded");
    }

    @Test
    void aTooLargeBodyIsAnXmlError() throws Exception {
        byte[] big = ("Action=CreateUser&UserName=big&Pad=" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        assertXmlError(root().send("POST", "/", FORM, big), 413, "RequestEntityTooLarge", IAM);
        // without a Content-Length, the limit is found while the body streams in
        assertXmlError(root().sendChunked("POST", "/", FORM, big), 413, "RequestEntityTooLarge", IAM);
    }

    @Test
    void anUnexpectedFailureIsAGenericInternalFailure() throws Exception {
        try (LogCapture logs = LogCapture.attach()) {
            Response r = post("Action=GetPolicyVersion&Version=2010-05-08&PolicyArn=x&VersionId=v1");
            assertThat(assertXmlError(r, 500, "InternalFailure", IAM))
                    .isEqualTo("We encountered an internal error. Please try again.");
            assertThat(r.body()).doesNotContain("boom", "secret detail", "IllegalState");
            assertThat(logs.lines()).filteredOn(l -> l.contains(r.header("x-amzn-RequestId"))).hasSize(1);
        }
    }

    @Test
    void theRestFaceKeepsJsonErrors() {
        Response r = root().get("/v1/users/nobody-at-all");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.code()).isEqualTo("NoSuchEntity");
    }
}
