package io.resourceplans.storage.clock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code test_clocks} and the accounts attached to them. */
@RegisterConstructorMapper(TestClockRow.class)
@RegisterConstructorMapper(AccountTimeRow.class)
public interface TestClockDao {
  /**
   * The accounts are counted in a joined aggregate, not a subquery per clock, which Citus cannot
   * run against a distributed table (docs/scaling.md).
   */
  String SELECT = """
      select c.test_clock_id, c.name, c.frozen_time, c.create_time, coalesce(n.account_count, 0) as account_count
        from test_clocks c
        left join (select test_clock_id, count(*) as account_count
                     from accounts
                    where test_clock_id is not null
                    group by test_clock_id) n on n.test_clock_id = c.test_clock_id
      """;

  @SqlUpdate("""
      insert into test_clocks (test_clock_id, name, frozen_time, create_time)
      values (:testClockId, :name, :frozenTime, :createTime)
      """)
  void insert(
      @Bind("testClockId") String testClockId,
      @Bind("name") String name,
      @Bind("frozenTime") Instant frozenTime,
      @Bind("createTime") Instant createTime);

  @SqlQuery(SELECT + " where c.test_clock_id = :testClockId")
  Optional<TestClockRow> find(@Bind("testClockId") String testClockId);

  @SqlQuery("select frozen_time from test_clocks where test_clock_id = :testClockId for update")
  Optional<Instant> lock(@Bind("testClockId") String testClockId);

  /** Newest first, after the cursor (create time, ID) when given. */
  @SqlQuery(SELECT + """
       where cast(:beforeTime as timestamptz) is null
          or (c.create_time, c.test_clock_id) < (:beforeTime, :beforeId)
       order by c.create_time desc, c.test_clock_id desc
       limit :limit
      """)
  List<TestClockRow> list(
      @Bind("beforeTime") Instant beforeTime, @Bind("beforeId") String beforeId, @Bind("limit") int limit);

  @SqlUpdate("update test_clocks set frozen_time = :frozenTime where test_clock_id = :testClockId")
  int setFrozenTime(@Bind("testClockId") String testClockId, @Bind("frozenTime") Instant frozenTime);

  @SqlQuery("""
      select a.account_id, a.test_clock_id, c.frozen_time
        from accounts a
        left join test_clocks c on c.test_clock_id = a.test_clock_id
       where a.account_id = :accountId
      """)
  Optional<AccountTimeRow> accountTime(@Bind("accountId") String accountId);

  @SqlQuery("""
      select distinct p.expire_time
        from accounts a
        join packages p on p.account_id = a.account_id
       where a.test_clock_id = :testClockId
         and p.remaining_quantity > 0
         and p.expire_time > :after
         and p.expire_time <= :until
       order by p.expire_time
      """)
  List<Instant> packageExpiries(
      @Bind("testClockId") String testClockId, @Bind("after") Instant after, @Bind("until") Instant until);
}
