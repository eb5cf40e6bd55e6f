package io.resourceplans.server.grpc;

import java.time.Duration;

/**
 * What one client connection may take from the server, and how long a connection lives. A zero
 * {@code maxConnectionIdle} or {@code maxConnectionAge} means no limit.
 *
 * @param handshakeTimeout a connection that has not completed its TLS and HTTP/2 handshake within
 *     this long is closed (a socket that connects and never speaks)
 * @param keepAliveTime how long a connection may be silent before the server pings it (a peer that
 *     does not answer within {@code keepAliveTimeout} is dropped: half-open connections end)
 * @param permitKeepAliveTime the shortest interval a client may ping at; faster pings end the
 *     connection
 * @param maxConnectionIdle a connection with no call for this long is closed
 * @param maxConnectionAge a connection is asked to go away after this long, so that clients spread
 *     again across replicas behind a load balancer; its calls get {@code maxConnectionAgeGrace}
 * @param maxConcurrentCallsPerConnection streams one connection may have open at once; a client
 *     that opens more waits on its side
 * @param maxRunningCallsPerConnection calls of one connection running on server threads at once
 *     (0 = as many as its streams); its other open calls wait in that connection's own queue, so
 *     one connection cannot queue many calls in front of everyone else's at the database pool
 */
public record TransportLimits(
    Duration handshakeTimeout,
    Duration keepAliveTime,
    Duration keepAliveTimeout,
    Duration permitKeepAliveTime,
    Duration maxConnectionIdle,
    Duration maxConnectionAge,
    Duration maxConnectionAgeGrace,
    int maxConcurrentCallsPerConnection,
    int maxRunningCallsPerConnection,
    int maxInboundMessageBytes,
    int maxInboundMetadataBytes) {

  /**
   * Safe defaults for a server whose database pool has {@code databasePoolSize} connections: one
   * connection may run twice as many calls as the pool has connections (see {@link
   * #runningCallsFor}).
   */
  public static TransportLimits defaults(int databasePoolSize) {
    return new TransportLimits(
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        Duration.ofSeconds(20),
        Duration.ofSeconds(20),
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        Duration.ofSeconds(60),
        100,
        runningCallsFor(databasePoolSize),
        1 << 20,
        8 << 10);
  }

  /**
   * The default running-call limit of one connection: twice the database pool. One client can
   * keep every pooled connection busy and have as many calls again ready (RecordUsage batches the
   * waiting ones into one commit, so a single connection with 16 callers needs them all running);
   * but it can no longer put up to {@code maxConcurrentCallsPerConnection} calls in the pool's
   * queue ahead of another client's.
   */
  public static int runningCallsFor(int databasePoolSize) {
    return 2 * databasePoolSize;
  }

  public TransportLimits withHandshakeTimeout(Duration d) {
    return new TransportLimits(d, keepAliveTime, keepAliveTimeout, permitKeepAliveTime, maxConnectionIdle,
        maxConnectionAge, maxConnectionAgeGrace, maxConcurrentCallsPerConnection, maxRunningCallsPerConnection,
        maxInboundMessageBytes, maxInboundMetadataBytes);
  }

  public TransportLimits withKeepAlive(Duration time, Duration timeout) {
    return new TransportLimits(handshakeTimeout, time, timeout, permitKeepAliveTime, maxConnectionIdle,
        maxConnectionAge, maxConnectionAgeGrace, maxConcurrentCallsPerConnection, maxRunningCallsPerConnection,
        maxInboundMessageBytes, maxInboundMetadataBytes);
  }

  public TransportLimits withMaxConnectionIdle(Duration d) {
    return new TransportLimits(handshakeTimeout, keepAliveTime, keepAliveTimeout, permitKeepAliveTime, d,
        maxConnectionAge, maxConnectionAgeGrace, maxConcurrentCallsPerConnection, maxRunningCallsPerConnection,
        maxInboundMessageBytes, maxInboundMetadataBytes);
  }

  public TransportLimits withMaxConnectionAge(Duration age, Duration grace) {
    return new TransportLimits(handshakeTimeout, keepAliveTime, keepAliveTimeout, permitKeepAliveTime,
        maxConnectionIdle, age, grace, maxConcurrentCallsPerConnection, maxRunningCallsPerConnection,
        maxInboundMessageBytes, maxInboundMetadataBytes);
  }

  public TransportLimits withCallsPerConnection(int concurrent, int running) {
    return new TransportLimits(handshakeTimeout, keepAliveTime, keepAliveTimeout, permitKeepAliveTime,
        maxConnectionIdle, maxConnectionAge, maxConnectionAgeGrace, concurrent, running, maxInboundMessageBytes,
        maxInboundMetadataBytes);
  }

  public TransportLimits withInboundBytes(int message, int metadata) {
    return new TransportLimits(handshakeTimeout, keepAliveTime, keepAliveTimeout, permitKeepAliveTime,
        maxConnectionIdle, maxConnectionAge, maxConnectionAgeGrace, maxConcurrentCallsPerConnection,
        maxRunningCallsPerConnection, message, metadata);
  }
}
