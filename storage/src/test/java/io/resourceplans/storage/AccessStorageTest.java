package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.activation.Activation;
import io.resourceplans.domain.activation.ActivationService;
import io.resourceplans.domain.activation.ActivationStatus;
import io.resourceplans.domain.activation.PackageAvailability;
import io.resourceplans.domain.activation.ProductUsability;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.clock.AccountClock;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.identity.IdentitySubjectType;
import io.resourceplans.domain.identity.IdentityVerification;
import io.resourceplans.domain.identity.IdentityVerificationService;
import io.resourceplans.domain.identity.NewIdentityVerification;
import io.resourceplans.domain.terms.Terms;
import io.resourceplans.domain.terms.TermsAcceptances;
import io.resourceplans.domain.terms.TermsKind;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.terms.TermsVersions;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity, terms and activation rules against PostgreSQL: what the constraints and row locks must
 * guarantee under concurrency, and the terms versioning. Products are taken as existing (the
 * catalog is another module's), packages as none unless a test says otherwise.
 */
class AccessStorageTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
  private static TestDatabase db;
  private static Transactor transactor;
  private static Jdbi jdbi;

  private final IdentityVerificationService identity = new IdentityVerificationService(CLOCK);
  private final TermsService terms = new TermsService();

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    jdbi = Jdbis.create(db.dataSource());
    transactor = new JdbiTransactor(jdbi);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static String newAccount(IdentityState state) {
    String accountId = Ids.newId("acc");
    transactor.inTransaction(tx -> {
      tx.get(AccountRepository.class).insert(new Account(accountId, "Co", "co@example.com", "", "ap-southeast-1", state, CLOCK.instant(), null));
      return null;
    });
    return accountId;
  }

  private static Principal main(String accountId) {
    return Principal.mainAccount(accountId, Ids.newId("key"));
  }

  private ActivationService activations(PackageAvailability packages) {
    return new ActivationService(CLOCK, terms, new TermsAcceptances(), (tx, productId) -> true, packages,
        AccountClock.realTime(CLOCK));
  }

  /** Runs the calls at once, each in its own transaction, and returns what each returned or threw. */
  private static List<Object> concurrently(int n, Callable<Object> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          try {
            return call.call();
          } catch (DomainException e) {
            return e.code();
          }
        }));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long count(String sql, String accountId) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind("a", accountId).mapTo(Long.class).one());
  }

  @Test
  void concurrentSubmissionsLeaveExactlyOnePending() throws Exception {
    String accountId = newAccount(IdentityState.UNVERIFIED);
    Principal caller = main(accountId);
    var request = new NewIdentityVerification(IdentitySubjectType.PERSONAL, "Han Meimei", "44030119900101002X");
    List<Object> results =
        concurrently(6, () -> transactor.inTransaction(tx -> identity.submit(tx, caller, request)));
    assertEquals(1, results.stream().filter(r -> r instanceof IdentityVerification).count(), results::toString);
    assertEquals(5, results.stream().filter(r -> r == ErrorCode.IDENTITY_VERIFICATION_PENDING).count(), results::toString);
    assertEquals(1, count("select count(*) from identity_verifications where account_id = :a", accountId));
  }

  @Test
  void concurrentReviewsDecideOnce() throws Exception {
    String accountId = newAccount(IdentityState.UNVERIFIED);
    var submitted = transactor.inTransaction(tx -> identity.submit(
        tx, main(accountId), new NewIdentityVerification(IdentitySubjectType.ENTERPRISE, "Corp", "913100007109")));
    List<Object> results =
        concurrently(4, () -> transactor.inTransaction(tx -> identity.review(
            tx, Principal.operator(), submitted.identityVerificationId(),
            io.resourceplans.domain.identity.IdentityReviewDecision.APPROVE, "")));
    assertEquals(1, results.stream().filter(r -> r instanceof IdentityVerificationService.Reviewed).count(), results::toString);
    assertEquals(3, results.stream().filter(r -> r == ErrorCode.IDENTITY_VERIFICATION_NOT_PENDING).count(), results::toString);
    assertEquals(
        IdentityState.VERIFIED,
        transactor.readOnly(tx -> tx.get(AccountRepository.class).find(accountId).orElseThrow().identityState()));
  }

  @Test
  void concurrentActivationsStoreOneActivationAndOneAcceptance() throws Exception {
    String accountId = newAccount(IdentityState.VERIFIED);
    Principal caller = main(accountId);
    ActivationService service = activations((tx, a, p, r, now) -> new PackageAvailability.ActivePackages(0, 0));
    List<Object> results =
        concurrently(6, () -> transactor.inTransaction(
            tx -> service.activatePayAsYouGo(tx, caller, "sms-domestic", "ap-southeast-1", "2026-01")));
    assertEquals(6, results.stream().filter(r -> r instanceof Activation).count(), results::toString);
    assertEquals(1, results.stream().distinct().count(), "every caller got the same activation: " + results);
    assertEquals(1, count("select count(*) from pay_as_you_go_activations where account_id = :a", accountId));
    assertEquals(1, count("select count(*) from terms_acceptances where account_id = :a", accountId));
  }

  @Test
  void packagesWithQuantityLeftMakeTheProductUsableWithoutPayAsYouGo() {
    String accountId = newAccount(IdentityState.UNVERIFIED);
    Principal caller = main(accountId);
    ActivationStatus status =
        transactor.readOnly(tx ->
            activations((tx2, a, p, r, now) -> {
              assertEquals(List.of(accountId, "mail", "ap-southeast-1", CLOCK.instant()), List.of(a, p, r, now));
              return new PackageAvailability.ActivePackages(2, 1500);
            }).status(tx, caller, "mail", null));
    assertEquals(ProductUsability.RESOURCE_PLAN, status.usability());
    assertEquals(new PackageAvailability.ActivePackages(2, 1500), status.packages());
    assertEquals("ap-southeast-1", status.regionId());
    assertTrue(status.identityVerificationRequired());
  }

  @Test
  void aNewVersionIsCurrentAtOnceAndOutdatesTheOldOne() {
    TermsVersions versions = new TermsVersions(CLOCK);
    assertEquals("2026-01", transactor.readOnly(tx -> versions.current(tx, TermsKind.RESOURCE_PLAN)).version());
    transactor.inTransaction(tx ->
        versions.publish(tx, Principal.operator(), TermsKind.RESOURCE_PLAN, "2026-06", "RP terms", "https://example.com/rp"));
    // Published with a clock set earlier than the previous version: still the newest publication.
    TermsVersions earlyClock =
        new TermsVersions(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
    transactor.inTransaction(tx ->
        earlyClock.publish(tx, Principal.operator(), TermsKind.RESOURCE_PLAN, "2026-07", "RP terms", "https://example.com/rp"));

    Terms accepted = transactor.readOnly(tx -> terms.requireAccepted(tx, TermsKind.RESOURCE_PLAN, "2026-07"));
    assertEquals("2026-07", accepted.version());
    for (String outdated : List.of("2026-06", "2026-01", "")) {
      DomainException e = assertThrows(DomainException.class,
          () -> transactor.readOnly(tx -> terms.requireAccepted(tx, TermsKind.RESOURCE_PLAN, outdated)));
      assertEquals(ErrorCode.TERMS_VERSION_OUTDATED, e.code());
      assertEquals("2026-07", e.metadata().get("current_version"));
    }
    assertEquals("2026-01", transactor.readOnly(tx -> terms.requireAccepted(tx, TermsKind.PAY_AS_YOU_GO, "2026-01")).version());
  }

  @Test
  void aVersionIsPublishedOnce() {
    TermsVersions versions = new TermsVersions(CLOCK);
    DomainException e = assertThrows(DomainException.class, () -> transactor.inTransaction(tx ->
        versions.publish(tx, Principal.operator(), TermsKind.WORKSPACE, "2026-01", "again", "https://example.com/w")));
    assertEquals(ErrorCode.TERMS_VERSION_EXISTS, e.code());
    assertEquals("Workspace Terms of Service", transactor.readOnly(tx -> versions.current(tx, TermsKind.WORKSPACE)).title());
  }
}
