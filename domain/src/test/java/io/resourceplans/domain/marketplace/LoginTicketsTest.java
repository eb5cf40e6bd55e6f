package io.resourceplans.domain.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ticket key rotation: tickets of the previous key still verify while it is listed, and only then. */
class LoginTicketsTest {
  private static final byte[] OLD = "rpt.old-ticket-key-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW = "rpt.new-ticket-key-9876543210".getBytes(StandardCharsets.UTF_8);
  private static final LoginTicket TICKET =
      new LoginTicket("acc-0123456789abcdef", "ltk-0123456789abcdef", "mpi-0123456789abcdef", "acme", "req-1",
          Instant.parse("2026-12-06T11:55:00Z"), Instant.parse("2026-12-06T12:00:00Z"), null);

  @Test
  void aTicketOfThePreviousKeyVerifiesDuringTheRotationAndNotAfter() {
    String issuedBefore = new LoginTickets(OLD).sign(TICKET);
    LoginTickets rotating = new LoginTickets(List.of(NEW, OLD));
    assertEquals(TICKET.ticketId(), rotating.verify(issuedBefore, "acme").ticketId());

    String issuedDuring = rotating.sign(TICKET);
    assertEquals(TICKET.ticketId(), new LoginTickets(NEW).verify(issuedDuring, "acme").ticketId(), "signed with the new key");

    DomainException after = assertThrows(DomainException.class, () -> new LoginTickets(NEW).verify(issuedBefore, "acme"));
    assertEquals(ErrorCode.LOGIN_TICKET_INVALID, after.code());
    // Neither key makes another product's ticket valid.
    assertThrows(DomainException.class, () -> rotating.verify(issuedBefore, "other"));
  }
}
