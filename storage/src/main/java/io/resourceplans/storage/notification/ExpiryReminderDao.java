package io.resourceplans.storage.notification;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The expiry-reminder scan: the one query that spans accounts (every row it leads to carries its
 * account): accounts in real time, or those of one test clock.
 */
@RegisterConstructorMapper(DuePackageRow.class)
public interface ExpiryReminderDao {
  @SqlQuery("""
      select p.account_id, p.package_id, p.display_name, p.product_id, p.plan_spec_id, p.purpose, p.region_id,
             p.total_quantity, p.remaining_quantity, p.order_id, p.purchase_time, p.expire_time,
             a.display_name as account_display_name, a.contact_email, a.contact_phone, a.default_region_id,
             a.identity_state, a.create_time as account_create_time, a.test_clock_id
        from packages p
        join accounts a on a.account_id = p.account_id
       where a.test_clock_id is not distinct from cast(:testClockId as text)
         and p.remaining_quantity > 0
         and p.expire_time > :now
         and p.expire_time <= cast(:now as timestamptz) + :offsetSeconds * interval '1 second'
         and p.purchase_time + :offsetSeconds * interval '1 second' <= p.expire_time
         and (cast(:afterTime as timestamptz) is null
              or (p.expire_time, p.account_id, p.package_id) > (:afterTime, :afterAccountId, :afterPackageId))
         and not exists (
               select 1 from notification_outbox o
                where o.account_id = p.account_id
                  and o.dedupe_key = cast(:doneKeyBefore as text) || p.package_id || cast(:doneKeyAfter as text))
       order by p.expire_time, p.account_id, p.package_id
       limit :limit
      """)
  List<DuePackageRow> due(
      @Bind("offsetSeconds") long offsetSeconds,
      @Bind("doneKeyBefore") String doneKeyBefore,
      @Bind("doneKeyAfter") String doneKeyAfter,
      @Bind("now") Instant now,
      @Bind("afterTime") Instant afterTime,
      @Bind("afterAccountId") String afterAccountId,
      @Bind("afterPackageId") String afterPackageId,
      @Bind("limit") int limit,
      @Bind("testClockId") String testClockId);
}
