package io.resourceplans.domain.terms;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.util.Map;

/** Publishing agreement versions (operators) and reading the current one (anyone). */
@Singleton
public final class TermsVersions {
  private final Clock clock;

  @Inject
  public TermsVersions(Clock clock) {
    this.clock = clock;
  }

  /** The new version is current at once: accepting an older one is refused from now on. */
  public Terms publish(Tx tx, Principal caller, TermsKind kind, String version, String title, String url) {
    caller.requireOperator();
    Terms terms = new Terms(kind, version, title, url, Times.now(clock));
    if (!tx.get(TermsRepository.class).insert(terms)) {
      throw new DomainException(
          ErrorCode.TERMS_VERSION_EXISTS,
          "version " + version + " of the " + kind + " terms is already published",
          Map.of("kind", kind.name(), "version", version));
    }
    return terms;
  }

  public Terms current(Tx tx, TermsKind kind) {
    return tx.get(TermsRepository.class)
        .current(kind)
        .orElseThrow(
            () ->
                new DomainException(
                    ErrorCode.TERMS_NOT_FOUND,
                    "no version of the " + kind + " terms is published yet",
                    Map.of("kind", kind.name())));
  }
}
