package io.resourceplans.server.grpc;

import java.time.Duration;

/**
 * What one client connection may take from the server, and how long a connection lives. A zero
 * {@code maxConnectionIdle} or {@code maxConnectionAge} means no limit.
 *
 * @param keepAliveTime how long a connection may be silent before the server pings it (a peer that
 *     does not answer within {@code keepAliveTimeout} is dropped: half-open connections end)
 * @param permitKeepAliveTime the shortest interval a client may ping at; faster pings end the
 *     connection
 * @param maxConnectionIdle a connection with no call for this long is closed
 * @param maxConnectionAge a connection is asked to go away after this long, so that clients spread
 *     again across replicas behind a load balancer; its calls get {@code maxConnectionAgeGrace}
 * @param maxConcurrentCallsPerConnection streams one connection may have open at once; a client
 *     that opens more waits on its side, so one connection cannot take every worker
 */
public record TransportLimits(
    Duration keepAliveTime,
    Duration keepAliveTimeout,
    Duration permitKeepAliveTime,
    Duration maxConnectionIdle,
    Duration maxConnectionAge,
    Duration maxConnectionAgeGrace,
    int maxConcurrentCallsPerConnection,
    int maxInboundMessageBytes,
    int maxInboundMetadataBytes) {

  public static TransportLimits defaults() {
    return new TransportLimits(
        Duration.ofSeconds(60),
        Duration.ofSeconds(20),
        Duration.ofSeconds(20),
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        Duration.ofSeconds(60),
        100,
        1 << 20,
        8 << 10);
  }
}
