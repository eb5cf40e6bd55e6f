package io.resourceplans.server.grpc;

import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessServerBuilder;

/** An in-process server, reachable by name from the same JVM: for tests and embedding. */
public final class InProcessTransport implements ServerTransport {
  private final String name;

  public InProcessTransport(String name) {
    this.name = name;
  }

  @Override
  public ServerBuilder<?> newServerBuilder() {
    return InProcessServerBuilder.forName(name);
  }

  @Override
  public String describe() {
    return "in-process " + name;
  }
}
