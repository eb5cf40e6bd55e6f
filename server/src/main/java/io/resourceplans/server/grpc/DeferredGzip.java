package io.resourceplans.server.grpc;

import io.grpc.Decompressor;
import io.grpc.DecompressorRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * gzip for request messages, reading the gzip header with the message instead of up front. gRPC's
 * own gzip reads the header while it frames the message, so bytes marked gzip that are not gzip
 * fail in the transport, which answers UNKNOWN and logs a stack trace; deferred, they fail while
 * the request is parsed, where {@link UnparsableRequests} refuses them INVALID_ARGUMENT /
 * REQUEST_MALFORMED.
 */
public final class DeferredGzip implements Decompressor {
  private DeferredGzip() {}

  /** gRPC's decompressors, with gzip replaced by this one. */
  public static DecompressorRegistry registry() {
    return DecompressorRegistry.getDefaultInstance().with(new DeferredGzip(), true);
  }

  @Override
  public String getMessageEncoding() {
    return "gzip";
  }

  @Override
  public InputStream decompress(InputStream compressed) {
    return new InputStream() {
      private GZIPInputStream inflating;

      private GZIPInputStream inflating() throws IOException {
        if (inflating == null) {
          inflating = new GZIPInputStream(compressed);
        }
        return inflating;
      }

      @Override
      public int read() throws IOException {
        return inflating().read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return inflating().read(b, off, len);
      }

      @Override
      public void close() throws IOException {
        if (inflating != null) {
          inflating.close();
        } else {
          compressed.close();
        }
      }
    };
  }
}
