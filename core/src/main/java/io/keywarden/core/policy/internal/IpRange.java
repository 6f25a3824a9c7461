package io.keywarden.core.policy.internal;

/**
 * A CIDR block, IPv4 or IPv6; a plain address is a /32 or /128. Host bits below the prefix are ignored, as AWS does.
 */
public final class IpRange {
    private final String source;
    private final IpAddress base;
    private final int prefix;
    private final long highMask;
    private final long lowMask;

    private IpRange(String source, IpAddress base, int prefix) {
        this.source = source;
        this.prefix = prefix;
        int bits = base.v6() ? 128 : 32;
        long high;
        long low;
        if (base.v6()) {
            high = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
            low = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        } else {
            high = 0;
            low = prefix == 0 ? 0 : (0xffff_ffffL << (bits - prefix)) & 0xffff_ffffL;
        }
        this.highMask = high;
        this.lowMask = low;
        this.base = new IpAddress(base.v6(), base.high() & high, base.low() & low);
    }

    /** The range, or null if the text is not an address or CIDR block. */
    public static IpRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        IpAddress base = IpAddress.parse(address);
        if (base == null) {
            return null;
        }
        boolean v6 = address.indexOf(':') >= 0;
        if (v6 && !base.v6()) {
            base = base.asV6(); // an IPv4-mapped block stays an IPv6 block
        }
        int max = v6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3) {
                return null;
            }
            prefix = 0;
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                prefix = prefix * 10 + (c - '0');
            }
            if (prefix > max) {
                return null;
            }
        }
        return new IpRange(text, base, prefix);
    }

    /** Whether the address is in the block; an IPv4 address is compared with an IPv6 block in its mapped form. */
    public boolean contains(IpAddress address) {
        if (base.v6() != address.v6()) {
            if (!base.v6()) {
                return false;
            }
            address = address.asV6();
        }
        return (address.high() & highMask) == base.high() && (address.low() & lowMask) == base.low();
    }

    public int prefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return source;
    }
}
