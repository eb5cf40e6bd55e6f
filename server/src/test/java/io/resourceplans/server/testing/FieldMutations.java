package io.resourceplans.server.testing;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every one-field change of a request type that a hostile or careless caller could send, derived
 * from the message descriptor (so a new field is covered without touching a test): a NUL in each
 * string, the extremes of each number, unknown enum numbers, and out-of-range or extreme
 * timestamps. Nested messages (set or not), repeated fields (element 0, added when absent) and map
 * entries are reached too; the path is spelled as the server's field violations spell it, e.g.
 * {@code plan_spec.custom_pricing.tiers[0].unit_price.units}.
 */
public final class FieldMutations {
  /** What kind of value was put in the field, which decides the answer a test may expect. */
  public enum Kind {
    /** A string holding U+0000: must be INVALID_ARGUMENT naming the field. */
    NUL_STRING,
    /** A number at the extreme of its type, or an enum number no value has. */
    EXTREME_NUMBER,
    /** A Timestamp outside 0001-01-01..9999-12-31 or with nanos outside 0..999,999,999. */
    INVALID_TIMESTAMP,
    /** A valid Timestamp at the very start (year 1) or end (year 9999) of the range. */
    EXTREME_TIMESTAMP
  }

  /** One change: where, what kind, a readable value, and how to apply it to a request. */
  public record Mutation(String path, Kind kind, String value, UnaryOperator<Message> apply) {
    @Override
    public String toString() {
      return path + " = " + value;
    }
  }

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of google.protobuf.Timestamp. */
  static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;
  static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;

  private static final int MAX_DEPTH = 8;

  private FieldMutations() {}

  /** Every mutation of a message of this type. */
  public static List<Mutation> of(Descriptor type) {
    return collect(type, new ArrayDeque<>());
  }

  private static List<Mutation> collect(Descriptor type, Deque<Descriptor> enclosing) {
    List<Mutation> out = new ArrayList<>();
    if (type.getFullName().equals(Timestamp.getDescriptor().getFullName())) {
      out.addAll(timestamps());
      return out;
    }
    if (enclosing.contains(type) || enclosing.size() >= MAX_DEPTH) {
      return out;
    }
    enclosing.push(type);
    for (FieldDescriptor field : type.getFields()) {
      if (field.isMapField()) {
        out.addAll(mapEntries(field, enclosing));
      } else if (field.isRepeated()) {
        for (Mutation m : forType(field, enclosing)) {
          out.add(inElement(field, m));
        }
      } else {
        for (Mutation m : forType(field, enclosing)) {
          out.add(inField(field, m));
        }
      }
    }
    enclosing.pop();
    return out;
  }

  /**
   * The mutations of one value of the field's type, relative to that value: for a scalar, an
   * operator replacing the whole value (applied to a holder message that is ignored); for a
   * message, mutations of its own fields.
   */
  private static List<Mutation> forType(FieldDescriptor field, Deque<Descriptor> enclosing) {
    List<Mutation> out = new ArrayList<>();
    switch (field.getJavaType()) {
      case STRING -> out.add(scalar(Kind.NUL_STRING, "\"nul\\u0000here\"", "nul\u0000here"));
      case INT -> {
        if (isUnsigned(field)) {
          out.add(scalar(Kind.EXTREME_NUMBER, "2^32-1", -1));
          out.add(scalar(Kind.EXTREME_NUMBER, "2^31", Integer.MIN_VALUE));
        } else {
          out.add(scalar(Kind.EXTREME_NUMBER, "Integer.MAX_VALUE", Integer.MAX_VALUE));
          out.add(scalar(Kind.EXTREME_NUMBER, "Integer.MIN_VALUE", Integer.MIN_VALUE));
        }
      }
      case LONG -> {
        if (isUnsigned(field)) {
          out.add(scalar(Kind.EXTREME_NUMBER, "2^64-1", -1L));
          out.add(scalar(Kind.EXTREME_NUMBER, "2^63", Long.MIN_VALUE));
        } else {
          out.add(scalar(Kind.EXTREME_NUMBER, "Long.MAX_VALUE", Long.MAX_VALUE));
          out.add(scalar(Kind.EXTREME_NUMBER, "Long.MIN_VALUE", Long.MIN_VALUE));
        }
      }
      case FLOAT -> {
        out.add(scalar(Kind.EXTREME_NUMBER, "NaN", Float.NaN));
        out.add(scalar(Kind.EXTREME_NUMBER, "Infinity", Float.POSITIVE_INFINITY));
        out.add(scalar(Kind.EXTREME_NUMBER, "-Float.MAX_VALUE", -Float.MAX_VALUE));
      }
      case DOUBLE -> {
        out.add(scalar(Kind.EXTREME_NUMBER, "NaN", Double.NaN));
        out.add(scalar(Kind.EXTREME_NUMBER, "Infinity", Double.POSITIVE_INFINITY));
        out.add(scalar(Kind.EXTREME_NUMBER, "-Double.MAX_VALUE", -Double.MAX_VALUE));
      }
      case ENUM -> {
        for (int number : new int[] {Integer.MAX_VALUE, -1}) {
          out.add(scalar(Kind.EXTREME_NUMBER, "enum number " + number, field.getEnumType().findValueByNumberCreatingIfUnknown(number)));
        }
      }
      case MESSAGE -> out.addAll(collect(field.getMessageType(), enclosing));
      case BOOLEAN, BYTE_STRING -> { }
    }
    return out;
  }

