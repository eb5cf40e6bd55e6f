package io.resourceplans.domain.activation;

import java.util.Optional;

/**
 * The answer to "is this product usable here?": how (usability), the activation if any, the active
 * packages, and whether the account must verify its identity before it may buy or activate.
 */
public record ActivationStatus(
    String productId,
    String regionId,
    ProductUsability usability,
    Optional<Activation> activation,
    PackageAvailability.ActivePackages packages,
    boolean identityVerificationRequired) {}
