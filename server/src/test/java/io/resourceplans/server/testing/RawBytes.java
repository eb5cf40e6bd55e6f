package io.resourceplans.server.testing;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sends and receives messages as the bytes they are, for calls that must not be parsed. */
public final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
  public static final RawBytes MARSHALLER = new RawBytes();

  private RawBytes() {}

  /** A unary method of this full name (e.g. "resourceplans.v1.PlanService/RecordUsage") on bytes. */
  public static MethodDescriptor<byte[], byte[]> unary(String fullMethodName) {
    return MethodDescriptor.<byte[], byte[]>newBuilder(MARSHALLER, MARSHALLER)
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(fullMethodName)
        .build();
  }

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
