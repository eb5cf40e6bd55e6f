package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertInvalid;
import static io.resourceplans.server.testing.Errors.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.ExportUsageRecordsRequest;
import io.resourceplans.api.v1.ExportUsageRecordsResponse;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageResponse;
import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.ListPackagesResponse;
import io.resourceplans.api.v1.ListUsageRecordsRequest;
import io.resourceplans.api.v1.ListUsageRecordsResponse;
import io.resourceplans.api.v1.Package;
import io.resourceplans.api.v1.PackageDeduction;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.RecordUsageResult;
import io.resourceplans.api.v1.RecordUsagesRequest;
import io.resourceplans.api.v1.UsageRecord;
import io.resourceplans.server.mapping.Timestamps;
import io.resourceplans.server.testing.Buyers;
import io.resourceplans.server.testing.TestServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The funding trace end to end over gRPC (issue 19): every usage record says which packages paid
 * for it and how much from each, or what pay-as-you-go charged; ListUsageRecords filters and pages
 * it, GetPackage shows a package's recent consumption, ExportUsageRecords streams it as CSV; and
 * on a random workload (RecordUsage and RecordUsages, covered, pay-as-you-go, refused and replayed
 * records, packages of several purposes and expiries) the trace reconciles with every package.
 */
@Tag("citus")
class UsageTraceTest {
  private static final String SMS = "sms-domestic";
  private static final String REGION = "ap-southeast-1";
  private static final String[] TAGS = {null, "spring-sale", "otp:login", "news.letter_1"};

  @RegisterExtension static final TestServer server = TestServer.forClass();

  private record Sender(String key, String accountId) {}

  private static Sender sender(String name) {
    CreateAccountResponse a = Buyers.verifiedAccount(server, name);
    Buyers.fund(server, a, "100000.00", null);
    return new Sender(a.getApiKeySecret(), a.getAccount().getAccountId());
  }

  private static String buy(Sender s, long quantity, Purpose purpose) {
    String id = Buyers.buy(server, s.key(), "sms-domestic-custom", quantity, purpose, REGION).getPackages(0).getPackageId();
    server.clock.advance(Duration.ofHours(1));
    return id;
  }

  private static RecordUsageRequest usage(Purpose purpose, long quantity, String tag) {
    RecordUsageRequest.Builder b = RecordUsageRequest.newBuilder()
        .setRequestId(TestServer.requestId())
        .setProductId(SMS)
        .setPurpose(purpose)
        .setQuantity(quantity)
        .setRegionId(REGION);
    if (tag != null) {
      b.setTag(tag);
    }
    return b.build();
  }

