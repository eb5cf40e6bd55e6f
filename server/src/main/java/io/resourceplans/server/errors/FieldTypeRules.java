package io.resourceplans.server.errors;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.server.mapping.MoneyMapper;
import java.util.ArrayList;
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
 * Nested messages, repeated fields and map keys and values are walked; each violation names its
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

  /** A message type with a rule of its own, or none. */
  private enum Kind { TIMESTAMP, MONEY, OTHER }

  /** What to check in one message type: its own rule, and the fields worth reading. */
  private record Shape(Kind kind, List<FieldDescriptor> strings, List<FieldDescriptor> messages) {}

  private final Map<Descriptor, Shape> shapes = new ConcurrentHashMap<>();

  @Inject
  public FieldTypeRules() {}

  /** Every violation in the message, in field order; empty when it keeps every rule. */
  public List<FieldViolation> violations(Message message) {
    List<FieldViolation> out = new ArrayList<>(0);
    check(message, "", out);
    return out;
  }

  private Shape shape(Descriptor type) {
    return shapes.computeIfAbsent(type, FieldTypeRules::shapeOf);
  }

  private static Shape shapeOf(Descriptor type) {
    List<FieldDescriptor> strings = new ArrayList<>();
    List<FieldDescriptor> messages = new ArrayList<>();
    for (FieldDescriptor field : type.getFields()) {
      switch (field.getJavaType()) {
        case STRING -> strings.add(field);
        case MESSAGE -> messages.add(field);
        default -> { }
      }
    }
    Kind kind =
        type.getFullName().equals(TIMESTAMP) ? Kind.TIMESTAMP : type.getFullName().equals(MONEY) ? Kind.MONEY : Kind.OTHER;
    return new Shape(kind, List.copyOf(strings), List.copyOf(messages));
  }

  private void check(Message message, String path, List<FieldViolation> out) {
    Shape shape = shape(message.getDescriptorForType());
    switch (shape.kind()) {
      case TIMESTAMP -> checkTimestamp(message, path, out);
      case MONEY -> checkMoney(message, path, out);
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
    for (FieldDescriptor field : shape.messages()) {
      if (field.isMapField()) {
        checkMap(message, field, path, out);
      } else if (field.isRepeated()) {
        int count = message.getRepeatedFieldCount(field);
        for (int i = 0; i < count; i++) {
          check((Message) message.getRepeatedField(field, i), indexed(path, field, i), out);
        }
      } else if (message.hasField(field)) {
        check((Message) message.getField(field), join(path, field.getName()), out);
      }
    }
  }

  private void checkMap(Message message, FieldDescriptor field, String path, List<FieldViolation> out) {
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
        check(m, entryPath, out);
      }
    }
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

  private static void checkMoney(Message message, String path, List<FieldViolation> out) {
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
    problem.ifPresent(description -> out.add(new FieldViolation(path, description)));
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
