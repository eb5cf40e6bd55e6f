package io.resourceplans.server.grpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A Netty (grpc-netty-shaded) listener on a TCP port, plaintext or TLS, within {@link TransportLimits}. */
public final class NettyTransport implements ServerTransport {
  private final Optional<String> host;
  private final int port;
  private final Optional<File> certChain;
  private final Optional<File> privateKey;
  private final TransportLimits limits;

  /** On {@code host} (an address or name of this machine; empty = all interfaces) and {@code port}. */
  public NettyTransport(
      Optional<String> host, int port, Optional<File> certChain, Optional<File> privateKey, TransportLimits limits) {
    if (certChain.isPresent() != privateKey.isPresent()) {
      throw new IllegalArgumentException("TLS needs both a certificate chain and a private key");
    }
    this.host = host;
    this.port = port;
    this.certChain = certChain;
    this.privateKey = privateKey;
    this.limits = limits;
  }

  @Override
  public ServerBuilder<?> newServerBuilder() {
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(address(), credentials())
            .handshakeTimeout(millis(limits.handshakeTimeout()), TimeUnit.MILLISECONDS)
            .keepAliveTime(millis(limits.keepAliveTime()), TimeUnit.MILLISECONDS)
            .keepAliveTimeout(millis(limits.keepAliveTimeout()), TimeUnit.MILLISECONDS)
            .permitKeepAliveTime(millis(limits.permitKeepAliveTime()), TimeUnit.MILLISECONDS)
            // Pings on a connection without calls are allowed (at the permitted rate): clients
            // that keep a spare connection warm are not cut off; an idle one still ends at
            // maxConnectionIdle, which pings do not reset.
            .permitKeepAliveWithoutCalls(true)
            .maxConcurrentCallsPerConnection(limits.maxConcurrentCallsPerConnection())
            .maxInboundMessageSize(limits.maxInboundMessageBytes())
            .maxInboundMetadataSize(limits.maxInboundMetadataBytes());
    if (!limits.maxConnectionIdle().isZero()) {
      builder.maxConnectionIdle(millis(limits.maxConnectionIdle()), TimeUnit.MILLISECONDS);
    }
    if (!limits.maxConnectionAge().isZero()) {
      builder
          .maxConnectionAge(millis(limits.maxConnectionAge()), TimeUnit.MILLISECONDS)
          .maxConnectionAgeGrace(millis(limits.maxConnectionAgeGrace()), TimeUnit.MILLISECONDS);
    }
    if (limits.maxRunningCallsPerConnection() > 0) {
      ConnectionExecutors executors = new ConnectionExecutors(limits.maxRunningCallsPerConnection());
      // The default executor runs only gRPC's method look-up, which picks the call's executor
      // (ConnectionExecutors.getExecutor): cheap and non-blocking, so on the transport's thread.
      // With the pool there, every call went through two threads before its handler ran.
      builder.directExecutor().addTransportFilter(executors).callExecutor(executors);
    }
    return builder;
  }

  private InetSocketAddress address() {
    if (host.isEmpty()) {
      return new InetSocketAddress(port);
    }
    InetSocketAddress address = new InetSocketAddress(host.get(), port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("listen address " + host.get() + " is not an address of this machine");
    }
    return address;
  }

  private static long millis(Duration d) {
    return d.toMillis();
  }

  private ServerCredentials credentials() {
    if (certChain.isEmpty()) {
      return InsecureServerCredentials.create();
    }
    try {
      return TlsServerCredentials.create(certChain.get(), privateKey.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS certificate or key", e);
    }
  }

  @Override
  public String describe() {
    return host.orElse("*") + ":" + port + (certChain.isPresent() ? " (TLS)" : " (plaintext)");
  }
}
