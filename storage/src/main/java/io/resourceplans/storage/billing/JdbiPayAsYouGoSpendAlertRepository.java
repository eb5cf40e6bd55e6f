package io.resourceplans.storage.billing;

import io.resourceplans.domain.billing.PayAsYouGoSpendAlert;
import io.resourceplans.domain.billing.PayAsYouGoSpendAlertRepository;
import java.util.List;
import java.util.Optional;

/** {@link PayAsYouGoSpendAlertRepository} over {@link PayAsYouGoSpendAlertDao}. */
public final class JdbiPayAsYouGoSpendAlertRepository implements PayAsYouGoSpendAlertRepository {
  private final PayAsYouGoSpendAlertDao dao;

  public JdbiPayAsYouGoSpendAlertRepository(PayAsYouGoSpendAlertDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<PayAsYouGoSpendAlert> find(String accountId) {
    return dao.find(accountId).map(PayAsYouGoSpendAlertRow::toDomain);
  }

  @Override
  public Optional<PayAsYouGoSpendAlert> lock(String accountId) {
    return dao.lock(accountId).map(PayAsYouGoSpendAlertRow::toDomain);
  }

  @Override
  public void save(PayAsYouGoSpendAlert a) {
    dao.save(a.accountId(), a.threshold().amount(), a.threshold().currency(), a.month().atDay(1),
        a.monthSpend().amount(), a.countedUntil(), a.triggerTime());
  }

  @Override
  public void delete(String accountId) {
    dao.delete(accountId);
  }

  @Override
  public List<String> accountsAfter(String afterAccountId, int limit) {
    return dao.accountsAfter(afterAccountId, limit);
  }
}
