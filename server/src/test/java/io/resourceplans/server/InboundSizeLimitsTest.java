package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.resourceplans.api.v1.CreateAccountRequest;
import io.resourceplans.server.grpc.TransportLimits;
import io.resourceplans.server.testing.NettyServerExtension;
import io.resourceplans.server.testing.RawConnection;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests above the inbound message or metadata size limit are refused before any work. */
class InboundSizeLimitsTest {
  private static final int MESSAGE_LIMIT = 4096;
  private static final int METADATA_LIMIT = 2048;

  @RegisterExtension
  static final NettyServerExtension server =
      new NettyServerExtension(NettyServerExtension.defaultLimits().withInboundBytes(MESSAGE_LIMIT, METADATA_LIMIT));

  @Test
  void aRequestAboveTheMessageLimitIsResourceExhaustedAndChangesNothing() {
    ManagedChannel channel = server.channel();
    long accountsBefore = accounts();
    var e =
        assertThrows(
            StatusRuntimeException.class,
            () -> server.operator(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .createAccount(
                    CreateAccountRequest.newBuilder()
                        .setRequestId(TestServer.requestId())
                        .setDisplayName("x".repeat(MESSAGE_LIMIT + 1))
                        .setContactEmail("big@example.com")
                        .build()));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.getStatus().toString());
    assertEquals(accountsBefore, accounts());
    // the same connection goes on serving requests within the limit
    server.newAccount(channel, "Small Enough");
    assertEquals(accountsBefore + 1, accounts());
  }

  @Test
  void metadataAboveTheLimitIsRefusedByTheServer() throws Exception {
    // A client that ignores the limit the server advertises: the server answers the stream with
    // HTTP 431 (or resets it) before any service sees the call.
    try (RawConnection raw = RawConnection.open(server.port()).speakHttp2ThenFallSilent()) {
      String answer =
          raw.sendRequestHeaders(
              "/grpc.health.v1.Health/Check", Map.of("x-padding", "p".repeat(METADATA_LIMIT + 1)), Duration.ofSeconds(10));
      assertTrue(answer.contains(":status: 431") || answer.startsWith("RST_STREAM"), answer);
    }
  }

  @Test
  void aGrpcClientKeepsItsMetadataWithinTheLimitTheServerAdvertises() {
    ManagedChannel channel = server.channel();
    var health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    // connected: the server's SETTINGS (with its header list limit) have arrived
    assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
    Metadata big = new Metadata();
    big.put(Metadata.Key.of("x-padding", Metadata.ASCII_STRING_MARSHALLER), "p".repeat(METADATA_LIMIT + 1));
    var e =
        assertThrows(
            StatusRuntimeException.class,
            () -> health.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(big))
                .check(HealthCheckRequest.getDefaultInstance()));
    // grpc-java refuses to send it (INTERNAL, from the client's own HTTP/2 encoder)
    assertTrue(String.valueOf(e.getStatus().getCause()).contains("Header size exceeded max allowed size (" + METADATA_LIMIT + ")"),
        e.getStatus().toString());
    assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
  }

  private static long accounts() {
    return Jdbi.create(server.database().dataSource())
        .withHandle(h -> h.createQuery("select count(*) from accounts").mapTo(Long.class).one());
  }
}
