package com.claimflow.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * With authorization on, the group {@code admins} is a Camunda administrator (as {@code camunda-admin} is by default),
 * and tasks get no per-task authorization rows: access is granted by group ({@link CamundaGrants}), and the rows the
 * default provider writes on every task creation, claim and hand-off would cost the work queues' hot path a write each.
 */
@Component
public class CamundaAuthorizationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups());
        if (!adminGroups.contains(Roles.ADMINS)) adminGroups.add(Roles.ADMINS);
        configuration.setAdminGroups(adminGroups);
        configuration.setResourceAuthorizationProvider(new GroupGrantsOnly());
    }

    /** Camunda's default provider without the per-task rows. */
    static class GroupGrantsOnly extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newTask(Task task) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return null;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return null;
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return null;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return null;
        }
    }
}
