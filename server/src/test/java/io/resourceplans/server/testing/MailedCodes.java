package io.resourceplans.server.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification codes mailed to an address, as a user would read them from the inbox. The one
 * way tests obtain codes: for now it reads the queued email (the notification outbox row) from the
 * test database; once the SMTP dispatcher lands it reads the mail from the test SMTP server.
 */
public final class MailedCodes {
  private static final Pattern CODE = Pattern.compile("verification code is (\\d{6})");

  private final TestServer server;

  public MailedCodes(TestServer server) {
    this.server = server;
  }

  /** The code in the newest verification-code email to {@code email}; fails if none was sent. */
  public String latestCode(String email) {
    String body =
        server.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            select body from notification_outbox
                             where kind = 'VERIFICATION_CODE' and channel = 'EMAIL' and lower(recipient) = lower(:email)
                             order by create_time desc
                             limit 1
                            """)
                        .bind("email", email)
                        .mapTo(String.class)
                        .findOne()
                        .orElseThrow(() -> new AssertionError("no verification code was mailed to " + email)));
    Matcher m = CODE.matcher(body);
    if (!m.find()) {
      throw new AssertionError("the mail to " + email + " states no code: " + body);
    }
    return m.group(1);
  }

  /** How many verification-code mails went to {@code email}. */
  public long count(String email) {
    return server.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from notification_outbox where kind = 'VERIFICATION_CODE' and lower(recipient) = lower(:email)")
                    .bind("email", email)
                    .mapTo(Long.class)
                    .one());
  }
}
