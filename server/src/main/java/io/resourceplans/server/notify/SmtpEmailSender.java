package io.resourceplans.server.notify;

import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.Delivery;
import io.resourceplans.domain.notification.DeliveryException;
import io.resourceplans.domain.notification.NotificationSender;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Email over SMTP with Jakarta Mail (Eclipse Angus): plain text, plus an HTML alternative when
 * the template has one, UTF-8, with the language in Content-Language. A refused recipient address
 * is a permanent failure; anything else (connection refused, timeout, 4xx) is retried.
 */
public final class SmtpEmailSender implements NotificationSender {
  private final SmtpSettings settings;
  private final Session session;

  public SmtpEmailSender(SmtpSettings settings) {
    this.settings = settings;
    this.session = settings.configured() ? session(settings) : null;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public boolean configured() {
    return session != null;
  }

  private static Session session(SmtpSettings s) {
    Properties p = new Properties();
    String timeout = Long.toString(s.timeout().toMillis());
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", s.host().orElseThrow());
    p.put("mail.smtp.port", Integer.toString(s.port()));
    p.put("mail.smtp.connectiontimeout", timeout);
    p.put("mail.smtp.timeout", timeout);
    p.put("mail.smtp.writetimeout", timeout);
    if (s.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    Authenticator auth = null;
    if (s.username().isPresent()) {
      p.put("mail.smtp.auth", "true");
      String user = s.username().get();
      String password = s.password().orElse("");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    return Session.getInstance(p, auth);
  }

  @Override
  public void send(Delivery d) throws DeliveryException {
    if (session == null) {
      throw new DeliveryException("email is not configured", true);
    }
    MimeMessage message;
    try {
      message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(d.recipient(), true));
      message.setSubject(d.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("Content-Language", d.language().tag());
      message.setHeader("X-Resource-Plans-Notification", d.notificationId());
      if (d.htmlBody() == null) {
        message.setText(d.body(), StandardCharsets.UTF_8.name());
      } else {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(d.body(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(d.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
      }
      message.saveChanges();
    } catch (AddressException e) {
      throw new DeliveryException("invalid email address: " + e.getMessage(), true, e);
    } catch (MessagingException e) {
      throw new DeliveryException("could not build the email: " + e.getMessage(), true, e);
    }
    try {
      Transport.send(message);
    } catch (SendFailedException e) {
      boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      throw new DeliveryException("SMTP refused the email: " + oneLine(e), refused, e);
    } catch (MessagingException e) {
      throw new DeliveryException("SMTP delivery failed: " + oneLine(e), false, e);
    }
  }

  /** The exception's message and its causes', on one line (no stack trace). */
  private static String oneLine(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null && out.length() < 500; t = t.getCause()) {
      if (out.length() > 0) {
        out.append(": ");
      }
      out.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replaceAll("\\s+", " ").strip());
    }
    return out.toString();
  }
}
