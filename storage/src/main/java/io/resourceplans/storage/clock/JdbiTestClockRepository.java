package io.resourceplans.storage.clock;

import io.resourceplans.domain.clock.TestClock;
import io.resourceplans.domain.clock.TestClockRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link TestClockRepository} over {@link TestClockDao}. */
public final class JdbiTestClockRepository implements TestClockRepository {
  private final TestClockDao dao;

  public JdbiTestClockRepository(TestClockDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(TestClock clock) {
    dao.insert(clock.testClockId(), clock.name(), clock.frozenTime(), clock.createTime());
  }

  @Override
  public Optional<TestClock> find(String testClockId) {
    return dao.find(testClockId).map(TestClockRow::toDomain);
  }

  @Override
  public Optional<Instant> lock(String testClockId) {
    return dao.lock(testClockId);
  }

  @Override
  public Page<TestClock> list(PageRequest page) {
    Cursor before = page.after().orElse(null);
    List<TestClock> rows =
        dao.list(before == null ? null : before.createTime(), before == null ? null : before.id(), page.size() + 1)
            .stream()
            .map(TestClockRow::toDomain)
            .toList();
    return Page.fromOverfetch(rows, page, c -> new Cursor(c.createTime(), c.testClockId()));
  }

  @Override
  public void setFrozenTime(String testClockId, Instant frozenTime) {
    dao.setFrozenTime(testClockId, frozenTime);
  }

  @Override
  public Optional<AccountTime> accountTime(String accountId) {
    return dao.accountTime(accountId).map(AccountTimeRow::toDomain);
  }

  @Override
  public List<Instant> packageExpiries(String testClockId, Instant after, Instant until) {
    return dao.packageExpiries(testClockId, after, until);
  }
}
