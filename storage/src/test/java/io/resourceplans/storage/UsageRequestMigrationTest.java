package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository.Requested;
import io.resourceplans.domain.quota.UsageRepository;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.JdbiTransactor;
import io.resourceplans.storage.db.Jdbis;
import io.resourceplans.storage.db.Migrations;
import io.resourceplans.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V12: RecordUsage claims made before it (V10's with the answer stored as bytes, V11's naming their
 * usage record) move their fingerprints into the usage records and are removed; the other
 * mutations' records stay.
 */
class UsageRequestMigrationTest {
  private static final Instant AT = Instant.parse("2026-11-20T10:00:00.123456Z");

  @Test
  void claimsMadeBeforeV12BecomeTheirUsageRecordsFingerprints() {
    try (TestDatabase db = TestDatabase.create("10")) {
      Jdbi jdbi = Jdbis.create(db.dataSource());
      jdbi.useHandle(h -> {
        // V10: the claim stored the serialized answer.
        h.execute("""
            insert into idempotency_records (scope, request_id, fingerprint, response, create_time)
            values ('acc-1', 'req-1', '\\x01', '\\x0a00', ?)
            """, AT);
        insertUsage(h, "use-1", "req-1");
        // Another mutation's record of the same account.
        h.execute("""
            insert into idempotency_records (scope, request_id, fingerprint, response, create_time)
            values ('acc-1', 'order-1', '\\x03', '\\x0a01', ?)
            """, AT);
        // A usage record written without a claim (by hand; the service never does).
        insertUsage(h, "use-3", "req-3");
      });
      Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").target("11").load().migrate();
      jdbi.useHandle(h -> {
        // V11: the claim named its usage record.
        h.execute("""
            insert into idempotency_records (scope, request_id, fingerprint, create_time, usage_id)
            values ('acc-1', 'req-2', '\\x02', ?, 'use-2')
            """, AT);
        insertUsage(h, "use-2", "req-2");
      });

      Migrations.migrate(db.dataSource());

      Transactor transactor = new JdbiTransactor(jdbi);
      Requested first = transactor.readOnly(tx -> tx.get(UsageRepository.class).findByRequest("acc-1", "req-1")).orElseThrow();
      assertArrayEquals(new byte[] {1}, first.fingerprint());
      assertEquals(record("use-1", "req-1"), first.record());
      assertArrayEquals(new byte[] {2},
          transactor.readOnly(tx -> tx.get(UsageRepository.class).findByRequest("acc-1", "req-2")).orElseThrow().fingerprint());
      assertArrayEquals(new byte[0],
          transactor.readOnly(tx -> tx.get(UsageRepository.class).findByRequest("acc-1", "req-3")).orElseThrow().fingerprint());
      // The claims are gone; the order's answer stays.
      assertEquals(List.of("order-1"), jdbi.withHandle(h -> h.createQuery(
          "select request_id from idempotency_records order by request_id").mapTo(String.class).list()));
      assertFalse(transactor.readOnly(tx -> tx.get(IdempotencyRepository.class).find("acc-1", "req-1")).isPresent());
    }
  }

  private static void insertUsage(org.jdbi.v3.core.Handle h, String usageId, String requestId) {
    h.execute("""
        insert into usage_records (account_id, usage_id, request_id, product_id, purpose, region_id, quantity,
                                   package_quantity, pay_as_you_go_quantity, currency, pay_as_you_go_unit_price,
                                   pay_as_you_go_charge, record_time)
        values ('acc-1', ?, ?, 'sms-domestic', 'MARKETING', 'ap-southeast-1', 3, 0, 3, 'CNY', 0.045, 0.14, ?)
        """, usageId, requestId, AT);
  }

  private static UsageRecord record(String usageId, String requestId) {
    return new UsageRecord("acc-1", usageId, requestId, "sms-domestic", Purpose.MARKETING, "ap-southeast-1", 3,
        List.of(), 0, 3, Money.of("0.045", "CNY"), Money.of("0.14", "CNY"), AT);
  }
}
