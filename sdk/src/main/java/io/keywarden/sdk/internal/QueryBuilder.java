package io.keywarden.sdk.internal;

/** Builds an encoded query string, skipping absent ({@code null}) values. */
public final class QueryBuilder {
    private final StringBuilder out = new StringBuilder();

    public QueryBuilder add(String name, Object value) {
        if (value != null) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(UriEncoding.queryComponent(name)).append('=')
                    .append(UriEncoding.queryComponent(value.toString()));
        }
        return this;
    }

    public String build() {
        return out.toString();
    }
}
