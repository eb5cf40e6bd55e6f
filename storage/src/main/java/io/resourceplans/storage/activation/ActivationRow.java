package io.resourceplans.storage.activation;

import io.resourceplans.domain.activation.Activation;
import java.time.Instant;

/** A row of {@code pay_as_you_go_activations}. */
record ActivationRow(
    String accountId,
    String productId,
    String regionId,
    String acceptedAgreementVersion,
    Instant activateTime) {

  static ActivationRow of(Activation a) {
    return new ActivationRow(
        a.accountId(), a.productId(), a.regionId(), a.acceptedAgreementVersion(), a.activateTime());
  }

  Activation toDomain() {
    return new Activation(accountId, productId, regionId, acceptedAgreementVersion, activateTime);
  }
}
