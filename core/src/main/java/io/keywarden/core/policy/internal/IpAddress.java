package io.keywarden.core.policy.internal;

/**
 * An IPv4 or IPv6 address, parsed by hand: {@link java.net.InetAddress#getByName} may resolve host names, and the
 * evaluator does no I/O. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is read as the IPv4 address.
 *
 * @param v6 false for IPv4, whose 32 bits are the low bits of {@code low}
 */
public record IpAddress(boolean v6, long high, long low) {

    /** The address, or null if the text is not an IPv4 or IPv6 address. */
    public static IpAddress parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        long v4 = parseV4(text, 0, text.length());
        return v4 < 0 ? null : new IpAddress(false, 0, v4);
    }

    /** The IPv6 form of this address (IPv4 as {@code ::ffff:a.b.c.d}). */
    public IpAddress asV6() {
        return v6 ? this : new IpAddress(true, 0, 0xffff_0000_0000L | low);
    }

    /** Parses {@code a.b.c.d}; -1 if malformed. */
    static long parseV4(String text, int from, int to) {
        long result = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return -1;
            }
            result = (result << 8) | value;
            octets++;
            if (octets == 4) {
                return i == to ? result : -1;
            }
            if (i >= to || text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    private static IpAddress parseV6(String text) {
        int n = text.length();
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // the group index where "::" stands
        int i = 0;
        if (n >= 2 && text.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == n) {
                return new IpAddress(true, 0, 0);
            }
        } else if (n > 0 && text.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < n && i - start < 4 && Character.digit(text.charAt(i), 16) >= 0) {
                value = (value << 4) | Character.digit(text.charAt(i), 16);
                i++;
            }
            if (i < n && text.charAt(i) == '.') {
                // an embedded IPv4 address ends the text
                if (count > 6) {
                    return null;
                }
                long v4 = parseV4(text, start, n);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = n;
                break;
            }
            if (i == start) {
                return null;
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
                if (i == n) {
                    break;
                }
            } else if (i == n) {
                return null; // trailing single colon
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = (high << 16) | full[g];
            low = (low << 16) | full[g + 4];
        }
        if (high == 0 && (low >>> 32) == 0xffffL) {
            return new IpAddress(false, 0, low & 0xffff_ffffL);
        }
        return new IpAddress(true, high, low);
    }

    @Override
    public String toString() {
        if (!v6) {
            return ((low >>> 24) & 0xff) + "." + ((low >>> 16) & 0xff) + "." + ((low >>> 8) & 0xff) + "." + (low & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            long word = g < 4 ? high >>> (48 - 16 * g) : low >>> (48 - 16 * (g - 4));
            if (g > 0) {
                sb.append(':');
            }
            sb.append(Long.toHexString(word & 0xffff));
        }
        return sb.toString();
    }
}
