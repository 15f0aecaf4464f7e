package app.rapport.api.account;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * Gives a controller method that declares a {@link Caller} parameter the signed-in caller. Spring Boot adds
 * every {@code HandlerMethodArgumentResolver} bean to the annotated controllers.
 */
@Component
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final CallerAuthentication authentication;

    CallerArgumentResolver(CallerAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        return authentication.authenticate(environment.getGraphQlContext());
    }
}
