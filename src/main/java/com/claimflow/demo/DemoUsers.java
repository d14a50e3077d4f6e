package com.claimflow.demo;

import com.claimflow.identity.Roles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Demo people for every role, in Camunda's identity tables (passwords hashed there). Password: {@code demo}. */
@Component
public class DemoUsers {
    public static final String PASSWORD = "demo";
    /** user id, first name, last name, groups */
    public static final List<Object[]> USERS = List.of(
            new Object[] {"carla", "Carla", "Coder", List.of(Roles.CODERS)},
            new Object[] {"colin", "Colin", "Coder", List.of(Roles.CODERS, "newcoders")},
            new Object[] {"chen", "Chen", "Coder", List.of(Roles.CODERS)},
            new Object[] {"bella", "Bella", "Biller", List.of(Roles.BILLERS)},
            new Object[] {"ben", "Ben", "Biller", List.of(Roles.BILLERS)},
            new Object[] {"bianca", "Bianca", "Biller", List.of(Roles.BILLERS)},
            new Object[] {"lena", "Lena", "Lead", List.of(Roles.LEADS, Roles.CODERS, Roles.BILLERS)},
            new Object[] {"cora", "Cora", "Compliance", List.of(Roles.COMPLIANCE)},
            new Object[] {"adam", "Adam", "Admin", List.of(Roles.ADMINS, "camunda-admin")});
    private static final Map<String, String> GROUP_NAMES = Map.of(Roles.CODERS, "Coders", Roles.BILLERS, "Billers", Roles.LEADS, "Team leads",
            Roles.COMPLIANCE, "Compliance", Roles.ADMINS, "Administrators", "camunda-admin", "Camunda administrators",
            "newcoders", "New coders (every coding audited)");

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @SuppressWarnings("unchecked")
    public void load() {
        GROUP_NAMES.forEach((id, name) -> {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group g = identity.newGroup(id);
                g.setName(name);
                g.setType("WORKFLOW");
                identity.saveGroup(g);
            }
        });
        for (Object[] u : USERS) {
            String id = (String) u[0];
            if (identity.createUserQuery().userId(id).count() > 0) continue;
            User user = identity.newUser(id);
            user.setFirstName((String) u[1]);
            user.setLastName((String) u[2]);
            user.setEmail(id + "@claimflow.example");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            for (String group : (List<String>) u[3]) identity.createMembership(id, group);
        }
    }
}
