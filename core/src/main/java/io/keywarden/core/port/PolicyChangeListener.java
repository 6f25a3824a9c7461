package io.keywarden.core.port;

/** Told after a user's effective policies changed (to invalidate compiled-policy caches). */
public interface PolicyChangeListener {
    /** A change that affects one user. */
    void userPoliciesChanged(String userId);

    /**
     * A change that affects one role's policies (inline or attached). Listeners that keep nothing per role need not
     * override it: by default it counts as a change of all policies.
     */
    default void rolePoliciesChanged(String roleId) {
        allPoliciesChanged();
    }

    /** A change that may affect many users (a managed policy was deleted or changed). */
    void allPoliciesChanged();

    PolicyChangeListener NONE = new PolicyChangeListener() {
        @Override
        public void userPoliciesChanged(String userId) {
        }

        @Override
        public void allPoliciesChanged() {
        }
    };
}
