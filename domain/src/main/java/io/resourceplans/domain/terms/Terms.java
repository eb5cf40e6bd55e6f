package io.resourceplans.domain.terms;

import java.time.Instant;

/** One published version of an agreement; the newest of its kind is the current one. */
public record Terms(TermsKind kind, String version, String title, String url, Instant publishTime) {}
