package io.resourceplans.domain.terms;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.util.Map;

/** Checks that a request accepted the current version of an agreement. */
@Singleton
public final class TermsService {
  @Inject
  public TermsService() {}

  /**
   * Returns the current terms of the kind if {@code acceptedVersion} is that version; refuses a
   * missing or older one. The caller stores the acceptance (who, which version, when) with the
   * thing it governs.
   */
  public Terms requireAccepted(Tx tx, TermsKind kind, String acceptedVersion) {
    Terms current =
        tx.get(TermsRepository.class)
            .current(kind)
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorCode.TERMS_NOT_PUBLISHED,
                        "no version of the " + kind + " terms is published yet",
                        Map.of("kind", kind.name())));
    if (!current.version().equals(acceptedVersion)) {
      throw new DomainException(
          ErrorCode.TERMS_VERSION_OUTDATED,
          "the " + kind + " terms must be accepted in their current version " + current.version(),
          Map.of("kind", kind.name(), "current_version", current.version()));
    }
    return current;
  }
}