  private static boolean isUnsigned(FieldDescriptor field) {
    return switch (field.getType()) {
      case UINT32, FIXED32, UINT64, FIXED64 -> true;
      default -> false;
    };
  }

  /**
   * A replacement of a whole scalar value. Its operator returns a message holding nothing but the
   * value; {@link #valueOf} takes the value out again where it is put in place.
   */
  private static Mutation scalar(Kind kind, String shown, Object value) {
    return new Mutation("", kind, shown, new ScalarValue(value));
  }

  /** Marks the operator of a scalar mutation, so the field that holds it can set the value. */
  private record ScalarValue(Object value) implements UnaryOperator<Message> {
    @Override
    public Message apply(Message ignored) {
      throw new IllegalStateException("a scalar value is set by its field, not applied to a message");
    }
  }

  private static Object valueOf(Mutation relative, Object current) {
    if (relative.apply() instanceof ScalarValue scalar) {
      return scalar.value();
    }
    return relative.apply().apply((Message) current);
  }

  private static String join(String head, String tail) {
    return tail.isEmpty() ? head : head + "." + tail;
  }

  private static Mutation inField(FieldDescriptor field, Mutation relative) {
    return new Mutation(
        join(field.getName(), relative.path()),
        relative.kind(),
        relative.value(),
        message -> message.toBuilder().setField(field, valueOf(relative, message.getField(field))).build());
  }

  /** Element 0 of a repeated field: replaced when the request has one, added otherwise. */
  private static Mutation inElement(FieldDescriptor field, Mutation relative) {
    String head = field.getName() + "[0]";
    String path = relative.path().isEmpty() ? head : head + "." + relative.path();
    return new Mutation(
        path,
        relative.kind(),
        relative.value(),
        message -> {
          Message.Builder builder = message.toBuilder();
          if (message.getRepeatedFieldCount(field) > 0) {
            builder.setRepeatedField(field, 0, valueOf(relative, message.getRepeatedField(field, 0)));
          } else {
            Object fresh = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                ? builder.newBuilderForField(field).build()
                : null;
            builder.addRepeatedField(field, valueOf(relative, fresh));
          }
          return builder.build();
        });
  }

  /**
   * A map field: an entry whose key holds the mutation (string keys), and an entry under key
   * {@code "k"} whose value holds each mutation of the value type.
   */
  private static List<Mutation> mapEntries(FieldDescriptor field, Deque<Descriptor> enclosing) {
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    List<Mutation> out = new ArrayList<>();
    if (keyField.getJavaType() == FieldDescriptor.JavaType.STRING) {
      out.add(mapEntry(field, "nul\u0000key", null, Kind.NUL_STRING, "key \"nul\\u0000key\"", null));
    }
    Object key = sampleKey(keyField);
    String keyPath = keyField.getJavaType() == FieldDescriptor.JavaType.STRING ? "[\"" + key + "\"]" : "[" + key + "]";
    for (Mutation m : forType(valueField, enclosing)) {
      String path = field.getName() + keyPath + (m.path().isEmpty() ? "" : "." + m.path());
      out.add(mapEntry(field, key, m, m.kind(), m.value(), path));
    }
    return out;
  }

  private static Object sampleKey(FieldDescriptor keyField) {
    return switch (keyField.getJavaType()) {
      case STRING -> "k";
      case INT -> 1;
      case LONG -> 1L;
      case BOOLEAN -> true;
      default -> throw new IllegalStateException("map key type " + keyField.getJavaType());
    };
  }

  private static Mutation mapEntry(
      FieldDescriptor field, Object key, Mutation valueMutation, Kind kind, String shown, String path) {
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    String shownPath = path != null ? path : field.getName() + "[\"nul\\u0000key\"]";
    return new Mutation(
        shownPath,
        kind,
        shown,
        message -> {
          Message.Builder builder = message.toBuilder();
          Message.Builder entry = builder.newBuilderForField(field);
          entry.setField(keyField, key);
          Object emptyValue = valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              ? entry.newBuilderForField(valueField).build()
              : valueField.getDefaultValue();
          entry.setField(valueField, valueMutation == null ? emptyValue : valueOf(valueMutation, emptyValue));
          builder.addRepeatedField(field, entry.build());
          return builder.build();
        });
  }

  /** Whole-Timestamp replacements, relative to the Timestamp field. */
  private static List<Mutation> timestamps() {
    return List.of(
        timestamp(Kind.INVALID_TIMESTAMP, Long.MAX_VALUE, 0),
        timestamp(Kind.INVALID_TIMESTAMP, Long.MIN_VALUE, 0),
        timestamp(Kind.INVALID_TIMESTAMP, MAX_TIMESTAMP_SECONDS + 1, 0),
        timestamp(Kind.INVALID_TIMESTAMP, MIN_TIMESTAMP_SECONDS - 1, 0),
        timestamp(Kind.INVALID_TIMESTAMP, 1_900_000_000L, -1),
        timestamp(Kind.INVALID_TIMESTAMP, 1_900_000_000L, 1_000_000_000),
        timestamp(Kind.EXTREME_TIMESTAMP, MIN_TIMESTAMP_SECONDS, 0),
        timestamp(Kind.EXTREME_TIMESTAMP, MAX_TIMESTAMP_SECONDS, 999_999_999));
  }

  private static Mutation timestamp(Kind kind, long seconds, int nanos) {
    Timestamp t = Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    return new Mutation("", kind, "{seconds: " + seconds + ", nanos: " + nanos + "}", ignored -> t);
  }
}
