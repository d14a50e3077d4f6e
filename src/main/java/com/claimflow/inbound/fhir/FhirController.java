package com.claimflow.inbound.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.claimflow.audit.AuditService;
import com.claimflow.base.BadInputException;
import com.claimflow.base.NotFoundException;
import com.claimflow.identity.CurrentWorker;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundIntake;
import com.claimflow.inbound.Outcome;
import com.claimflow.inbound.Receipt;
import com.claimflow.inbound.Received;
import com.claimflow.claim.ClaimService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The FHIR R4 endpoint (JSON only): {@code POST /fhir/Bundle} (and {@code POST /fhir} for a transaction) opens the
 * visit a bundle holds through {@link InboundIntake}, exactly as {@code POST /api/encounters} would; {@code GET
 * /fhir/metadata}, {@code /fhir/Encounter/{id}}, {@code /fhir/Claim/{id}} and {@code /fhir/ClaimResponse} read back.
 * Every error is an OperationOutcome (FHIR R4 http.html: 400 unreadable, 422 against the server's rules, 404, 413);
 * docs/fhir.md has the mapping and examples.
 */
@RestController
@RequestMapping("/fhir")
public class FhirController {
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final Logger log = LoggerFactory.getLogger(FhirController.class);
    private static final List<String> ACCEPTED_TYPES = List.of("application/fhir+json", "application/json", "application/json+fhir");

    private final FhirContext fhir;
    private final FhirBundles bundles;
    private final FhirReadBack readBack;
    private final InboundIntake intake;
    private final ClaimService claims;
    private final AuditService audit;
    private final CurrentWorker worker;
    private final FhirSettings settings;

    public FhirController(FhirContext fhir, FhirBundles bundles, FhirReadBack readBack, InboundIntake intake, ClaimService claims, AuditService audit,
                          CurrentWorker worker, FhirSettings settings) {
        this.fhir = fhir;
        this.bundles = bundles;
        this.readBack = readBack;
        this.intake = intake;
        this.claims = claims;
        this.audit = audit;
        this.worker = worker;
        this.settings = settings;
    }

    @PostMapping("/Bundle")
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS')")
    public ResponseEntity<String> postBundle(HttpServletRequest request) throws IOException {
        return receive(request);
    }

    /** The FHIR transaction interaction (POST to the base), which HAPI's and other clients use for transaction bundles. */
    @PostMapping({"", "/"})
    @PreAuthorize("hasAnyRole('BILLERS','LEADS','ADMINS')")
    public ResponseEntity<String> postTransaction(HttpServletRequest request) throws IOException {
        return receive(request);
    }

    private ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        String sender = worker.get().userId();
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        String bare = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        long limit = settings.maxBundleSize().toBytes();
        String body = boundedBody(request, limit);
        if (body == null) {
            Receipt refused = intake.refuse(new Received(Channel.FHIR, null, sender, contentType, null), null, "Bundle",
                    "the body is larger than " + limitText() + " (claimflow.fhir.max-bundle-size)");
            HttpHeaders close = new HttpHeaders();
            close.set(HttpHeaders.CONNECTION, "close");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).headers(close).contentType(FHIR_JSON)
                    .body(encode(issue(IssueType.TOOCOSTLY, "Bundle", "the body is larger than " + limitText() + " ("
                            + limit + " bytes, claimflow.fhir.max-bundle-size): send one visit per bundle", refused.messageId())));
        }
        if (!ACCEPTED_TYPES.contains(bare)) {
            String reason = "'" + contentType + "' is not read: send the bundle as application/fhir+json (XML is not supported)";
            Receipt refused = intake.refuse(new Received(Channel.FHIR, null, sender, contentType, body), null, "Content-Type", reason);
            return outcome(HttpStatus.UNSUPPORTED_MEDIA_TYPE, IssueType.NOTSUPPORTED, "Content-Type", reason, refused.messageId());
        }
        Bundle bundle;
        try {
            bundle = bundles.parse(body);
        } catch (BadInputException e) {
            Receipt refused = intake.refuse(new Received(Channel.FHIR, null, sender, contentType, body), null, e.field(), e.reason());
            return outcome(HttpStatus.BAD_REQUEST, typeOf(e), e.field(), e.reason(), refused.messageId());
        }
        Received received = new Received(Channel.FHIR, messageKey(bundle, body), sender, contentType, body);
        FhirEncounterMapping.Mapped mapped;
        try {
            mapped = bundles.read(bundle);
        } catch (BadInputException e) {
            String externalId = externalIdOf(bundle);
            Receipt refused = intake.refuse(received, externalId, e.field(), e.reason());
            return outcome(HttpStatus.UNPROCESSABLE_ENTITY, typeOf(e), e.field(), e.reason(), refused.messageId());
        }
        Receipt receipt = intake.open(received, mapped.incoming());
        if (!receipt.accepted()) {
            // intake named the FHIR element through the mapping's locate
            return outcome(HttpStatus.UNPROCESSABLE_ENTITY, FhirBundles.issueType(receipt.problemKind()), receipt.problemField(), receipt.problem(),
                    receipt.messageId());
        }
        boolean opened = receipt.outcome() == Outcome.OPENED;
        HttpStatus status = opened ? HttpStatus.CREATED : HttpStatus.OK;
        URI location = ServletUriComponentsBuilder.fromContextPath(request).path("/fhir/Encounter/{id}").buildAndExpand(receipt.encounterId()).toUri();
        IBaseResource answer;
        if (bundle.getType() == Bundle.BundleType.TRANSACTION) {
            answer = transactionResponse(bundle, mapped, receipt, opened);
        } else {
            audit.record(sender, AuditService.VIEWED_ENCOUNTER, receipt.encounterId(), null, "fhir Encounter (answer to a bundle)");
            answer = readBack.encounter(receipt.encounterId());
        }
        return ResponseEntity.status(status).location(location).contentType(FHIR_JSON).body(encode(answer));
    }

    /**
     * Bundle.identifier, else the body's SHA-256: the same bundle sent again is recognised either way, and two bundles
     * without identifier never share a key (the inbound store claims one key per channel and message id).
     */
    private String messageKey(Bundle bundle, String body) {
        String key = bundles.messageKey(bundle);
        if (key != null) return key;
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private String limitText() {
        long bytes = settings.maxBundleSize().toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** Reads at most {@code limit} bytes: null when the body is longer (by its Content-Length, or once one byte past the limit is read). */
    private static String boundedBody(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) return null;
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) return null;
        // FHIR's JSON is UTF-8 (json.html); a charset Java does not know is read as UTF-8 rather than failed on
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        String encoding = request.getCharacterEncoding();
        try {
            if (encoding != null && java.nio.charset.Charset.isSupported(encoding)) charset = java.nio.charset.Charset.forName(encoding);
        } catch (java.nio.charset.IllegalCharsetNameException notAName) {
            // read as UTF-8
        }
        return new String(body, charset);
    }

    private static String externalIdOf(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r instanceof org.hl7.fhir.r4.model.Encounter)
                .map(r -> ((org.hl7.fhir.r4.model.Encounter) r).getIdentifier().stream().filter(i -> i.hasValue()).map(i -> i.getValue().strip())
                        .findFirst().orElse(null))
                .filter(java.util.Objects::nonNull).map(s -> s.length() > 64 ? s.substring(0, 64) : s).findFirst().orElse(null);
    }

    /**
     * FHIR R4 transaction-response (Bundle 2.36.4.2): one entry per request entry in order; the Encounter's says 201
     * (opened) or 200 (already there) with its location, the others 200 (read into the encounter, not stored apart).
     */
    private Bundle transactionResponse(Bundle request, FhirEncounterMapping.Mapped mapped, Receipt receipt, boolean opened) {
        Bundle response = new Bundle();
        response.setId(UUID.randomUUID().toString());
        response.setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        response.getMeta().setLastUpdated(new Date());
        for (int i = 0; i < request.getEntry().size(); i++) {
            Bundle.BundleEntryResponseComponent r = response.addEntry().getResponse();
            if (i == mapped.encounter().index()) {
                r.setStatus(opened ? "201 Created" : "200 OK").setLocation("Encounter/" + receipt.encounterId());
                if (receipt.outcome() != Outcome.OPENED) {
                    r.setOutcome(issueOf(IssueSeverity.INFORMATION, IssueType.DUPLICATE, mapped.encounter().path("identifier"),
                            receipt.outcome() == Outcome.DUPLICATE ? receipt.problem() : "visit '" + receipt.externalId() + "' is already open as Encounter/"
                                    + receipt.encounterId() + ": nothing was started again", receipt.messageId()));
                }
            } else {
                r.setStatus("200 OK");
            }
        }
        return response;
    }

    @GetMapping("/metadata")
    public ResponseEntity<String> metadata() {
        CapabilityStatement c = new CapabilityStatement();
        c.setStatus(Enumerations.PublicationStatus.ACTIVE);
        c.setDate(new Date());
        c.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        c.setName("ClaimFlow");
        c.setTitle("ClaimFlow FHIR R4 intake and read-back");
        c.getSoftware().setName("ClaimFlow");
        c.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        c.addFormat("json");
        c.addFormat("application/fhir+json");
        CapabilityStatement.CapabilityStatementRestComponent rest = c.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("A visit arrives as a transaction or collection Bundle (POST [base]/Bundle, or POST [base] for a transaction): "
                + "Patient, Coverage, Encounter, Condition, Procedure/ChargeItem, Practitioner, Organization, DocumentReference. "
                + "Idempotent on the Encounter's identifier and on Bundle.identifier. docs/fhir.md.");
        rest.getSecurity().addService(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "Basic", "Basic"))).setDescription("HTTP Basic, an interface account");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        rest.addResource().setType("Bundle").addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        CapabilityStatement.CapabilityStatementRestResourceComponent encounters = rest.addResource().setType("Encounter");
        encounters.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        encounters.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        encounters.addSearchParam().setName("identifier").setType(Enumerations.SearchParamType.TOKEN).setDocumentation("the visit number");
        rest.addResource().setType("Claim").addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        CapabilityStatement.CapabilityStatementRestResourceComponent responses = rest.addResource().setType("ClaimResponse");
        responses.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        responses.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        responses.addSearchParam().setName("request").setType(Enumerations.SearchParamType.REFERENCE).setDocumentation("Claim/{id}");
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(c));
    }

    @GetMapping("/Encounter/{id}")
    public ResponseEntity<String> encounter(@PathVariable String id) {
        long encounterId = id(id, "Encounter");
        org.hl7.fhir.r4.model.Encounter e = readBack.encounter(encounterId);
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, encounterId, null, "fhir Encounter");
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(e));
    }

    /** {@code GET /fhir/Encounter?identifier=[system|]value}: the encounter of the EHR's visit number, as a searchset of 0 or 1. */
    @GetMapping("/Encounter")
    public ResponseEntity<String> searchEncounter(@RequestParam(name = "identifier", required = false) String identifier, HttpServletRequest http) {
        if (identifier == null || identifier.isBlank() || identifier.endsWith("|")) {
            return outcome(HttpStatus.BAD_REQUEST, IssueType.REQUIRED, "identifier", "is required: search by identifier=[system|]value, the visit number", null);
        }
        String value = identifier.substring(identifier.indexOf('|') + 1).strip();
        Bundle result = new Bundle();
        result.setId(UUID.randomUUID().toString());
        result.setType(Bundle.BundleType.SEARCHSET);
        Optional<com.claimflow.intake.Encounter> found = value.length() > 64 ? Optional.empty() : readBack.byVisit(value);
        found.ifPresent(e -> {
            result.addEntry().setFullUrl(ServletUriComponentsBuilder.fromContextPath(http).path("/fhir/Encounter/{id}").buildAndExpand(e.id()).toUriString())
                    .setResource(readBack.encounter(e.id())).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, e.id(), null, "fhir Encounter?identifier");
        });
        result.setTotal(result.getEntry().size());
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(result));
    }

    @GetMapping("/Claim/{id}")
    public ResponseEntity<String> claim(@PathVariable String id) {
        long claimId = id(id, "Claim");
        org.hl7.fhir.r4.model.Claim c = readBack.claim(claimId);
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, claims.get(claimId).encounterId(), null, "fhir Claim/" + claimId);
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(c));
    }

    @GetMapping("/ClaimResponse/{id}")
    public ResponseEntity<String> claimResponse(@PathVariable String id) {
        long claimId = id(id, "ClaimResponse");
        org.hl7.fhir.r4.model.ClaimResponse r = readBack.claimResponse(claimId)
                .orElseThrow(() -> new NotFoundException("ClaimResponse/" + claimId + ": no remittance (835) is posted for Claim/" + claimId));
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, claims.get(claimId).encounterId(), null, "fhir ClaimResponse/" + claimId);
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(r));
    }

    /** {@code GET /fhir/ClaimResponse?request=Claim/{id}}: a searchset with the claim's response, or none yet. */
    @GetMapping("/ClaimResponse")
    public ResponseEntity<String> searchClaimResponse(@RequestParam(name = "request", required = false) String requestRef, HttpServletRequest http) {
        if (requestRef == null || !requestRef.matches("(Claim/)?\\d{1,18}")) {
            return outcome(HttpStatus.BAD_REQUEST, IssueType.REQUIRED, "request", "'" + requestRef + "': search by request=Claim/{id}", null);
        }
        long claimId = Long.parseLong(requestRef.replace("Claim/", ""));
        long encounterId = claims.get(claimId).encounterId();
        Bundle result = new Bundle();
        result.setId(UUID.randomUUID().toString());
        result.setType(Bundle.BundleType.SEARCHSET);
        readBack.claimResponse(claimId).ifPresent(r -> result.addEntry().setFullUrl(ServletUriComponentsBuilder.fromContextPath(http)
                .path("/fhir/ClaimResponse/{id}").buildAndExpand(claimId).toUriString()).setResource(r)
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        result.setTotal(result.getEntry().size());
        audit.record(worker.get().userId(), AuditService.VIEWED_ENCOUNTER, encounterId, null, "fhir ClaimResponse?request=Claim/" + claimId);
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(result));
    }

    /** Any other path under /fhir: a resource type or interaction this server does not offer. */
    @RequestMapping("/**")
    public ResponseEntity<String> unsupported(HttpServletRequest request) {
        return outcome(HttpStatus.NOT_FOUND, IssueType.NOTSUPPORTED, request.getRequestURI(), request.getMethod() + " is not supported here: "
                + "GET /fhir/metadata lists what is", null);
    }

    private static long id(String id, String type) {
        if (!id.matches("\\d{1,18}")) throw new NotFoundException(type + "/" + id + ": ids are numbers");
        return Long.parseLong(id);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return outcome(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, null, e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied(AccessDeniedException e) {
        return outcome(HttpStatus.FORBIDDEN, IssueType.FORBIDDEN, null, "your role may not do this: posting bundles is for billers, leads and admins", null);
    }

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<String> badInput(BadInputException e) {
        return outcome(HttpStatus.BAD_REQUEST, typeOf(e), e.field(), e.reason(), null);
    }

    /** A fault of the server: logged with an incident id, answered as an OperationOutcome without the stack trace. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> fault(Exception e, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: {} {} failed", incident, request.getMethod(), request.getRequestURI(), e);
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, IssueType.EXCEPTION, null, "the server failed to answer; the fault is logged as incident " + incident,
                null);
    }

    private static IssueType typeOf(BadInputException e) {
        return e instanceof FhirInputException f ? f.type() : FhirBundles.issueType(e.kind());
    }

    private ResponseEntity<String> outcome(HttpStatus status, IssueType type, String field, String reason, Long messageId) {
        return ResponseEntity.status(status).contentType(FHIR_JSON).body(encode(issue(type, field, reason, messageId)));
    }

    /**
     * One error issue: diagnostics "field: reason", expression the element as FHIRPath ({@code Bundle.entry[2].resource.payor})
     * and as named ({@code Bundle.entry[2].resource(Coverage/cov1).payor}); with the id the refused message is kept as.
     */
    static OperationOutcome issue(IssueType type, String field, String reason, Long messageId) {
        return issueOf(IssueSeverity.ERROR, type, field, reason, messageId);
    }

    private static OperationOutcome issueOf(IssueSeverity severity, IssueType type, String field, String reason, Long messageId) {
        OperationOutcome o = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = o.addIssue().setSeverity(severity).setCode(type)
                .setDiagnostics(field == null ? reason : field + ": " + reason);
        if (field != null && field.startsWith("Bundle.entry")) {
            String path = field.replaceAll("\\.resource\\([^)]*\\)", ".resource");
            issue.addExpression(path);
            if (!path.equals(field)) issue.addExpression(field);
        } else if (field != null) {
            issue.addExpression(field);
        }
        if (messageId != null) {
            o.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                    .setDiagnostics("the message is kept as inbound message " + messageId);
        }
        return o;
    }

    private String encode(IBaseResource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }
}
