package io.keywarden.sdk;

import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.model.Page;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a listing, fetched page by page as iteration reaches them: each new iteration (or stream) starts
 * again from the first page, and a page is fetched only when the previous one is used up. Fetch failures surface
 * as the client's exceptions from {@code next()}/{@code hasNext()}. A server that hands out a marker it handed out
 * before (which would loop for ever) ends the iteration with a {@link KeywardenClientException}.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Function<String, Page<T>> fetch;
    private final String firstMarker;

    PagedIterable(String firstMarker, Function<String, Page<T>> fetch) {
        this.firstMarker = firstMarker;
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<>() {
            private Iterator<T> items = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    items = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    /** The items, lazily, as a sequential stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** The pages themselves, lazily (the first page is fetched by the first {@code hasNext()}). */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private final Set<String> seenMarkers = firstMarker == null ? new HashSet<>()
                    : new HashSet<>(Set.of(firstMarker));
            private String nextMarker = firstMarker;
            private boolean started;
            private boolean done;
            private Page<T> fetched;

            @Override
            public boolean hasNext() {
                if (fetched != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                if (started && nextMarker == null) {
                    done = true;
                    return false;
                }
                started = true;
                Page<T> page = fetch.apply(nextMarker);
                if (page.isTruncated() && !seenMarkers.add(page.marker())) {
                    done = true;
                    throw new KeywardenClientException("the server returned the marker of a page already listed;"
                            + " stopping to avoid an endless listing");
                }
                nextMarker = page.marker();
                fetched = page;
                return true;
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Page<T> page = fetched;
                fetched = null;
                return page;
            }
        };
    }
}
