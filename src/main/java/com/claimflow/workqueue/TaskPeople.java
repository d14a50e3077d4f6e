package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.Worker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who may hold a task: the members of its queue (the queue it came from while it is with the leads) and the leads, who
 * work every queue; never the person a task excludes (the coder of an encounter its audit reviews). Reassignment checks
 * a target against this, and the reassign dialog offers exactly these people.
 */
@Component
public class TaskPeople {
    /** The identity tables' user id column ({@code ACT_ID_USER.ID_}). */
    public static final int USER_ID_MAX = 64;

    private final IdentityService identity;

    public TaskPeople(IdentityService identity) {
        this.identity = identity;
    }

    /** The groups whose members may hold the task. */
    public static Set<String> groupsOf(WorkItem item) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(item.isWithTheLeads() ? item.escalatedFrom() : item.queue());
        groups.add(Worker.LEADS);
        return groups;
    }

    /** User id to "name (id)" of everyone who may hold the task, by id. */
    public Map<String, String> eligible(WorkItem item) {
        List<User> users = new ArrayList<>();
        for (String group : groupsOf(item)) users.addAll(identity.createUserQuery().memberOfGroup(group).list());
        Map<String, String> people = new LinkedHashMap<>();
        users.stream().filter(u -> !u.getId().equals(item.excludedUser())).sorted(Comparator.comparing(User::getId))
                .forEach(u -> people.putIfAbsent(u.getId(), name(u) + " (" + u.getId() + ")"));
        return people;
    }

    /** Refuses, naming {@code toUser}, a user who does not exist, is in none of the task's groups, or is excluded from it. */
    public void requireEligible(WorkItem item, String userId) {
        if (userId.isBlank() || userId.length() > USER_ID_MAX || userId.chars().anyMatch(Character::isISOControl)) {
            throw new BadInputException("toUser", "give the user id of a person (at most " + USER_ID_MAX + " characters), or null to put the task back in its queue");
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw new BadInputException("toUser", "there is no user '" + userId + "'");
        }
        Set<String> allowed = groupsOf(item);
        boolean member = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).anyMatch(allowed::contains);
        if (!member) {
            throw new BadInputException("toUser", userId + " is in none of the task's groups (" + String.join(", ", allowed) + "): they may not work it");
        }
        if (userId.equals(item.excludedUser())) {
            throw new BadInputException("toUser", userId + " coded this encounter and may not audit it");
        }
    }

    /** Whether the user is a lead (and so may hold a task while it is with the leads). */
    public boolean isLead(String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Worker.LEADS).count() > 0;
    }

    private static String name(User u) {
        String n = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).strip();
        return n.isEmpty() ? u.getId() : n;
    }
}
