package io.resourceplans.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.resourceplans.api.v1.CreateAccountResponse;
import io.resourceplans.api.v1.CreateApiKeyRequest;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.MarketplaceInstance;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.server.testing.CapturedLogs;
import io.resourceplans.server.testing.Marketplace;
import io.resourceplans.server.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full flow with every kind of secret — operator key, account and created API keys, login
 * tickets, mailed verification codes (right and wrong), passwords (set, right and wrong at log-in)
 * — logged with the access log on, and then every line searched for every secret: none is there.
 */
class SecretsNotLoggedTest {
  @RegisterExtension static final Marketplace market = Marketplace.forClass();
  private static final TestServer server = market.server();


  @Test
  void noSecretOfAFullFlowAppearsInAnyLogLine() {
    Map<String, String> secrets = new LinkedHashMap<>();
    List<String> lines;
    int calls;
    try (CapturedLogs logs = new CapturedLogs()) {
      CreateAccountResponse account = server.newAccount("Secret Keeper");
      secrets.put("account API key", account.getApiKeySecret());
      String key = account.getApiKeySecret();
      secrets.put("created API key",
          server.activation(key)
              .createApiKey(CreateApiKeyRequest.newBuilder().setRequestId(TestServer.requestId()).setDisplayName("ci").build())
              .getSecret());

      MarketplaceInstance instance = market.activate(account, Marketplace.PRODUCT, TestServer.requestId());
      String ticket = market.ticket(account, instance.getInstanceId());
      secrets.put("login ticket", ticket);
      String cloud = account.getAccount().getAccountId();
      market.resolve(ticket);
      // A ticket altered by one character is refused; it is not logged either.
      String altered = ticket.substring(0, ticket.length() - 1) + (ticket.endsWith("A") ? "B" : "A");
      secrets.put("altered login ticket", altered);
      assertThrows(StatusRuntimeException.class, () -> market.resolve(altered));

      String email = "keeper@secret.example";
      market.sendCode(cloud, instance.getInstanceId(), VerificationCodePurpose.VERIFICATION_CODE_PURPOSE_REGISTER, email);
      String code = market.mail.latestCode(email);
      secrets.put("verification code", code);
      String wrongCode = code.equals("000000") ? "111111" : "000000";
      secrets.put("wrong verification code", wrongCode);
      assertThrows(StatusRuntimeException.class,
          () -> server.binding().register(market.registerRequest(cloud, instance.getInstanceId(), "keeper", email, wrongCode).build()));
      server.binding().register(market.registerRequest(cloud, instance.getInstanceId(), "keeper", email, code).build());
      secrets.put("password", Marketplace.PASSWORD);

      String again = market.ticket(account, instance.getInstanceId());
      secrets.put("second login ticket", again);
      var resolved = market.resolve(again);
      String wrongPassword = "Wrong-horse-7-" + System.nanoTime();
      secrets.put("wrong password", wrongPassword);
      assertThrows(StatusRuntimeException.class, () -> server.binding().logIn(logIn(resolved.getCloudAccountId(), resolved.getInstanceId(), wrongPassword)));
      server.binding().logIn(logIn(resolved.getCloudAccountId(), resolved.getInstanceId(), Marketplace.PASSWORD));
      secrets.put("operator key", TestServer.OPERATOR_KEY);
      secrets.put("ticket signing key", TestServer.TICKET_KEY);

      lines = logs.jsonLines();
      calls = logs.accessLog().size();
    }
    // The flow was logged: one access-log line per call, the refusals among them.
    assertTrue(calls >= 12, "access-log lines: " + calls);
    for (String refusal : List.of("VERIFICATION_CODE_INVALID", "LOGIN_CREDENTIALS_INVALID", "LOGIN_TICKET_INVALID")) {
      assertTrue(lines.stream().anyMatch(l -> l.contains("\"reason\":\"" + refusal + "\"")), refusal + " was logged");
    }

    List<String> found = new ArrayList<>();
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      // The search would see each one, were it logged.
      String leaked = "{\"message\":\"leaked " + secret.getValue() + "\"}";
      assertTrue(patterns(secret.getValue()).stream().allMatch(p -> p.matcher(leaked).find()), secret.getKey());
    }
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      for (Pattern p : patterns(secret.getValue())) {
        for (String line : lines) {
          if (p.matcher(line).find()) {
            found.add(secret.getKey() + " in: " + line);
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  /**
   * The secret itself, and for API keys and tickets their random part alone (a key's account and
   * key IDs are not secret). Codes are digits: whole numbers only, so a port or a count that
   * happens to contain them is not taken for them.
   */
  private static List<Pattern> patterns(String secret) {
    List<Pattern> patterns = new ArrayList<>();
    if (secret.matches("\\d+")) {
      patterns.add(Pattern.compile("(?<![0-9.])" + secret + "(?![0-9])"));
      return patterns;
    }
    patterns.add(Pattern.compile(Pattern.quote(secret)));
    int lastDot = secret.lastIndexOf('.');
    if (lastDot > 0 && secret.length() - lastDot > 16) {
      patterns.add(Pattern.compile(Pattern.quote(secret.substring(lastDot + 1))));
    }
    assertFalse(patterns.isEmpty());
    return patterns;
  }

  private static LogInRequest logIn(String cloud, String instance, String password) {
    return LogInRequest.newBuilder()
        .setLogin("keeper")
        .setPassword(password)
        .setCloudAccountId(cloud)
        .setInstanceId(instance)
        .build();
  }
}
