/**
 * Who is signed in and what their groups let them do: logins and their throttle, sessions, the Camunda webapps'
 * lockdown, and the signed-in worker.
 */
@ApplicationModule(allowedDependencies = { "base", "base :: api", "base :: ui", "audit" })
package com.claimflow.identity;

import org.springframework.modulith.ApplicationModule;
