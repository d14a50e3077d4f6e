package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.Worker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Set<String> groups = groupsOfUser(userId).orElseThrow(() -> new BadInputException("toUser", "there is no user '" + userId + "'"));
        whyNot(item, userId, groups).ifPresent(why -> {
            throw new BadInputException("toUser", why + ": they may not work it");
        });
    }

    /** The groups of a user, or empty when there is no such user: a bulk move checks each target once, not once per task. */
    public Optional<Set<String>> groupsOfUser(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) return Optional.empty();
        Set<String> groups = new LinkedHashSet<>();
        identity.createGroupQuery().groupMember(userId).list().forEach(g -> groups.add(g.getId()));
        return Optional.of(groups);
    }

    /** Why a user with these groups may not hold the task, or empty when they may. */
    public static Optional<String> whyNot(WorkItem item, String userId, Set<String> userGroups) {
        Set<String> allowed = groupsOf(item);
        if (userGroups.stream().noneMatch(allowed::contains)) {
            return Optional.of(userId + " is in none of the task's groups (" + String.join(", ", allowed) + ")");
        }
        if (userId.equals(item.excludedUser())) return Optional.of(userId + " coded this encounter and may not audit it");
        return Optional.empty();
    }

    /** The user ids of a group's members, in id order; empty for a group that does not exist. */
    public List<String> membersOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream().map(User::getId).toList();
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
