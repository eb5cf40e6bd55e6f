package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.MarketplaceInstance;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.domain.binding.BindingSettings;
import io.resourceplans.domain.binding.CodePurpose;
import io.resourceplans.domain.binding.VerificationCodes;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ticket-key rotation (--previous-ticket-key): a code mailed under the old key is still accepted
 * by a replica on the new key that lists the old one as previous, and refused by one that does not.
 */
class TicketKeyRotationTest {
  private static final byte[] NEW_KEY = "rpt.the-next-ticket-key-0123456789".getBytes(StandardCharsets.UTF_8);
  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();


  @Test
  void aCodeMailedUnderThePreviousKeyIsAcceptedOnlyWhileThatKeyIsListed() {
    CreateAccountResponse account = server.newAccount("Rotating Vendor");
    MarketplaceInstance instance = market.activate(account, Marketplace.PRODUCT, TestServer.requestId());
    String cloud = account.getAccount().getAccountId();
    String email = "rotation@vendor.example";
    market.sendCode(cloud, instance.getInstanceId(), VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
    String code = market.mail.latestCode(email);

    VerificationCodes newKeyOnly = codesWith(Optional.empty());
    DomainException refused =
        assertThrows(DomainException.class,
            () -> server.component().transactor().inTransaction(tx -> {
              newKeyOnly.consume(tx, cloud, email, CodePurpose.REGISTER, code);
              return null;
            }));
    assertEquals(ErrorCode.VERIFICATION_CODE_INVALID, refused.code());

    VerificationCodes rotating = codesWith(Optional.of(TestServer.TICKET_KEY.getBytes(StandardCharsets.UTF_8)));
    server.component().transactor().inTransaction(tx -> {
      rotating.consume(tx, cloud, email, CodePurpose.REGISTER, code);
      return null;
    });
  }

  /** The test server's binding settings with the new key, and {@code previous} as the previous one. */
  private static VerificationCodes codesWith(Optional<byte[]> previous) {
    BindingSettings s = TestServer.bindingSettings();
    BindingSettings rotated =
        new BindingSettings(NEW_KEY, s.ticketTtl(), s.codeTtl(), s.codeMaxAttempts(), s.codeCooldown(),
            s.passwordHashMemoryKib(), s.passwordHashIterations(), s.loginMaxFailures(), s.loginLockDuration(), previous);
    return new VerificationCodes(server.clock, null, rotated);
  }
}
