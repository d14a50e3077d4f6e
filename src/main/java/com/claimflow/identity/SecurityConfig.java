package com.claimflow.identity;

import com.claimflow.identity.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;

/**
 * Three doors, one set of users: the API (HTTP Basic, no session), Camunda's webapps (the UI's login session; Cockpit
 * for admins, leads and compliance, Admin and Tasklist for admins) and the Vaadin UI (form login). Nothing answers
 * without login; a signed-in user refused a page gets the product's 403 page ({@code public/error/403.html}).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfig {
    /**
     * The Vaadin UI's policy: Vaadin's bootstrap and {@code executeJs} need inline scripts and eval, Lumo inline styles;
     * everything else comes from this origin.
     */
    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Matches on the whole request path: a servlet-path-relative matcher misses what Camunda's REST servlets serve. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    static final RequestMatcher CAMUNDA = RequestMatchers.anyOf(path("/camunda/**"), path("/engine-rest/**"));
    static final RequestMatcher CAMUNDA_API = RequestMatchers.anyOf(path("/camunda/api/**"), path("/engine-rest/**"));

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        // the FHIR endpoint (inbound.fhir) is an API too: interface accounts with HTTP Basic, no session, no CSRF
        return http.securityMatcher(RequestMatchers.anyOf(path("/api/**"), path("/fhir"), path("/fhir/**")))
                .authenticationProvider(users)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new LoginThrottleEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        String[] cockpitRoles = {Roles.ROLE_ADMINS, Roles.ROLE_LEADS, Roles.ROLE_COMPLIANCE};
        return http.securityMatcher(CAMUNDA)
                .authenticationProvider(users)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/camunda/app/cockpit/**"), path("/camunda/api/cockpit/**"), path("/camunda/api/engine/**"))
                        .access(cockpit())
                        // Cockpit's shared parts: the signed-in user and logout, scripts and styles
                        .requestMatchers(path("/camunda/api/admin/auth/user/**"), path("/camunda/assets/**"), path("/camunda/lib/**"),
                                path("/camunda/app/"), path("/camunda/favicon.ico"))
                        .hasAnyRole(cockpitRoles)
                        // Admin, Tasklist, Welcome and whatever else the webapp serves
                        .anyRequest().hasRole(Roles.ROLE_ADMINS))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), CAMUNDA_API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                // Camunda's webapp checks its own CSRF token (XSRF-TOKEN cookie and X-XSRF-TOKEN header) on every change
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    /** Admins do anything; compliance reads; leads read and retry jobs or resolve and annotate incidents. Camunda's authorizations check again. */
    private static AuthorizationManager<RequestAuthorizationContext> cockpit() {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            boolean admin = has(auth, Roles.ROLE_ADMINS);
            boolean lead = has(auth, Roles.ROLE_LEADS);
            boolean compliance = has(auth, Roles.ROLE_COMPLIANCE);
            boolean allowed = admin
                    || (lead || compliance) && CamundaRequests.isRead(context.getRequest())
                    || lead && CamundaRequests.isLeadOperation(context.getRequest());
            return new AuthorizationDecision(allowed);
        };
    }

    private static boolean has(Authentication auth, String role) {
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    @Bean
    @Order(3)
    SecurityFilterChain ui(HttpSecurity http, CamundaIdentityAuthenticationProvider users, RequestUtil vaadinRequests) throws Exception {
        http.authenticationProvider(users);
        // Vaadin exempts the login form from CSRF; here it needs the token its page carries (vaadin-login-form posts it)
        http.csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(UI_CONTENT_SECURITY_POLICY)).frameOptions(f -> f.sameOrigin()));
        return http.with(VaadinSecurityConfigurer.vaadin(), v -> v.loginView(LoginView.class).enableCsrfConfiguration(false)).build();
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
