package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.CodePurpose;
import io.resourceplans.domain.binding.VerificationCode;
import io.resourceplans.domain.binding.VerificationCodeRepository;
import java.time.Instant;
import java.util.Optional;

/** {@link VerificationCodeRepository} over {@link VerificationCodeDao}. */
public final class JdbiVerificationCodeRepository implements VerificationCodeRepository {
  private final VerificationCodeDao dao;

  public JdbiVerificationCodeRepository(VerificationCodeDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean replaceIfCooledDown(VerificationCode code, Instant cooledDownBefore) {
    return dao.replaceIfCooledDown(VerificationCodeRow.of(code), cooledDownBefore) == 1;
  }

  @Override
  public Optional<VerificationCode> find(String email, CodePurpose purpose) {
    return dao.find(email, purpose.name()).map(VerificationCodeRow::toDomain);
  }

  @Override
  public Optional<VerificationCode> findForUpdate(String email, CodePurpose purpose) {
    return dao.findForUpdate(email, purpose.name()).map(VerificationCodeRow::toDomain);
  }

  @Override
  public void addFailedAttempt(String email, CodePurpose purpose, String codeId) {
    dao.addFailedAttempt(email, purpose.name(), codeId);
  }

  @Override
  public void markUsed(String email, CodePurpose purpose, String codeId, Instant useTime) {
    dao.markUsed(email, purpose.name(), codeId, useTime);
  }
}
