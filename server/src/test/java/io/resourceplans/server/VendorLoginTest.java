package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.BindingNextStep;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateBillingAccountRequest;
import io.resourceplans.api.v1.CreateBillingAccountResponse;
import io.resourceplans.api.v1.GetBillingAccountRequest;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.LogInResponse;
import io.resourceplans.api.v1.NewWorkspace;
import io.resourceplans.api.v1.RegisterResponse;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.api.v1.WorkspaceLanguage;
import io.resourceplans.server.testing.Errors;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * BindingService.LogIn over gRPC: the vendor user's username or email and password, one refusal
 * for a wrong password and an unknown name, the lock after repeated failures (also under parallel
 * guesses), and the tie to a resolved ticket's cloud account.
 */
@Tag("citus")
class VendorLoginTest {
  private static final String WRONG = "Wrong-horse-1";

  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();


  private static RegisterResponse registered(String[] f, String username) {
    String email = username + "@login.example";
    market.sendCode(f[0], f[1], VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
    return server.binding()
        .register(market.registerRequest(f[0], f[1], username, email, market.mail.latestCode(email)).build());
  }

  private static CreateBillingAccountResponse signedUp(String username) {
    return server.binding()
        .createBillingAccount(
            CreateBillingAccountRequest.newBuilder()
                .setRequestId(TestServer.requestId())
                .setUsername(username)
                .setPassword(Marketplace.PASSWORD)
                .setPasswordConfirmation(Marketplace.PASSWORD)
                .setEmail(username + "@login.example")
                .setCompany(Marketplace.company(username + " Ltd"))
                .setWorkspace(
                    NewWorkspace.newBuilder()
                        .setName("own")
                        .setLanguage(WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH)
                        .setSiteId("cn-shenzhen"))
                .build());
  }

  private static LogInRequest.Builder login(String login, String password) {
    return LogInRequest.newBuilder().setLogin(login).setPassword(password);
  }

  private static LogInResponse logIn(String login, String password) {
    return server.binding().logIn(login(login, password).build());
  }

  @Test
  void logsInByUsernameOrEmailAndAnswersTheUserItsBillingAccountAndItsWorkspaces() {
    String[] f = market.flow("Login Success");
    RegisterResponse reg = registered(f, "loginok");
    LogInResponse byName = logIn("loginok", Marketplace.PASSWORD);
    assertEquals(reg.getUser(), byName.getUser());
    assertEquals(reg.getBillingAccount().getBillingAccountId(), byName.getBillingAccount().getBillingAccountId());
    assertEquals(f[0], byName.getBillingAccount().getCloudAccountId());
    assertEquals(List.of(reg.getWorkspace()), byName.getWorkspacesList());
    assertFalse(byName.getMoreWorkspaces());
    assertFalse(byName.hasInstance());
    assertFalse(byName.hasOpenedWorkspace());
    // Either name, any case, and the answer never holds the password or its hash.
    LogInResponse byEmail = logIn("LoginOK@Login.Example", Marketplace.PASSWORD);
    assertEquals(byName, byEmail);
    assertFalse(byEmail.toString().contains(Marketplace.PASSWORD));
    assertFalse(byEmail.toString().contains("argon2"));
    assertEquals(reg.getUser(), logIn("LOGINOK", Marketplace.PASSWORD).getUser());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheOneSameRefusal() {
    String[] f = market.flow("Login Refusal");
    registered(f, "loginrefused");
    StatusRuntimeException wrong =
        assertRefused(
            Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("loginrefused", WRONG));
    StatusRuntimeException unknown =
        assertRefused(
            Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("nosuchuser", WRONG));
    StatusRuntimeException unknownEmail =
        assertRefused(
            Status.Code.FAILED_PRECONDITION,
            "LOGIN_CREDENTIALS_INVALID",
            () -> logIn("nobody@login.example", Marketplace.PASSWORD));
    assertEquals(StatusProto.fromThrowable(wrong), StatusProto.fromThrowable(unknown));
    assertEquals(StatusProto.fromThrowable(wrong), StatusProto.fromThrowable(unknownEmail));
    assertFalse(wrong.getStatus().getDescription().contains("loginrefused"));
    // Bad input is a field violation, not a refusal.
    assertInvalid(() -> server.binding().logIn(login("", "x").build()), "login");
    assertInvalid(() -> server.binding().logIn(login("loginrefused", "").build()), "password");
    assertInvalid(
        () -> server.binding().logIn(login("loginrefused", Marketplace.PASSWORD).setCloudAccountId(f[0]).build()));
    // No typed name is stored: unknown names are counted under an HMAC.
    long plain =
        server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from login_attempts where login_key like '%nosuchuser%' or login_key like '%nobody%'")
            .mapTo(Long.class).one());
    assertEquals(0, plain);
  }

  @Test
  void fiveFailuresLockTheUserEvenForTheRightPasswordUntilTheLockEnds() {
    String[] f = market.flow("Login Lock");
    registered(f, "loginlock");
    for (int i = 0; i < 5; i++) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("loginlock", WRONG));
      server.clock.advance(Duration.ofSeconds(10));
    }
    // Username and email share the count; the right password is refused too while locked.
    StatusRuntimeException locked =
        assertRefused(
            Status.Code.RESOURCE_EXHAUSTED,
            "LOGIN_LOCKED",
            () -> logIn("loginlock@login.example", Marketplace.PASSWORD));
    long retry = Errors.details(locked, RetryInfo.class).get(0).getRetryDelay().getSeconds();
    assertTrue(retry > 14 * 60 - 60 && retry <= 15 * 60, "retry in " + retry + " s");
    assertTrue(Errors.details(locked, ErrorInfo.class).get(0).getMetadataMap().containsKey("unlock_time"));
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "LOGIN_LOCKED", () -> logIn("loginlock", WRONG));

    server.clock.advance(Duration.ofMinutes(14));
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "LOGIN_LOCKED", () -> logIn("loginlock", Marketplace.PASSWORD));
    server.clock.advance(Duration.ofMinutes(1));
    assertEquals("loginlock", logIn("loginlock", Marketplace.PASSWORD).getUser().getUsername());

    // An unknown name locks exactly as a real one: the lock does not tell who exists.
    for (int i = 0; i < 5; i++) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("ghostuser", WRONG));
    }
    StatusRuntimeException ghost =
        assertRefused(Status.Code.RESOURCE_EXHAUSTED, "LOGIN_LOCKED", () -> logIn("ghostuser", WRONG));
    assertEquals(
        Errors.details(ghost, RetryInfo.class).get(0).getRetryDelay().getSeconds(),
        15 * 60);
  }

  @Test
  void aSuccessClearsTheCountAndOldFailuresAreForgotten() {
    String[] f = market.flow("Login Reset");
    registered(f, "loginreset");
    for (int i = 0; i < 4; i++) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("loginreset", WRONG));
    }
    logIn("loginreset", Marketplace.PASSWORD);
    for (int i = 0; i < 4; i++) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("loginreset", WRONG));
    }
    // Four failures more than the lock duration ago no longer count.
    server.clock.advance(Duration.ofMinutes(16));
    for (int i = 0; i < 4; i++) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("loginreset", WRONG));
    }
    assertEquals("loginreset", logIn("loginreset", Marketplace.PASSWORD).getUser().getUsername());
  }

  @Test
  void aRefusalAfterTheRightPasswordStillClearsTheCount() {
    String[] f = market.flow("Login Clear");
    registered(f, "loginclear");
    String[] other = market.flow("Login Clear Other");
    for (int i = 0; i < 4; i++) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("loginclear", WRONG));
    }
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "BILLING_ACCOUNT_ALREADY_BOUND",
        () -> server.binding().logIn(
            login("loginclear", Marketplace.PASSWORD).setCloudAccountId(other[0]).setInstanceId(other[1]).build()));
    for (int i = 0; i < 4; i++) {
      assertRefused(Status.Code.FAILED_PRECONDITION, "LOGIN_CREDENTIALS_INVALID", () -> logIn("loginclear", WRONG));
    }
    assertEquals("loginclear", logIn("loginclear", Marketplace.PASSWORD).getUser().getUsername());
  }

  @Test
  void parallelGuessesCompareAtMostTheLimitOfPasswords() throws Exception {
    String[] f = market.flow("Login Parallel");
    registered(f, "loginrace");
    int n = 16;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String guess = "Guess-" + i + "-x";
        String name = i % 2 == 0 ? "loginrace" : "loginrace@login.example";
        Callable<String> attempt =
            () -> {
              go.await();
              try {
                logIn(name, guess);
                return "OK";
              } catch (StatusRuntimeException e) {
                return Errors.reason(e);
              }
            };
        results.add(pool.submit(attempt));
      }
      go.countDown();
      int invalid = 0;
      int locked = 0;
      for (Future<String> r : results) {
        switch (r.get()) {
          case "LOGIN_CREDENTIALS_INVALID" -> invalid++;
          case "LOGIN_LOCKED" -> locked++;
          default -> throw new AssertionError("unexpected " + r.get());
        }
      }
      assertEquals(5, invalid, "passwords compared");
      assertEquals(n - 5, locked);
    } finally {
      pool.shutdownNow();
    }
    assertRefused(Status.Code.RESOURCE_EXHAUSTED, "LOGIN_LOCKED", () -> logIn("loginrace", Marketplace.PASSWORD));
  }

  @Test
  void aLogInAfterTheTicketLinksTheUsersBillingAccountToThatCloudAccount() {
    CreateBillingAccountResponse own = signedUp("tiedlogin");
    CreateAccountResponse account = server.newAccount("Tied Login");
    String cloud = account.getAccount().getAccountId();
    String ins = market.activate(account, Marketplace.PRODUCT, TestServer.requestId()).getInstanceId();
    var resolved = market.resolve(market.ticket(account, ins));
    assertEquals(BindingNextStep.BINDING_NEXT_STEP_REGISTER, resolved.getNextStep());

    // Another cloud account's instance is no proof.
    String[] other = market.flow("Tied Other");
    assertRefused(
        Status.Code.NOT_FOUND,
        "MARKETPLACE_INSTANCE_NOT_FOUND",
        () -> server.binding().logIn(
            login("tiedlogin", Marketplace.PASSWORD).setCloudAccountId(cloud).setInstanceId(other[1]).build()));
    // A wrong password tied to a ticket is the same refusal, and links nothing.
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "LOGIN_CREDENTIALS_INVALID",
        () -> server.binding().logIn(login("tiedlogin", WRONG).setCloudAccountId(cloud).setInstanceId(ins).build()));
    assertEquals(
        BindingNextStep.BINDING_NEXT_STEP_REGISTER, market.resolve(market.ticket(account, ins)).getNextStep());

    LogInResponse in =
        server.binding()
            .logIn(login("tiedlogin", Marketplace.PASSWORD).setCloudAccountId(cloud).setInstanceId(ins).build());
    assertEquals(own.getBillingAccount().getBillingAccountId(), in.getBillingAccount().getBillingAccountId());
    assertEquals(cloud, in.getBillingAccount().getCloudAccountId());
    assertTrue(in.getBillingAccount().hasLinkTime());
    assertEquals(ins, in.getInstance().getInstanceId());
    assertEquals(List.of(own.getWorkspace()), in.getWorkspacesList());
    assertFalse(in.hasOpenedWorkspace());
    assertEquals(
        cloud,
        server.binding()
            .getBillingAccount(GetBillingAccountRequest.newBuilder().setCloudAccountId(cloud).setInstanceId(ins).build())
            .getBillingAccount()
            .getCloudAccountId());
    // Linked: the flow moves on to the workspace, and the same log-in again changes nothing.
    assertEquals(
        BindingNextStep.BINDING_NEXT_STEP_BIND_WORKSPACE, market.resolve(market.ticket(account, ins)).getNextStep());
    assertEquals(
        in.getBillingAccount(),
        server.binding()
            .logIn(login("tiedlogin", Marketplace.PASSWORD).setCloudAccountId(cloud).setInstanceId(ins).build())
            .getBillingAccount());

    // The user's billing-center account settles through that cloud account only.
    assertRefused(
        Status.Code.ALREADY_EXISTS,
        "BILLING_ACCOUNT_ALREADY_BOUND",
        () -> server.binding().logIn(
            login("tiedlogin", Marketplace.PASSWORD).setCloudAccountId(other[0]).setInstanceId(other[1]).build()));
    // And another user cannot log in to this cloud account's billing-center account.
    String[] stranger = market.flow("Stranger");
    registered(stranger, "strangeruser");
    assertRefused(
        Status.Code.FAILED_PRECONDITION,
        "LOGIN_CLOUD_ACCOUNT_MISMATCH",
        () -> server.binding().logIn(
            login("strangeruser", Marketplace.PASSWORD).setCloudAccountId(cloud).setInstanceId(ins).build()));
    assertEquals(
        own.getBillingAccount().getBillingAccountId(),
        server.binding()
            .getBillingAccount(GetBillingAccountRequest.newBuilder().setCloudAccountId(cloud).setInstanceId(ins).build())
            .getBillingAccount()
            .getBillingAccountId());
  }
}
