package io.keywarden.server.query;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.session.SessionToken;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Extension;
import io.keywarden.core.operation.Operation;
import io.keywarden.core.operation.UrlEncoded;
import io.keywarden.core.password.Password;
import io.keywarden.core.port.PageRequest;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS Query protocol, derived from the catalogue's typed records instead of written per operation. A request
 * record's component {@code userName} is the parameter {@code UserName}; a {@link PageRequest} is {@code MaxItems} and
 * {@code Marker}; an {@code Integer} is a whole number (absent: null); a {@code Boolean} is {@code true} or {@code false} (absent: null); a {@link Password} is its text (never echoed, never audited); a {@code List<String>} is {@code Name.member.N}; a list of maps is {@code Name.member.N.Field}. A
 * result record is written as AWS writes it: {@code <{Action}Response xmlns>} with {@code <{Action}Result>} as its
 * first child (the SDKs look it up by name), one element per component in declaration order with a capital first
 * letter, null components left out, lists as {@code <member>} elements, nested records as nested elements; an
 * {@link Extension} component is not written, and a result with nothing left has no Result element. Times are
 * ISO-8601, byte arrays base64, {@link UrlEncoded} text percent-encoded (RFC 3986).
 */
public final class QueryCodec {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private QueryCodec() {
    }

    /** The record's components, accessors and canonical constructor, looked up once per class. */
    private record Shape(RecordComponent[] components, Method[] accessors, String[] elementNames,
                         Constructor<?> constructor, boolean hasWireContent) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            String[] names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean content = false;
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                names[i] = pascal(components[i].getName());
                types[i] = components[i].getType();
                content |= !components[i].isAnnotationPresent(Extension.class);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, accessors, names, constructor, content);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::of);
    }

    // ---------------------------------------------------------------- requests

    /** The typed request of an operation from the decoded parameters, with AWS's validation errors. */
    public static <Q extends Record> Q decode(Class<Q> type, QueryParams params) {
        Shape shape = shape(type);
        Object[] args = new Object[shape.components().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = parameter(shape.components()[i], shape.elementNames()[i], params);
        }
        try {
            return type.cast(shape.constructor().newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the record's own validation (a KeywardenException)
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parameter(RecordComponent component, String name, QueryParams params) {
        if (component.isAnnotationPresent(Extension.class)) {
            return null; // Keywarden's addition (REST only): AWS's operation has no such parameter
        }
        Class<?> type = component.getType();
        if (type == String.class) {
            return params.optional(name);
        }
        if (type == PageRequest.class) {
            return params.page();
        }
        if (type == boolean.class) {
            return params.bool(name, false);
        }
        if (type == Integer.class) {
            return params.integer(name);
        }
        if (type == Boolean.class) {
            return params.optional(name) == null ? null : params.bool(name, false);
        }
        if (type == Password.class) {
            return Password.parse(params.optional(name), QueryParams.camel(name));
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            return element == String.class ? params.list(name) : params.structList(name);
        }
        throw new IllegalStateException("no Query-protocol form for " + component);
    }

    // ---------------------------------------------------------------- results

    /** The whole answer of an operation: {@code <{Action}Response>} with its result and the request ID. */
    public static String answer(Operation<?, ?> operation, Record result, String requestId) {
        String name = operation.name();
        Xml xml = new Xml().start(name + "Response", operation.service().xmlNamespace());
        if (shape(result.getClass()).hasWireContent()) {
            xml.start(name + "Result");
            fields(xml, result);
            xml.end(name + "Result");
        }
        xml.start("ResponseMetadata").element("RequestId", requestId).end("ResponseMetadata");
        return xml.end(name + "Response").toString();
    }

    private static void fields(Xml xml, Record record) {
        Shape shape = shape(record.getClass());
        for (int i = 0; i < shape.components().length; i++) {
            RecordComponent component = shape.components()[i];
            if (component.isAnnotationPresent(Extension.class)) {
                continue;
            }
            Object value;
            try {
                value = shape.accessors()[i].invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            value(xml, shape.elementNames()[i], value, component.isAnnotationPresent(UrlEncoded.class));
        }
    }

    private static void value(Xml xml, String name, Object value, boolean urlEncoded) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            xml.element(name, urlEncoded ? rfc3986(s) : s);
        } else if (value instanceof Instant t) {
            xml.element(name, t);
        } else if (value instanceof Boolean b) {
            xml.element(name, b);
        } else if (value instanceof Number n) {
            xml.element(name, n.longValue());
        } else if (value instanceof byte[] bytes) {
            xml.element(name, Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof SecretAccessKey secret) {
            xml.element(name, secret.reveal()); // the create answer: the one place a secret is shown
        } else if (value instanceof SessionToken token) {
            xml.element(name, token.reveal()); // likewise the answer that issues a session
        } else if (value instanceof List<?> list) {
            xml.start(name);
            for (Object item : list) {
                value(xml, "member", item, urlEncoded);
            }
            xml.end(name);
        } else if (value instanceof Record nested) {
            xml.start(name);
            fields(xml, nested);
            xml.end(name);
        } else {
            throw new IllegalStateException("no Query-protocol form for " + value.getClass());
        }
    }

    /** AWS's XML error envelope. */
    public static String errorXml(String namespace, ErrorCode code, String message, String requestId) {
        return new Xml().start("ErrorResponse", namespace).start("Error")
                .element("Type", code.faultType())
                .element("Code", code.code())
                .element("Message", message)
                .end("Error")
                .element("RequestId", requestId)
                .end("ErrorResponse").toString();
    }

    /** The {@code Action} parameter's operation, or AWS's error for a missing or unknown one. */
    public static Operation<?, ?> operation(Map<String, String> parameters) {
        String name = parameters.get("Action");
        if (name == null || name.isEmpty()) {
            throw KeywardenException.of(ErrorCode.MISSING_ACTION, "Missing Action");
        }
        return Catalogue.queryAction(name).orElseThrow(() -> KeywardenException.of(
                ErrorCode.INVALID_ACTION, "Could not find operation " + name + " for version "
                        + parameters.getOrDefault("Version", "NO_VERSION_SPECIFIED")));
    }

    /** RFC 3986 percent-encoding: unreserved characters stay, a space is %20 (not +). */
    static String rfc3986(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String pascal(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
