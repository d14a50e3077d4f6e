package com.claimflow.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On MySQL/MariaDB, after each migration, makes sure triggers refuse every delete of an audit row and every update but the
 * sealer's one (seq, mac and a missing occurred_at_ms on an unsealed row). H2 triggers are Java classes, not SQL, and the
 * embedded database's file is anyone's who can read it: there the MACs alone show tampering. The triggers stop the
 * application's own user, not an owner of the schema (who can drop them): the chain is what reports that (decision 0009).
 */
@Component
public class AppendOnlyTriggers extends BaseCallback {
    private static final Logger log = LoggerFactory.getLogger(AppendOnlyTriggers.class);
    private static final Map<String, String> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put("audit_event_no_delete", "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: rows are never deleted'");
        TRIGGERS.put("audit_event_append_only", "CREATE TRIGGER audit_event_append_only BEFORE UPDATE ON audit_event FOR EACH ROW "
                + "IF OLD.seq IS NOT NULL OR NOT (NEW.id <=> OLD.id AND NEW.occurred_at <=> OLD.occurred_at "
                + "AND BINARY NEW.actor <=> BINARY OLD.actor AND BINARY NEW.action <=> BINARY OLD.action AND NEW.encounter_id <=> OLD.encounter_id "
                + "AND BINARY NEW.task_id <=> BINARY OLD.task_id AND BINARY NEW.detail <=> BINARY OLD.detail AND BINARY NEW.row_mac <=> BINARY OLD.row_mac "
                + "AND (OLD.occurred_at_ms IS NULL OR NEW.occurred_at_ms <=> OLD.occurred_at_ms)) THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: only the sealer sets seq and mac, once'; END IF");
    }

    /** The triggers' names, for an operator (or a test) who drops them. */
    public static final Set<String> TRIGGER_NAMES = Collections.unmodifiableSet(TRIGGERS.keySet());

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        ensure(context.getConnection());
    }

    /** Creates the triggers that are missing; on H2 nothing. A refusal (no TRIGGER privilege, binary logging) is logged, not fatal. */
    public static void ensure(Connection connection) {
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.contains("MySQL") && !product.contains("MariaDB")) return;
            for (Map.Entry<String, String> trigger : TRIGGERS.entrySet()) {
                if (exists(connection, trigger.getKey())) continue;
                try (Statement s = connection.createStatement()) {
                    s.execute(trigger.getValue());
                }
            }
        } catch (SQLException e) {
            log.warn("audit_event's append-only triggers could not be created ({}); the audit chain still shows any change "
                    + "(grant TRIGGER, or set log_bin_trust_function_creators with binary logging)", e.getMessage());
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "select count(*) from information_schema.triggers where trigger_schema = database() and trigger_name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }
}
