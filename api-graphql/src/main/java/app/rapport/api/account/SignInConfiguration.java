package app.rapport.api.account;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Applies {@link SignInRequired} to the schema, so that every root field but the public ones needs a sign-in. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    SignInRequired signInRequired(CallerAuthentication authentication) {
        return new SignInRequired(authentication);
    }

    @Bean
    GraphQlSourceBuilderCustomizer signInRequiredByDefault(SignInRequired signInRequired) {
        return builder -> builder.typeVisitors(List.of(signInRequired));
    }
}
