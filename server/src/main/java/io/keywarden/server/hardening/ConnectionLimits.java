package io.keywarden.server.hardening;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what clients can hold at the connection level (SPEC §11 hardening): at most
 * {@code keywarden.http.max-connections} open connections (one beyond is closed at once, before it is read), and a
 * deadline of {@code keywarden.http.request-read-timeout} from a request's first byte to the end of its body (a
 * client trickling its headers or body is disconnected; the idle timeouts alone would let it hold the connection for
 * as long as it sends a byte now and then). Both count what they refuse, for tests and diagnostics.
 */
@Singleton
public class ConnectionLimits implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ConnectionLimitsConfig config;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public ConnectionLimits(ConnectionLimitsConfig config) {
        this.config = config;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new ServerCustomizer());
        return event.getBean();
    }

    /** Connections open now. */
    public int openConnections() {
        return open.get();
    }

    /** Connections closed at once because {@code max-connections} were open. */
    public long refusedConnections() {
        return refused.get();
    }

    /** Connections closed because a request did not arrive within {@code request-read-timeout}. */
    public long timedOutRequests() {
        return timedOut.get();
    }

    private void warn(String message, Object detail) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn(message, detail);
        }
    }

    private final class ServerCustomizer implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            if (role != ChannelRole.CONNECTION) {
                return this;
            }
            int now = open.incrementAndGet();
            channel.closeFuture().addListener(f -> open.decrementAndGet());
            if (now > config.getMaxConnections()) {
                refused.incrementAndGet();
                warn("refusing connections: {} are open (keywarden.http.max-connections)", config.getMaxConnections());
                channel.close();
                return this;
            }
            return new ConnectionCustomizer(channel);
        }
    }

    private final class ConnectionCustomizer implements NettyServerCustomizer {
        private final Channel channel;

        ConnectionCustomizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            long timeoutNanos = config.getRequestReadTimeout().toNanos();
            ChannelPipeline pipeline = channel.pipeline();
            if (timeoutNanos == 0 || !channel.isOpen()
                    || pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return; // HTTP/1 only; an HTTP/2 stream has its own flow control
            }
            RequestDeadline deadline = new RequestDeadline(timeoutNanos);
            pipeline.addFirst("keywarden-request-start", deadline.start);
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "keywarden-request-end", deadline.end);
        }
    }

    /**
     * Armed by the first byte of a request (seen before the HTTP decoder), disarmed by its last content (after the
     * decoder). Both handlers run on the connection's event loop, so the state needs no synchronisation.
     */
    private final class RequestDeadline {
        private final long timeoutNanos;
        private ScheduledFuture<?> timer;
        final ChannelInboundHandlerAdapter start = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (timer == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }
        };
        final ChannelInboundHandlerAdapter end = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    disarm();
                }
                ctx.fireChannelRead(msg);
            }
        };

        RequestDeadline(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        private void disarm() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire(ChannelHandlerContext ctx) {
            timer = null;
            timedOut.incrementAndGet();
            warn("closed a connection from {}: a request took longer than keywarden.http.request-read-timeout to"
                    + " arrive", ctx.channel().remoteAddress());
            ctx.close();
        }
    }
}
