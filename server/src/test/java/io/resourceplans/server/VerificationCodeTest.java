package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("citus")
class VerificationCodeTest {
  private static final VerificationCodePurpose REGISTER = VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER;

  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();


  private static String wrong(String code) {
    return code.equals("000000") ? "000001" : "000000";
  }

  @Test
  void theSixthAttemptIsRefusedEvenWithTheRightCode() {
    String[] f = market.flow("Six Attempts");
    String email = "six@codes.example";
    market.sendCode(f[0], f[1], REGISTER, email);
    String code = market.mail.latestCode(email);
    for (int i = 1; i <= 5; i++) {
      assertRefused(
          Status.Code.FAILED_PRECONDITION,
          "VERIFICATION_CODE_INVALID",
          () -> server.binding().register(market.registerRequest(f[0], f[1], "sixuser", email, wrong(code)).build()));
    }
    assertRefused(
        Status.Code.RESOURCE_EXHAUSTED,
        "VERIFICATION_CODE_ATTEMPTS_EXCEEDED",
        () -> server.binding().register(market.registerRequest(f[0], f[1], "sixuser", email, code).build()));
    assertEquals(0, server.count("vendor_users where username = 'sixuser'"));

    // A new code (after the cooldown) starts afresh.
    server.clock.advance(Duration.ofSeconds(61));
    market.sendCode(f[0], f[1], REGISTER, email);
    String fresh = market.mail.latestCode(email);
    server.binding().register(market.registerRequest(f[0], f[1], "sixuser", email, fresh).build());
  }

  @Test
  void guessesSentAllAtOnceAreStillLimitedToFive() throws Exception {
    String[] f = market.flow("Guess Burst");
    String email = "burst@codes.example";
    market.sendCode(f[0], f[1], REGISTER, email);
    String code = market.mail.latestCode(email);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<String>> reasons = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) {
        String guess = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
        reasons.add(pool.submit(() -> {
          go.await();
          try {
            server.binding().register(market.registerRequest(f[0], f[1], "burstuser", email, guess).build());
            return "ACCEPTED";
          } catch (io.grpc.StatusRuntimeException e) {
            return Errors.reason(e);
          }
        }));
      }
      go.countDown();
      long compared = 0;
      for (var r : reasons) {
        String reason = r.get();
        if (reason.equals("VERIFICATION_CODE_INVALID")) {
          compared++;
        } else {
          assertEquals("VERIFICATION_CODE_ATTEMPTS_EXCEEDED", reason);
        }
      }
      // Every guess after the fifth was refused without being compared.
      assertEquals(5, compared);
    } finally {
      pool.shutdown();
    }
    assertRefused(
        Status.Code.RESOURCE_EXHAUSTED,
        "VERIFICATION_CODE_ATTEMPTS_EXCEEDED",
        () -> server.binding().register(market.registerRequest(f[0], f[1], "burstuser", email, code).build()));
  }

  @Test
  void aResendInsideTheCooldownIsRefusedWithRetryInfo() {
    String[] f = market.flow("Cooldown");
    String email = "cool@codes.example";
    var first = market.sendCode(f[0], f[1], REGISTER, email);
    String firstCode = market.mail.latestCode(email);
    server.clock.advance(Duration.ofSeconds(29));
    var refused =
        assertRefused(
            Status.Code.RESOURCE_EXHAUSTED,
            "VERIFICATION_CODE_COOLDOWN",
            () -> market.sendCode(f[0], f[1], REGISTER, email));
    var retry = Errors.details(refused, RetryInfo.class);
    assertEquals(1, retry.size());
    assertEquals(30, retry.get(0).getRetryDelay().getSeconds());
    assertEquals(1, market.mail.count(email));

    // Another purpose has its own cooldown.
    market.sendCode(f[0], f[1], VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_CREATE_WORKSPACE, email);
    // Delivered now: on Citus one dispatch sends what it claimed in no set order, so this mail and
    // the next one sent together could arrive the other way round, and the newest mail would not be
    // the register code read below.
    assertEquals(2, market.mail.count(email));

    // After the cooldown a new code replaces the first one.
    server.clock.advance(Duration.ofSeconds(60));
    var second = market.sendCode(f[0], f[1], REGISTER, email);
    assertNotEquals(first.getExpireTime(), second.getExpireTime());
    String secondCode = market.mail.latestCode(email);
    if (!secondCode.equals(firstCode)) {
      assertRefused(
          Status.Code.FAILED_PRECONDITION,
          "VERIFICATION_CODE_INVALID",
          () -> server.binding().register(market.registerRequest(f[0], f[1], "cooluser", email, firstCode).build()));
    }
    server.binding().register(market.registerRequest(f[0], f[1], "cooluser", email, secondCode).build());
  }

  @Test
  void anExpiredCodeIsRefused() {
    String[] f = market.flow("Expired Code");
    String email = "late@codes.example";
    market.sendCode(f[0], f[1], REGISTER, email);
    String code = market.mail.latestCode(email);
    server.clock.advance(Duration.ofMinutes(10));
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "VERIFICATION_CODE_EXPIRED",
        () -> server.binding().register(market.registerRequest(f[0], f[1], "lateuser", email, code).build()));
  }

  @Test
  void codesAreStoredHashedAndOnlyForTheFlowTheyWereSentFor() {
    String[] mine = market.flow("Code Owner");
    String[] other = market.flow("Code Thief");
    String email = "owner@codes.example";
    market.sendCode(mine[0], mine[1], REGISTER, email);
    String code = market.mail.latestCode(email);
    String stored =
        server.jdbi().withHandle(h -> h.createQuery("select code_hash from verification_codes where email = :e")
            .bind("e", email).mapTo(String.class).one());
    assertFalse(stored.contains(code));
    // The mail went out through the outbox, for the cloud account of the flow.
    assertEquals(
        mine[0],
        server.jdbi().withHandle(h -> h.createQuery(
                "select account_id from notification_outbox where kind = 'VERIFICATION_CODE' and recipient = :e")
            .bind("e", email).mapTo(String.class).one()));

    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "VERIFICATION_CODE_INVALID",
        () -> server.binding().register(market.registerRequest(other[0], other[1], "thief", email, code).build()));
    server.binding().register(market.registerRequest(mine[0], mine[1], "codeowner", email, code).build());
    // Used once: the code is marked used, so no second flow step can take it.
    long used =
        server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from verification_codes where email = :e and use_time is not null")
            .bind("e", email).mapTo(Long.class).one());
    assertEquals(1, used);
  }
}
