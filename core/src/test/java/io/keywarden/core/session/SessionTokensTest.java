package io.keywarden.core.session;

import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKeyId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTokensTest {
    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final AccountId OTHER = new AccountId("210987654321");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.456Z");
    private static final User ALICE = new User(ACCOUNT, "AIDAEXAMPLEEXAMPLE1", UserName.of("alice"),
            UserPath.of("/eng/"), Instant.parse("2025-01-02T03:04:05.678Z"));

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final TokenKeys keys = TokenKeys.of("k1", key(1));
    private final SessionTokens tokens = new SessionTokens(ACCOUNT, keys, clock, new Random(7));

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    private SessionTokens.Issued issueForAlice() {
        return tokens.issue(SessionKind.SESSION_TOKEN, Principal.user(ALICE), Duration.ofHours(12), null, null,
                List.of(), ALICE.arn(), null);
    }

    private static void assertInvalid(Runnable open) {
        assertThatThrownBy(open::run).isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CLIENT_TOKEN_ID);
            assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
        });
    }

    @Test
    void anIssuedTokenOpensToTheSameSessionAndSecret() {
        SessionTokens.Issued issued = issueForAlice();
        Session s = issued.session();
        assertThat(s.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(AccessKeyId.isWellFormed(s.accessKeyId())).isTrue();
        assertThat(AccessKeyId.of(s.accessKeyId()).account()).contains(ACCOUNT);
        assertThat(s.issuedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(s.expiresAt()).isEqualTo(Instant.parse("2026-03-01T22:00:00Z"));
        assertThat(issued.secret().reveal()).hasSize(40);

        SessionTokens.Opened opened = tokens.open(s.accessKeyId(), issued.token().reveal());

        assertThat(opened.session()).isEqualTo(s);
        assertThat(opened.secret()).isEqualTo(issued.secret());
        assertThat(opened.session().principal()).isEqualTo(Principal.user(ALICE));
    }

    @Test
    void everyClaimSurvivesTheRoundTripIncludingARoleSession() {
        Principal role = Principal.assumedRole(ACCOUNT, "AROAEXAMPLEEXAMPLE1", "deploy", "/ci/", "build-42");
        Session s = new Session(SessionKind.ASSUMED_ROLE, AccessKeyId.generateTemporary(ACCOUNT, new Random(1)).value(),
                role, Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T11:00:00Z"), "alice@example.com",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                List.of("arn:aws:iam::123456789012:policy/a", "arn:aws:iam::123456789012:policy/b"),
                "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/root-of-chain");
        var secret = io.keywarden.core.keys.SecretAccessKey.generate(new Random(3));
        String token = tokens.seal(s, secret);

        SessionTokens.Opened opened = tokens.open(s.accessKeyId(), token);

        assertThat(opened.session()).isEqualTo(s);
        assertThat(opened.secret()).isEqualTo(secret);
        assertThat(opened.session().principal().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/deploy/build-42");
        assertThat(token.length()).isLessThan(1024);
    }

    @Test
    void rootSessionsRoundTrip() {
        SessionTokens.Issued issued = tokens.issue(SessionKind.SESSION_TOKEN, Principal.root(ACCOUNT),
                Duration.ofHours(1), null, null, List.of(), ACCOUNT.rootArn(), null);
        assertThat(tokens.open(issued.session().accessKeyId(), issued.token().reveal()).session().principal().isRoot())
                .isTrue();
    }

    @Test
    void theTokenIsCompactBase64WithTheKeyIdInClear() {
        String token = issueForAlice().token().reveal();
        byte[] raw = Base64.getDecoder().decode(token);
        assertThat(raw[0]).isEqualTo((byte) 1);
        assertThat(raw[1]).isEqualTo((byte) 2);
        assertThat(new String(raw, 2, 2)).isEqualTo("k1");
        assertThat(token).doesNotContain("alice").hasSizeLessThan(400);
    }

    @Test
    void expiryIsExpiredTokenWithAnInjectedClock() {
        SessionTokens.Issued issued = issueForAlice();
        String id = issued.session().accessKeyId();
        now.set(issued.session().expiresAt());
        assertThat(tokens.open(id, issued.token().reveal()).session()).isEqualTo(issued.session());
        now.set(issued.session().expiresAt().plusSeconds(1));
        assertThatThrownBy(() -> tokens.open(id, issued.token().reveal()))
                .isInstanceOfSatisfying(KeywardenException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPIRED_TOKEN);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("The security token included in the request is expired");
                });
    }

    @Test
    void everyFlippedBitIsRefused() {
        SessionTokens.Issued issued = issueForAlice();
        String id = issued.session().accessKeyId();
        byte[] raw = Base64.getDecoder().decode(issued.token().reveal());
        for (int i = 0; i < raw.length * 8; i++) {
            byte[] copy = raw.clone();
            copy[i / 8] ^= (byte) (1 << (i % 8));
            String forged = Base64.getEncoder().encodeToString(copy);
            assertInvalid(() -> tokens.open(id, forged));
        }
    }

    @Test
    void everyTruncationIsRefused() {
        SessionTokens.Issued issued = issueForAlice();
        String id = issued.session().accessKeyId();
        String token = issued.token().reveal();
        byte[] raw = Base64.getDecoder().decode(token);
        for (int n = 0; n < raw.length; n++) {
            String cut = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, n));
            assertInvalid(() -> tokens.open(id, cut));
        }
        for (int n = 0; n < token.length(); n += 7) {
            String cut = token.substring(0, n);
            assertInvalid(() -> tokens.open(id, cut));
        }
        assertInvalid(() -> tokens.open(id, token + "AAAA"));
    }

    @Test
    void garbageIsRefused() {
        String id = issueForAlice().session().accessKeyId();
        for (String junk : new String[]{"", "x", "not base64 !", "AAAA", "====", "A".repeat(20_000),
                Base64.getEncoder().encodeToString(new byte[300])}) {
            assertInvalid(() -> tokens.open(id, junk));
        }
        assertInvalid(() -> tokens.open(id, null));
    }

    @Test
    void aTokenPresentedWithAnotherKeyIdIsRefused() {
        SessionTokens.Issued a = issueForAlice();
        SessionTokens.Issued b = issueForAlice();
        assertInvalid(() -> tokens.open(b.session().accessKeyId(), a.token().reveal()));
        assertInvalid(() -> tokens.open("AKIA" + a.session().accessKeyId().substring(4), a.token().reveal()));
        assertInvalid(() -> tokens.open(null, a.token().reveal()));
    }

    @Test
    void aTokenSealedWithAnUnknownOrOtherKeyIsRefused() {
        SessionTokens.Issued issued = issueForAlice();
        String id = issued.session().accessKeyId();
        SessionTokens otherKeySameKid = new SessionTokens(ACCOUNT, TokenKeys.of("k1", key(2)), clock, new Random(1));
        assertInvalid(() -> otherKeySameKid.open(id, issued.token().reveal()));
        SessionTokens otherKid = new SessionTokens(ACCOUNT, TokenKeys.of("k2", key(1)), clock, new Random(1));
        assertInvalid(() -> otherKid.open(id, issued.token().reveal()));
    }

    @Test
    void aTokenOfAnotherAccountSharingTheKeysIsRefused() {
        SessionTokens other = new SessionTokens(OTHER, keys, clock, new Random(5));
        User bob = new User(OTHER, "AIDAEXAMPLEEXAMPLE2", UserName.of("bob"), UserPath.ROOT, T0);
        SessionTokens.Issued theirs = other.issue(SessionKind.SESSION_TOKEN, Principal.user(bob), Duration.ofHours(1),
                null, null, List.of(), bob.arn(), null);
        assertThat(other.open(theirs.session().accessKeyId(), theirs.token().reveal())).isNotNull();
        assertInvalid(() -> tokens.open(theirs.session().accessKeyId(), theirs.token().reveal()));
    }

    @Test
    void rotationOldKeysOpenUntilRemovedAndTheFirstSeals() {
        SessionTokens.Issued old = issueForAlice();
        TokenKeys rotated = TokenKeys.of(List.of(Map.entry("k2", key(2)), Map.entry("k1", key(1))));
        SessionTokens afterRotation = new SessionTokens(ACCOUNT, rotated, clock, new Random(9));
        assertThat(afterRotation.open(old.session().accessKeyId(), old.token().reveal()).session())
                .isEqualTo(old.session());
        SessionTokens.Issued fresh = afterRotation.issue(SessionKind.SESSION_TOKEN, Principal.user(ALICE),
                Duration.ofHours(1), null, null, List.of(), ALICE.arn(), null);
        assertThat(new String(Base64.getDecoder().decode(fresh.token().reveal()), 2, 2)).isEqualTo("k2");
        assertInvalid(() -> tokens.open(fresh.session().accessKeyId(), fresh.token().reveal()));

        SessionTokens oldRemoved = new SessionTokens(ACCOUNT, TokenKeys.of("k2", key(2)), clock, new Random(9));
        assertInvalid(() -> oldRemoved.open(old.session().accessKeyId(), old.token().reveal()));
        assertThat(oldRemoved.open(fresh.session().accessKeyId(), fresh.token().reveal())).isNotNull();
    }

    @Test
    void nodesSharingTheMasterKeyOpenEachOthersTokens() {
        byte[] master = key(11);
        SessionTokens node1 = new SessionTokens(ACCOUNT, TokenKeys.derivedFrom(MasterKey.of(1, master)), clock,
                new Random(1));
        SessionTokens node2 = new SessionTokens(ACCOUNT, TokenKeys.derivedFrom(MasterKey.of(1, master)), clock,
                new Random(2));
        SessionTokens.Issued issued = node1.issue(SessionKind.SESSION_TOKEN, Principal.user(ALICE),
                Duration.ofHours(1), null, null, List.of(), ALICE.arn(), null);
        assertThat(node2.open(issued.session().accessKeyId(), issued.token().reveal()).session())
                .isEqualTo(issued.session());
        SessionTokens otherMaster = new SessionTokens(ACCOUNT, TokenKeys.derivedFrom(MasterKey.of(1, key(12))),
                clock, new Random(3));
        assertInvalid(() -> otherMaster.open(issued.session().accessKeyId(), issued.token().reveal()));
        assertThat(TokenKeys.derivedFrom(MasterKey.of(1, master)).ids()).containsExactly("mk1");
    }

    @Test
    void aMasterKeyRotationKeepsIssuedTokensOpenUntilTheOldKeyIsRetired() {
        MasterKey v1 = MasterKey.of(1, key(13));
        MasterKey v2 = MasterKey.of(2, key(14));
        SessionTokens before = new SessionTokens(ACCOUNT, TokenKeys.derivedFrom(v1), clock, new Random(1));
        SessionTokens.Issued old = before.issue(SessionKind.SESSION_TOKEN, Principal.user(ALICE),
                Duration.ofHours(1), null, null, List.of(), ALICE.arn(), null);
        TokenKeys both = TokenKeys.derivedFrom(List.of(v1, v2));
        assertThat(both.sealing().id()).isEqualTo("mk2");
        assertThat(both.ids()).containsExactly("mk2", "mk1");
        SessionTokens during = new SessionTokens(ACCOUNT, both, clock, new Random(2));
        assertThat(during.open(old.session().accessKeyId(), old.token().reveal()).session()).isEqualTo(old.session());
        SessionTokens.Issued fresh = during.issue(SessionKind.SESSION_TOKEN, Principal.user(ALICE),
                Duration.ofHours(1), null, null, List.of(), ALICE.arn(), null);
        SessionTokens after = new SessionTokens(ACCOUNT, TokenKeys.derivedFrom(List.of(v2)), clock, new Random(3));
        assertThat(after.open(fresh.session().accessKeyId(), fresh.token().reveal()).session())
                .isEqualTo(fresh.session());
        assertInvalid(() -> after.open(old.session().accessKeyId(), old.token().reveal()));
    }

    @Test
    void secretsAndTokensAreNeverPrinted() {
        SessionTokens.Issued issued = issueForAlice();
        assertThat(issued.toString()).doesNotContain(issued.secret().reveal(), issued.token().reveal());
        assertThat(keys.toString()).contains("k1").doesNotContain(Base64.getEncoder().encodeToString(key(1)));
    }
}
