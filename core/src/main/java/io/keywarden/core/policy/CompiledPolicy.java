package io.keywarden.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * A policy ready for evaluation: a {@link PolicyDocument} (already checked and compiled when it was parsed) under
 * the name it is attached with. Immutable and thread-safe; build it once when the policy is stored or loaded, not
 * per request.
 */
public final class CompiledPolicy {
    private final String name;
    private final PolicyDocument document;
    private final Statement[] statements;
    private final MatchedStatement[] reasons;

    private CompiledPolicy(String name, PolicyDocument document) {
        this.name = Objects.requireNonNull(name, "name");
        this.document = Objects.requireNonNull(document, "document");
        List<Statement> list = document.statements();
        this.statements = list.toArray(new Statement[0]);
        this.reasons = new MatchedStatement[statements.length];
        for (int i = 0; i < statements.length; i++) {
            Statement s = statements[i];
            reasons[i] = new MatchedStatement(name, s.sid().orElse(null), s.index(), s.effect());
        }
    }

    public static CompiledPolicy of(String name, PolicyDocument document) {
        return new CompiledPolicy(name, document);
    }

    /**
     * Parses a document and names it.
     *
     * @throws io.keywarden.core.error.KeywardenException {@code MALFORMED_POLICY_DOCUMENT} if it is not valid
     */
    public static CompiledPolicy parse(String name, String json) {
        return new CompiledPolicy(name, PolicyDocument.parse(json));
    }

    public String name() {
        return name;
    }

    public PolicyDocument document() {
        return document;
    }

    Statement[] statementArray() {
        return statements;
    }

    MatchedStatement reason(int index) {
        return reasons[index];
    }

    @Override
    public String toString() {
        return "CompiledPolicy{" + name + "}";
    }
}
