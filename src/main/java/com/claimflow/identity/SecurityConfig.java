package com.claimflow.identity;

import com.claimflow.identity.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Three doors, one set of users: the API (HTTP Basic, no session), Camunda's webapps (the UI's login session, admins,
 * leads and compliance only) and the Vaadin UI (form login). Nothing answers without login.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationProvider(users)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        return http.securityMatcher("/camunda/**", "/engine-rest/**")
                .authenticationProvider(users)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(Roles.ROLE_ADMINS, Roles.ROLE_LEADS, Roles.ROLE_COMPLIANCE))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // the webapps carry their own CSRF protection
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain ui(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        http.authenticationProvider(users);
        return http.with(VaadinSecurityConfigurer.vaadin(), v -> v.loginView(LoginView.class)).build();
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> cockpitSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityCockpitAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
