package app.rapport.api.scalar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer rapportScalars() {
        return wiring -> wiring.scalar(DateTimeScalar.DATE_TIME).scalar(JsonScalar.JSON);
    }
}
