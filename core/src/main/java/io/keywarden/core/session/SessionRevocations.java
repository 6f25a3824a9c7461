package io.keywarden.core.session;

/**
 * Sessions revoked before they expire (a console sign-out): their {@code ASIA…} key IDs are refused from then on, on
 * every node. Checked on every request signed with temporary credentials, so {@link #isRevoked} answers from memory.
 */
public interface SessionRevocations {
    /** Revokes {@code session} until it expires; every node refuses it once this returns (or shortly after). */
    void revoke(Session session);

    /** Whether the session with this {@code ASIA…} key ID was revoked; from memory, no I/O. */
    boolean isRevoked(String accessKeyId);

    /** Revokes nothing (for tests and tools). */
    SessionRevocations NONE = new SessionRevocations() {
        @Override
        public void revoke(Session session) {
            throw new UnsupportedOperationException("sessions cannot be revoked here");
        }

        @Override
        public boolean isRevoked(String accessKeyId) {
            return false;
        }
    };
}
