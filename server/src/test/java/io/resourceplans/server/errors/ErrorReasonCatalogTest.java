package io.resourceplans.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.resourceplans.api.v1.ErrorReason;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reasons agree everywhere: the domain's ErrorCode, the proto's ErrorReason (what the server
 * sends and the client reads) and the table of docs/errors.md; and every status with an ErrorInfo
 * names its reason first in its message.
 */
class ErrorReasonCatalogTest {
  /** Reasons that are not a domain refusal: no reason at all, and the server's own bug. */
  private static final Set<ErrorReason> NOT_DOMAIN =
      Set.of(ErrorReason.ERROR_REASON_UNSPECIFIED, ErrorReason.INTERNAL_ERROR, ErrorReason.UNRECOGNIZED);

  /** A row of the reasons table: its first cell is one reason in backticks. */
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\|");

  @Test
  void everyErrorCodeButInvalidInputIsSentAsTheErrorReasonOfItsName() {
    for (ErrorCode code : ErrorCode.values()) {
      Optional<ErrorReason> reason = StatusMapper.reason(code);
      if (code == ErrorCode.INVALID_INPUT) {
        assertTrue(reason.isEmpty(), "INVALID_INPUT travels as field violations, without a reason");
        continue;
      }
      assertEquals(Optional.of(code.name()), reason.map(ErrorReason::name), code::name);
      Status status = StatusMapper.toStatus(new DomainException(code, "what went wrong"));
      assertEquals(List.of(code.name()), errorInfos(status).stream().map(ErrorInfo::getReason).toList(), code::name);
    }
  }

  @Test
  void everyErrorReasonButUnspecifiedAndInternalErrorHasAnErrorCode() {
    Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::name).collect(Collectors.toSet());
    for (ErrorReason reason : ErrorReason.values()) {
      if (!NOT_DOMAIN.contains(reason)) {
        assertTrue(codes.contains(reason.name()), () -> "ErrorReason." + reason + " has no ErrorCode");
      }
    }
  }

  @Test
  void theDocsTableListsExactlyTheErrorReasons() throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(repositoryFile("docs/errors.md"))) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        rows.add(row.group(1));
      }
    }
    Set<String> documented = new TreeSet<>(rows);
    assertEquals(rows.size(), documented.size(), () -> "a reason has two rows: " + rows);
    Set<String> sent =
        Arrays.stream(ErrorReason.values())
            .filter(r -> r != ErrorReason.ERROR_REASON_UNSPECIFIED && r != ErrorReason.UNRECOGNIZED)
            .map(ErrorReason::name)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> undocumented = new TreeSet<>(sent);
    undocumented.removeAll(documented);
    Set<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(sent);
    assertEquals(Set.of(), undocumented, "ErrorReasons without a row in docs/errors.md's table");
    assertEquals(Set.of(), unknown, "rows of docs/errors.md's table that are no ErrorReason");
  }

  @Test
  void theMessageOfEveryStatusWithAReasonStartsWithTheReason() {
    for (ErrorCode code : ErrorCode.values()) {
      Status status = StatusMapper.toStatus(new DomainException(code, "what went wrong"));
      String expected = code == ErrorCode.INVALID_INPUT ? "what went wrong" : code.name() + ": what went wrong";
      assertEquals(expected, status.getMessage(), code::name);
    }
    Status internal = StatusMapper.internal("c0ffee");
    assertEquals(Code.INTERNAL_VALUE, internal.getCode());
    assertEquals("INTERNAL_ERROR: internal error; correlation id c0ffee", internal.getMessage());
    assertEquals("INTERNAL_ERROR", errorInfos(internal).get(0).getReason());
  }

  @Test
  void plainBadInputKeepsItsMessageAndHasNoReason() {
    Status invalid = StatusMapper.toStatus(DomainException.invalid("quantity", "must be greater than 0"));
    assertEquals("invalid quantity", invalid.getMessage());
    assertTrue(errorInfos(invalid).isEmpty());
    Status validated =
        StatusMapper.invalidArgument("invalid request_id", List.of(new FieldViolation("request_id", "value is required")));
    assertEquals("invalid request_id", validated.getMessage());
    assertTrue(errorInfos(validated).isEmpty());
  }

  private static List<ErrorInfo> errorInfos(Status status) {
    return status.getDetailsList().stream()
        .filter(a -> a.is(ErrorInfo.class))
        .map(a -> {
          try {
            return a.unpack(ErrorInfo.class);
          } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
          }
        })
        .toList();
  }

  /** A file of the repository, found from the module the tests run in (or the repository root). */
  private static Path repositoryFile(String path) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(path))) {
        return dir.resolve(path);
      }
    }
    throw new AssertionError(path + " not found above " + Path.of("").toAbsolutePath());
  }
}
