package io.resourceplans.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which endpoint URLs are accepted: absolute https URLs with a host, no user info and no fragment,
 * whose host is not a loopback, private, link-local, unique-local, carrier-grade NAT, multicast or
 * unspecified address (nor {@code localhost}). With {@code allowPrivate} (tests) plain http and
 * such hosts are accepted too. The registration checks the URL as written; the dispatcher checks
 * every address the host resolves to before each attempt.
 */
public final class WebhookUrlPolicy {
  public static final int MAX_URL_LENGTH = 2048;

  private final boolean allowPrivate;

  public WebhookUrlPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why the URL is refused, empty when it is accepted. */
  public Optional<String> refusal(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("must be an absolute https URL");
    }
    if (scheme.equals("http") && !allowPrivate) {
      return Optional.of("must use https");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry user info");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return Optional.of("must not name a loopback or private address");
    }
    Optional<InetAddress> literal = literalAddress(host);
    if (literal.isEmpty() && host.startsWith("[")) {
      // An IPv6 literal this check cannot read (e.g. with a zone): refused rather than guessed at.
      return Optional.of("must not name a loopback or private address");
    }
    if (literal.isPresent() && !isPublic(literal.get())) {
      return Optional.of("must not name a loopback or private address");
    }
    return Optional.empty();
  }

  /** Whether the dispatcher may connect to the address. */
  public boolean mayConnect(InetAddress address) {
    return allowPrivate || isPublic(address);
  }

  /** False for loopback, private, link-local, unique-local, CGNAT, multicast and unspecified addresses. */
  public static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 protocol assignments, 240/4 reserved
      return first != 0 && !(first == 100 && (second & 0xc0) == 64) && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
          && first < 240;
    }
    if (a instanceof Inet6Address) {
      // fc00::/7 unique local; ::ffff:0:0/96 mapped IPv4 is checked as its IPv4 address
      if ((b[0] & 0xfe) == 0xfc) {
        return false;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      if (mapped) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** The address a host names literally (IPv4 dotted or bracketed IPv6), without any DNS look-up. */
  static Optional<InetAddress> literalAddress(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      if (h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
        byte[] bytes = new byte[4];
        String[] parts = h.split("\\.");
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) octet;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      if (h.contains(":") && h.matches("[0-9a-fA-F:.]+")) {
        // An IPv6 literal (it has a colon): InetAddress parses it without a look-up.
        return Optional.of(InetAddress.getByName(h));
      }
    } catch (java.net.UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
