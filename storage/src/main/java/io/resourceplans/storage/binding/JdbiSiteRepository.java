package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.Site;
import io.resourceplans.domain.binding.SiteRepository;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** {@link SiteRepository} over {@link SiteDao}. */
public final class JdbiSiteRepository implements SiteRepository {
  private final SiteDao dao;

  public JdbiSiteRepository(SiteDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<Site> find(String siteId) {
    return dao.find(siteId);
  }

  @Override
  public Page<Site> list(PageRequest page) {
    String after = page.after().map(Cursor::id).orElse(null);
    return Page.fromOverfetch(dao.list(after, page.size() + 1), page, s -> new Cursor(Instant.EPOCH, s.siteId()));
  }
}
