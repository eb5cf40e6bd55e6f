package io.resourceplans.server.errors;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import io.resourceplans.api.v1.MoneyRules;
import io.resourceplans.api.v1.ValidationProto;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.server.mapping.MoneyMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The rules that hold for every field of a type, in every request, whatever the protos declare;
 * written once here instead of on each field:
 *
 * <ul>
 *   <li>a string never holds U+0000, the one character PostgreSQL cannot store in text (a proto3
 *       string off the wire is valid UTF-8 already);
 *   <li>a google.protobuf.Timestamp is within its range, 0001-01-01 to 9999-12-31, with nanos
 *       0..999,999,999 (protovalidate cannot evaluate one outside it);
 *   <li>a google.type.Money is a valid amount within the API's range ({@link MoneyMapper#problem}).
 * </ul>
 *
 * The same walk enforces the shared rules a field declares with an option of validation.proto, their
 * one home: the idempotency-key rule ({@code (resourceplans.v1.idempotency_key)}) and the money
 * rules ({@code (resourceplans.v1.money)}, see MoneyRules). They are rules of the field, not of the
 * type: a caller sees them among the protovalidate violations, in the place the field's own rules
 * take there, so {@link Findings} keeps them apart, each with the {@link Position} the interceptor
 * merges by.
 *
 * <p>Nested messages, repeated fields and map keys and values are walked; each violation names its
 * path as protovalidate's do ({@code tiers[2].name}, {@code labels["k"]}). What to visit in each
 * message type is worked out once and cached, so a request with few fields costs few reads.
 */
