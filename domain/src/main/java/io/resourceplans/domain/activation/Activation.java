package io.resourceplans.domain.activation;

import java.time.Instant;

/**
 * Pay-as-you-go activated for a product in a region, with the activation agreement version
 * accepted. Once active it stays active.
 */
public record Activation(
    String accountId,
    String productId,
    String regionId,
    String acceptedAgreementVersion,
    Instant activateTime) {}
