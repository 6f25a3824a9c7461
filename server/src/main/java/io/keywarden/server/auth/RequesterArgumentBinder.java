package io.keywarden.server.auth;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.SignInHandler.Requester;
import io.keywarden.server.edge.ClientOrigins;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a sign-in route ({@link io.keywarden.core.operation.Operation.Authentication#SIGN_IN}) declare a
 * {@link Requester} parameter: who attempts the sign-in, as the authentication filter left it — the caller when the
 * request was signed and its signature holds, why it was refused when it does not, and otherwise only the client's
 * address ({@link ClientOrigins}: behind a trusted proxy, the address it reported) and user agent.
 */
@Singleton
public class RequesterArgumentBinder implements TypedRequestArgumentBinder<Requester> {
    private static final Argument<Requester> TYPE = Argument.of(Requester.class);

    private final ClientOrigins origins;

    public RequesterArgumentBinder(ClientOrigins origins) {
        this.origins = origins;
    }

    @Override
    public Argument<Requester> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Requester> bind(ArgumentConversionContext<Requester> context, HttpRequest<?> source) {
        Optional<Caller> caller = source.getAttribute(RequestAuthenticator.CALLER_ATTRIBUTE, Caller.class);
        String refused = source.getAttribute(SigV4AuthFilter.SIGN_IN_REFUSED_ATTRIBUTE, String.class).orElse(null);
        Requester requester = caller.isPresent() && refused == null ? Requester.signed(caller.get())
                : new Requester(null, refused, origins.of(source).address(),
                        source.getHeaders().get(HttpHeaders.USER_AGENT));
        return () -> Optional.of(requester);
    }
}
