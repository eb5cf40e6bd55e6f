package io.resourceplans.server.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.resourceplans.api.v1.Language;
import io.resourceplans.api.v1.ListMessagesRequest;
import io.resourceplans.api.v1.InternalMessageKind;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.domain.notification.DispatchSettings;
import io.resourceplans.domain.notification.NotificationDispatcher;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.NotificationFixtures;
import io.resourceplans.server.testing.TestServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email through a real SMTP server (GreenMail, in the test) on a free port: the message arrives
 * with the recipient, subject and language the account chose. The server has no SMS gateway: SMS
 * ends SKIPPED, "channel not configured", while email still goes out.
 */
class EmailDeliveryTest {
  private static GreenMail smtp;
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    server =
        new TestServer(
            new DeliverySettings(
                DispatchSettings.defaults(), SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort()), SmsSettings.none()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    smtp.stop();
  }

  @BeforeEach
  void clean() throws Exception {
    server.dispatch();
    smtp.purgeEmailFromAllMailboxes();
  }

  private static List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  @Test
  void aPaidOrderIsMailedInSimplifiedChineseAndSmsIsSkippedAsNotConfigured() throws Exception {
    var buyer = AlertFixtures.buyer(server, "Zh Shop", "+8613900139000");
    String key = buyer.getApiKeySecret();
    String accountId = buyer.getAccount().getAccountId();
    NotificationFixtures.update(server, key, "caiwu@zh-shop.example", "+8613900139000", Language.LANGUAGE_ZH_CN);
    var pkg = AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_VERIFICATION_NOTIFICATION);

    var pass = server.dispatch();
    assertEquals(1, pass.delivered() - 1, "email and the internal message");
    assertEquals(1, pass.skipped());
    assertTrue(smtp.waitForIncomingEmail(5000, 1));

    List<MimeMessage> mails = to("caiwu@zh-shop.example");
    assertEquals(1, mails.size());
    MimeMessage mail = mails.get(0);
    assertTrue(mail.getSubject().startsWith("订单 ord-"), mail.getSubject());
    assertTrue(mail.getSubject().contains("已支付"), mail.getSubject());
    assertEquals("zh-CN", mail.getHeader("Content-Language", null));
    assertEquals(SmtpSettings.DEFAULT_FROM, mail.getFrom()[0].toString());
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertEquals(2, parts.getCount());
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain") && parts.getBodyPart(1).isMimeType("text/html"));
    for (String body : List.of(text, html)) {
      assertTrue(body.contains(pkg.getPackageId()) && body.contains("sms-domestic") && body.contains("验证通知")
          && body.contains("1000") && body.contains("44.00 CNY"), body);
    }

    var rows = NotificationFixtures.rows(server, accountId);
    var email = NotificationFixtures.only(rows, "ORDER_PAID", "EMAIL");
    assertEquals("DELIVERED", email.get("status"));
    assertEquals(1, email.get("attempts"));
    assertEquals("ZH_CN", email.get("language"));
    var sms = NotificationFixtures.only(rows, "ORDER_PAID", "SMS");
    assertEquals("SKIPPED", sms.get("status"));
    assertEquals(NotificationDispatcher.NOT_CONFIGURED, sms.get("last_error"));
    assertEquals("DELIVERED", NotificationFixtures.only(rows, "ORDER_PAID", "INTERNAL_MESSAGE").get("status"));

    // The internal message is in Chinese too.
    var message = server.plan(key).listMessages(ListMessagesRequest.getDefaultInstance()).getMessages(0);
    assertEquals(InternalMessageKind.INTERNAL_MESSAGE_KIND_ORDER_PAID, message.getKind());
    assertEquals(mail.getSubject(), message.getTitle());

    // Nothing is delivered twice.
    assertEquals(0, server.dispatch().total());
    assertEquals(1, to("caiwu@zh-shop.example").size());
  }

  @Test
  void anEnglishAlertStatesTheFacts() throws Exception {
    var buyer = AlertFixtures.buyer(server, "En Shop", "");
    String key = buyer.getApiKeySecret();
    AlertFixtures.buy(server, key, 1000, Purpose.PURPOSE_MARKETING);
    server.dispatch();
    smtp.purgeEmailFromAllMailboxes();

    AlertFixtures.setThreshold(server, key, Purpose.PURPOSE_MARKETING, 2000);
    server.dispatch();
    assertTrue(smtp.waitForIncomingEmail(5000, 1));
    List<MimeMessage> mails = to("en.shop@example.com");
    assertEquals(1, mails.size());
    MimeMessage mail = mails.get(0);
    assertEquals("Low remaining quota: sms-domestic (marketing)", mail.getSubject());
    assertEquals("en", mail.getHeader("Content-Language", null));
    String body = GreenMailUtil.getBody(mail);
    assertTrue(body.contains("is 1000, below your alert threshold of 2000"), body);
  }

  @Test
  void aVerificationCodeGoesToTheAddressAskedForAndIsNotKept() throws Exception {
    var account = server.newAccount("Vendor Flow");
    String accountId = account.getAccount().getAccountId();
    var notifier = server.component().notifier();
    boolean queued =
        (boolean) server.component().transactor().inTransaction(
            tx -> notifier.queueEmail(
                tx, accountId, "new.user@vendor.example", io.resourceplans.domain.notification.Language.ZH_CN,
                NotificationKind.VERIFICATION_CODE,
                Map.of("code", "482913", "codePurpose", "REGISTER", "validMinutes", "10"),
                "verification:new.user@vendor.example:REGISTER:1", server.clock.instant()));
    assertTrue(queued);
    // The same key again writes nothing.
    assertFalse(
        (boolean) server.component().transactor().inTransaction(
            tx -> notifier.queueEmail(
                tx, accountId, "new.user@vendor.example", io.resourceplans.domain.notification.Language.ZH_CN,
                NotificationKind.VERIFICATION_CODE,
                Map.of("code", "000000", "codePurpose", "REGISTER", "validMinutes", "10"),
                "verification:new.user@vendor.example:REGISTER:1", server.clock.instant())));

    server.dispatch();
    assertTrue(smtp.waitForIncomingEmail(5000, 1));
    List<MimeMessage> mails = to("new.user@vendor.example");
    assertEquals(1, mails.size());
    assertEquals("您的验证码", mails.get(0).getSubject());
    String text = (String) ((MimeMultipart) mails.get(0).getContent()).getBodyPart(0).getContent();
    assertTrue(text.contains("482913") && text.contains("10 分钟") && text.contains("注册计费中心账号"), text);
    assertEquals(0, to("vendor.flow@example.com").size());

    var row = NotificationFixtures.only(NotificationFixtures.rows(server, accountId), "VERIFICATION_CODE", "EMAIL");
    assertEquals("DELIVERED", row.get("status"));
    assertEquals("", row.get("body"));
    assertNull(row.get("html_body"));
  }
}
