package io.resourceplans.storage.notification;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code notification_outbox}. */
public interface OutboxDao {
  /** 0 when the account's dedupe key exists (waits for a concurrent writer of it to settle). */
  @SqlUpdate("""
      insert into notification_outbox (account_id, notification_id, kind, channel, recipient, subject, body,
                                       product_id, package_id, message_id, status, dedupe_key, create_time)
      values (:accountId, :notificationId, :kind, :channel, :recipient, :subject, :body,
              :productId, :packageId, :messageId, :status, :dedupeKey, :createTime)
      on conflict (account_id, dedupe_key) do nothing
      """)
  int insertOnce(@BindMethods OutboxRow row);
}