@Singleton
public final class FieldTypeRules {
  private static final String TIMESTAMP = com.google.protobuf.Timestamp.getDescriptor().getFullName();
  private static final String MONEY = com.google.type.Money.getDescriptor().getFullName();
  static final String NUL = "must not contain the character U+0000";
  static final String TIMESTAMP_RANGE =
      "must be a valid timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, nanos 0..999999999";
  // The wording the money rules had as CEL on each field, kept: callers may match on it.
  static final String CURRENCY_CODE = "currency_code must be 3 upper-case letters (ISO 4217)";
  static final String POSITIVE = "must be greater than zero (units >= 0, 0 <= nanos <= 999999999)";
  static final String NON_NEGATIVE = "must be zero or more (units >= 0, 0 <= nanos <= 999999999)";
  // The idempotency-key rule's wording, protovalidate's for `required` and `string.pattern`.
  static final String REQUIRED = "value is required";
  static final String KEY_PATTERN = "does not match regex pattern `^[A-Za-z0-9_-]{1,64}$`";
  private static final int KEY_MAX_LENGTH = 64;
  private static final int[] NANOS_STEP = {
    1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  /**
   * What one request breaks: {@code typeViolations}, answered alone (protovalidate cannot evaluate
   * a message that breaks them), and the violations of the declared shared rules, to be answered
   * with protovalidate's, in the order of their positions.
   */
  public record Findings(List<FieldViolation> typeViolations, List<Located> sharedViolations) {}

  /** A shared-rule violation and where its field is in the request. */
  public record Located(Position position, FieldViolation violation) {}

  /**
   * Where a field is in a request: per level, the field's index in its message's declaration
   * order and its list index (-1 when none), outermost first. protovalidate visits fields in
   * declaration order and a field's own rules before what is nested in it, so its violations come
   * in the order of their positions, a prefix (an enclosing message) first.
   */
  public record Position(int[] steps) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
      return Arrays.compare(steps, other.steps);
    }
  }

  /** The steps down to the message being walked; made a Position only when a shared rule is broken. */
  private record Steps(Steps parent, int field, int index) {
    Position position() {
      int depth = 0;
      for (Steps s = this; s != null; s = s.parent) {
        depth++;
      }
      int[] out = new int[2 * depth];
      for (Steps s = this; s != null; s = s.parent) {
        depth--;
        out[2 * depth] = s.field;
        out[2 * depth + 1] = s.index;
      }
      return new Position(out);
    }
  }

  /** A message type with a rule of its own, or none. */
  private enum Kind { TIMESTAMP, MONEY, OTHER }

  /**
   * What to check in one message type: its own rule, and the fields worth reading; {@code keys}
   * are the strings that are idempotency keys, and {@code money} holds the declared money rules of
   * each of {@code messages}, null where it declares none.
   */
  private record Shape(
      Kind kind,
      List<FieldDescriptor> strings,
      List<FieldDescriptor> keys,
      List<FieldDescriptor> messages,
      List<MoneyRules> money) {}

  private final Map<Descriptor, Shape> shapes = new ConcurrentHashMap<>();

  @Inject
  public FieldTypeRules() {}

  /** Every violation of the type rules in the message, in field order; empty when it keeps them. */
  public List<FieldViolation> violations(Message message) {
    return check(message).typeViolations();
  }

  /** The type rules' violations and, when there are none, the declared shared rules'. */
  public Findings check(Message message) {
    Findings out = new Findings(new ArrayList<>(0), new ArrayList<>(0));
    check(message, "", null, null, out);
    if (!out.typeViolations().isEmpty()) {
      // Answered alone, as protovalidate's are then: the shared rules wait for valid values.
      out.sharedViolations().clear();
    } else if (out.sharedViolations().size() > 1) {
      // A message's keys are checked before its nested messages; stable, so one field's stay in order.
      out.sharedViolations().sort(Comparator.comparing(Located::position));
    }
    return out;
  }

  private Shape shape(Descriptor type) {
    return shapes.computeIfAbsent(type, FieldTypeRules::shapeOf);
  }

  private static Shape shapeOf(Descriptor type) {
    List<FieldDescriptor> strings = new ArrayList<>();
    List<FieldDescriptor> keys = new ArrayList<>();
    List<FieldDescriptor> messages = new ArrayList<>();
    List<MoneyRules> money = new ArrayList<>();
    for (FieldDescriptor field : type.getFields()) {
      if (field.getOptions().getExtension(ValidationProto.idempotencyKey)) {
        if (field.getJavaType() != FieldDescriptor.JavaType.STRING || field.isRepeated()) {
          throw new IllegalStateException(
              "(resourceplans.v1.idempotency_key) on " + field.getFullName() + ", which is not a singular string");
        }
        keys.add(field);
      }
      switch (field.getJavaType()) {
        case STRING -> strings.add(field);
        case MESSAGE -> {
          messages.add(field);
          money.add(moneyRules(field));
        }
        default -> { }
      }
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
          && field.getOptions().hasExtension(ValidationProto.money)) {
        throw misplaced(field);
      }
    }
    Kind kind =
        type.getFullName().equals(TIMESTAMP) ? Kind.TIMESTAMP : type.getFullName().equals(MONEY) ? Kind.MONEY : Kind.OTHER;
    // Not List.copyOf: money holds nulls.
    return new Shape(
        kind, List.copyOf(strings), List.copyOf(keys), List.copyOf(messages), Collections.unmodifiableList(money));
  }

  /** The field's declared money rules, or null; a rule the protos misuse is our bug, found early. */
  private static MoneyRules moneyRules(FieldDescriptor field) {
    if (!field.getOptions().hasExtension(ValidationProto.money)) {
      return null;
    }
    FieldDescriptor value = field.isMapField() ? field.getMessageType().findFieldByNumber(2) : field;
    if (value.getJavaType() != FieldDescriptor.JavaType.MESSAGE
        || !value.getMessageType().getFullName().equals(MONEY)) {
      throw misplaced(field);
    }
    MoneyRules rules = field.getOptions().getExtension(ValidationProto.money);
    if (rules.getMaxDecimalPlaces() > 9) {
      throw new IllegalStateException(
          field.getFullName() + ": max_decimal_places is 0..9, not " + rules.getMaxDecimalPlaces());
    }
    return rules;
  }

  private static IllegalStateException misplaced(FieldDescriptor field) {
    return new IllegalStateException(
        "(resourceplans.v1.money) on " + field.getFullName() + ", which is not a google.type.Money");
  }

  /**
   * @param steps where {@code message} is, null at the top
   * @param money the money rules of the field holding {@code message}, null when none
   */
  private void check(Message message, String path, Steps steps, MoneyRules money, Findings findings) {
    List<FieldViolation> out = findings.typeViolations();
    Shape shape = shape(message.getDescriptorForType());
    switch (shape.kind()) {
      case TIMESTAMP -> checkTimestamp(message, path, out);
      case MONEY -> checkMoney(message, path, steps, money, findings);
      case OTHER -> { }
    }
    for (FieldDescriptor field : shape.strings()) {
      if (field.isRepeated()) {
        int count = message.getRepeatedFieldCount(field);
        for (int i = 0; i < count; i++) {
          if (hasNul((String) message.getRepeatedField(field, i))) {
            out.add(new FieldViolation(indexed(path, field, i), NUL));
          }
        }
      } else {
        if (hasNul((String) message.getField(field))) {
          out.add(new FieldViolation(join(path, field.getName()), NUL));
        }
      }
    }
    for (FieldDescriptor field : shape.keys()) {
      String broken = idempotencyKeyProblem((String) message.getField(field));
      if (broken != null) {
        Position position = new Steps(steps, field.getIndex(), -1).position();
        findings.sharedViolations().add(
            new Located(position, new FieldViolation(join(path, field.getName()), broken)));
      }
    }
    for (int f = 0; f < shape.messages().size(); f++) {
      FieldDescriptor field = shape.messages().get(f);
      MoneyRules rules = shape.money().get(f);
      if (field.isMapField()) {
        checkMap(message, field, path, new Steps(steps, field.getIndex(), 0), rules, findings);
      } else if (field.isRepeated()) {
        int count = message.getRepeatedFieldCount(field);
        for (int i = 0; i < count; i++) {
          Steps item = new Steps(steps, field.getIndex(), i);
          check((Message) message.getRepeatedField(field, i), indexed(path, field, i), item, rules, findings);
        }
      } else if (message.hasField(field)) {
        Steps single = new Steps(steps, field.getIndex(), -1);
        check((Message) message.getField(field), join(path, field.getName()), single, rules, findings);
      }
    }
  }

  /** Map entries have no order protovalidate keeps, so all of one map share its position. */
  private void checkMap(
      Message message, FieldDescriptor field, String path, Steps steps, MoneyRules rules, Findings findings) {
    List<FieldViolation> out = findings.typeViolations();
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    int count = message.getRepeatedFieldCount(field);
    for (int i = 0; i < count; i++) {
      Message entry = (Message) message.getRepeatedField(field, i);
      Object key = entry.getField(keyField);
      String entryPath = join(path, field.getName()) + "[" + subscript(key) + "]";
      Object value = entry.getField(valueField);
      if ((key instanceof String k && hasNul(k)) || (value instanceof String v && hasNul(v))) {
        out.add(new FieldViolation(entryPath, NUL));
      } else if (value instanceof Message m) {
        check(m, entryPath, steps, rules, findings);
      }
    }
  }

  /**
   * What is wrong with an idempotency key, in the wording of validation.proto, or null: checked by
   * hand, not by a regular expression, as it is on every mutation.
   */
  static String idempotencyKeyProblem(String key) {
    if (key.isEmpty()) {
      return REQUIRED;
    }
    if (key.length() > KEY_MAX_LENGTH) {
      return KEY_PATTERN;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!allowed) {
        return KEY_PATTERN;
      }
    }
    return null;
  }

  private static boolean hasNul(String value) {
    return value.indexOf('\u0000') >= 0;
  }

  private static void checkTimestamp(Message message, String path, List<FieldViolation> out) {
    long seconds;
    int nanos;
    if (message instanceof com.google.protobuf.Timestamp t) {
      seconds = t.getSeconds();
      nanos = t.getNanos();
    } else {
      Descriptor type = message.getDescriptorForType();
      seconds = (Long) message.getField(type.findFieldByNumber(1));
      nanos = (Integer) message.getField(type.findFieldByNumber(2));
    }
    if (!Timestamps.isValid(seconds, nanos)) {
      out.add(new FieldViolation(path, TIMESTAMP_RANGE));
    }
  }

  private static void checkMoney(Message message, String path, Steps steps, MoneyRules rules, Findings findings) {
    long units;
    int nanos;
    if (message instanceof com.google.type.Money m) {
      units = m.getUnits();
      nanos = m.getNanos();
    } else {
      Descriptor type = message.getDescriptorForType();
      units = (Long) message.getField(type.findFieldByName("units"));
      nanos = (Integer) message.getField(type.findFieldByName("nanos"));
    }
    Optional<String> problem = MoneyMapper.problem(units, nanos);
    problem.ifPresent(description -> findings.typeViolations().add(new FieldViolation(path, description)));
    if (rules == null || problem.isPresent()) {
      return;
    }
    // The declared rules, in the order and wording of MoneyRules in validation.proto.
    List<String> broken = new ArrayList<>(0);
    String currency =
        message instanceof com.google.type.Money m
            ? m.getCurrencyCode()
            : (String) message.getField(message.getDescriptorForType().findFieldByName("currency_code"));
    if (!isCurrencyCode(currency)) {
      broken.add(CURRENCY_CODE);
    }
    // units and nanos agree in sign here (MoneyMapper.problem), so the sign of units or nanos is
    // the amount's.
    boolean negative = units < 0 || nanos < 0;
    if (negative || (!rules.getAllowZero() && units == 0 && nanos == 0)) {
      broken.add(rules.getAllowZero() ? NON_NEGATIVE : POSITIVE);
    }
    if (rules.hasMaxDecimalPlaces() && nanos % NANOS_STEP[rules.getMaxDecimalPlaces()] != 0) {
      int places = rules.getMaxDecimalPlaces();
      broken.add("must have at most " + places + (places == 1 ? " decimal place" : " decimal places"));
    }
    if (!broken.isEmpty()) {
      Position position = steps == null ? new Position(new int[0]) : steps.position();
      for (String description : broken) {
        findings.sharedViolations().add(new Located(position, new FieldViolation(path, description)));
      }
    }
  }

  /** Three ASCII upper-case letters, the whole string (a trailing newline does not pass). */
  private static boolean isCurrencyCode(String code) {
    return code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String indexed(String path, FieldDescriptor field, int index) {
    return join(path, field.getName()) + "[" + index + "]";
  }

  /** A map key as protovalidate writes it: {@code "k"} quoted, numbers and booleans bare. */
  private static String subscript(Object key) {
    if (!(key instanceof String s)) {
      return String.valueOf(key);
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
