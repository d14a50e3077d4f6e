package com.claimflow.workqueue;

import com.claimflow.base.BadInputException;
import java.util.List;

/** Where a lead's bulk move sends the tasks it takes. */
public sealed interface MoveTarget {

    /** Every task to one person. */
    record ToPerson(String userId) implements MoveTarget {
        public String label() {
            return userId;
        }
    }

    /** Spread evenly over the people named: each task to whoever of them may hold it and holds least. */
    record Spread(List<String> userIds) implements MoveTarget {
        public Spread {
            if (userIds == null || userIds.isEmpty()) throw new BadInputException("toUsers", "name at least one person to spread the tasks over");
            userIds = List.copyOf(userIds.stream().distinct().toList());
        }

        public String label() {
            return "spread over " + String.join(", ", userIds);
        }
    }

    /** Spread evenly over the members of a team (a group such as coders). */
    record Team(String group) implements MoveTarget {
        public String label() {
            return "spread over the " + group + " team";
        }
    }

    /** Back to the queue, held by nobody. */
    record BackToQueue() implements MoveTarget {
        public String label() {
            return "queue";
        }
    }

    /** How the move's audit row and summary name the target. */
    String label();
}
