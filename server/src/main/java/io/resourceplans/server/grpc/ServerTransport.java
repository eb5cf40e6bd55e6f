package io.resourceplans.server.grpc;

import io.grpc.ServerBuilder;

/** Where the server listens: a network port in production, an in-process name in tests. */
public interface ServerTransport {
  ServerBuilder<?> newServerBuilder();

  /** Human-readable address for the start-up log. */
  String describe();
}
