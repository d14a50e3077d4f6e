package com.claimflow.rules.api;

import com.claimflow.base.BadInputException;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.rules.RuleCheck;
import com.claimflow.rules.RuleTableSummary;
import com.claimflow.rules.RuleVersion;
import com.claimflow.rules.RulesService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Decision tables over HTTP, with the view's rules: admins every table, leads the SLA policy and task priority (403 for
 * the rest). A file comes as the multipart part {@code file} or as the XML body; {@code reason} is a request parameter.
 * A check changes nothing; a refused file or an empty reason is a 400 naming the field and deploys nothing.
 */
@RestController
@RequestMapping("/api/rules")
@PreAuthorize("hasAnyRole('ADMINS','LEADS')")
public class RulesController {
    private final RulesService rules;
    private final CurrentWorker worker;

    public RulesController(RulesService rules, CurrentWorker worker) {
        this.rules = rules;
        this.worker = worker;
    }

    @GetMapping
    public List<RuleTableSummary> tables() {
        return rules.summaries(worker.get());
    }

    @GetMapping("/{key}/versions")
    public List<RuleVersion> versions(@PathVariable String key) {
        return rules.versions(key, worker.get());
    }

    @GetMapping("/{key}/versions/{version}/dmn")
    public ResponseEntity<byte[]> download(@PathVariable String key, @PathVariable int version) {
        byte[] xml = rules.dmn(key, version, worker.get());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(key + "-v" + version + ".dmn").build().toString())
                .contentType(MediaType.APPLICATION_XML)
                .body(xml);
    }

    @PostMapping(path = "/{key}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public RuleCheck checkUpload(@PathVariable String key, @RequestPart("file") MultipartFile file) {
        return checked(rules.check(key, bytes(file), worker.get()));
    }

    @PostMapping(path = "/{key}/check", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    public RuleCheck checkXml(@PathVariable String key, @RequestBody byte[] xml) {
        return checked(rules.check(key, xml, worker.get()));
    }

    @PostMapping(path = "/{key}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public RuleVersion deployUpload(@PathVariable String key, @RequestPart("file") MultipartFile file,
                                    @RequestParam(required = false) String reason) {
        return rules.deploy(key, bytes(file), reason, worker.get());
    }

    @PostMapping(path = "/{key}", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    public RuleVersion deployXml(@PathVariable String key, @RequestBody byte[] xml, @RequestParam(required = false) String reason) {
        return rules.deploy(key, xml, reason, worker.get());
    }

    @PostMapping("/{key}/versions/{version}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    public RuleVersion restore(@PathVariable String key, @PathVariable int version, @RequestParam(required = false) String reason) {
        return rules.restore(key, version, reason, worker.get());
    }

    /** A refused file is bad input: 400 with every problem under the field {@code file}. */
    private static RuleCheck checked(RuleCheck check) {
        if (!check.accepted()) throw new BadInputException("file", String.join("; ", check.problems()));
        return check;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
