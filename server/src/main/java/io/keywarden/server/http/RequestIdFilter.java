package io.keywarden.server.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Gives every request an ID first, and puts it on every response (errors included) as {@code x-amzn-RequestId}. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {
    public static final int ORDER = -2000;

    @RequestFilter
    public void assignId(HttpRequest<?> request) {
        RequestIds.of(request);
    }

    @ResponseFilter
    public void addHeader(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
