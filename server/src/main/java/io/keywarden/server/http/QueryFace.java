package io.keywarden.server.http;

import io.keywarden.core.operation.Service;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.Locale;

/**
 * Which requests belong to the AWS Query face ({@code /}, where AWS clients send everything) and in which XML
 * namespace their errors are written: the namespace of the action once it is known; before that (e.g. when
 * authentication fails) the one of the service the request was signed for, or of the API {@code Version} in the query
 * string; IAM by default.
 */
public final class QueryFace {
    /** AWS sends Query-protocol answers as {@code text/xml}. */
    public static final MediaType TEXT_XML = MediaType.of("text/xml");
    static final String NAMESPACE_ATTRIBUTE = "keywarden.query.namespace";
    private static final String STS_VERSION = "2011-06-15";

    private QueryFace() {
    }

    /** Whether the request is for the Query face: its raw path is {@code /} (as received, nothing decoded). */
    public static boolean handles(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        return path == null || path.isEmpty() || path.equals("/");
    }

    /** Records the namespace of the request's action, for the errors of the action. */
    public static void setNamespace(HttpRequest<?> request, String namespace) {
        request.setAttribute(NAMESPACE_ATTRIBUTE, namespace);
    }

    /** The namespace an error of this request is written in. */
    public static String namespace(HttpRequest<?> request) {
        return request.getAttribute(NAMESPACE_ATTRIBUTE, String.class)
                .orElseGet(() -> (isSts(request) ? Service.STS : Service.IAM).xmlNamespace());
    }

    private static boolean isSts(HttpRequest<?> request) {
        String service = signedService(request);
        if (service != null) {
            return service.equals("sts");
        }
        String query = request.getUri().getRawQuery();
        return query != null && ("&" + query + "&").contains("&Version=" + STS_VERSION + "&");
    }

    /**
     * The service of the SigV4 credential scope ({@code AKID/date/region/service/aws4_request}) of the
     * {@code Authorization} header or the presigned {@code X-Amz-Credential} parameter; null when there is none.
     */
    static String signedService(HttpRequest<?> request) {
        String credential = null;
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = indexOfAny(authorization, at, ',', ' ');
                credential = authorization.substring(at + "Credential=".length(), end);
            }
        } else {
            String query = request.getUri().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("X-Amz-Credential=")) {
                        credential = pair.substring("X-Amz-Credential=".length())
                                .replace("%2F", "/").replace("%2f", "/");
                        break;
                    }
                }
            }
        }
        if (credential == null) {
            return null;
        }
        String[] parts = credential.split("/", -1);
        return parts.length == 5 ? parts[3].toLowerCase(Locale.ROOT) : null;
    }

    private static int indexOfAny(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return s.length();
    }
}
