package io.resourceplans.server.testing;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A bare TCP connection to the server, for peers gRPC clients never are: one that connects and
 * says nothing, one that opens HTTP/2 and then goes silent (a peer that went away without a FIN or
 * RST looks the same to the server), or one that sends headers a gRPC client would hold back.
 */
public final class RawConnection implements AutoCloseable {
  /** The HTTP/2 client connection preface, then an empty SETTINGS frame. */
  private static final byte[] PREFACE_AND_SETTINGS = concat(
      "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
      new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});

  private final Socket socket;
  private final long openedNanos = System.nanoTime();

  private RawConnection(Socket socket) {
    this.socket = socket;
  }

  public static RawConnection open(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return new RawConnection(socket);
  }

  /** Sends the HTTP/2 preface and SETTINGS, and nothing after: no SETTINGS or PING is acknowledged. */
  public RawConnection speakHttp2ThenFallSilent() throws IOException {
    socket.getOutputStream().write(PREFACE_AND_SETTINGS);
    socket.getOutputStream().flush();
    return this;
  }

  /**
   * Reads (and drops) what the server sends until it closes the connection or {@code within} has
   * passed since it was opened; returns how long the connection stayed open, or null if the server
   * did not close it in time.
   */
  public Duration awaitClosedByServer(Duration within) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    long deadline = openedNanos + within.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      try {
        if (in.read(buffer) < 0) {
          return Duration.ofNanos(System.nanoTime() - openedNanos);
        }
      } catch (SocketTimeoutException e) {
        return null;
      } catch (SocketException e) {
        // a reset is the server closing too
        return Duration.ofNanos(System.nanoTime() - openedNanos);
      }
    }
  }

  /**
   * Sends, on stream 1, the HEADERS of a gRPC call to {@code path} with {@code extra} headers added
   * (HPACK-encoded without any size check of the client's own), and returns the server's first
   * answer on that stream: {@code "HEADERS {...}"} or {@code "RST_STREAM <code>"}; or
   * {@code "GOAWAY"}, {@code "closed"} or {@code "nothing"} within {@code within}.
   */
  public String sendRequestHeaders(String path, Map<String, String> extra, Duration within) throws Exception {
    DefaultHttp2Headers headers = new DefaultHttp2Headers();
    headers.method("POST").scheme("http").path(path).authority("127.0.0.1");
    headers.add("content-type", "application/grpc");
    headers.add("te", "trailers");
    extra.forEach(headers::add);
    ByteBuf block = Unpooled.buffer();
    try (DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder()) {
      encoder.maxHeaderListSize(0xffffffffL);
      encoder.encodeHeaders(1, headers, block);
      byte[] payload = new byte[block.readableBytes()];
      block.readBytes(payload);
      writeFrame(1, 0x4 | 0x1, 1, payload); // HEADERS, END_HEADERS | END_STREAM
    } finally {
      block.release();
    }
    DataInputStream in = new DataInputStream(socket.getInputStream());
    long deadline = System.nanoTime() + within.toNanos();
    DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return "nothing";
      }
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      int length;
      try {
        length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
      } catch (SocketTimeoutException e) {
        return "nothing";
      } catch (EOFException | SocketException e) {
        return "closed";
      }
      int type = in.readUnsignedByte();
      int flags = in.readUnsignedByte();
      int stream = in.readInt() & 0x7fffffff;
      byte[] payload = new byte[length];
      in.readFully(payload);
      if (type == 4 && (flags & 0x1) == 0) {
        writeFrame(4, 0x1, 0, new byte[0]); // acknowledge the server's SETTINGS
      } else if (type == 7) {
        return "GOAWAY";
      } else if (type == 3 && stream == 1) {
        return "RST_STREAM " + new DataInputStream(new java.io.ByteArrayInputStream(payload)).readInt();
      } else if (type == 1 && stream == 1) {
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        try {
          return "HEADERS " + decoder.decodeHeaders(1, buf);
        } finally {
          buf.release();
        }
      }
    }
  }

  private void writeFrame(int type, int flags, int stream, byte[] payload) throws IOException {
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeByte(payload.length >>> 16);
    out.writeByte(payload.length >>> 8);
    out.writeByte(payload.length);
    out.writeByte(type);
    out.writeByte(flags);
    out.writeInt(stream);
    out.write(payload);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
