package io.keywarden.core.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EndpointBindingTest {
    private static final String KEY_ID = SuiteCase.ACCESS_KEY_ID;
    private static final String SECRET = SuiteCase.SECRET;
    private static final Instant NOW = SuiteCase.SUITE_TIME;
    private static final EndpointBinding SERVED = EndpointBinding.services(List.of("iam", "sts", "cloudtrail"));

    private final SigningKeyCache cache = SigningKeyCache.create();
    private final AtomicInteger lookups = new AtomicInteger();
    private final SecretResolver<String> resolver = (keyId, token) -> {
        lookups.incrementAndGet();
        return Optional.of(ResolvedSecret.of(SECRET, "alice"));
    };

    private SigV4Verifier verifier(EndpointBinding binding) {
        return SigV4Verifier.create(Clock.fixed(NOW, ZoneOffset.UTC), cache, binding);
    }

    private static SignableRequest signed(String host, String region, String service) {
        SignableRequest request = SignableRequest.of("POST", "/", "", List.of(Header.of("Host", host),
                Header.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
                "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
        return SigV4Signer.create().sign(request, SigningCredentials.of(KEY_ID, SECRET), region, service, NOW,
                SignOptions.defaults()).signedRequest();
    }

    private KeywardenException refusal(SigV4Verifier verifier, SignableRequest request) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> verifier.verify(request, resolver));
        assertThat(thrown).isInstanceOf(KeywardenException.class);
        return (KeywardenException) thrown;
    }

    @Test
    void aSignatureForAServedServiceVerifies() {
        for (String service : List.of("iam", "sts", "cloudtrail")) {
            assertThat(verifier(SERVED).verify(signed("kw.test", "eu-west-1", service), resolver).attachment())
                    .isEqualTo("alice");
        }
    }

    @Test
    void aSignatureMadeForAnotherServiceIsRefusedBeforeAnyKeyIsLookedUp() {
        for (String service : List.of("s3", "execute-api", "service")) {
            KeywardenException e = refusal(verifier(SERVED), signed("kw.test", "us-east-1", service));
            assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.getMessage()).isEqualTo("Credential should be scoped to correct service: 'iam'.");
        }
        assertThat(lookups).hasValue(0);
        assertThat(cache.size()).isZero();
    }

    @Test
    void onlyConfiguredRegionsAreAcceptedWhenSome() {
        SigV4Verifier verifier = verifier(SERVED.withRegions(List.of("us-east-1", "aws-global")));
        assertThat(verifier.verify(signed("kw.test", "aws-global", "iam"), resolver).attachment()).isEqualTo("alice");
        KeywardenException e = refusal(verifier, signed("kw.test", "eu-west-1", "iam"));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.getMessage()).isEqualTo("Credential should be scoped to a valid Region, not 'eu-west-1'.");
    }

    @Test
    void onlyConfiguredHostsAreAcceptedWhenSomeWithOrWithoutPort() {
        SigV4Verifier verifier = verifier(SERVED.withHosts(List.of("IAM.Example.com", "localhost:8080", "[::1]")));
        assertThat(verifier.verify(signed("iam.example.com:8443", "us-east-1", "iam"), resolver)).isNotNull();
        assertThat(verifier.verify(signed("iam.example.com", "us-east-1", "iam"), resolver)).isNotNull();
        assertThat(verifier.verify(signed("localhost:8080", "us-east-1", "iam"), resolver)).isNotNull();
        assertThat(verifier.verify(signed("[::1]:8080", "us-east-1", "iam"), resolver)).isNotNull();
        int before = lookups.get();
        for (String host : List.of("localhost:9090", "evil.example.com", "iam.example.com.evil.test", "[::2]:8080")) {
            KeywardenException e = refusal(verifier, signed(host, "us-east-1", "iam"));
            assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.getMessage()).contains("is not a name of this endpoint");
        }
        assertThat(lookups).hasValue(before);
    }

    @Test
    void malformedRegionsAndServicesAreIncompleteSignaturesWhateverTheBinding() {
        for (EndpointBinding binding : List.of(EndpointBinding.any(), SERVED)) {
            KeywardenException region = refusal(verifier(binding), signed("kw.test", "x".repeat(65), "iam"));
            assertThat(region.errorCode()).isEqualTo(ErrorCode.INCOMPLETE_SIGNATURE);
            KeywardenException service = refusal(verifier(binding), signed("kw.test", "us-east-1", "i'am"));
            assertThat(service.errorCode()).isEqualTo(ErrorCode.INCOMPLETE_SIGNATURE);
        }
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aValidKeyCannotFillTheSigningKeyCacheWithRegionsOutsideTheList() {
        SigV4Verifier verifier = verifier(SERVED.withRegions(List.of("us-east-1")));
        for (int i = 0; i < 50; i++) {
            SignableRequest request = signed("kw.test", "junk-" + i, "iam");
            assertThatThrownBy(() -> verifier.verify(request, resolver)).isInstanceOf(KeywardenException.class);
        }
        assertThat(cache.size()).isZero();
        verifier.verify(signed("kw.test", "us-east-1", "iam"), resolver);
        assertThat(cache.size()).isOne();
    }

    @Test
    void aBindingRefusesMalformedListsAtConstruction() {
        assertThatThrownBy(() -> EndpointBinding.services(List.of("i/am"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SERVED.withRegions(List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
