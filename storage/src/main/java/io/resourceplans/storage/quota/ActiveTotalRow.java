package io.resourceplans.storage.quota;

/** Sum of active packages of one product and purpose. */
public record ActiveTotalRow(String productId, String purpose, long remaining, long packages) {}
