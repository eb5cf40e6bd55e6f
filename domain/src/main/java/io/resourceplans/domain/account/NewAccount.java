package io.resourceplans.domain.account;

/** What an operator supplies to open an account; an empty default region means the default one. */
public record NewAccount(
    String displayName, String contactEmail, String contactPhone, String defaultRegionId) {}
