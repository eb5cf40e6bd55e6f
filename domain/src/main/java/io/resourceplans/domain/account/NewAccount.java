package io.resourceplans.domain.account;

/**
 * What an operator supplies to open an account; an empty default region means the default one; a
 * test clock ID (or null) attaches it to that clock for life.
 */
public record NewAccount(
    String displayName, String contactEmail, String contactPhone, String defaultRegionId, String testClockId) {
}
