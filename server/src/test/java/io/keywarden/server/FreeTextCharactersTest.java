package io.keywarden.server;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text that is stored (a managed policy's description) is held to AWS's character set when written, on both
 * faces, so every answer that carries it later is well-formed XML.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeTextCharactersTest extends ServerTestSupport {
    private static final String DOCUMENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}";

    @Test
    void aDescriptionWithAControlCharacterIsRefusedOnBothFaces() {
        Response rest = root().post("/v1/policies", "{\"policyName\":\"ctl-rest\",\"policyDocument\":"
                + quoteJson(DOCUMENT) + ",\"description\":\"bad\\u0001text\"}");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(400);
        assertThat(rest.code()).isEqualTo("ValidationError");
        assertThat(rest.json().path("message").asText()).contains("description");

        Response query = query("Action=CreatePolicy&PolicyName=ctl-query&PolicyDocument=" + form(DOCUMENT)
                + "&Description=" + form("bad\u0001text"));
        assertThat(query.status()).as(query.toString()).isEqualTo(400);
        assertThat(query.body()).contains("<Code>ValidationError</Code>");

        assertThat(root().get("/v1/policies").body()).doesNotContain("ctl-rest").doesNotContain("ctl-query");
    }

    @Test
    void aValidDescriptionRoundTripsThroughTheQueryFacesXml() throws Exception {
        String description = "Tabs\tnew\nlines\r\nLatin-1 é ü ÿ, markup <a href=\"x\">&amp;</a> 'quoted'";
        Response created = query("Action=CreatePolicy&PolicyName=round-trip&PolicyDocument=" + form(DOCUMENT)
                + "&Description=" + form(description));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String arn = text(parse(created), "Arn");

        Response got = query("Action=GetPolicy&PolicyArn=" + form(arn));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(text(parse(got), "Description")).isEqualTo(description);
    }

    private Response query(String form) {
        return root().send("POST", "/", "application/x-www-form-urlencoded",
                (form + "&Version=2010-05-08").getBytes(StandardCharsets.UTF_8));
    }

    private static Document parse(Response r) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String element) {
        var nodes = d.getElementsByTagNameNS("*", element);
        assertThat(nodes.getLength()).as(element).isGreaterThan(0);
        return nodes.item(0).getTextContent();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String quoteJson(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
