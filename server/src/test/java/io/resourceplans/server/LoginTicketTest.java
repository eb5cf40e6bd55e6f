package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.resourceplans.api.v1.BindingNextStep;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("citus")
class LoginTicketTest {
  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();

  @BeforeAll
  static void start() throws Exception {
    market.listVendorProduct("other-vendor");
  }

  private static String freshTicket(String name) {
    CreateAccountResponse account = server.newAccount(name);
    String ins = market.activate(account, Marketplace.PRODUCT, TestServer.requestId()).getInstanceId();
    return market.ticket(account, ins);
  }

  private static ResolveLoginTicketRequest resolve(String ticket, String productId) {
    return ResolveLoginTicketRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setTicket(ticket)
        .setProductId(productId)
        .build();
  }

  @Test
  void aReusedTicketIsRefusedButAReplayGetsTheFirstAnswer() {
    String ticket = freshTicket("Reuse Ticket");
    var request = resolve(ticket, Marketplace.PRODUCT);
    var first = server.binding().resolveLoginTicket(request);
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_REGISTER, first.getNextStep());
    assertEquals(first, server.binding().resolveLoginTicket(request));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "LOGIN_TICKET_USED",
        () -> server.binding().resolveLoginTicket(resolve(ticket, Marketplace.PRODUCT)));
  }

  @Test
  void anExpiredTicketIsRefused() {
    String ticket = freshTicket("Expired Ticket");
    server.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "LOGIN_TICKET_EXPIRED",
        () -> server.binding().resolveLoginTicket(resolve(ticket, Marketplace.PRODUCT)));
  }

  @Test
  void aTicketWithOneChangedByteIsRefused() {
    String ticket = freshTicket("Tampered Ticket");
    for (int i : new int[] {0, 5, ticket.length() / 2, ticket.indexOf('.', 4) + 3, ticket.length() - 2}) {
      char c = ticket.charAt(i);
      char changed = c == 'A' ? 'B' : 'A';
      String tampered = ticket.substring(0, i) + changed + ticket.substring(i + 1);
      assertRefused(
          Status.Code.INVALID_ARGUMENT,
          "LOGIN_TICKET_INVALID",
          () -> server.binding().resolveLoginTicket(resolve(tampered, Marketplace.PRODUCT)));
    }
    // The untouched ticket still works: refusals consumed nothing.
    assertEquals(
        BindingNextStep.BINDING_NEXT_STEP_REGISTER,
        server.binding().resolveLoginTicket(resolve(ticket, Marketplace.PRODUCT)).getNextStep());
  }

  @Test
  void aTicketIsUselessForAnotherVendorProductOrWhenForged() {
    String ticket = freshTicket("Other Vendor");
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "LOGIN_TICKET_INVALID",
        () -> server.binding().resolveLoginTicket(resolve(ticket, "other-vendor")));
    assertRefused(
        Status.Code.INVALID_ARGUMENT,
        "LOGIN_TICKET_INVALID",
        () -> server.binding().resolveLoginTicket(resolve("lt1.YWNjLTAwMDB8dGt0fGluc3xwcm9k.AAAAAAAAAAAAAAAA", Marketplace.PRODUCT)));
    assertEquals(
        BindingNextStep.BINDING_NEXT_STEP_REGISTER,
        server.binding().resolveLoginTicket(resolve(ticket, Marketplace.PRODUCT)).getNextStep());
  }

  @Test
  void concurrentResolvesRedeemOnce() throws Exception {
    String ticket = freshTicket("Racing Ticket");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> {
          try {
            server.binding().resolveLoginTicket(resolve(ticket, Marketplace.PRODUCT));
            return "OK";
          } catch (io.grpc.StatusRuntimeException e) {
            return io.resourceplans.server.testing.Errors.reason(e);
          }
        }));
      }
      var outcomes = new java.util.ArrayList<String>();
      for (var f : results) {
        outcomes.add(f.get());
      }
      assertEquals(1, outcomes.stream().filter("OK"::equals).count(), outcomes.toString());
      assertEquals(3, outcomes.stream().filter("LOGIN_TICKET_USED"::equals).count(), outcomes.toString());
    } finally {
      pool.shutdownNow();
    }
  }
}
