package io.keywarden.server.query;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** A small, fast writer of AWS Query-protocol XML: elements in the order written, text escaped. */
public final class Xml {
    private final StringBuilder out = new StringBuilder(512);

    public Xml start(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml start(String name, String xmlns) {
        out.append('<').append(name).append(" xmlns=\"").append(xmlns).append("\">");
        return this;
    }

    public Xml end(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>value</name>}; nothing when the value is null. */
    public Xml element(String name, String value) {
        if (value != null) {
            out.append('<').append(name).append('>');
            escape(value);
            out.append("</").append(name).append('>');
        }
        return this;
    }

    public Xml element(String name, Instant value) {
        return element(name, value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value));
    }

    public Xml element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    public Xml element(String name, long value) {
        return element(name, Long.toString(value));
    }

    /** Appends another writer's content as is. */
    public Xml raw(Xml other) {
        out.append(other.out);
        return this;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;"); // a literal CR would be read back as LF
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
