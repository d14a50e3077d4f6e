package com.claimflow.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in person as the work queues see them. */
@Component
public class CurrentWorker {

    public Worker get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Worker of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("not logged in");
        }
        Set<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(Roles::groupOf).collect(Collectors.toSet());
        return new Worker(auth.getName(), groups);
    }
}
