package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.VendorUser;
import io.resourceplans.domain.binding.VendorUserRepository;
import java.util.Optional;

/** {@link VendorUserRepository} over {@link VendorUserDao}. */
public final class JdbiVendorUserRepository implements VendorUserRepository {
  private final VendorUserDao dao;

  public JdbiVendorUserRepository(VendorUserDao dao) {
    this.dao = dao;
  }

  @Override
  public boolean insert(VendorUser user) {
    return dao.insert(user) == 1;
  }

  @Override
  public Optional<VendorUser> find(String vendorUserId) {
    return dao.find(vendorUserId);
  }

  @Override
  public Optional<VendorUser> findByEmail(String email) {
    return dao.findByEmail(email);
  }

  @Override
  public Optional<VendorUser> findByLogin(String login) {
    return dao.findByLogin(login);
  }

  @Override
  public boolean usernameExists(String username) {
    return dao.usernameExists(username);
  }
}
