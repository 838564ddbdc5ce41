package org.orgraph.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The size limit on {@code /graphql} bodies, checked before security or GraphQL read them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class GraphQlLimitsConfiguration {

	@Bean
	FilterRegistrationBean<GraphQlRequestSizeFilter> graphQlRequestSize(GraphQlLimitsProperties limits) {
		var registration = new FilterRegistrationBean<>(
				new GraphQlRequestSizeFilter(limits.maxRequestSize().toBytes()));
		registration.addUrlPatterns("/graphql");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
