package io.resourceplans.storage.idempotency;

/** The columns of {@code idempotency_records} a retry needs. */
public record IdempotencyRow(byte[] fingerprint, byte[] response) {}
