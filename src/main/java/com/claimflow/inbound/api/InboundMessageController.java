package com.claimflow.inbound.api;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundMessage;
import com.claimflow.inbound.InboundMessageViews;
import com.claimflow.inbound.InboundMessages;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messages encounters arrived by: one as received (anyone who may read encounters; audited), and the newest for
 * whoever watches the interfaces (leads, compliance, admins), refused ones among them.
 */
@RestController
@RequestMapping("/api/inbound/messages")
public class InboundMessageController {
    private final InboundMessageViews views;
    private final InboundMessages messages;
    private final CurrentWorker worker;

    public InboundMessageController(InboundMessageViews views, InboundMessages messages, CurrentWorker worker) {
        this.views = views;
        this.messages = messages;
        this.worker = worker;
    }

    /** The message with its text as received. */
    @GetMapping("/{id}")
    public InboundMessageViews.Shown get(@PathVariable long id) {
        return views.show(id, worker.get().userId(), "api");
    }

    /** The newest messages (at most 1,000), by channel and only refused ones if asked; without their text. */
    @GetMapping
    @PreAuthorize("hasAnyRole('LEADS','COMPLIANCE','ADMINS')")
    public List<InboundMessage> recent(@RequestParam(name = "channel", required = false) String channel,
                                       @RequestParam(name = "refused", defaultValue = "false") boolean refused,
                                       @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) throw new BadInputException("limit", "must be between 1 and 1000, not " + limit);
        Channel c = null;
        if (channel != null) {
            c = Arrays.stream(Channel.values()).filter(v -> v.name().equalsIgnoreCase(channel)).findFirst()
                    .orElseThrow(() -> new BadInputException("channel", "'" + channel + "' is not a channel: " + Arrays.toString(Channel.values())));
        }
        return messages.recent(c, refused, limit);
    }
}
