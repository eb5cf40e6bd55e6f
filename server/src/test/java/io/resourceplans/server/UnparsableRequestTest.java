package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static io.resourceplans.server.testing.Errors.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.resourceplans.api.v1.LookupAccountRequest;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.server.testing.RawBytes;
import io.resourceplans.server.testing.NettyServerExtension;
import io.resourceplans.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Request bytes that are not the RPC's request message, over the real Netty transport: malformed
 * bytes are INVALID_ARGUMENT / REQUEST_MALFORMED, a gzip message inflating past the inbound size
 * limit is RESOURCE_EXHAUSTED / REQUEST_TOO_LARGE, and neither writes a stack trace to any log.
 */
class UnparsableRequestTest {
  /** The server's default limits: 8 MiB inflates past its 1 MiB message limit. */
  @RegisterExtension static final NettyServerExtension server = new NettyServerExtension(NettyServerExtension.defaultLimits());

  private static final String OPERATOR_KEY = NettyServerExtension.OPERATOR_KEY;
  private static final MethodDescriptor<byte[], byte[]> LOOKUP_ACCOUNT =
      OperatorServiceGrpc.getLookupAccountMethod().toBuilder(RawBytes.MARSHALLER, RawBytes.MARSHALLER).build();

  private static ManagedChannel channel;
  private static String accountId;

  private final List<LogRecord> julRecords = Collections.synchronizedList(new ArrayList<>());
  private final Handler julCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          julRecords.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final ListAppender<ILoggingEvent> logbackCapture = new ListAppender<>();

  @BeforeAll
  static void start() {
    channel = server.channel();
    accountId = server.newAccount(channel, "Parsed Fine").getAccount().getAccountId();
  }

  @BeforeEach
  void captureLogs() {
    java.util.logging.Logger.getLogger("").addHandler(julCapture);
    logbackCapture.start();
    rootLogback().addAppender(logbackCapture);
  }

  @AfterEach
  void releaseLogs() {
    java.util.logging.Logger.getLogger("").removeHandler(julCapture);
    rootLogback().detachAppender(logbackCapture);
  }

  private static ch.qos.logback.classic.Logger rootLogback() {
    return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void bytesThatAreNotTheRequestMessageAreInvalidArgument() throws Exception {
    byte[][] malformed = {
      {0x0A, 0x05, 'a'}, // a string field whose bytes end early
      {0x0A, 0x02, (byte) 0xC3, 0x28}, // a string field that is not UTF-8
      {0x00}, // field number 0
    };
    for (byte[] bytes : malformed) {
      var e = assertRefused(Status.Code.INVALID_ARGUMENT, "REQUEST_MALFORMED", () -> call(bytes, CallOptions.DEFAULT));
      assertEquals(
          "REQUEST_MALFORMED: the request is not a valid resourceplans.v1.LookupAccountRequest",
          e.getStatus().getDescription());
    }
    assertAnsweredAfterwards();
    assertNoStackTraceLogged();
  }

  @Test
  void aCompressedRequestInflatingPastTheLimitIsResourceExhausted() throws Exception {
    // 8 MiB of zero bytes in account_id: over gRPC's default 4 MiB and any lower limit, while the
    // gzip frame on the wire stays a few KiB, under every limit.
    byte[] inflating = stringField(1, new byte[8 << 20]);
    assertRefused(
        Status.Code.RESOURCE_EXHAUSTED, "REQUEST_TOO_LARGE", () -> call(inflating, CallOptions.DEFAULT.withCompression("gzip")));
    // Sent as it is, the transport refuses it before any parsing.
    assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> call(inflating, CallOptions.DEFAULT));
    assertAnsweredAfterwards();
    assertNoStackTraceLogged();
  }

  @Test
  void aMessageMarkedGzipThatIsNotGzipIsInvalidArgument() throws Exception {
    // A client whose "gzip" sends the bytes as they are: the frame claims gzip, the bytes are not.
    io.grpc.CompressorRegistry notGzip = io.grpc.CompressorRegistry.newEmptyInstance();
    notGzip.register(
        new io.grpc.Compressor() {
          @Override
          public String getMessageEncoding() {
            return "gzip";
          }

          @Override
          public java.io.OutputStream compress(java.io.OutputStream os) {
            return os;
          }
        });
    ManagedChannel lying =
        Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create())
            .compressorRegistry(notGzip)
            .build();
    try {
      byte[] request = LookupAccountRequest.newBuilder().setAccountId(accountId).build().toByteArray();
      assertRefused(
          Status.Code.INVALID_ARGUMENT,
          "REQUEST_MALFORMED",
          () -> call(lying, request, CallOptions.DEFAULT.withCompression("gzip")));
    } finally {
      lying.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    assertAnsweredAfterwards();
    assertNoStackTraceLogged();
  }

  private static byte[] call(byte[] request, CallOptions options) {
    return call(channel, request, options);
  }

  private static byte[] call(ManagedChannel channel, byte[] request, CallOptions options) {
    return ClientCalls.blockingUnaryCall(
        channel,
        LOOKUP_ACCOUNT,
        options.withCallCredentials(TestServer.bearer(OPERATOR_KEY)).withDeadlineAfter(20, TimeUnit.SECONDS),
        request);
  }

  /** The server still answers a well-formed request, on the same channel. */
  private static void assertAnsweredAfterwards() throws Exception {
    byte[] answer = call(LookupAccountRequest.newBuilder().setAccountId(accountId).build().toByteArray(), CallOptions.DEFAULT);
    assertEquals(accountId, io.resourceplans.api.v1.LookupAccountResponse.parseFrom(answer).getAccount().getAccountId());
  }

  private void assertNoStackTraceLogged() throws InterruptedException {
    // gRPC logged the parse failure on its executor after the call had been answered; give such a
    // line time to appear (generously: it came within milliseconds) before looking.
    Thread.sleep(500);
    List<String> traces = new ArrayList<>();
    synchronized (julRecords) {
      for (LogRecord r : julRecords) {
        if (r.getThrown() != null || r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
          traces.add("JUL " + r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown());
        }
      }
    }
    for (ILoggingEvent event : logbackCapture.list) {
      if (event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
        traces.add("logback " + event.getLoggerName() + ": " + event.getFormattedMessage());
      }
    }
    assertTrue(traces.isEmpty(), () -> "logged: " + traces);
  }

  /** A length-delimited field: tag, varint length, bytes. */
  private static byte[] stringField(int number, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 16);
    out.write(number << 3 | 2);
    for (long v = value.length; ; v >>>= 7) {
      if (v < 0x80) {
        out.write((int) v);
        break;
      }
      out.write((int) (v & 0x7F) | 0x80);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