  /** Every record ListUsageRecords lists for the filters, page by page. */
  private static List<UsageRecord> listAll(Sender s, UnaryOperator<ListUsageRecordsRequest.Builder> filters, int pageSize) {
    List<UsageRecord> all = new ArrayList<>();
    String token = "";
    do {
      ListUsageRecordsResponse page = server.plan(s.key()).listUsageRecords(
          filters.apply(ListUsageRecordsRequest.newBuilder()).setPageSize(pageSize).setPageToken(token).build());
      assertTrue(page.getUsageRecordsCount() <= pageSize);
      all.addAll(page.getUsageRecordsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  private static List<Package> packages(Sender s) {
    ListPackagesResponse r = server.plan(s.key()).listPackages(ListPackagesRequest.newBuilder().setPageSize(100).build());
    assertTrue(r.getNextPageToken().isEmpty());
    return r.getPackagesList();
  }

  private static long drawn(UsageRecord r, String packageId) {
    return r.getDeductionsList().stream().filter(d -> d.getPackageId().equals(packageId))
        .mapToLong(PackageDeduction::getQuantity).sum();
  }

  private static BigDecimal amount(com.google.type.Money m) {
    return BigDecimal.valueOf(m.getUnits()).add(BigDecimal.valueOf(m.getNanos(), 9));
  }

  /**
   * Units of a package that the account's active holds hold (docs/holds.md). The reconciliation is:
   * total − Σ drawn by its usage records − held = remaining.
   */
  private static long held(Sender s, String packageId) {
    long held = 0;
    String token = "";
    do {
      var page = server.plan(s.key()).listHolds(io.resourceplans.api.v1.ListHoldsRequest.newBuilder()
          .setStatus(io.resourceplans.api.v1.HoldStatus.HOLD_STATUS_ACTIVE).setPageSize(100).setPageToken(token).build());
      for (var h : page.getHoldsList()) {
        held += h.getAllocationsList().stream()
            .filter(a -> a.getPackageId().equals(packageId)).mapToLong(a -> a.getHeldQuantity()).sum();
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return held;
  }

  /**
   * The reconciliation of the funding trace with every package and record: for each package,
   * total − Σ its usage records' draws − held = remaining, where its records are what
   * ListUsageRecords(package_id) lists, which must be exactly the records whose deductions name it;
   * for each record, Σ deductions + pay-as-you-go quantity = quantity, and the charge is the
   * quantity at the unit price, rounded.
   */
  private static void assertReconciles(Sender s, Map<String, UsageRecord> recorded) {
    assertReconciles(s, recorded, Map.of());
  }

  /**
   * As above; {@code captures} maps the usage IDs of CaptureUsage records to their hold: a capture
   * charges its pay-as-you-go units cumulatively (docs/holds.md), so it is the charges of a hold's
   * captures together that are its captured units at the unit price, rounded once.
   */
  private static void assertReconciles(Sender s, Map<String, UsageRecord> recorded, Map<String, String> captures) {
    List<UsageRecord> all = listAll(s, b -> b, 37);
    Map<String, UsageRecord> byId = new LinkedHashMap<>();
    all.forEach(r -> byId.put(r.getUsageId(), r));
    assertEquals(all.size(), byId.size(), "a record listed twice");
    assertEquals(recorded.keySet(), byId.keySet(), "the records listed are the ones recorded");
    for (UsageRecord r : all) {
      assertEquals(recorded.get(r.getUsageId()), r, "the listing answers the record as recording did");
      long fromPackages = r.getDeductionsList().stream().mapToLong(PackageDeduction::getQuantity).sum();
      assertEquals(r.getPackageQuantity(), fromPackages, r.getUsageId());
      assertEquals(r.getQuantity(), fromPackages + r.getPayAsYouGoQuantity(), r.getUsageId());
      if (captures.containsKey(r.getUsageId())) {
        continue;
      }
      if (r.getPayAsYouGoQuantity() > 0) {
        assertEquals(
            amount(r.getPayAsYouGoUnitPrice()).multiply(BigDecimal.valueOf(r.getPayAsYouGoQuantity()))
                .setScale(2, RoundingMode.HALF_UP).compareTo(amount(r.getPayAsYouGoCharge())), 0, r.getUsageId());
      } else {
        assertFalse(r.hasPayAsYouGoUnitPrice(), r.getUsageId());
        assertEquals(0, amount(r.getPayAsYouGoCharge()).signum(), r.getUsageId());
      }
    }
    Map<String, List<UsageRecord>> byHold = new LinkedHashMap<>();
    captures.forEach((usageId, holdId) -> byHold.computeIfAbsent(holdId, h -> new ArrayList<>()).add(byId.get(usageId)));
    byHold.forEach((holdId, records) -> {
      long units = records.stream().mapToLong(UsageRecord::getPayAsYouGoQuantity).sum();
      if (units == 0) {
        return;
      }
      BigDecimal charged = records.stream().map(r -> amount(r.getPayAsYouGoCharge())).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal price = amount(records.stream().filter(UsageRecord::hasPayAsYouGoUnitPrice).findFirst().orElseThrow()
          .getPayAsYouGoUnitPrice());
      assertEquals(0, price.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP).compareTo(charged),
          "the captures of hold " + holdId + " charge its captured pay-as-you-go units, rounded once");
    });
    for (Package p : packages(s)) {
      String id = p.getPackageId();
      List<UsageRecord> ofPackage = listAll(s, b -> b.setPackageId(id), 11);
      List<String> expected = all.stream().filter(r -> drawn(r, id) > 0).map(UsageRecord::getUsageId).toList();
      assertEquals(expected, ofPackage.stream().map(UsageRecord::getUsageId).toList(),
          "ListUsageRecords(package_id " + id + ") lists the records that drew from it, newest first");
      long draws = ofPackage.stream().mapToLong(r -> drawn(r, id)).sum();
      assertEquals(p.getRemainingQuantity(), p.getTotalQuantity() - draws - held(s, id),
          "package " + id + ": total - drawn - held = remaining");
      GetPackageResponse got = server.plan(s.key()).getPackage(GetPackageRequest.newBuilder().setPackageId(id).build());
      assertEquals(ofPackage.subList(0, Math.min(10, ofPackage.size())), got.getRecentUsageRecordsList(),
          "GetPackage shows the package's 10 most recent records");
    }
  }

  private static void alertAt(Sender s, Purpose purpose, long threshold) {
    server.plan(s.key()).setAlertThreshold(io.resourceplans.api.v1.SetAlertThresholdRequest.newBuilder()
        .setRequestId(TestServer.requestId()).setProductId(SMS).setPurpose(purpose).setThreshold(threshold)
        .addChannels(io.resourceplans.api.v1.MessageChannel.MESSAGE_CHANNEL_INTERNAL_MESSAGE).build());
  }

  @Test
  void aRandomWorkloadsFundingTraceReconcilesWithEveryPackage() {
    Sender s = sender("trace-random");
    Buyers.activatePayAsYouGo(server, s.key(), SMS, REGION);
    buy(s, 200, Purpose.PURPOSE_MARKETING);
    buy(s, 100, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);
    buy(s, 100, Purpose.PURPOSE_MARKETING);
    // Alert crossings take the Java full path (the one-call path leaves them to it): both paths
    // write the trace in this workload.
    alertAt(s, Purpose.PURPOSE_MARKETING, 250);
    alertAt(s, Purpose.PURPOSE_VERIFICATION_NOTIFICATION, 60);
    Purpose[] purposes = {Purpose.PURPOSE_MARKETING, Purpose.PURPOSE_GENERAL, Purpose.PURPOSE_VERIFICATION_NOTIFICATION};
    Random random = new Random(19);
    Map<String, UsageRecord> recorded = new LinkedHashMap<>();
    List<RecordUsageRequest> sent = new ArrayList<>();
    int replays = 0;
    int refusals = 0;
    int payg = 0;
    int holds = 0;
    Map<String, String> captures = new LinkedHashMap<>();
    for (int step = 0; step < 70; step++) {
      if (step == 35) {
        // Halfway, a general package (5,000) the later records draw from after their own purpose's.
        Buyers.buy(server, s.key(), "sms-domestic-5000", 1, Purpose.PURPOSE_GENERAL, REGION);
        alertAt(s, Purpose.PURPOSE_GENERAL, 4990);
      }
      if (random.nextInt(5) == 0) {
        // A hold (docs/holds.md): reserved, partly captured, sometimes released; a later capture
        // or the end of the test finds the rest still held.
        long quantity = 1 + random.nextInt(30);
        String tag = TAGS[random.nextInt(TAGS.length)];
        var reserve = io.resourceplans.api.v1.ReserveUsageRequest.newBuilder().setRequestId(TestServer.requestId())
            .setProductId(SMS).setPurpose(purposes[random.nextInt(3)]).setRegionId(REGION).setQuantity(quantity)
            .setTtlSeconds(86_400);
        if (tag != null) {
          reserve.setTag(tag);
        }
        try {
          var hold = server.plan(s.key()).reserveUsage(reserve.build()).getHold();
          holds++;
          for (long left = quantity; left > 0 && random.nextBoolean(); ) {
            long take = 1 + random.nextInt((int) left);
            UsageRecord captured = server.plan(s.key()).captureUsage(io.resourceplans.api.v1.CaptureUsageRequest.newBuilder()
                .setRequestId(TestServer.requestId()).setHoldId(hold.getHoldId()).setQuantity(take).build()).getUsageRecord();
            assertEquals(tag == null ? "" : tag, captured.getTag(), "a capture carries its hold's tag");
            recorded.put(captured.getUsageId(), captured);
            captures.put(captured.getUsageId(), hold.getHoldId());
            left -= take;
            if (left > 0 && random.nextInt(3) == 0) {
              server.plan(s.key()).releaseUsage(io.resourceplans.api.v1.ReleaseUsageRequest.newBuilder()
                  .setRequestId(TestServer.requestId()).setHoldId(hold.getHoldId()).build());
              break;
            }
          }
        } catch (io.grpc.StatusRuntimeException e) {
          // QUOTA_EXHAUSTED where pay-as-you-go has no price for the purpose: nothing held.
          assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.getMessage());
          refusals++;
        }
      } else if (random.nextInt(3) == 0) {
        RecordUsageRequest r = usage(purposes[random.nextInt(3)], 1 + random.nextInt(12), TAGS[random.nextInt(TAGS.length)]);
        try {
          UsageRecord answer = server.plan(s.key()).recordUsage(r).getUsageRecord();
          recorded.put(answer.getUsageId(), answer);
          sent.add(r);
        } catch (io.grpc.StatusRuntimeException e) {
          // QUOTA_EXHAUSTED where pay-as-you-go has no price for the purpose: nothing recorded.
          assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.getMessage());
          refusals++;
        }
      } else {
        List<RecordUsageRequest> batch = new ArrayList<>();
        int size = 2 + random.nextInt(8);
        for (int i = 0; i < size; i++) {
          int kind = random.nextInt(10);
          if (kind == 0 && !sent.isEmpty()) {
            // A replay of an earlier request (once per call: request IDs are unique in a call).
            RecordUsageRequest earlier = sent.get(random.nextInt(sent.size()));
            if (batch.stream().noneMatch(b -> b.getRequestId().equals(earlier.getRequestId()))) {
              batch.add(earlier);
            }
          } else if (kind == 1 && !sent.isEmpty()) {
            // An earlier request ID with another tag: refused, nothing recorded.
            RecordUsageRequest earlier = sent.get(random.nextInt(sent.size()));
            if (batch.stream().noneMatch(b -> b.getRequestId().equals(earlier.getRequestId()))) {
              batch.add(earlier.toBuilder().setTag("other-tag").build());
            }
          } else {
            // Runs of one purpose, as sending pipelines batch them.
            Purpose purpose = i > 0 && random.nextBoolean() ? batch.get(i - 1).getPurpose() : purposes[random.nextInt(3)];
            batch.add(usage(purpose, 1 + random.nextInt(12), TAGS[random.nextInt(TAGS.length)]));
          }
        }
        List<RecordUsageResult> results = server.plan(s.key())
            .recordUsages(RecordUsagesRequest.newBuilder().addAllRecords(batch).build()).getResultsList();
        for (int i = 0; i < results.size(); i++) {
          RecordUsageResult result = results.get(i);
          if (result.hasError()) {
            refusals++;
            continue;
          }
          UsageRecord answer = result.getUsageRecord();
          if (result.getReplayed()) {
            replays++;
            assertEquals(recorded.get(answer.getUsageId()), answer, "a replay answers the first record");
          } else {
            recorded.put(answer.getUsageId(), answer);
            sent.add(batch.get(i));
          }
        }
      }
      server.clock.advance(Duration.ofMinutes(1));
    }
    for (UsageRecord r : recorded.values()) {
      payg += r.getPayAsYouGoQuantity() > 0 ? 1 : 0;
    }
    assertTrue(holds > 0 && !captures.isEmpty(), holds + " holds, " + captures.size() + " captures");
    assertTrue(replays > 0 && refusals > 0 && payg > 0 && payg < recorded.size(),
        "the workload mixes covered, pay-as-you-go, refused and replayed records: " + replays + " replays, "
            + refusals + " refusals, " + payg + " of " + recorded.size() + " pay-as-you-go");
    assertReconciles(s, recorded, captures);

    // Each filter lists exactly the records it names, newest first.
    List<UsageRecord> all = listAll(s, b -> b, 100);
    for (String tag : TAGS) {
      if (tag != null) {
        assertEquals(all.stream().filter(r -> r.getTag().equals(tag)).toList(), listAll(s, b -> b.setTag(tag), 13));
      }
    }
    for (Purpose purpose : purposes) {
      assertEquals(all.stream().filter(r -> r.getPurpose() == purpose).toList(),
          listAll(s, b -> b.setPurpose(purpose).setProductId(SMS), 13));
    }
    String prefix = all.get(all.size() / 2).getRequestId().substring(0, 6);
    assertEquals(all.stream().filter(r -> r.getRequestId().startsWith(prefix)).toList(),
        listAll(s, b -> b.setRequestIdPrefix(prefix), 13));
    Instant from = Timestamps.toInstant(all.get(all.size() - 1).getRecordTime()).plus(Duration.ofMinutes(20));
    Instant to = from.plus(Duration.ofMinutes(30));
    List<UsageRecord> period = all.stream().filter(r -> {
      Instant t = Timestamps.toInstant(r.getRecordTime());
      return !t.isBefore(from) && t.isBefore(to);
    }).toList();
    assertFalse(period.isEmpty());
    assertEquals(period, listAll(s, b -> b.setStartTime(Timestamps.of(from)).setEndTime(Timestamps.of(to)), 7));

    // The export of the whole period: the header, then one row per record, as listed.
    Instant start = Timestamps.toInstant(all.get(all.size() - 1).getRecordTime());
    Instant end = Timestamps.toInstant(all.get(0).getRecordTime()).plusNanos(1000);
    StringBuilder csv = new StringBuilder();
    int chunks = 0;
    Iterator<ExportUsageRecordsResponse> stream = server.plan(s.key()).exportUsageRecords(
        ExportUsageRecordsRequest.newBuilder().setStartTime(Timestamps.of(start)).setEndTime(Timestamps.of(end)).build());
    while (stream.hasNext()) {
      csv.append(stream.next().getCsvData().toString(StandardCharsets.UTF_8));
      chunks++;
    }
    // A stream dropped after any chunk, asked again with that chunk's resume_token, goes on where
    // it stopped: the pieces together are the whole export, no row lost or repeated (records of
    // one RecordUsages call share their record_time).
    ExportUsageRecordsRequest whole =
        ExportUsageRecordsRequest.newBuilder().setStartTime(Timestamps.of(start)).setEndTime(Timestamps.of(end)).build();
    StringBuilder resumed = new StringBuilder();
    String token = "";
    int calls = 0;
    do {
      ExportUsageRecordsRequest again = whole.toBuilder().setResumeToken(token).build();
      ExportUsageRecordsResponse chunk;
      // The client drops the stream after its first chunk (the call is cancelled).
      try (io.grpc.Context.CancellableContext call = io.grpc.Context.current().withCancellation()) {
        chunk = call.call(() -> server.plan(s.key()).exportUsageRecords(again).next());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      resumed.append(chunk.getCsvData().toString(StandardCharsets.UTF_8));
      token = chunk.getResumeToken();
      calls++;
    } while (!token.isEmpty());
    assertEquals(csv.toString(), resumed.toString());
    assertEquals(chunks, calls);
    String first;
    try (io.grpc.Context.CancellableContext call = io.grpc.Context.current().withCancellation()) {
      first = call.call(() -> server.plan(s.key()).exportUsageRecords(whole).next().getResumeToken());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertFalse(first.isEmpty());
    assertInvalid(() -> server.plan(s.key()).exportUsageRecords(
        whole.toBuilder().setTag("spring-sale").setResumeToken(first).build()).hasNext(), "resume_token");
    String[] lines = csv.toString().split("\r\n");
    assertEquals(UsageRpcsCsv.HEADER, lines[0]);
    assertEquals(all.size() + 1, lines.length);
    assertTrue(chunks >= 1 + all.size() / 100, chunks + " chunks");
    for (int i = 0; i < all.size(); i++) {
      UsageRecord r = all.get(i);
      String[] f = lines[i + 1].split(",", -1);
      assertEquals(r.getUsageId(), f[0]);
      assertEquals(r.getTag(), f[6]);
      assertEquals(Long.toString(r.getQuantity()), f[7]);
      assertEquals(String.join(";", r.getDeductionsList().stream()
          .map(d -> d.getPackageId() + ":" + d.getQuantity()).toList()), f[9]);
      assertEquals(Long.toString(r.getPayAsYouGoQuantity()), f[10]);
    }
  }

  @Test
  void aTagIsValidatedAndPartOfTheRequestsContent() {
    Sender s = sender("trace-tags");
    Buyers.buy(server, s.key(), "sms-domestic-5000", 1, Purpose.PURPOSE_GENERAL, REGION);
    RecordUsageRequest first = usage(Purpose.PURPOSE_GENERAL, 3, "camp-1");
    UsageRecord record = server.plan(s.key()).recordUsage(first).getUsageRecord();
    assertEquals("camp-1", record.getTag());
    assertEquals(record, server.plan(s.key()).recordUsage(first).getUsageRecord(), "a retry gets the first answer");
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(s.key()).recordUsage(first.toBuilder().setTag("camp-2").build()));
    assertRefused(Status.Code.INVALID_ARGUMENT, "IDEMPOTENCY_KEY_REUSED",
        () -> server.plan(s.key()).recordUsage(first.toBuilder().clearTag().build()));
    for (String bad : new String[] {"-starts-with-dash", "has space", "é", "x".repeat(65), "semi;colon", "comma,"}) {
      assertInvalid(() -> server.plan(s.key()).recordUsage(usage(Purpose.PURPOSE_GENERAL, 1, bad)), "tag");
      assertInvalid(() -> server.plan(s.key()).recordUsages(RecordUsagesRequest.newBuilder()
          .addRecords(usage(Purpose.PURPOSE_GENERAL, 1, null))
          .addRecords(usage(Purpose.PURPOSE_GENERAL, 1, bad)).build()), "records[1].tag");
      assertInvalid(() -> server.plan(s.key()).listUsageRecords(
          ListUsageRecordsRequest.newBuilder().setTag(bad).build()), "tag");
    }
    assertEquals(List.of(record), listAll(s, b -> b.setTag("camp-1"), 10));
    assertEquals(List.of(), listAll(s, b -> b.setTag("camp-2"), 10));
  }

  @Test
  void aPeriodMustEndAfterItStartsAndAnExportNeedsOne() {
    Sender s = sender("trace-periods");
    Timestamp t = Timestamps.of(server.clock.instant());
    assertInvalid(() -> server.plan(s.key()).listUsageRecords(
        ListUsageRecordsRequest.newBuilder().setStartTime(t).setEndTime(t).build()), "end_time");
    assertInvalid(() -> server.plan(s.key()).exportUsageRecords(
        ExportUsageRecordsRequest.newBuilder().setStartTime(t).build()).hasNext(), "end_time");
    assertInvalid(() -> server.plan(s.key()).exportUsageRecords(
        ExportUsageRecordsRequest.newBuilder().setStartTime(t).setEndTime(t).build()).hasNext(), "end_time");
    // An empty period: the header alone.
    Iterator<ExportUsageRecordsResponse> empty = server.plan(s.key()).exportUsageRecords(
        ExportUsageRecordsRequest.newBuilder().setStartTime(t)
            .setEndTime(Timestamps.of(server.clock.instant().plusSeconds(1))).build());
    assertEquals(UsageRpcsCsv.HEADER + "\r\n", empty.next().getCsvData().toString(StandardCharsets.UTF_8));
    assertFalse(empty.hasNext());
  }

  @Test
  void anotherAccountsPackageListsNothing() {
    Sender a = sender("trace-tenant-a");
    Sender b = sender("trace-tenant-b");
    String pkg = buy(a, 100, Purpose.PURPOSE_MARKETING);
    server.plan(a.key()).recordUsage(usage(Purpose.PURPOSE_MARKETING, 5, null));
    assertEquals(1, listAll(a, x -> x.setPackageId(pkg), 10).size());
    assertEquals(List.of(), listAll(b, x -> x.setPackageId(pkg), 10));
    assertEquals(List.of(), listAll(b, x -> x, 10));
  }

  /** The export's header row, as ExportUsageRecordsResponse documents it. */
  private static final class UsageRpcsCsv {
    static final String HEADER = "usage_id,request_id,record_time,product_id,purpose,region_id,tag,quantity,"
        + "package_quantity,deductions,pay_as_you_go_quantity,pay_as_you_go_unit_price,pay_as_you_go_charge,currency";
  }
}
