package com.claimflow.sla.api;

import com.claimflow.audit.EvidenceCsv;
import com.claimflow.document.PdfPages;
import com.claimflow.audit.EvidenceCursor;
import com.claimflow.sla.SlaFilter;
import com.claimflow.sla.SlaPage;
import com.claimflow.sla.SlaRegister;
import com.claimflow.sla.SlaTotals;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA register for compliance, leads and admins: pages of events, the period's totals, the CSV of every matching
 * event and the PDF report. Dates are UTC days, both included; the filters are checked before anything is read or
 * written, and each export is audited with the filter.
 */
@RestController
@PreAuthorize("hasAnyRole('COMPLIANCE','LEADS','ADMINS')")
public class SlaRegisterController {
    private final SlaRegister register;

    public SlaRegisterController(SlaRegister register) {
        this.register = register;
    }

    /** 50 events, newest first; {@code next} is the {@code after} of the following page. */
    @GetMapping("/api/sla-events")
    public SlaPage events(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String queue, @RequestParam(required = false) String person,
                          @RequestParam(required = false) String payer, @RequestParam(required = false) String taskType,
                          @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String after) {
        SlaFilter filter = SlaFilter.parse(from, to, queue, person, payer, taskType, kind, status, today());
        return register.page(filter, EvidenceCursor.parse(after), SlaRegister.PAGE_SIZE);
    }

    /** Warnings, escalations, completed tasks and compliance per queue and person for the period (queue and person filters apply). */
    @GetMapping("/api/sla-events/totals")
    public SlaTotals totals(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String queue, @RequestParam(required = false) String person) {
        return register.totals(SlaFilter.parse(from, to, queue, person, null, null, null, null, today()));
    }

    @GetMapping("/api/sla-events.csv")
    public void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String queue, @RequestParam(required = false) String person,
                    @RequestParam(required = false) String payer, @RequestParam(required = false) String taskType,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                    Principal reader, HttpServletResponse response) throws IOException {
        SlaFilter filter = SlaFilter.parse(from, to, queue, person, payer, taskType, kind, status, today());
        response.setContentType(EvidenceCsv.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(filter) + ".csv\"");
        register.exportCsv(filter, reader.getName(), "api", response.getOutputStream());
    }

    @GetMapping("/api/sla-events/report.pdf")
    public ResponseEntity<byte[]> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String queue, @RequestParam(required = false) String person,
                                      @RequestParam(required = false) String payer, @RequestParam(required = false) String taskType,
                                      @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                                      Principal reader) {
        SlaFilter filter = SlaFilter.parse(from, to, queue, person, payer, taskType, kind, status, today());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PdfPages.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(filter) + ".pdf\"")
                .body(register.reportPdf(filter, reader.getName(), "api"));
    }

    private static String fileName(SlaFilter filter) {
        return "sla-register-" + filter.period().from() + "-to-" + filter.period().to();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
