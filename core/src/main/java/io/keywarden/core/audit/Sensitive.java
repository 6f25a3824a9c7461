package io.keywarden.core.audit;

/**
 * A value that must never reach the audit trail (a secret access key; later a password or a session token): the
 * event writer ({@link EventJson}) writes {@value EventJson#HIDDEN} in its place, whatever the field is called, so a
 * secret is left out by its type, not found afterwards by its name.
 */
public interface Sensitive {
}
