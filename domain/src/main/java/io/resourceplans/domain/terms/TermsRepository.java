package io.resourceplans.domain.terms;

import java.util.Optional;

/** Published agreement versions (not account-owned). */
public interface TermsRepository {
  /** Inserts; false if this kind already has this version. */
  boolean insert(Terms terms);

  /** The newest published version of the kind. */
  Optional<Terms> current(TermsKind kind);
}
