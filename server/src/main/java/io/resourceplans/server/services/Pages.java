package io.resourceplans.server.services;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.resourceplans.domain.common.PageRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Page requests of List RPCs. The list key of a token is a hash of the request type and every
 * field but {@code page_size} and {@code page_token}, so a token only continues the list (with the
 * filters) that issued it; anything else is PAGE_TOKEN_INVALID.
 */
final class Pages {
  private Pages() {}

  static PageRequest of(Message request, int defaultSize) {
    FieldDescriptor sizeField = field(request, "page_size");
    FieldDescriptor tokenField = field(request, "page_token");
    Message filters = request.toBuilder().clearField(sizeField).clearField(tokenField).build();
    return PageRequest.of(
        (Integer) request.getField(sizeField), defaultSize, (String) request.getField(tokenField), listKey(filters));
  }

  private static FieldDescriptor field(Message request, String name) {
    FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
    if (field == null) {
      throw new IllegalArgumentException(request.getDescriptorForType().getFullName() + " has no " + name);
    }
    return field;
  }

  /** The list key of a request's filters (every field of {@code filters} counts). */
  static String listKey(Message filters) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(filters.getDescriptorForType().getFullName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      filters.writeTo(out);
      out.flush();
      return HexFormat.of().formatHex(sha.digest(bytes.toByteArray()), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
