package com.claimflow.inbound;

import com.claimflow.audit.AuditService;
import com.claimflow.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A stored message shown to a person, as received: each look is audited against the encounter, as the encounter's are. */
@Service
public class InboundMessageViews {
    public static final String VIEWED_MESSAGE = "VIEWED_MESSAGE";

    /** The message and its text as received; {@code body} is null when it was too large to keep. */
    public record Shown(InboundMessage message, String body) {
    }

    private final InboundMessages messages;
    private final AuditService audit;

    public InboundMessageViews(InboundMessages messages, AuditService audit) {
        this.messages = messages;
        this.audit = audit;
    }

    /** @throws NotFoundException when there is no such message */
    @Transactional
    public Shown show(long id, String viewer, String where) {
        InboundMessage m = messages.find(id).orElseThrow(() -> new NotFoundException("no inbound message " + id));
        audit.record(viewer, VIEWED_MESSAGE, m.encounterId(), null, "message " + id + " (" + m.channel() + ") " + where);
        return new Shown(m, messages.body(id).orElse(null));
    }
}
