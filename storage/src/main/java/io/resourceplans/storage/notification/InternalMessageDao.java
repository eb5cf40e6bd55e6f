package io.resourceplans.storage.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code internal_messages}. */
@RegisterConstructorMapper(InternalMessageRow.class)
public interface InternalMessageDao {
  String COLUMNS = "account_id, message_id, kind, title, body, product_id, package_id, create_time, read_time";

  @SqlUpdate("insert into internal_messages (" + COLUMNS + """
      ) values (:accountId, :messageId, :kind, :title, :body, :productId, :packageId, :createTime, :readTime)
      """)
  void insert(@BindMethods InternalMessageRow row);

  @SqlQuery("select " + COLUMNS + " from internal_messages where account_id = :accountId and message_id = :messageId")
  Optional<InternalMessageRow> find(@Bind("accountId") String accountId, @Bind("messageId") String messageId);

  @SqlQuery("select " + COLUMNS + """
        from internal_messages
       where account_id = :accountId
         and (not :unreadOnly or read_time is null)
         and (cast(:beforeTime as timestamptz) is null or (create_time, message_id) < (:beforeTime, :beforeId))
       order by create_time desc, message_id desc
       limit :limit
      """)
  List<InternalMessageRow> list(
      @Bind("accountId") String accountId,
      @Bind("unreadOnly") boolean unreadOnly,
      @Bind("beforeTime") Instant beforeTime,
      @Bind("beforeId") String beforeId,
      @Bind("limit") int limit);

  @SqlQuery("select count(*) from internal_messages where account_id = :accountId and read_time is null")
  long countUnread(@Bind("accountId") String accountId);

  @SqlUpdate("""
      update internal_messages set read_time = :readTime
       where account_id = :accountId and message_id = :messageId and read_time is null
      """)
  int markRead(@Bind("accountId") String accountId, @Bind("messageId") String messageId, @Bind("readTime") Instant readTime);
}
