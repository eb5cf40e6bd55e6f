package io.resourceplans.server.errors;

import build.buf.protovalidate.ValidationResult;
import build.buf.protovalidate.exceptions.ValidationException;
import build.buf.validate.FieldPath;
import build.buf.validate.FieldPathElement;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import io.resourceplans.domain.error.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Enforces the rules of every field type ({@link FieldTypeRules}), then the protovalidate rules
 * and the shared rules (validation.proto) declared in the protos, on every request message. A request that breaks
 * them is answered INVALID_ARGUMENT with one field violation per broken rule and never reaches
 * the service.
 */
@Singleton
public final class ValidationInterceptor implements ServerInterceptor {
  private final FieldTypeRules fieldTypeRules;

  @Inject
  public ValidationInterceptor(FieldTypeRules fieldTypeRules) {
    this.fieldTypeRules = fieldTypeRules;
    SharedValidator.startBuilding(); // usually started by Main long before
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new SimpleForwardingServerCallListener<>(delegate) {
      private boolean rejected;

      @Override
      public void onMessage(Q message) {
        List<FieldViolation> violations = violations((Message) message);
        if (violations.isEmpty()) {
          super.onMessage(message);
          return;
        }
        rejected = true;
        StatusException e =
            StatusMapper.toException(
                StatusMapper.invalidArgument(summary(violations), violations));
        call.close(e.getStatus(), e.getTrailers());
      }

      @Override
      public void onHalfClose() {
        if (!rejected) {
          super.onHalfClose();
        }
      }
    };
  }

  List<FieldViolation> violations(Message message) {
    FieldTypeRules.Findings findings = fieldTypeRules.check(message);
    if (!findings.typeViolations().isEmpty()) {
      // Alone: protovalidate's rules cannot be evaluated on an out-of-range timestamp.
      return findings.typeViolations();
    }
    ValidationResult result;
    try {
      result = SharedValidator.get().validate(message);
    } catch (ValidationException e) {
      // A rule that does not compile is our bug, not the caller's.
      throw new IllegalStateException("validation rules of " + message.getDescriptorForType().getFullName(), e);
    }
    List<FieldTypeRules.Located> shared = findings.sharedViolations();
    List<FieldViolation> out = new ArrayList<>();
    int next = 0;
    for (var violation : result.getViolations()) {
      build.buf.validate.Violation proto = violation.toProto();
      if (next < shared.size()) {
        // The shared rules' violations go where protovalidate would have put them as the field's
        // own rules: before the first of its violations that comes later in the walk.
        FieldTypeRules.Position position = position(message.getDescriptorForType(), proto.getField());
        while (next < shared.size() && shared.get(next).position().compareTo(position) < 0) {
          out.add(shared.get(next++).violation());
        }
      }
      String field = proto.hasField() ? path(proto.getField()) : "";
      out.add(new FieldViolation(field, proto.getMessage()));
    }
    while (next < shared.size()) {
      out.add(shared.get(next++).violation());
    }
    return out;
  }

  /**
   * A protovalidate violation's place in the walk ({@link FieldTypeRules.Position}). A step that
   * names no field of its message (a oneof's rule) comes before the message's fields, as
   * protovalidate checks oneofs first; a map key counts as index 0.
   */
  static FieldTypeRules.Position position(Descriptor root, FieldPath path) {
    int[] steps = new int[2 * path.getElementsCount()];
    int n = 0;
    Descriptor type = root;
    for (FieldPathElement e : path.getElementsList()) {
      FieldDescriptor field = type == null ? null : type.findFieldByNumber(e.getFieldNumber());
      if (field == null || !field.getName().equals(e.getFieldName())) {
        steps[n++] = -1;
        steps[n++] = -1;
        break;
      }
      steps[n++] = field.getIndex();
      steps[n++] =
          switch (e.getSubscriptCase()) {
            case INDEX -> (int) e.getIndex();
            case SUBSCRIPT_NOT_SET -> -1;
            default -> 0;
          };
      if (field.isMapField()) {
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        type = value.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? value.getMessageType() : null;
      } else {
        type = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
      }
    }
    return new FieldTypeRules.Position(Arrays.copyOf(steps, n));
  }

  private static String summary(List<FieldViolation> violations) {
    FieldViolation first = violations.get(0);
    String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
    return "invalid " + (first.field().isEmpty() ? "request" : first.field()) + ": " + first.description() + more;
  }

  /** {@code items[2].quantity}, {@code labels["k"]}: the path as a caller would write it. */
  static String path(FieldPath path) {
    StringBuilder out = new StringBuilder();
    for (FieldPathElement e : path.getElementsList()) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(e.getFieldName());
      switch (e.getSubscriptCase()) {
        case INDEX -> out.append('[').append(e.getIndex()).append(']');
        case STRING_KEY -> out.append("[\"").append(e.getStringKey()).append("\"]");
        case INT_KEY -> out.append('[').append(e.getIntKey()).append(']');
        case UINT_KEY -> out.append('[').append(e.getUintKey()).append(']');
        case BOOL_KEY -> out.append('[').append(e.getBoolKey()).append(']');
        case SUBSCRIPT_NOT_SET -> { }
      }
    }
    return out.toString();
  }
}
