package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.resourceplans.server.testing.AlertFixtures;
import io.resourceplans.server.testing.NettyServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees calling the real server with {@code buf curl} (the CLI docs/errors.md shows,
 * at the version CI uses for buf lint), gRPC over plaintext HTTP/2 with reflection: a refusal's
 * message starts with its reason, and its ErrorInfo (reason, domain) is in the details; bad input
 * keeps its message and lists its field violations in a BadRequest.
 *
 * <p>buf curl 1.75.0 prints every detail as {@code {"type": ..., "value": <base64>}}: it decodes a
 * detail only into a type compiled into buf itself (connect-go's error JSON, whose "debug" field
 * would hold it) and asks reflection for none, so this test decodes the values. Reflection-based
 * clients such as grpcurl do decode them (ErrorDetailsReflectionTest).
 */
class BufCurlErrorsTest {
  @RegisterExtension
  static final NettyServerExtension server = new NettyServerExtension(NettyServerExtension.defaultLimits());

  private static final String BUF = "@bufbuild/buf@1.75.0";
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final String RECORD_USAGE = "resourceplans.v1.PlanService/RecordUsage";

  /** The key of an account without packages or pay-as-you-go: its usage exhausts its quota. */
  private static String key;

  @TempDir Path output;

  @BeforeAll
  static void openAccount() {
    key = server.newAccount(server.channel(), "Buf Curl").getApiKeySecret();
  }

  /** One run of buf curl: its exit code and the error it printed, as JSON. */
  private record Run(int exitCode, JsonObject error, String printed) {}

  @Test
  void aRefusalNamesItsReasonInTheMessageAndCarriesItsErrorInfo() throws Exception {
    Run run =
        curl(
            RECORD_USAGE,
            "{\"request_id\": \"buf-curl-1\", \"product_id\": \"" + AlertFixtures.PRODUCT + "\","
                + " \"purpose\": \"PURPOSE_MARKETING\", \"quantity\": 7, \"region_id\": \"" + AlertFixtures.REGION + "\"}");
    // buf curl exits with 8 × the gRPC code: RESOURCE_EXHAUSTED is 8.
    assertEquals(64, run.exitCode(), run::printed);
    assertEquals("resource_exhausted", run.error().get("code").getAsString(), run::printed);
    String message = run.error().get("message").getAsString();
    assertTrue(message.startsWith("QUOTA_EXHAUSTED: ") && message.length() > "QUOTA_EXHAUSTED: ".length(), message);

    JsonArray details = run.error().getAsJsonArray("details");
    assertEquals(1, details.size(), run::printed);
    JsonObject detail = details.get(0).getAsJsonObject();
    assertEquals("google.rpc.ErrorInfo", detail.get("type").getAsString(), run::printed);
    ErrorInfo info = ErrorInfo.parseFrom(base64(detail));
    assertEquals("QUOTA_EXHAUSTED", info.getReason());
    assertEquals("resourceplans.io", info.getDomain());
  }

  @Test
  void badInputKeepsItsMessageAndListsItsFieldViolations() throws Exception {
    Run run =
        curl(
            RECORD_USAGE,
            "{\"request_id\": \"not a key!\", \"product_id\": \"" + AlertFixtures.PRODUCT + "\","
                + " \"purpose\": \"PURPOSE_MARKETING\", \"quantity\": 0, \"region_id\": \"" + AlertFixtures.REGION + "\"}");
    // INVALID_ARGUMENT is 3.
    assertEquals(24, run.exitCode(), run::printed);
    assertEquals("invalid_argument", run.error().get("code").getAsString(), run::printed);
    String message = run.error().get("message").getAsString();
    assertTrue(message.startsWith("invalid request_id: "), message);

    JsonArray details = run.error().getAsJsonArray("details");
    assertEquals(1, details.size(), run::printed);
    JsonObject detail = details.get(0).getAsJsonObject();
    assertEquals("google.rpc.BadRequest", detail.get("type").getAsString(), run::printed);
    List<String> fields = new ArrayList<>();
    for (BadRequest.FieldViolation v : BadRequest.parseFrom(base64(detail)).getFieldViolationsList()) {
      fields.add(v.getField());
    }
    assertEquals(List.of("request_id", "quantity"), fields);
  }

  private static byte[] base64(JsonObject detail) {
    return Base64.getDecoder().decode(detail.get("value").getAsString());
  }

  /**
   * Runs buf curl (through npx, as CI runs buf lint) on the server's port, bounded in time and
   * killed after, with the account's key; what it printed never shows the key.
   */
  private Run curl(String method, String json) throws IOException, InterruptedException, InvalidProtocolBufferException {
    Path stdout = output.resolve("stdout");
    Path stderr = output.resolve("stderr");
    Process process =
        new ProcessBuilder(
                "npx", "--yes", BUF, "curl",
                "--protocol", "grpc",
                "--http2-prior-knowledge",
                "--timeout", "60s",
                "-H", "authorization: Bearer " + key,
                "--data", json,
                "http://127.0.0.1:" + server.port() + "/" + method)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      boolean finished = process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
      String printed = redacted(Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8));
      assertTrue(finished, () -> "buf curl did not finish within " + LIMIT + ":\n" + printed);
      // The error is printed to stderr as indented JSON; npm may print notices before it.
      String err = redacted(Files.readString(stderr, StandardCharsets.UTF_8));
      int start = err.indexOf('{');
      int end = err.lastIndexOf('}');
      assertTrue(start >= 0 && end > start, () -> "no JSON error in:\n" + printed);
      return new Run(process.exitValue(), JsonParser.parseString(err.substring(start, end + 1)).getAsJsonObject(), printed);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static String redacted(String printed) {
    return printed.replace(key, "<api key>");
  }
}
