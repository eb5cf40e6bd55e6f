package io.resourceplans.server.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.domain.notification.DispatchSettings;
import io.resourceplans.server.notify.SmsSettings;
import io.resourceplans.server.notify.SmtpSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification codes mailed to an address, read as a user would read them: from a real SMTP
 * server (GreenMail) running in the test, which the test server's notification dispatcher sends
 * to. The one way tests obtain codes.
 */
public final class MailedCodes implements AutoCloseable {
  private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

  private final GreenMail smtp;
  private TestServer server;

  private MailedCodes(GreenMail smtp) {
    this.smtp = smtp;
  }

  /** Starts the SMTP server on a free port; give {@link #delivery()} to the test server. */
  public static MailedCodes start() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return new MailedCodes(smtp);
  }

  /** Email through this SMTP server; SMS not configured. */
  public DeliverySettings delivery() {
    return new DeliverySettings(
        DispatchSettings.defaults(), SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort()), SmsSettings.none());
  }

  /** The SMTP port, for a server that is not in this JVM. */
  public int port() {
    return smtp.getSmtp().getPort();
  }

  /** The server whose dispatcher is run before the inbox is read (none: its own dispatcher delivers). */
  public MailedCodes of(TestServer server) {
    this.server = server;
    return this;
  }

  /** The code in the newest verification-code email to {@code email}; fails if none arrived. */
  public String latestCode(String email) {
    List<MimeMessage> inbox = received(email);
    if (inbox.isEmpty()) {
      throw new AssertionError("no verification code was mailed to " + email);
    }
    String body = plainText(inbox.get(inbox.size() - 1));
    Matcher m = CODE.matcher(body);
    if (!m.find()) {
      throw new AssertionError("the mail to " + email + " states no code: " + body);
    }
    return m.group(1);
  }

  /** How many verification-code emails arrived for {@code email}. */
  public long count(String email) {
    return received(email).size();
  }

  private List<MimeMessage> received(String email) {
    if (server != null) {
      server.dispatch();
    }
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> isTo(m, email) && isVerificationCode(m))
        .toList();
  }

  /**
   * The text/plain part, decoded, as a mail client shows it. The raw body would also hold the MIME
   * boundaries, whose random digits can look like a code.
   */
  private static String plainText(MimeMessage m) {
    try {
      Object content = m.getContent();
      if (content instanceof String text) {
        return text;
      }
      Multipart parts = (Multipart) content;
      for (int i = 0; i < parts.getCount(); i++) {
        if (parts.getBodyPart(i).isMimeType("text/plain")) {
          return (String) parts.getBodyPart(i).getContent();
        }
      }
      throw new AssertionError("the mail has no text/plain part");
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isTo(MimeMessage m, String email) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verification-code template's subject, in either language. */
  private static boolean isVerificationCode(MimeMessage m) {
    try {
      String subject = m.getSubject();
      return subject.equals("Your verification code") || subject.equals("您的验证码");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
