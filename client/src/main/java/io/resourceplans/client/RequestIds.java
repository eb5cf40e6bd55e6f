package io.resourceplans.client;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.resourceplans.api.v1.ValidationProto;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Request IDs (idempotency keys) for mutations. Every client method fills an empty
 * {@code request_id} with {@link #newId()} before the first attempt and keeps it for every retry
 * of that call, so a retry is answered by the server without a second change. A caller that wants
 * to log the ID before sending, or to retry a call itself later, fills it first with
 * {@link #withRequestId}.
 */
public final class RequestIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ConcurrentMap<Descriptor, Optional<FieldDescriptor>> FIELDS =
      new ConcurrentHashMap<>();
  private static final ConcurrentMap<Descriptor, Optional<FieldDescriptor>> BATCHES =
      new ConcurrentHashMap<>();

  private RequestIds() {}

  /**
   * {@return a new UUIDv7 (RFC 9562)}: 48 bits of Unix milliseconds, then 74 random bits. IDs sort
   * by creation time, which keeps the server's idempotency index compact.
   */
  public static String newId() {
    return newId(System.currentTimeMillis(), RANDOM);
  }

  static String newId(long unixMillis, java.util.Random random) {
    long randA = random.nextInt(1 << 12);
    long mostSignificant = (unixMillis << 16) | 0x7000L | randA;
    long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(mostSignificant, leastSignificant).toString();
  }

  /**
   * {@return the request with a new ID in its idempotency key field when that field is empty}; the
   * request itself when it already has one or is not a mutation (has no such field). In a batch
   * (RecordUsages), each record without an ID gets its own.
   *
   * @param <M> the request type
   * @param request any request message of the API
   */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M withRequestId(M request) {
    Optional<FieldDescriptor> field = idempotencyKey(request.getDescriptorForType());
    if (field.isPresent()) {
      return ((String) request.getField(field.get())).isEmpty()
          ? (M) request.toBuilder().setField(field.get(), newId()).build()
          : request;
    }
    Optional<FieldDescriptor> batch = batchOfKeyed(request.getDescriptorForType());
    if (batch.isEmpty()) {
      return request;
    }
    // A batch (RecordUsages): each item is a request with a key of its own.
    Message.Builder builder = null;
    int items = request.getRepeatedFieldCount(batch.get());
    for (int i = 0; i < items; i++) {
      Message item = (Message) request.getRepeatedField(batch.get(), i);
      Message filled = withRequestId(item);
      if (filled != item) {
        builder = builder == null ? request.toBuilder() : builder;
        builder.setRepeatedField(batch.get(), i, filled);
      }
    }
    return builder == null ? request : (M) builder.build();
  }

  /**
   * {@return the request's idempotency key, if it is a mutation and has one}
   *
   * @param request any request message of the API
   */
  public static Optional<String> of(Message request) {
    return idempotencyKey(request.getDescriptorForType())
        .map(field -> (String) request.getField(field))
        .filter(id -> !id.isEmpty());
  }

  /**
   * Whether requests of this type carry an idempotency key, or are a batch of requests that each
   * do (every mutation but LogIn).
   */
  static boolean hasIdempotencyKey(Descriptor type) {
    return idempotencyKey(type).isPresent() || batchOfKeyed(type).isPresent();
  }

  // The repeated field of a batch request whose items have an idempotency key (RecordUsages).
  private static Optional<FieldDescriptor> batchOfKeyed(Descriptor type) {
    return BATCHES.computeIfAbsent(
        type,
        t ->
            t.getFields().stream()
                .filter(f -> f.isRepeated() && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE)
                .filter(f -> idempotencyKey(f.getMessageType()).isPresent())
                .findFirst());
  }

  // The field marked [(resourceplans.v1.idempotency_key) = true] in the protos.
  private static Optional<FieldDescriptor> idempotencyKey(Descriptor type) {
    return FIELDS.computeIfAbsent(
        type,
        t ->
            t.getFields().stream()
                .filter(f -> f.getOptions().getExtension(ValidationProto.idempotencyKey))
                .findFirst());
  }
}
