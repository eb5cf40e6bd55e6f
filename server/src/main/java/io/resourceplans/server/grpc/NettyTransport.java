package io.resourceplans.server.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A Netty (grpc-netty-shaded) listener on a TCP port, plaintext or TLS. */
public final class NettyTransport implements ServerTransport {
  private final int port;
  private final Optional<File> certChain;
  private final Optional<File> privateKey;

  public NettyTransport(int port, Optional<File> certChain, Optional<File> privateKey) {
    if (certChain.isPresent() != privateKey.isPresent()) {
      throw new IllegalArgumentException("TLS needs both a certificate chain and a private key");
    }
    this.port = port;
    this.certChain = certChain;
    this.privateKey = privateKey;
  }

  @Override
  public ServerBuilder<?> newServerBuilder() {
    return Grpc.newServerBuilderForPort(port, credentials());
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
    return "port " + port + (certChain.isPresent() ? " (TLS)" : " (plaintext)");
  }
}
