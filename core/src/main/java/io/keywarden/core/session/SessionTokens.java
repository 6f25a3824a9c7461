package io.keywarden.core.session;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.SecretAccessKey;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Issues and opens self-contained session tokens: every node that holds the token keys verifies a session from the
 * token alone, with no database and no shared state.
 *
 * <p>A token is the standard base64 of
 * <pre>
 * version (1 byte, 1) | key ID length (1 byte) | key ID (ASCII) | nonce (12 random bytes) | AES-256-GCM(claims) with its 16-byte tag
 * </pre>
 * The additional authenticated data is the header (version, key ID length, key ID) followed by the session's
 * {@code ASIA…} access key ID, so a token only opens for the key ID it was issued with, and a changed header fails
 * like a changed ciphertext. The claims are a compact binary record (see {@link #writeClaims}): kind, issue and expiry
 * times, account, the 40-character secret access key, the principal (user ID, name, path and creation date; or root;
 * or the role's ID, name and path with the session name), source identity, session policy, policy ARNs, requester and
 * original requester.
 *
 * <p>The secret is drawn at random when the session is issued and carried in the (encrypted) token rather than
 * derived from the token key: it then does not depend on which key sealed the token, and a token key rotation never
 * changes a live session's secret.
 *
 * <p>Opening answers AWS's errors and nothing else: anything that is not a token this server's keys sealed for this
 * key ID and this account (malformed, truncated, altered, an unknown key ID, another access key ID, another account)
 * is {@code InvalidClientTokenId}; an expired session is {@code ExpiredToken}. Thread-safe.
 */
public final class SessionTokens {
    public static final String INVALID = "The security token included in the request is invalid.";
    public static final String EXPIRED = "The security token included in the request is expired";
    static final int VERSION = 1;
    /** Far above any token issued here (a few hundred characters, a session policy of 2048 at most). */
    public static final int MAX_TOKEN_CHARS = 16_384;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;

    private static final int PRINCIPAL_ROOT = 0;
    private static final int PRINCIPAL_USER = 1;
    private static final int PRINCIPAL_ROLE = 2;

    /** A session just issued, with the credentials to hand to its client. {@link #toString()} shows no secret. */
    public record Issued(Session session, SecretAccessKey secret, SessionToken token) {
    }

    /** A session opened from its token, with the secret its requests are signed with. */
    public record Opened(Session session, SecretAccessKey secret) {
    }

    private final AccountId account;
    private final TokenKeys keys;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * @param random a cryptographically strong generator (nonces, secrets, key IDs)
     */
    public SessionTokens(AccountId account, TokenKeys keys, Clock clock, RandomGenerator random) {
        this.account = Objects.requireNonNull(account, "account");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public AccountId account() {
        return account;
    }

    /**
     * Issues a session starting now (to the second) and lasting {@code duration}: a new {@code ASIA…} key ID of this
     * account, a new secret, and the token sealed with the current key.
     */
    public Issued issue(SessionKind kind, Principal principal, Duration duration, String sourceIdentity,
                        String sessionPolicy, List<String> policyArns, String requester, String originalRequester) {
        if (!principal.accountId().equals(account)) {
            throw new IllegalArgumentException("a session of account " + account + " cannot act as " + principal.arn());
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AccessKeyId keyId = AccessKeyId.generateTemporary(account, random);
        Session session = new Session(kind, keyId.value(), principal, issuedAt, issuedAt.plus(duration),
                sourceIdentity, sessionPolicy, policyArns, requester, originalRequester);
        SecretAccessKey secret = SecretAccessKey.generate(random);
        return new Issued(session, secret, SessionToken.of(seal(session, secret)));
    }

    /** The token of a session with this secret, sealed with the current key (for tests and benchmarks too). */
    public String seal(Session session, SecretAccessKey secret) {
        TokenKeys.TokenKey key = keys.sealing();
        byte[] kid = key.id().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = header(kid);
        byte[] claims = writeClaims(session, secret);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(header);
            cipher.updateAAD(session.accessKeyId().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(claims);
            byte[] out = new byte[header.length + NONCE_BYTES + sealed.length];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(nonce, 0, out, header.length, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, header.length + NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a session token failed", e);
        }
    }

    /**
     * Opens the token a request presented with {@code accessKeyId}.
     *
     * @throws KeywardenException {@code InvalidClientTokenId} for anything but a token sealed here for this key ID
     *                            and account; {@code ExpiredToken} once the session has expired
     */
    public Opened open(String accessKeyId, String token) {
        Opened opened = tryOpen(accessKeyId, token).orElseThrow(SessionTokens::invalid);
        if (opened.session().expiredAt(clock.instant())) {
            throw new KeywardenException(ErrorCode.EXPIRED_TOKEN, EXPIRED);
        }
        return opened;
    }

    private Optional<Opened> tryOpen(String accessKeyId, String token) {
        if (accessKeyId == null || token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS
                || !AccessKeyId.isWellFormed(accessKeyId)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 2 || (bytes[0] & 0xFF) != VERSION) {
            return Optional.empty();
        }
        int kidLength = bytes[1] & 0xFF;
        int headerLength = 2 + kidLength;
        if (bytes.length < headerLength + NONCE_BYTES + TAG_BYTES + 1) {
            return Optional.empty();
        }
        String kid = new String(bytes, 2, kidLength, StandardCharsets.US_ASCII);
        Optional<TokenKeys.TokenKey> key = TokenKeys.validId(kid) ? keys.byId(kid) : Optional.empty();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] claims;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(),
                    java.util.Arrays.copyOfRange(bytes, headerLength, headerLength + NONCE_BYTES));
            cipher.updateAAD(bytes, 0, headerLength);
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.US_ASCII));
            claims = cipher.doFinal(bytes, headerLength + NONCE_BYTES, bytes.length - headerLength - NONCE_BYTES);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // a wrong tag (forged, altered, another key ID) or a damaged token
        }
        Opened opened;
        try {
            opened = readClaims(accessKeyId, claims);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // authentic but unreadable: never sealed by this version; refuse all the same
        }
        if (!opened.session().principal().accountId().equals(account)) {
            return Optional.empty(); // sealed for another account whose nodes share the token keys
        }
        return Optional.of(opened);
    }

    private static KeywardenException invalid() {
        return new KeywardenException(ErrorCode.INVALID_CLIENT_TOKEN_ID, INVALID);
    }

    private static byte[] header(byte[] kid) {
        byte[] header = new byte[2 + kid.length];
        header[0] = (byte) VERSION;
        header[1] = (byte) kid.length;
        System.arraycopy(kid, 0, header, 2, kid.length);
        return header;
    }

    /**
     * One decrypting cipher per thread (the JDK's {@code getInstance} costs about as much as opening a token),
     * initialised afresh for every token with its key and nonce. Sealing takes a new cipher each time: it is rare,
     * and a reused GCM cipher refuses a repeated nonce, which must stay the JDK's to check.
     */
    private static final ThreadLocal<Cipher> DECRYPTING = new ThreadLocal<>();

    private static Cipher cipher(int mode, TokenKeys.TokenKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher;
        if (mode == Cipher.DECRYPT_MODE) {
            cipher = DECRYPTING.get();
            if (cipher == null) {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
                DECRYPTING.set(cipher);
            }
        } else {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        }
        cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    // ---------------------------------------------------------------- claims

    /** The claims' binary form: fixed order, strings as Java's modified UTF-8 with a 2-byte length. */
    static byte[] writeClaims(Session s, SecretAccessKey secret) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(s.kind().code());
            out.writeLong(s.issuedAt().getEpochSecond());
            out.writeLong(s.expiresAt().getEpochSecond());
            out.writeUTF(s.principal().accountId().value());
            out.writeUTF(secret.reveal());
            Principal p = s.principal();
            if (p instanceof Principal.IamUser u) {
                User user = u.value();
                out.writeByte(PRINCIPAL_USER);
                out.writeUTF(user.userId());
                out.writeUTF(user.userName().value());
                out.writeUTF(user.path().value());
                out.writeLong(user.createDate().toEpochMilli());
            } else if (p instanceof Principal.AssumedRole r) {
                out.writeByte(PRINCIPAL_ROLE);
                out.writeUTF(r.roleId());
                out.writeUTF(r.roleName());
                out.writeUTF(r.rolePath());
                out.writeUTF(r.sessionName());
            } else {
                out.writeByte(PRINCIPAL_ROOT);
            }
            optional(out, s.sourceIdentity());
            optional(out, s.sessionPolicy());
            out.writeShort(s.policyArns().size());
            for (String arn : s.policyArns()) {
                out.writeUTF(arn);
            }
            out.writeUTF(s.requester());
            optional(out, s.originalRequester());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Opened readClaims(String accessKeyId, byte[] claims) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(claims));
        SessionKind kind = SessionKind.ofCode(in.readUnsignedByte());
        Instant issuedAt = Instant.ofEpochSecond(in.readLong());
        Instant expiresAt = Instant.ofEpochSecond(in.readLong());
        AccountId account = new AccountId(in.readUTF());
        SecretAccessKey secret = SecretAccessKey.of(in.readUTF());
        Principal principal = switch (in.readUnsignedByte()) {
            case PRINCIPAL_ROOT -> Principal.root(account);
            case PRINCIPAL_USER -> Principal.user(new User(account, in.readUTF(), UserName.of(in.readUTF()),
                    UserPath.of(in.readUTF()), Instant.ofEpochMilli(in.readLong())));
            case PRINCIPAL_ROLE -> Principal.assumedRole(account, in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readUTF());
            default -> throw new IOException("unknown principal kind");
        };
        String sourceIdentity = optional(in);
        String sessionPolicy = optional(in);
        int arns = in.readUnsignedShort();
        List<String> policyArns = new ArrayList<>(arns);
        for (int i = 0; i < arns; i++) {
            policyArns.add(in.readUTF());
        }
        String requester = in.readUTF();
        String originalRequester = optional(in);
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return new Opened(new Session(kind, accessKeyId, principal, issuedAt, expiresAt, sourceIdentity,
                sessionPolicy, policyArns, requester, originalRequester), secret);
    }

    private static void optional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
