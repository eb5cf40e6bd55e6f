package io.resourceplans.server;

import static io.resourceplans.server.testing.AlertFixtures.PRODUCT;
import static io.resourceplans.server.testing.AlertFixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.RecordUsagesResponse;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.domain.common.Times;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RecordUsages decides each record as RecordUsage alone would. Two accounts get the same random
 * state (package purposes, regions, remaining quantities, expiry and purchase times with ties,
 * alert settings armed or triggered, a wallet that may run short of a pay-as-you-go charge) and the
 * same random records (several purposes, regions and products; replays and reused request IDs of
 * earlier trials): one account sends them one by one with RecordUsage, the other in one
 * RecordUsages call. Every record's answer (its usage record, or the status it was refused with),
 * and afterwards the packages, the alert settings, the alerts queued and the wallet, must be the
 * same. The seed is fixed, so a failure names a trial that can be replayed.
 */
class UsagesBatchAgreeTest {
  private static final long SEED = 20261207L;
  private static final int TRIALS = 200;
  private static final int PACKAGES = 6;
  private static final long PACKAGE_SIZE = 100;
  private static final List<Purpose> PURPOSES = List.of(
      Purpose.PURPOSE_VERIFICATION_NOTIFICATION, Purpose.PURPOSE_GENERAL, Purpose.PURPOSE_MARKETING);
  /** Pay-as-you-go is active in {@link AlertFixtures#REGION} only: short here is QUOTA_EXHAUSTED. */
  private static final String OTHER_REGION = "ap-southeast-1";
  private static final List<String> CASH = List.of("0.00", "0.05", "0.50", "2.00", "100.00");

  private static TestServer server;
  private static Account oneByOne;
  private static Account batched;

  /** One of the two accounts, with its packages in the order they are laid out (by package ID). */
  private record Account(String key, String accountId, List<String> packageIds) {}

  private record PackageState(
      Purpose purpose, String regionId, long remaining, Instant expireTime, Instant purchaseTime) {}

  private record AlertState(Purpose purpose, long threshold, boolean triggered) {}

