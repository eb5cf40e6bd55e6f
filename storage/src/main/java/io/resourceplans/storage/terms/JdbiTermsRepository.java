package io.resourceplans.storage.terms;

import io.resourceplans.domain.terms.Terms;
import io.resourceplans.domain.terms.TermsKind;
import io.resourceplans.domain.terms.TermsRepository;
import java.util.Optional;

/** {@link TermsRepository} over {@link TermsDao}. */
public final class JdbiTermsRepository implements TermsRepository {
  private final TermsDao dao;

  public JdbiTermsRepository(TermsDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(Terms terms) {
    return dao.insert(TermsRow.of(terms)) == 1;
  }

  @Override
  public Optional<Terms> current(TermsKind kind) {
    return dao.current(kind.name()).map(TermsRow::toDomain);
  }
}
