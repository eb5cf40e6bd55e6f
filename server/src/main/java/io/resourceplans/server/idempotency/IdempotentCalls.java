package io.resourceplans.server.idempotency;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotentExecutor;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Runs a mutating RPC once per {@code request_id}: the change and its stored response commit in one
 * transaction, and a retry gets the stored response. The fingerprint covers the request type and
 * every field but {@code request_id}, so reusing an ID for another request is caught.
 */
@Singleton
public final class IdempotentCalls {
  private final Transactor transactor;
  private final IdempotentExecutor executor;

  @Inject
  public IdempotentCalls(Transactor transactor, IdempotentExecutor executor) {
    this.transactor = transactor;
    this.executor = executor;
  }

  public <R extends Message> R run(
      Principal caller, Message request, Parser<R> responseParser, Function<Tx, R> mutation) {
    return run(caller, request, responseParser, UnaryOperator.identity(), mutation);
  }

  /**
   * @param redact what to leave out of the stored response (secrets shown only once)
   */
  public <R extends Message> R run(
      Principal caller,
      Message request,
      Parser<R> responseParser,
      UnaryOperator<R> redact,
      Function<Tx, R> mutation) {
    IdempotencyKey key = key(caller, request);
    return transactor.inTransaction(
        tx ->
            executor.execute(
                tx,
                key,
                () -> mutation.apply(tx),
                response -> redact.apply(response).toByteArray(),
                bytes -> parse(responseParser, bytes)));
  }

  /** The caller's request ID and the fingerprint of the request's content. */
  public static IdempotencyKey key(Principal caller, Message request) {
    return new IdempotencyKey(caller.idempotencyScope(), requestId(request), fingerprint(request));
  }

  private static String requestId(Message request) {
    return (String) request.getField(requestIdField(request));
  }

  private static FieldDescriptor requestIdField(Message request) {
    FieldDescriptor field = request.getDescriptorForType().findFieldByName("request_id");
    if (field == null || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
      throw new IllegalArgumentException(
          request.getDescriptorForType().getFullName() + " has no string request_id");
    }
    return field;
  }

  static byte[] fingerprint(Message request) {
    Message content = request.toBuilder().clearField(requestIdField(request)).build();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(content.getDescriptorForType().getFullName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      // Into an array of the exact size: a stream encoder would allocate a 4 kB buffer per call.
      byte[] bytes = new byte[content.getSerializedSize()];
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      content.writeTo(out);
      out.checkNoSpaceLeft();
      return sha.digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <R> R parse(Parser<R> parser, byte[] bytes) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored response does not parse", e);
    }
  }
}
