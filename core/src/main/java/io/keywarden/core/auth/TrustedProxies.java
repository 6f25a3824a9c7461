package io.keywarden.core.auth;

import io.keywarden.core.policy.internal.IpAddress;
import io.keywarden.core.policy.internal.IpRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxies whose forwarding headers are believed: a list of CIDR blocks (IPv4 and IPv6; a plain address is a
 * {@code /32} or {@code /128}). Empty trusts nobody, and then the TCP peer is the client, whatever headers it sends.
 *
 * <p>Only when the TCP peer is inside one of the blocks are the forwarding headers read, and then:
 * <ul>
 *   <li>the client address is found in RFC 7239 {@code Forwarded} ({@code for=}) when the request has that header,
 *       else in {@code X-Forwarded-For}, by walking the list <em>from the right</em> and skipping every address that is
 *       itself a trusted proxy: the first one that is not is the client. Each proxy appends the address of the peer it
 *       saw, so the right-most entries are written by proxies we trust, while everything to the left of the first
 *       untrusted address was written by that (untrusted) client and may be anything: taking the left-most entry, as
 *       some servers do, would let any client choose its {@code aws:SourceIp} by sending its own header. When every
 *       entry is a trusted proxy the left-most is the client; an entry that is not an address (garbage, {@code unknown},
 *       an obfuscated name) stops the walk and the last trusted hop counts as the client;</li>
 *   <li>the scheme comes from the {@code proto=} of the same {@code Forwarded} element, or from
 *       {@code X-Forwarded-Proto}: its single value, the value at the client's position when the proxies appended one
 *       value per hop, else the right-most (written by the nearest proxy); without either, the peer's own
 *       connection.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class TrustedProxies {
    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final int MAX_ENTRIES = 64;

    private final List<IpRange> ranges;

    private TrustedProxies(List<IpRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Trusts nobody. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * The comma-separated CIDR blocks of {@code list} (blank: nobody).
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or CIDR block
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<IpRange> ranges = new ArrayList<>();
        for (String part : list.split(",")) {
            String cidr = part.trim();
            if (cidr.isEmpty()) {
                continue;
            }
            IpRange range = IpRange.parse(cidr);
            if (range == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + cidr + "'");
            }
            ranges.add(range);
        }
        return new TrustedProxies(ranges);
    }

    /** Whether nobody is trusted. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (an IP address as text) is inside one of the blocks; false for anything else. */
    public boolean trusts(String address) {
        if (address == null || ranges.isEmpty()) {
            return false;
        }
        IpAddress ip = IpAddress.parse(address);
        if (ip == null) {
            return false;
        }
        for (IpRange range : ranges) {
            if (range.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request's origin.
     *
     * @param peer           the TCP peer's address (empty when unknown)
     * @param peerSecure     whether the connection from the peer is TLS
     * @param forwarded      the values of the {@code Forwarded} headers, in order received
     * @param forwardedFor   the values of the {@code X-Forwarded-For} headers, in order received
     * @param forwardedProto the values of the {@code X-Forwarded-Proto} headers, in order received
     */
    public ClientOrigin resolve(String peer, boolean peerSecure, List<String> forwarded, List<String> forwardedFor,
                                List<String> forwardedProto) {
        ClientOrigin direct = new ClientOrigin(peer == null ? "" : peer, peerSecure);
        if (!trusts(peer)) {
            return direct;
        }
        if (!forwarded.isEmpty()) {
            return fromForwarded(direct, forwarded);
        }
        List<String> hops = split(forwardedFor);
        if (hops.isEmpty()) {
            return new ClientOrigin(direct.address(), protoSecure(direct, split(forwardedProto), -1, 0));
        }
        int client = clientIndex(hops);
        String address = client < 0 ? lastTrusted(direct, hops) : hops.get(client);
        return new ClientOrigin(address, protoSecure(direct, split(forwardedProto), client, hops.size()));
    }

    private ClientOrigin fromForwarded(ClientOrigin direct, List<String> headers) {
        List<String> elements = split(headers);
        List<String> hops = new ArrayList<>(elements.size());
        List<String> protos = new ArrayList<>(elements.size());
        for (String element : elements) {
            String forValue = "";
            String proto = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).trim());
                if (name.equals("for")) {
                    forValue = value;
                } else if (name.equals("proto")) {
                    proto = value;
                }
            }
            hops.add(forValue);
            protos.add(proto);
        }
        int client = clientIndex(hops);
        if (client < 0) {
            return new ClientOrigin(lastTrusted(direct, hops), direct.secure());
        }
        String proto = protos.get(client);
        return new ClientOrigin(hops.get(client), proto == null ? direct.secure() : proto.equalsIgnoreCase("https"));
    }

    /**
     * Normalises each hop to a bare address (ports and brackets removed) and returns the index of the right-most
     * one that is not a trusted proxy; -1 when a hop that is not an address is met first.
     */
    private int clientIndex(List<String> hops) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            String address = bareAddress(hops.get(i));
            if (address == null) {
                return -1;
            }
            hops.set(i, address);
            if (!trusts(address) || i == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The last hop (walking from the right) that was a trusted proxy, else the peer. */
    private static String lastTrusted(ClientOrigin direct, List<String> hops) {
        String last = direct.address();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String address = bareAddress(hops.get(i));
            if (address == null) {
                break;
            }
            last = address;
        }
        return last;
    }

    private static boolean protoSecure(ClientOrigin direct, List<String> protos, int client, int hops) {
        if (protos.isEmpty()) {
            return direct.secure();
        }
        String proto;
        if (protos.size() == 1) {
            proto = protos.get(0);
        } else if (client >= 0 && protos.size() == hops) {
            proto = protos.get(client);
        } else {
            proto = protos.get(protos.size() - 1);
        }
        return proto.equalsIgnoreCase("https");
    }

    /** The comma-separated entries of every value, trimmed, at most {@value #MAX_ENTRIES} (the right-most ones). */
    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out.size() > MAX_ENTRIES ? new ArrayList<>(out.subList(out.size() - MAX_ENTRIES, out.size())) : out;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]} or
     * {@code [2001:db8::1]:4711} as the bare address; null when it is not an IP address.
     */
    static String bareAddress(String hop) {
        String text = hop.trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !isPort(rest)) {
                return null;
            }
            text = text.substring(1, close);
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && colon == text.lastIndexOf(':')) {
                if (!isPort(text.substring(colon))) {
                    return null;
                }
                text = text.substring(0, colon);
            }
        }
        return text.isEmpty() || IpAddress.parse(text) == null ? null : text;
    }

    private static boolean isPort(String colonAndDigits) {
        if (colonAndDigits.length() < 2 || colonAndDigits.length() > 6 || colonAndDigits.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < colonAndDigits.length(); i++) {
            char c = colonAndDigits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TrustedProxies" + ranges;
    }
}
