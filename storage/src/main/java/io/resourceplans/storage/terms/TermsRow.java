package io.resourceplans.storage.terms;

import io.resourceplans.domain.terms.Terms;
import io.resourceplans.domain.terms.TermsKind;
import java.time.Instant;

/** A row of {@code terms_versions} (publish_seq stays in the database: it only orders). */
public record TermsRow(String kind, String version, String title, String url, Instant publishTime) {
  static TermsRow of(Terms t) {
    return new TermsRow(t.kind().name(), t.version(), t.title(), t.url(), t.publishTime());
  }

  Terms toDomain() {
    return new Terms(TermsKind.valueOf(kind), version, title, url, publishTime);
  }
}
