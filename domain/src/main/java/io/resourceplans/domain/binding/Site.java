package io.resourceplans.domain.binding;

/** A vendor site (deployment) a workspace lives in. */
public record Site(String siteId, String displayName) {}
