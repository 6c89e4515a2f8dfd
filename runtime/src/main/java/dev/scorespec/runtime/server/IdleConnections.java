package dev.scorespec.runtime.server;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has had no request in flight for the idle timeout. Netty's idle timeout (Vert.x's
 * {@code HttpServerOptions.setIdleTimeout}) counts time without bytes, so it would cut a request whose
 * {@code run} takes longer than the timeout: the client, waiting for its answer, sends nothing. Here the clock
 * runs only while no request is being read, scored or answered on the connection: from its opening, and
 * from the end of its last response.
 *
 * <p>Until its first request, a connection is timed by Netty's idle handler (the server's idle timeout),
 * because Vert.x makes no connection object before the first bytes (it waits to tell HTTP/1.1 from HTTP/2);
 * the first request removes that handler, and the clock here takes over. Removing it needs the connection's
 * Netty channel, which only Vert.x's {@code ConnectionBase} gives; should a Vert.x upgrade change that, the
 * failure is logged once and Netty's timeout stays, as it was before this class.
 *
 * <p>Each connection's counts live on its event loop; the map is shared by the loops.
 */
final class IdleConnections {

    private static final Logger LOG = LoggerFactory.getLogger(IdleConnections.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Vertx vertx;
    private final long timeoutMs;
    private final Map<HttpConnection, Idle> connections = new ConcurrentHashMap<>();

    /** @param timeoutSeconds 0 for never */
    IdleConnections(Vertx vertx, int timeoutSeconds) {
        this.vertx = vertx;
        this.timeoutMs = timeoutSeconds * 1000L;
    }

    /** A request has started on the connection: its idle clock stops until the request ends. */
    void requestStarted(HttpConnection connection) {
        Idle idle = idle(connection);
        idle.inFlight++;
        idle.stop();
    }

    /** A request's response has ended, or its stream closed: with none left in flight, the clock restarts. */
    void requestEnded(HttpConnection connection) {
        Idle idle = connections.get(connection);
        if (idle != null && --idle.inFlight == 0) {
            idle.start();
        }
    }

    private Idle idle(HttpConnection connection) {
        Idle idle = connections.get(connection);
        if (idle == null) {
            removeNettyIdleHandler(connection);
            idle = new Idle(connection);
            connections.put(connection, idle);
            Idle registered = idle;
            connection.closeHandler(v -> {
                registered.stop();
                connections.remove(connection);
            });
            idle.start();
        }
        return idle;
    }

    private static void removeNettyIdleHandler(HttpConnection connection) {
        try {
            ChannelPipeline pipeline = ((ConnectionBase) connection).channel().pipeline();
            if (pipeline.get(IdleStateHandler.class) != null) {
                pipeline.remove(IdleStateHandler.class);
            }
        } catch (RuntimeException e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn(
                        "The idle timeout cannot be moved off Netty ({}): a run longer than it loses its connection",
                        e.toString());
            }
        }
    }

    private final class Idle {
        final HttpConnection connection;
        int inFlight;
        long timer = -1;

        Idle(HttpConnection connection) {
            this.connection = connection;
        }

        void start() {
            stop();
            if (timeoutMs > 0) {
                timer = vertx.setTimer(timeoutMs, id -> {
                    timer = -1;
                    if (inFlight == 0) {
                        connection.close();
                    }
                });
            }
        }

        void stop() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }
}
