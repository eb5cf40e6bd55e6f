package io.resourceplans.domain.terms;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.tx.Tx;
import java.time.Instant;

/**
 * Records that the caller accepted a version of an agreement for a subject. Called in the
 * transaction of the action the agreement governs (order creation, activation), after
 * {@link TermsService#requireAccepted}, so the acceptance exists exactly when the action does.
 */
@Singleton
public final class TermsAcceptances {
  @Inject
  public TermsAcceptances() {}

  public void record(Tx tx, Principal caller, Terms terms, String subject, Instant at) {
    String accountId = caller.requireAccount();
    String acceptedBy = caller.subUserId() != null ? caller.subUserId() : caller.apiKeyId();
    tx.get(TermsAcceptanceRepository.class)
        .insert(
            new TermsAcceptance(
                accountId,
                Ids.newId("tac"),
                terms.kind(),
                terms.version(),
                acceptedBy,
                subject,
                at));
  }
}
