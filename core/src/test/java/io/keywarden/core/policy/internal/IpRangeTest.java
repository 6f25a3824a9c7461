package io.keywarden.core.policy.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            203.0.113.0/24         | 203.0.113.0               | true
            203.0.113.0/24         | 203.0.113.255             | true
            203.0.113.0/24         | 203.0.112.255             | false
            203.0.113.0/24         | 203.0.114.0               | false
            203.0.113.7            | 203.0.113.7               | true
            203.0.113.7            | 203.0.113.8               | false
            203.0.113.7/32         | 203.0.113.7               | true
            10.1.2.3/8             | 10.255.255.255            | true
            0.0.0.0/0              | 255.255.255.255           | true
            128.0.0.0/1            | 127.255.255.255           | false
            2001:db8::/32          | 2001:db8:ffff::1          | true
            2001:db8::/32          | 2001:db9::1               | false
            2001:DB8:1234:5678::/64 | 2001:db8:1234:5678:ffff:ffff:ffff:ffff | true
            2001:db8:1234:5678::/64 | 2001:db8:1234:5679::    | false
            2001:db8::/127         | 2001:db8::1               | true
            2001:db8::/127         | 2001:db8::2               | false
            ::/0                   | ::                        | true
            ::/0                   | 2001:db8::1               | true
            ::1                    | 0:0:0:0:0:0:0:1           | true
            fe80::/10              | febf:ffff::1              | true
            fe80::/10              | fec0::1                   | false
            203.0.113.0/24         | ::ffff:203.0.113.5        | true
            ::ffff:0:0/96          | 192.0.2.1                 | true
            2001:db8::/32          | 192.0.2.1                 | false
            203.0.113.0/24         | 2001:db8::1               | false
            64:ff9b::/96           | 64:ff9b::192.0.2.33       | true
            """)
    void containsTheAddressesOfItsBlock(String range, String address, boolean expected) {
        IpRange parsed = IpRange.parse(range);
        IpAddress ip = IpAddress.parse(address);
        assertThat(parsed).as(range).isNotNull();
        assertThat(ip).as(address).isNotNull();
        assertThat(parsed.contains(ip)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/x",
            "1.2.3.4/-1", "::/129", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "fe80::1%eth0",
            "localhost", "1.2.3.04x", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", " 1.2.3.4", "1:"})
    void rejectsWhatIsNotAnAddressOrBlock(String text) {
        assertThat(IpRange.parse(text)).isNull();
    }

    @Test
    void readsCompressedIpv6Forms() {
        assertThat(IpAddress.parse("2001:db8::1")).isEqualTo(IpAddress.parse("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertThat(IpAddress.parse("1::")).isEqualTo(IpAddress.parse("1:0:0:0:0:0:0:0"));
        assertThat(IpAddress.parse("::ffff:1.2.3.4")).isEqualTo(IpAddress.parse("1.2.3.4"));
        assertThat(IpAddress.parse("::ffff:1.2.3.4").v6()).isFalse();
        assertThat(IpAddress.parse("2001:db8::1").toString()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(IpAddress.parse("192.0.2.1").toString()).isEqualTo("192.0.2.1");
    }

    @Test
    void neverLooksUpHostNames() {
        // InetAddress.getByName would try DNS for this; the parser only reads literals
        assertThat(IpAddress.parse("example.com")).isNull();
    }
}
