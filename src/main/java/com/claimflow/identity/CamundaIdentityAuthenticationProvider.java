package com.claimflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs people in against Camunda's identity service (salted, hashed passwords in ACT_ID_USER), so the UI, the API and
 * Cockpit share one set of users. Each Camunda group becomes a role: {@code coders} is {@code ROLE_CODERS}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {
    private final IdentityService identity;

    public CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (user == null || user.isBlank() || password == null || !identity.checkPassword(user, password)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        return new UsernamePasswordAuthenticationToken(user, null, authorities(user));
    }

    public List<GrantedAuthority> authorities(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(Roles::of)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
