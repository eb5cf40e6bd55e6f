package io.resourceplans.storage.identity;

import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.identity.IdentityVerification;
import io.resourceplans.domain.identity.IdentityVerificationRepository;
import java.time.Instant;
import java.util.Optional;

/** {@link IdentityVerificationRepository} over {@link IdentityVerificationDao}. */
public final class JdbiIdentityVerificationRepository implements IdentityVerificationRepository {
  private final IdentityVerificationDao dao;

  public JdbiIdentityVerificationRepository(IdentityVerificationDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(IdentityVerification verification) {
    dao.insert(IdentityVerificationRow.of(verification));
  }

  @Override
  public Optional<IdentityVerification> latest(String accountId) {
    return dao.latest(accountId).map(IdentityVerificationRow::toDomain);
  }

  @Override
  public Optional<IdentityVerification> find(String accountId, String identityVerificationId) {
    return dao.find(accountId, identityVerificationId).map(IdentityVerificationRow::toDomain);
  }

  @Override
  public Optional<IdentityVerification> findAnyAccount(String identityVerificationId) {
    return dao.findAnyAccount(identityVerificationId).map(IdentityVerificationRow::toDomain);
  }

  @Override
  public Page<IdentityVerification> list(IdentityState state, String accountId, PageRequest page) {
    Cursor after = page.after().orElse(null);
    var rows =
        dao.list(
            state.name(),
            accountId,
            after == null ? null : after.createTime(),
            after == null ? null : after.id(),
            page.size() + 1);
    return Page.fromOverfetch(
        rows.stream().map(IdentityVerificationRow::toDomain).toList(),
        page,
        v -> new Cursor(v.submitTime(), v.identityVerificationId()));
  }

  @Override
  public void review(
      String accountId,
      String identityVerificationId,
      IdentityState state,
      String rejectionReason,
      Instant reviewTime) {
    int rows = dao.review(accountId, identityVerificationId, state.name(), rejectionReason, reviewTime);
    if (rows != 1) {
      throw new IllegalStateException(
          "identity verification " + identityVerificationId + " not updated (" + rows + " rows)");
    }
  }
}
