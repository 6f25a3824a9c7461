package io.keywarden.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the audit trail needs out of the Query face's XML answers (our own XML, parsed defensively). */
final class XmlElements {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,128})</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]{0,4096})</Message>");

    private XmlElements() {
    }

    /** The {@code {Action}Result} element as JSON (repeated elements become arrays), or null. */
    static JsonNode result(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            for (Element child : children(doc.getDocumentElement())) {
                if (child.getTagName().endsWith("Result")) {
                    return toJson(child);
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    static String errorCode(String xml) {
        Matcher m = CODE.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static String errorMessage(String xml) {
        Matcher m = MESSAGE.matcher(xml);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static JsonNode toJson(Element e) {
        List<Element> kids = children(e);
        if (kids.isEmpty()) {
            return JsonNodeFactory.instance.textNode(e.getTextContent());
        }
        if (kids.stream().allMatch(k -> k.getTagName().equals("member"))) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            kids.forEach(k -> array.add(toJson(k)));
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Element k : kids) {
            object.set(k.getTagName(), toJson(k));
        }
        return object;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