  private record Layout(List<PackageState> packages, List<AlertState> alerts, String cash) {}

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
    oneByOne = account("One By One Sender");
    batched = account("Batched Sender");
  }

  private static Account account(String name) {
    CreateAccountResponse buyer = AlertFixtures.buyer(server, name, "");
    List<String> packageIds = new ArrayList<>();
    for (int i = 0; i < PACKAGES; i++) {
      packageIds.add(AlertFixtures.buy(server, buyer.getApiKeySecret(), PACKAGE_SIZE, Purpose.PURPOSE_MARKETING)
          .getPackageId());
    }
    Buyers.activatePayAsYouGo(server, buyer.getApiKeySecret(), PRODUCT, REGION);
    // Laid out in package ID order: the burn-down order's last tie-break is the package ID, so the
    // package at one position comes at the same place in both accounts.
    packageIds.sort(null);
    return new Account(buyer.getApiKeySecret(), buyer.getAccount().getAccountId(), List.copyOf(packageIds));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aCallDecidesEachRecordAsRecordUsageAloneWouldInOrder() {
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> seen = new TreeMap<>();
    List<RecordUsageRequest> earlier = new ArrayList<>();
    Set<String> recordedEarlier = new HashSet<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      Layout layout = layout(random);
      List<RecordUsageRequest> records = records(random, trial, earlier);
      String context = "trial " + trial + " (seed " + SEED + "): " + layout + "\nrecords " + records;
      apply(oneByOne, layout);
      apply(batched, layout);
      int alertsBefore = alerts(oneByOne);
      assertEquals(alertsBefore, alerts(batched), context);

      List<Message> alone = new ArrayList<>();
      for (RecordUsageRequest r : records) {
        try {
          alone.add(normalized(oneByOne, server.plan(oneByOne.key()).recordUsage(r).getUsageRecord()));
        } catch (StatusRuntimeException e) {
          alone.add(StatusProto.fromThrowable(e));
        }
      }
      RecordUsagesResponse response =
          server.plan(batched.key()).recordUsages(RecordUsagesRequest.newBuilder().addAllRecords(records).build());

      assertEquals(records.size(), response.getResultsCount(), context);
      for (int i = 0; i < records.size(); i++) {
        RecordUsageResult result = response.getResults(i);
        String what = context + "\nrecord " + i;
        assertEquals(records.get(i).getRequestId(), result.getRequestId(), what);
        Message got = result.hasUsageRecord() ? normalized(batched, result.getUsageRecord()) : result.getError();
        assertEquals(alone.get(i), got, what);
        String key = records.get(i).getRequestId() + " " + records.get(i).getQuantity();
        assertEquals(result.hasUsageRecord() && recordedEarlier.contains(key), result.getReplayed(), what);
        seen.merge(kind(result, recordedEarlier.contains(key)), 1, Integer::sum);
        if (result.hasUsageRecord()) {
          recordedEarlier.add(key);
        }
      }
      assertEquals(remaining(oneByOne), remaining(batched), context);
      assertEquals(draws(oneByOne), draws(batched), context + ": funding trace by package");
      assertEquals(alertSettings(oneByOne), alertSettings(batched), context);
      int queued = alerts(oneByOne) - alertsBefore;
      assertEquals(queued, alerts(batched) - alertsBefore, context + ": alerts queued");
      if (queued > 0) {
        seen.merge("alert queued", 1, Integer::sum);
      }
      assertEquals(wallet(oneByOne), wallet(batched), context);
      earlier.addAll(records);
    }
    // Every way a record can go came up often enough for the comparison to mean something.
    for (String kind : List.of("covered", "pay-as-you-go", "QUOTA_EXHAUSTED", "INSUFFICIENT_BALANCE",
        "IDEMPOTENCY_KEY_REUSED", "replayed", "alert queued")) {
      assertTrue(seen.getOrDefault(kind, 0) >= 10, () -> "too few '" + kind + "': " + seen);
    }
  }

  private static String kind(RecordUsageResult result, boolean replay) {
    if (result.hasError()) {
      return result.getError().getDetailsList().stream()
          .filter(a -> a.is(ErrorInfo.class))
          .map(a -> {
            try {
              return a.unpack(ErrorInfo.class).getReason();
            } catch (InvalidProtocolBufferException e) {
              throw new AssertionError(e);
            }
          })
          .findFirst().orElse("no reason");
    }
    if (replay) {
      return "replayed";
    }
    return result.getUsageRecord().getPayAsYouGoQuantity() > 0 ? "pay-as-you-go" : "covered";
  }

  /** The record without what differs between the two accounts: its usage ID and package IDs. */
  private static UsageRecord normalized(Account account, UsageRecord record) {
    UsageRecord.Builder b = record.toBuilder().clearUsageId();
    for (var d : b.getDeductionsBuilderList()) {
      d.setPackageId("package " + account.packageIds().indexOf(d.getPackageId()));
    }
    return b.build();
  }

  /**
   * 1 to 12 records: mostly domestic SMS in the pay-as-you-go region, of every purpose, small
   * (mostly covered) or large (often short); some in the other region, some email (no packages);
   * and now and then a record of an earlier trial again (a replay, or its request ID with another
   * quantity).
   */
  private static List<RecordUsageRequest> records(SplittableRandom random, int trial, List<RecordUsageRequest> earlier) {
    int count = 1 + random.nextInt(12);
    List<RecordUsageRequest> records = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      int pick = random.nextInt(20);
      RecordUsageRequest record;
      if (pick == 0 && !earlier.isEmpty()) {
        record = earlier.get(random.nextInt(earlier.size()));
      } else if (pick == 1 && !earlier.isEmpty()) {
        RecordUsageRequest other = earlier.get(random.nextInt(earlier.size()));
        record = other.toBuilder().setQuantity(other.getQuantity() + 1).build();
      } else {
        record = RecordUsageRequest.newBuilder()
            .setRequestId("t" + trial + "-" + i)
            .setProductId(pick == 2 ? "mail" : PRODUCT)
            .setPurpose(PURPOSES.get(random.nextInt(PURPOSES.size())))
            .setQuantity(1 + random.nextLong(random.nextInt(3) == 0 ? 150 : 30))
            .setRegionId(pick == 3 ? OTHER_REGION : REGION)
            // A campaign tag on two records of three (kept on the record by both paths).
            .setTag(i % 3 == 0 ? "" : "campaign-" + (i % 3))
            .build();
      }
      if (ids.add(record.getRequestId())) {
        records.add(record);
      }
    }
    return records;
  }

  /** A random state: small packages so that shortfalls, exhausted packages and alert crossings all occur. */
  private static Layout layout(SplittableRandom random) {
    Instant now = Times.now(server.clock);
    List<PackageState> packages = new ArrayList<>();
    for (int i = 0; i < PACKAGES; i++) {
      Purpose purpose = PURPOSES.get(random.nextInt(PURPOSES.size()));
      String region = random.nextInt(4) == 0 ? OTHER_REGION : REGION;
      long remaining = random.nextInt(5) == 0 ? 0 : 1 + random.nextLong(PACKAGE_SIZE);
      // -1 day: expired; 0: expires exactly now (no longer usable); 1..3 days: usable. Ties are common.
      Instant expire = now.plus(Duration.ofDays(random.nextInt(5) - 1));
      Instant purchase = now.minus(Duration.ofDays(1 + random.nextInt(3)));
      packages.add(new PackageState(purpose, region, remaining, expire, purchase));
    }
    List<AlertState> alerts = new ArrayList<>();
    for (Purpose purpose : PURPOSES) {
      if (random.nextInt(2) == 0) {
        long held = packages.stream()
            .filter(p -> p.purpose() == purpose && p.expireTime().isAfter(now))
            .mapToLong(PackageState::remaining)
            .sum();
        // Often a little below what the purpose holds, so that a record of the call crosses it.
        long threshold = random.nextBoolean() ? held - random.nextLong(40) : 1 + random.nextLong(300);
        alerts.add(new AlertState(purpose, Math.max(1, threshold), random.nextInt(3) == 0));
      }
    }
    return new Layout(packages, alerts, CASH.get(random.nextInt(CASH.size())));
  }

  /** Puts the account's packages, alert settings and wallet into the layout's state, with SQL. */
  private static void apply(Account account, Layout layout) {
    Instant now = Times.now(server.clock);
    server.jdbi().useTransaction(h -> {
      for (int i = 0; i < PACKAGES; i++) {
        PackageState p = layout.packages().get(i);
        int updated = h.createUpdate("""
                update packages
                   set purpose = :purpose, region_id = :region, remaining_quantity = :remaining,
                       exhausted = (:remaining = 0), expire_time = :expire, purchase_time = :purchase
                 where account_id = :account and package_id = :package
                """)
            .bind("purpose", domain(p.purpose())).bind("region", p.regionId()).bind("remaining", p.remaining())
            .bind("expire", p.expireTime()).bind("purchase", p.purchaseTime())
            .bind("account", account.accountId()).bind("package", account.packageIds().get(i))
            .execute();
        assertEquals(1, updated);
      }
      // Packages written by hand: their totals (V21) made again, as after any data fix.
      h.createQuery("select rp_rebuild_package_totals(:account)").bind("account", account.accountId())
          .mapTo(String.class).one();
      h.createUpdate("delete from alert_settings where account_id = :account").bind("account", account.accountId()).execute();
      for (AlertState a : layout.alerts()) {
        h.createUpdate("""
                insert into alert_settings (account_id, product_id, purpose, threshold, channels, state,
                                            last_alert_time, update_time)
                values (:account, :product, :purpose, :threshold, '{INTERNAL_MESSAGE}', :state, :lastAlert, :now)
                """)
            .bind("account", account.accountId()).bind("product", PRODUCT).bind("purpose", domain(a.purpose()))
            .bind("threshold", a.threshold()).bind("state", a.triggered() ? "TRIGGERED" : "ARMED")
            .bind("lastAlert", a.triggered() ? now.minus(Duration.ofHours(1)) : null).bind("now", now)
            .execute();
      }
      h.createUpdate("""
              update wallets set cash_balance = :cash, gift_balance = 0, credit_line = 0, credit_used = 0
               where account_id = :account
              """)
          .bind("cash", new java.math.BigDecimal(layout.cash())).bind("account", account.accountId()).execute();
    });
  }

  private static String domain(Purpose purpose) {
    return io.resourceplans.server.mapping.PurposeMapper.toDomain(purpose, "purpose").name();
  }

  /** Remaining quantity by package position. */
  private static List<Long> remaining(Account account) {
    List<Long> remaining = new ArrayList<>();
    for (String packageId : account.packageIds()) {
      remaining.add(server.jdbi().withHandle(h -> h.createQuery(
              "select remaining_quantity from packages where account_id = :account and package_id = :package")
          .bind("account", account.accountId()).bind("package", packageId).mapTo(Long.class).one()));
    }
    return remaining;
  }

  /**
   * The funding trace by package position (usage_package_draws, V23): how many records drew from
   * each package and how much in all, and the tags of the account's records.
   */
  private static List<String> draws(Account account) {
    List<String> draws = new ArrayList<>();
    for (String packageId : account.packageIds()) {
      draws.add(server.jdbi().withHandle(h -> h.createQuery("""
              select count(*) || ' ' || coalesce(sum(quantity), 0) from usage_package_draws
               where account_id = :account and package_id = :package
              """)
          .bind("account", account.accountId()).bind("package", packageId).mapTo(String.class).one()));
    }
    draws.add(server.jdbi().withHandle(h -> h.createQuery("""
            select count(*) || ' tagged ' || count(distinct tag) from usage_records where account_id = :account and tag is not null
            """)
        .bind("account", account.accountId()).mapTo(String.class).one()));
    return draws;
  }

  /** Each alert setting as "purpose threshold state", in purpose order. */
  private static List<String> alertSettings(Account account) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select purpose || ' ' || threshold || ' ' || state from alert_settings
             where account_id = :account order by purpose
            """)
        .bind("account", account.accountId()).mapTo(String.class).list());
  }

  private static int alerts(Account account) {
    return AlertFixtures.outbox(server, account.accountId(), "QUOTA_ALERT").size();
  }

  private static String wallet(Account account) {
    return server.jdbi().withHandle(h -> h.createQuery("""
            select cash_balance || ' ' || gift_balance || ' ' || credit_used from wallets where account_id = :account
            """)
        .bind("account", account.accountId()).mapTo(String.class).one());
  }
}
