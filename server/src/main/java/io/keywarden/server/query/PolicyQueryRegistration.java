package io.keywarden.server.query;

import io.keywarden.core.permissions.PolicyService;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Plugs the IAM policy actions ({@link PolicyQueryActions}) into the Query face's {@link QueryDispatcher} when that
 * bean is created, so that neither wiring has to know the other.
 */
@Singleton
public class PolicyQueryRegistration implements BeanCreatedEventListener<QueryDispatcher> {
    private final BeanProvider<PolicyService> policies;

    public PolicyQueryRegistration(BeanProvider<PolicyService> policies) {
        this.policies = policies;
    }

    @Override
    public QueryDispatcher onCreated(BeanCreatedEvent<QueryDispatcher> event) {
        return register(event.getBean());
    }

    QueryDispatcher register(QueryDispatcher dispatcher) {
        PolicyQueryActions.register(dispatcher, policies.get());
        return dispatcher;
    }
}
