package com.claimflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorizations per group, written at every start before the server takes requests: admins everything, leads
 * Cockpit with job retries and incidents, compliance Cockpit read-only; coders and billers get none, so no Camunda app
 * and no engine REST. A grant the code names is set to exactly these permissions; other grants are left alone.
 */
@Component
public class CamundaGrants implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(CamundaGrants.class);
    static final String ANY = Authorization.ANY;
    static final String COCKPIT = "cockpit";

    /** The Tasklist filter {@code camunda.bpm.filter.create: none} once created: a filter on every task, named "none". */
    static final String STRAY_FILTER = "none";

    private final AuthorizationService authorizations;
    private final FilterService filters;

    public CamundaGrants(AuthorizationService authorizations, FilterService filters) {
        this.authorizations = authorizations;
        this.filters = filters;
    }

    /** group → resource → permissions, on every resource of the type ({@code *}) unless the resource is an application. */
    static Map<String, Map<Resource, List<Permission>>> policy() {
        Map<String, Map<Resource, List<Permission>>> policy = new LinkedHashMap<>();
        Map<Resource, List<Permission>> admins = new LinkedHashMap<>();
        for (Resources r : EnumSet.allOf(Resources.class)) admins.put(r, List.of(Permissions.ALL));
        policy.put(Roles.ADMINS, admins);
        policy.put(Roles.COMPLIANCE, cockpitReader(false));
        policy.put(Roles.LEADS, cockpitReader(true));
        return policy;
    }

    /** What Cockpit shows (definitions, instances, variables, incidents, tasks, history, the user operation log); leads also retry jobs and resolve or annotate incidents. */
    private static Map<Resource, List<Permission>> cockpitReader(boolean operator) {
        Map<Resource, List<Permission>> grants = new LinkedHashMap<>();
        grants.put(Resources.APPLICATION, List.of(Permissions.ACCESS));
        grants.put(Resources.PROCESS_DEFINITION, operator
                ? List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB)
                : List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK));
        // resolving and annotating an incident needs UPDATE on the instance; SecurityConfig lets leads use it for nothing else
        grants.put(Resources.PROCESS_INSTANCE, operator
                ? List.of(ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.UPDATE)
                : List.of(ProcessInstancePermissions.READ));
        grants.put(Resources.TASK, List.of(Permissions.READ));
        grants.put(Resources.DEPLOYMENT, List.of(Permissions.READ));
        grants.put(Resources.DECISION_DEFINITION, List.of(Permissions.READ, Permissions.READ_HISTORY));
        grants.put(Resources.DECISION_REQUIREMENTS_DEFINITION, List.of(Permissions.READ));
        grants.put(Resources.OPERATION_LOG_CATEGORY, List.of(UserOperationLogCategoryPermissions.READ));
        grants.put(Resources.BATCH, operator ? List.of(BatchPermissions.READ, BatchPermissions.READ_HISTORY, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES)
                : List.of(BatchPermissions.READ, BatchPermissions.READ_HISTORY));
        return grants;
    }

    @Override
    public void afterSingletonsInstantiated() {
        filters.createTaskFilterQuery().filterName(STRAY_FILTER).list().forEach(f -> filters.deleteFilter(f.getId()));
        try {
            grantAll();
        } catch (ProcessEngineException e) {
            // another node wrote the same grant at the same moment (unique per group, resource type and id): read and converge again
            LOG.info("Camunda grants: another node wrote them concurrently, converging again ({})", e.getMessage());
            grantAll();
        }
    }

    void grantAll() {
        policy().forEach((group, grants) -> grants.forEach((resource, permissions) -> {
            String resourceId = resource == Resources.APPLICATION && !group.equals(Roles.ADMINS) ? COCKPIT : ANY;
            grant(group, resource, resourceId, permissions);
        }));
    }

    private void grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        grant.setPermissions(permissions.toArray(Permission[]::new));
        authorizations.saveAuthorization(grant);
    }
}
