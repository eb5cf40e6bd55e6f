package io.resourceplans.domain.terms;

/** Stored acceptances of agreements, owned by the accepting account (an audit trail). */
public interface TermsAcceptanceRepository {
  void insert(TermsAcceptance acceptance);
}
