package com.claimflow.audit.api;

import com.claimflow.audit.EvidenceCursor;
import com.claimflow.audit.AuditFilter;
import com.claimflow.audit.AuditPage;
import com.claimflow.audit.AuditService;
import com.claimflow.audit.AuditTrail;
import com.claimflow.audit.ChainReport;
import com.claimflow.audit.EvidenceCsv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for compliance and admins: the chain's check, pages of the trail and its CSV export. Reading and
 * exporting are themselves audited with the channel {@code api}.
 */
@RestController
@PreAuthorize("hasAnyRole('COMPLIANCE','ADMINS')")
public class AuditController {
    private final AuditService audit;
    private final AuditTrail trail;

    public AuditController(AuditService audit, AuditTrail trail) {
        this.audit = audit;
        this.trail = trail;
    }

    /** 200 with {@code ok} true, or false and the first broken row first. */
    @GetMapping("/api/audit/verify")
    public ChainReport verify() {
        return audit.verify();
    }

    /** A page of 50 rows, newest first; {@code next} is the {@code after} of the page that follows. Dates are UTC days, both included. */
    @GetMapping("/api/audit/events")
    public AuditPage events(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                            @RequestParam(required = false) String encounterId, @RequestParam(required = false) String taskId,
                            @RequestParam(required = false) String after, Principal reader) {
        AuditFilter filter = AuditFilter.parse(from, to, actor, action, encounterId, taskId, LocalDate.now(ZoneOffset.UTC));
        return trail.page(filter, EvidenceCursor.parse(after), AuditTrail.PAGE_SIZE, reader.getName(), "api");
    }

    /** Every row the filter matches, as CSV, streamed; the filter is checked before a byte is written. */
    @GetMapping("/api/audit/events.csv")
    public void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                    @RequestParam(required = false) String encounterId, @RequestParam(required = false) String taskId,
                    Principal reader, HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.parse(from, to, actor, action, encounterId, taskId, LocalDate.now(ZoneOffset.UTC));
        response.setContentType(EvidenceCsv.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail-" + filter.period().from() + "-to-"
                + filter.period().to() + ".csv\"");
        trail.exportCsv(filter, reader.getName(), "api", response.getOutputStream());
    }
}
