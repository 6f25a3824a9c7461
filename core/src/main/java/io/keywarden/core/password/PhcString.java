package io.keywarden.core.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in
 * base64 without padding. The parameters travel with the hash, so a stored hash is verified with the parameters it was
 * made with.
 */
public record PhcString(int version, Argon2Parameters parameters, byte[] salt, byte[] hash) {
    public static final int VERSION_13 = 0x13;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    public PhcString {
        salt = salt.clone();
        hash = hash.clone();
        if (salt.length != parameters.saltLength() || hash.length != parameters.hashLength()) {
            throw new IllegalArgumentException("salt and hash lengths must match the parameters");
        }
    }

    /** The parts of {@code text}; empty when it is not an Argon2id PHC string this reader accepts. */
    public static Optional<PhcString> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            byte[] salt = DECODER.decode(m.group(5));
            byte[] hash = DECODER.decode(m.group(6));
            Argon2Parameters parameters = new Argon2Parameters(Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), salt.length, hash.length);
            return Optional.of(new PhcString(Integer.parseInt(m.group(1)), parameters, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The PHC string. */
    public String format() {
        return "$argon2id$v=" + version + "$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public String toString() {
        return "PhcString[argon2id, " + parameters + "]";
    }
}
