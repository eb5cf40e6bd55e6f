package io.resourceplans.domain.account;

/** A new account and its first main-account key. */
public record CreatedAccount(Account account, IssuedApiKey mainKey) {}
