package io.resourceplans.storage.terms;

import io.resourceplans.domain.terms.TermsAcceptance;
import io.resourceplans.domain.terms.TermsAcceptanceRepository;

/** {@link TermsAcceptanceRepository} over {@link TermsAcceptanceDao}. */
public final class JdbiTermsAcceptanceRepository implements TermsAcceptanceRepository {
  private final TermsAcceptanceDao dao;

  public JdbiTermsAcceptanceRepository(TermsAcceptanceDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(TermsAcceptance a) {
    dao.insert(
        a.accountId(),
        a.termsAcceptanceId(),
        a.kind().name(),
        a.version(),
        a.acceptedBy(),
        a.subject(),
        a.acceptTime());
  }
}
