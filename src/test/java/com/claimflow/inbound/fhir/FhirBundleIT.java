package com.claimflow.inbound.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.claimflow.audit.AuditService;
import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimService;
import com.claimflow.coding.CapturedCharges;
import com.claimflow.demo.DemoUsers;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.InboundMessage;
import com.claimflow.inbound.InboundMessages;
import com.claimflow.inbound.Outcome;
import com.claimflow.intake.Encounter;
import com.claimflow.intake.EncounterService;
import com.claimflow.remittance.RemittanceAdvice;
import com.claimflow.remittance.RemittanceService;
import com.claimflow.support.ApiTestBase;
import com.claimflow.support.RawHttp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The FHIR R4 channel end to end, with HAPI's own FHIR client against the running app: bundles modelled on the FHIR R4
 * spec's transaction example (src/test/resources/fhir) open encounters as POST /api/encounters does, the same bundle
 * again (or twenty at once) opens nothing more, bad bundles get an OperationOutcome naming resource and element and
 * change nothing but the kept refused message, and encounters, claims and remittances read back as FHIR resources.
 * With -Pmysql-it it runs on MariaDB.
 */
class FhirBundleIT extends ApiTestBase {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @LocalServerPort int port;
    @Autowired FhirContext fhir;
    @Autowired EncounterService encounters;
    @Autowired CapturedCharges captured;
    @Autowired InboundMessages messages;
    @Autowired RuntimeService runtime;
    @Autowired ClaimService claims;
    @Autowired RemittanceService payer;
    @Autowired ObjectMapper json;
    @Autowired AuditService audit;

    @BeforeEach
    void clientsDoNotAskForMetadataFirst() {
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    private IGenericClient client(String user) {
        IGenericClient client = fhir.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (user != null) client.registerInterceptor(new BasicAuthInterceptor(user, DemoUsers.PASSWORD));
        return client;
    }

    /** The fixture with a fresh visit number and bundle id, dated three days ago (intake refuses old and future dates). */
    static String fixture(String name, String visit) throws IOException {
        try (InputStream in = FhirBundleIT.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${visit}", visit).replace("${bundleId}", "B-" + visit)
                    .replace("${dos}", LocalDate.now().minusDays(3).toString());
        }
    }

    private Bundle bundle(String text) {
        return fhir.newJsonParser().parseResource(Bundle.class, text);
    }

    private long encountersStarted() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("encounter").count();
    }

    @Test
    void aTransactionBundleOpensTheEncounterWithTheCodingTaskStartingFromTheSentCharges() throws Exception {
        String visit = "V-" + UUID.randomUUID();
        MethodOutcome created = client("bella").create().resource(bundle(fixture("visit-transaction.json", visit))).execute();

        assertThat(created.getCreated()).isTrue();
        Encounter e = encounters.findByExternalId(visit).orElseThrow();
        assertThat(created.getId().getResourceType() + "/" + created.getId().getIdPart()).isEqualTo("Encounter/" + e.id());
        Bundle response = (Bundle) created.getResource();
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSize(11);
        assertThat(response.getEntry().get(5).getResponse().getStatus()).isEqualTo("201 Created");
        assertThat(response.getEntry().get(5).getResponse().getLocation()).isEqualTo("Encounter/" + e.id());

        // the JSON API's encounter, every element where docs/fhir.md says it goes
        assertThat(e.patientLastName()).isEqualTo("Testperson");
        assertThat(e.patientFirstName()).isEqualTo("Robin");
        assertThat(e.patientBirthDate()).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(e.patientSex()).isEqualTo("F");
        assertThat(e.patientPhone()).isEqualTo("6145550123");
        assertThat(e.patientAddress().postalCode()).isEqualTo("432151234");
        assertThat(e.payerId()).isEqualTo("BCBS");
        assertThat(e.memberId()).isEqualTo("XYZ123456789");
        assertThat(e.coverages().get(0).groupNumber()).isEqualTo("GRP-100");
        assertThat(e.billingNpi()).isEqualTo("1234567893");
        assertThat(e.renderingNpi()).isEqualTo("1987654328");
        assertThat(e.dateOfService()).isEqualTo(LocalDate.now().minusDays(3));
        assertThat(e.placeOfService()).isEqualTo("11");
        assertThat(e.documentation()).isEqualTo("Synthetic progress note: blood pressure rechecked, lipid panel drawn.");

        driver.runJobs();
        assertThat(driver.openTaskTypes(e.id())).contains("CodeEncounter");
        CapturedCharges.Draft draft = captured.draftOf(e.id()).orElseThrow();
        assertThat(draft.diagnoses()).containsExactly("I10", "E785");
        assertThat(draft.procedures()).extracting(p -> p.format()).containsExactly("99213 1 1,2", "36415 59 2 2");

        InboundMessage kept = messages.ofEncounter(e.id()).get(0);
        assertThat(kept.channel()).isEqualTo(Channel.FHIR);
        assertThat(kept.outcome()).isEqualTo(Outcome.OPENED);
        assertThat(kept.sender()).isEqualTo("bella");
        assertThat(kept.messageKey()).isEqualTo("urn:oid:2.16.840.1.113883.19.5.99999.1|B-" + visit);
        assertThat(messages.body(kept.id()).orElseThrow()).contains(visit);

        org.hl7.fhir.r4.model.Encounter back = client("carla").read().resource(org.hl7.fhir.r4.model.Encounter.class).withId(e.id().toString()).execute();
        assertThat(back.getIdentifierFirstRep().getValue()).isEqualTo(visit);
        assertThat(back.getPeriod().getStartElement().getValueAsString()).isEqualTo(LocalDate.now().minusDays(3).toString());
        assertThat(back.getExtensionByUrl(FhirCodes.STAGE_EXTENSION).getValue().primitiveValue()).isEqualTo("CODING");
        org.hl7.fhir.r4.model.Patient patient = (org.hl7.fhir.r4.model.Patient) back.getContained().get(0);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Testperson");

        Bundle byVisit = client("carla").search().forResource(org.hl7.fhir.r4.model.Encounter.class)
                .where(org.hl7.fhir.r4.model.Encounter.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:2.16.840.1.113883.19.5.99999.4", visit))
                .returnBundle(Bundle.class).execute();
        assertThat(byVisit.getEntry()).hasSize(1);
        assertThat(byVisit.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(e.id().toString());
        assertThat(client("carla").search().forResource(org.hl7.fhir.r4.model.Encounter.class)
                .where(org.hl7.fhir.r4.model.Encounter.IDENTIFIER.exactly().code("no-such-visit")).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
    }

    @Test
    void theSameBundleAgainAnswersWithTheSameEncounterAndStartsNothing() throws Exception {
        String visit = "V-" + UUID.randomUUID();
        String text = fixture("visit-transaction.json", visit);
        MethodOutcome first = client("bella").create().resource(bundle(text)).execute();
        long started = encountersStarted();

        MethodOutcome again = client("lena").create().resource(bundle(text)).execute();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        Bundle response = (Bundle) again.getResource();
        assertThat(response.getEntry().get(5).getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(response.getEntry().get(5).getResponse().getLocation()).isEqualTo("Encounter/" + first.getId().getIdPart());
        // another bundle id, the same visit: already there
        MethodOutcome sameVisit = client("adam").create().resource(bundle(text.replace("B-" + visit, "B2-" + visit))).execute();
        assertThat(sameVisit.getId().getIdPart()).isEqualTo(first.getId().getIdPart());

        assertThat(encountersStarted()).isEqualTo(started);
        long id = Long.parseLong(first.getId().getIdPart());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("encounter").processInstanceBusinessKey(String.valueOf(id)).count()).isEqualTo(1);
        assertThat(messages.ofEncounter(id)).extracting(InboundMessage::outcome).containsExactly(Outcome.OPENED, Outcome.DUPLICATE, Outcome.ALREADY_THERE);
        assertThat(messages.ofEncounter(id)).extracting(InboundMessage::sender).containsExactly("bella", "lena", "adam");
    }

    @Test
    void aCollectionBundleAnswersWithTheEncounterAndItsLocation() throws Exception {
        String visit = "C-" + UUID.randomUUID();
        HttpResponse<String> created = post("ben", "/fhir/Bundle", "application/fhir+json", fixture("visit-collection.json", visit));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Encounter e = encounters.findByExternalId(visit).orElseThrow();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/fhir/Encounter/" + e.id());
        org.hl7.fhir.r4.model.Encounter answer = fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Encounter.class, created.body());
        assertThat(answer.getIdentifierFirstRep().getValue()).isEqualTo(visit);
        // the spouse is the subscriber; the Location's CMS place of service wins over the class
        assertThat(e.coverages()).hasSize(2);
        assertThat(e.coverages().get(0).relationship()).isEqualTo("01");
        assertThat(e.coverages().get(0).subscriber().lastName()).isEqualTo("Testspouse");
        assertThat(e.coverages().get(0).subscriber().memberId()).isEqualTo("W123456789");
        assertThat(e.coverages().get(1).payerId()).isEqualTo("UHC");
        assertThat(e.placeOfService()).isEqualTo("22");
        assertThat(e.referringNpi()).isEqualTo("1765432194");

        HttpResponse<String> again = post("ben", "/fhir/Bundle", "application/json", fixture("visit-collection.json", visit));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/fhir/Encounter/" + e.id());

        // neither has a Bundle.identifier: another visit's bundle is another message
        HttpResponse<String> other = post("ben", "/fhir/Bundle", "application/json", fixture("visit-collection.json", visit + "-2"));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
    }

    @Test
    void theSameBundleFromTwentyThreadsAtOnceOpensOneEncounter() throws Exception {
        String visit = "P-" + UUID.randomUUID();
        String text = fixture("visit-transaction.json", visit);
        long started = encountersStarted();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<HttpResponse<String>> send = () -> {
                    go.await();
                    return post("bella", "/fhir/Bundle", "application/fhir+json", text);
                };
                answers.add(pool.submit(send));
            }
            go.countDown();
            int created = 0;
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
                if (r.statusCode() == 201) created++;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        long id = encounters.findByExternalId(visit).orElseThrow().id();
        assertThat(encountersStarted()).isEqualTo(started + 1);
        assertThat(answers.stream().map(f -> {
            try {
                return f.get().headers().firstValue("Location").orElseThrow();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).distinct()).hasSize(1).allMatch(l -> l.endsWith("/Encounter/" + id));
        assertThat(messages.ofEncounter(id)).hasSize(20);
    }

    /** Posts the broken bundle, expects the status and an OperationOutcome naming the element; nothing opened, the refusal kept. */
    private OperationOutcome refused(String text, int status, String expression) throws Exception {
        long before = encounters.count();
        long started = encountersStarted();
        HttpResponse<String> r = post("bella", "/fhir/Bundle", "application/fhir+json", text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        OperationOutcome o = fhir.newJsonParser().parseResource(OperationOutcome.class, r.body());
        OperationOutcome.OperationOutcomeIssueComponent issue = o.getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.getExpression()).extracting(Object::toString).as(r.body()).anyMatch(x -> x.contains(expression));
        assertThat(encounters.count()).isEqualTo(before);
        assertThat(encountersStarted()).isEqualTo(started);
        InboundMessage kept = messages.recent(Channel.FHIR, true, 1).get(0);
        assertThat(kept.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(kept.problemField()).contains(expression);
        assertThat(issue.getDiagnostics()).contains(kept.problem());
        return o;
    }

    @Test
    void badBundlesGetAnOperationOutcomeNamingResourceAndElementAndChangeNothing() throws Exception {
        String visit = "X-" + UUID.randomUUID();
        String good = fixture("visit-transaction.json", visit);

        ObjectNode tree = (ObjectNode) json.readTree(good);
        ((ArrayNode) tree.get("entry")).remove(0);
        OperationOutcome noPatient = refused(json.writeValueAsString(tree), 422, "Encounter/enc1).subject");
        assertThat(noPatient.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(noPatient.getIssueFirstRep().getDiagnostics()).contains("US Core Patient");
        assertThat(noPatient.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[4].resource.subject");

        OperationOutcome unknownPayer = refused(good.replace("\"value\": \"BCBS\"", "\"value\": \"NOPE\""), 422, "Bundle.entry[2].resource(Coverage/cov1).payor");
        assertThat(unknownPayer.getIssueFirstRep().getDiagnostics()).contains("unknown payer 'NOPE'");
        assertThat(unknownPayer.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(unknownPayer.getIssueFirstRep().getDiagnostics()).as("the element named once")
                .startsWith("Bundle.entry[2].resource(Coverage/cov1).payor: unknown payer 'NOPE'");

        OperationOutcome badNpi = refused(good.replace("1987654328", "1987654320"), 422, "Bundle.entry[4].resource(Practitioner/adams).identifier[0].value");
        assertThat(badNpi.getIssueFirstRep().getDiagnostics()).contains("not a valid NPI").contains("Luhn");
        assertThat(badNpi.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);

        OperationOutcome notOnFile = refused(good.replace("1987654328", com.claimflow.demo.DemoReferenceData.npi("199999999")), 422,
                "Practitioner/adams).identifier[0].value");
        assertThat(notOnFile.getIssueFirstRep().getDiagnostics()).contains("no provider with NPI");
        assertThat(notOnFile.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);

        OperationOutcome unknownIcd = refused(good.replace("\"code\": \"I10\"", "\"code\": \"I99.9\""), 422, "Bundle.entry[6].resource(Condition/dx1).code");
        assertThat(unknownIcd.getIssueFirstRep().getDiagnostics()).contains("I999").contains("not in the loaded code set");
        assertThat(unknownIcd.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);

        OperationOutcome unknownCpt = refused(good.replace("\"code\": \"36415\"", "\"code\": \"12345\""), 422, "Bundle.entry[9].resource(ChargeItem/charge1).code");
        assertThat(unknownCpt.getIssueFirstRep().getDiagnostics()).contains("12345");
        assertThat(unknownCpt.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);

        OperationOutcome malformed = refused(good.substring(0, good.length() / 2), 400, "Bundle (JSON line");
        assertThat(malformed.getIssueFirstRep().getDiagnostics()).contains("not valid JSON");

        OperationOutcome wrongType = refused("{\"resourceType\": \"Patient\", \"id\": \"p1\"}", 400, "resourceType");
        assertThat(wrongType.getIssueFirstRep().getDiagnostics()).contains("is Patient");

        OperationOutcome typo = refused(good.replace("\"birthDate\": \"1980-02-29\"", "\"birthdate\": \"1980-02-29\""), 400, "birthdate");
        assertThat(typo.getIssueFirstRep().getDiagnostics()).contains("not an element of FHIR R4");

        OperationOutcome badDate = refused(good.replace("1980-02-29", "1980-02-30"), 400, "birthDate");
        assertThat(badDate.getIssueFirstRep().getDiagnostics()).contains("1980-02-30");

        refused(good.replace("\"type\": \"transaction\"", "\"type\": \"searchset\""), 400, "Bundle.type");
        assertThat(encounters.findByExternalId(visit)).isEmpty();
    }

    @Test
    void intakesRefusalsOfABundleNameTheElementWithTheirIssueType() throws Exception {
        // the spouse is the subscriber: the 837 then needs the patient's address
        String noAddress = fixture("visit-collection.json", "R-" + UUID.randomUUID())
                .replace(",\n        \"address\": [{\"use\": \"home\", \"line\": [\"40 Sample Avenue\"], \"city\": \"Springfield\", \"state\": \"IL\", \"postalCode\": \"62701\"}]", "");
        OperationOutcome required = refused(noAddress, 422, "resource(Patient/p2)");
        assertThat(required.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.REQUIRED);
        assertThat(required.getIssueFirstRep().getDiagnostics()).contains("required when the patient is not the subscriber");
    }

    @Test
    void aBundleForAVisitAlreadyOpenIsStillRefusedForAnUnknownCode() throws Exception {
        String visit = "K-" + UUID.randomUUID();
        String good = fixture("visit-transaction.json", visit);
        assertThat(post("bella", "/fhir/Bundle", "application/fhir+json", good).statusCode()).isEqualTo(201);
        long id = encounters.findByExternalId(visit).orElseThrow().id();

        OperationOutcome unknownCpt = refused(good.replace("B-" + visit, "B2-" + visit).replace("\"code\": \"36415\"", "\"code\": \"12345\""), 422,
                "Bundle.entry[9].resource(ChargeItem/charge1).code");
        assertThat(unknownCpt.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(messages.ofEncounter(id)).extracting(InboundMessage::outcome).containsExactly(Outcome.OPENED);
    }

    @Test
    void oddBundlesGetAnOperationOutcomeAndNeverA500() throws Exception {
        String visit = "O-" + UUID.randomUUID();
        String good = fixture("visit-transaction.json", visit);
        String deep = "{\"url\": \"urn:x\", \"extension\": [".repeat(3000) + "{\"url\": \"urn:x\", \"valueString\": \"x\"}" + "]}".repeat(3000);
        List<String> bodies = List.of(
                "{\"resourceType\": \"Bundle\", \"type\": \"transaction\"}",
                "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{}]}",
                "{\"resourceType\": \"Bundle\"}",
                "{}",
                "null",
                "\"Bundle\"",
                good.replace("\"value\": 2", "\"value\": 1.5"),
                good.replace("\"value\": 2", "\"value\": 1e400"),
                good.replace("\"value\": 2", "\"value\": -3"),
                good.replace("\"birthDate\": \"1980-02-29\"", "\"birthDate\": 5"),
                good.replace("\"Testperson\"", "\"Test\\u0000person\""),
                good.replace("\"Testperson\"", "\"" + "x".repeat(20_000) + "\""),
                good.replace(visit, "V".repeat(20_000)),
                good.replace("\"data\": \"U3", "\"data\": \"!!U3"),
                good.replace("\"${dos}T09:30:00-05:00\"".replace("${dos}", LocalDate.now().minusDays(3).toString()), "\"2026\""),
                good.replace("\"period\"", "\"period\": {\"start\": \"1900-01-01\"}, \"length\""),
                good.replace("urn:uuid:7c1a0f2e-0001-4a1e-9a51-000000000008\"}, \"rank\": 2", "urn:uuid:nowhere\"}, \"rank\": 2"),
                good.replace("\"subject\": {\"reference\": \"urn:uuid:7c1a0f2e-0001-4a1e-9a51-000000000001\"},\n        \"participant\"",
                        "\"subject\": {\"reference\": \"urn:uuid:7c1a0f2e-0001-4a1e-9a51-000000000003\"},\n        \"participant\""),
                good.replace("\"code\": \"self\"", "\"code\": \"cousin\""),
                good.replace("\"code\": \"self\"", "\"code\": \"child\""),
                good.replace("\"order\": 1", "\"order\": 7"),
                good.replace("\"code\": \"59\"", "\"code\": \"5\""),
                good.replace("\"code\": \"AMB\"", "\"code\": \"XYZ\""),
                good.replace("\"status\": \"finished\"", "\"status\": \"cancelled\""),
                good.replace("\"name\": \"Blue Cross Blue Shield (synthetic)\"", "\"name\": \"B\", \"extension\": [" + deep + "]"),
                good.replace("\"contentType\": \"text/plain\"", "\"contentType\": \"application/pdf\""));
        long before = encounters.count();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            HttpResponse<String> r = post("bella", "/fhir/Bundle", "application/fhir+json", bodies.get(i));
            if (r.statusCode() >= 500 || r.statusCode() < 400) {
                failures.add("#" + i + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                continue;
            }
            OperationOutcome o = fhir.newJsonParser().parseResource(OperationOutcome.class, r.body());
            if (!o.getIssueFirstRep().hasDiagnostics()) failures.add("#" + i + ": no diagnostics: " + r.body());
        }
        assertThat(failures).isEmpty();
        HttpResponse<String> oddCharset = post("bella", "/fhir/Bundle", "application/fhir+json; charset=no-such-charset", bodies.get(0));
        assertThat(oddCharset.statusCode()).isEqualTo(422);
        HttpResponse<String> xml = post("bella", "/fhir/Bundle", "application/fhir+xml", "<Bundle xmlns=\"http://hl7.org/fhir\"/>");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(messages.recent(Channel.FHIR, true, 1).get(0).problemField()).isEqualTo("Content-Type");
        HttpResponse<String> xmlWanted = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/metadata"))
                .header("Authorization", basic("carla")).header("Accept", "application/fhir+xml").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xmlWanted.statusCode()).as("JSON is served whatever is asked for").isEqualTo(200);
        HttpResponse<String> otherPath = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/1"))
                .header("Authorization", basic("carla")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherPath.statusCode()).isEqualTo(404);
        assertThat(otherPath.body()).contains("not-supported");
        assertThat(encounters.count()).isEqualTo(before);
    }

    @Test
    void aTwentyMegabyteBundleIsRefusedWith413WithoutBeingReadWhole() throws Exception {
        long before = encounters.count();
        String declared = RawHttp.exchange(port, "}]}", "POST /fhir/Bundle HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("bella")
                + "\r\nContent-Type: application/fhir+json\r\nContent-Length: 20971520\r\n\r\n", "{\"resourceType\": \"Bundle\", ".getBytes());
        assertThat(declared).startsWith("HTTP/1.1 413").contains("too-costly").contains("claimflow.fhir.max-bundle-size");

        // chunked, no length: refused once 10 MB and one byte are read, though 20 MB are on their way
        byte[][] parts = new byte[20][];
        for (int i = 0; i < parts.length; i++) parts[i] = RawHttp.chunk(1024 * 1024);
        String chunked = RawHttp.exchange(port, "}]}", "POST /fhir/Bundle HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("bella")
                + "\r\nContent-Type: application/fhir+json\r\nTransfer-Encoding: chunked\r\n\r\n", parts);
        assertThat(chunked).startsWith("HTTP/1.1 413").contains("too-costly");

        assertThat(encounters.count()).isEqualTo(before);
        InboundMessage kept = messages.recent(Channel.FHIR, true, 1).get(0);
        assertThat(kept.problem()).contains("larger than 10 MB");
        assertThat(messages.body(kept.id())).isEmpty();
    }

    @Test
    void postingIsForBillersLeadsAndAdminsAndReadingForEveryone() throws Exception {
        String visit = "R-" + UUID.randomUUID();
        Bundle b = bundle(fixture("visit-transaction.json", visit));
        assertThatThrownBy(() -> client(null).create().resource(b).execute()).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> client("carla").create().resource(b).execute()).isInstanceOf(ForbiddenOperationException.class)
                .satisfies(ex -> assertThat(((BaseServerResponseException) ex).getOperationOutcome()).isNotNull());
        assertThatThrownBy(() -> client("cora").create().resource(b).execute()).isInstanceOf(ForbiddenOperationException.class);
        assertThat(encounters.findByExternalId(visit)).isEmpty();

        for (String user : List.of("bella", "lena", "adam")) {
            MethodOutcome ok = client(user).create().resource(bundle(fixture("visit-transaction.json", visit + "-" + user))).execute();
            assertThat(ok.getCreated()).as(user).isTrue();
        }
        long id = encounters.findByExternalId(visit + "-bella").orElseThrow().id();
        for (String user : List.of("carla", "cora", "ben")) {
            assertThat(client(user).read().resource(org.hl7.fhir.r4.model.Encounter.class).withId(String.valueOf(id)).execute().getIdElement().getIdPart())
                    .isEqualTo(String.valueOf(id));
        }
        assertThatThrownBy(() -> client(null).read().resource(org.hl7.fhir.r4.model.Encounter.class).withId(String.valueOf(id)).execute())
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> client("carla").read().resource(org.hl7.fhir.r4.model.Encounter.class).withId("999999999").execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client("carla").read().resource(org.hl7.fhir.r4.model.Claim.class).withId("999999999").execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void metadataIsACapabilityStatementOfFhir401() {
        // HAPI's client checks the server's CapabilityStatement before its first request when told to
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.ONCE);
        assertThatThrownBy(() -> client("carla").read().resource(org.hl7.fhir.r4.model.Encounter.class).withId("999999998").execute())
                .isInstanceOf(ResourceNotFoundException.class);
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CapabilityStatement c = client("carla").capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(c.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(c.getFormat()).extracting(Object::toString).contains("json");
        assertThat(c.getRestFirstRep().getResource()).extracting(r -> r.getType()).containsExactly("Bundle", "Encounter", "Claim", "ClaimResponse");
        assertThat(c.getRestFirstRep().getResource().get(1).getSearchParam()).extracting(p -> p.getName()).containsExactly("identifier");
        assertThat(c.getRestFirstRep().getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("transaction");
    }

    @Test
    void theClaimAndThePayersAnswerReadBackAsClaimAndClaimResponse() throws Exception {
        String visit = "F-" + UUID.randomUUID();
        // the FHIR transaction interaction (POST [base]) opens it too
        Bundle response = client("bella").transaction().withBundle(bundle(fixture("visit-transaction.json", visit))).execute();
        assertThat(response.getEntry().get(5).getResponse().getStatus()).isEqualTo("201 Created");
        long id = encounters.findByExternalId(visit).orElseThrow().id();
        driver.runJobs();
        driver.code(id, "I10, E785", "99213 1 1,2\n36415 59 2 2");
        Claim c = claims.latestFor(id).orElseThrow();

        org.hl7.fhir.r4.model.Claim claim = client("ben").read().resource(org.hl7.fhir.r4.model.Claim.class).withId(c.id().toString()).execute();
        assertThat(claim.getType().getCodingFirstRep().getCode()).isEqualTo("professional");
        assertThat(claim.getDiagnosis()).extracting(d -> d.getDiagnosisCodeableConcept().getCodingFirstRep().getCode()).containsExactly("I10", "E78.5");
        assertThat(claim.getDiagnosisFirstRep().getDiagnosisCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.ICD10CM);
        assertThat(claim.getItem()).hasSize(2);
        org.hl7.fhir.r4.model.Claim.ItemComponent draw = claim.getItem().get(1);
        assertThat(draw.getProductOrService().getCodingFirstRep().getCode()).isEqualTo("36415");
        assertThat(draw.getProductOrService().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.CPT);
        assertThat(draw.getModifierFirstRep().getCodingFirstRep().getCode()).isEqualTo("59");
        assertThat(draw.getQuantity().getValue()).isEqualByComparingTo("2");
        assertThat(draw.getNet().getValue()).isEqualByComparingTo(c.lines().get(1).charge());
        assertThat(draw.getDiagnosisSequence()).extracting(p -> p.getValue()).containsExactly(2);
        assertThat(claim.getItem().get(0).getDiagnosisSequence()).extracting(p -> p.getValue()).containsExactly(1, 2);
        assertThat(claim.getTotal().getValue()).isEqualByComparingTo(c.totalCharge());
        assertThat(claim.getInsurer().getIdentifier().getValue()).isEqualTo("BCBS");
        assertThat(claim.getProvider().getIdentifier().getValue()).isEqualTo("1234567893");
        assertThat(claim.getBillablePeriod().getStartElement().getValueAsString()).isEqualTo(LocalDate.now().minusDays(3).toString());
        assertThat(claim.getPatient().getReference()).isEqualTo("#patient");

        assertThatThrownBy(() -> client("ben").read().resource(ClaimResponse.class).withId(c.id().toString()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        Bundle none = client("ben").search().forResource(ClaimResponse.class).where(ClaimResponse.REQUEST.hasId("Claim/" + c.id()))
                .returnBundle(Bundle.class).execute();
        assertThat(none.getEntry()).isEmpty();

        payer.acknowledge(c.id(), true, "PCN-" + c.id(), null);
        driver.runJobs();
        BigDecimal paid = c.totalCharge().subtract(new BigDecimal("20.00"));
        payer.post(new RemittanceAdvice("ERA-FHIR-" + c.id(), c.id(), "PCN-" + c.id(), paid, new BigDecimal("15.00"), new BigDecimal("5.00"), false,
                "CO", "45", null, "1",
                List.of(new RemittanceAdvice.Adjustment(1, "99213", "CO", "45", new BigDecimal("15.00"), null),
                        new RemittanceAdvice.Adjustment(1, "99213", "PR", "3", new BigDecimal("5.00"), null)),
                List.of(), List.of(new RemittanceAdvice.LinePaid(1, "99213", List.of(), c.lines().get(0).charge(),
                        c.lines().get(0).charge().subtract(new BigDecimal("20.00")), BigDecimal.ONE),
                        new RemittanceAdvice.LinePaid(2, "36415", List.of("59"), c.lines().get(1).charge(), c.lines().get(1).charge(), new BigDecimal("2")))));
        driver.runJobs();

        ClaimResponse answer = client("cora").read().resource(ClaimResponse.class).withId(c.id().toString()).execute();
        assertThat(answer.getRequest().getReference()).isEqualTo("Claim/" + c.id());
        assertThat(answer.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
        assertThat(answer.getPayment().getAmount().getValue()).isEqualByComparingTo(paid);
        assertThat(answer.getPayment().getDate()).isNotNull();
        ClaimResponse.ItemComponent visitLine = answer.getItem().get(0);
        assertThat(visitLine.getItemSequence()).isEqualTo(1);
        assertThat(amount(visitLine, FhirCodes.ADJUDICATION, "submitted")).isEqualByComparingTo(c.lines().get(0).charge());
        assertThat(amount(visitLine, FhirCodes.ADJUDICATION, "eligible")).isEqualByComparingTo(c.lines().get(0).charge().subtract(new BigDecimal("15.00")));
        assertThat(amount(visitLine, FhirCodes.ADJUDICATION, "benefit")).isEqualByComparingTo(c.lines().get(0).charge().subtract(new BigDecimal("20.00")));
        assertThat(amount(visitLine, FhirCodes.ADJUDICATION, "copay")).isEqualByComparingTo("5.00");
        ClaimResponse.AdjudicationComponent contractual = visitLine.getAdjudication().stream()
                .filter(a -> "CO".equals(a.getCategory().getCodingFirstRep().getCode())).findFirst().orElseThrow();
        assertThat(contractual.getReason().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.CARC);
        assertThat(contractual.getReason().getCodingFirstRep().getCode()).isEqualTo("45");
        assertThat(contractual.getAmount().getValue()).isEqualByComparingTo("15.00");

        Bundle found = client("cora").search().forResource(ClaimResponse.class).where(ClaimResponse.REQUEST.hasId("Claim/" + c.id()))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);

        // reads are in the audit trail as the JSON API's are: who read which encounter's claim and answer
        assertThat(audit.forEncounter(id)).filteredOn(a -> AuditService.VIEWED_ENCOUNTER.equals(a.getAction()))
                .extracting(a -> a.getActor() + " " + a.getDetail())
                .contains("ben fhir Claim/" + c.id(), "cora fhir ClaimResponse/" + c.id(), "cora fhir ClaimResponse?request=Claim/" + c.id());
        assertThat(audit.forEncounter(id)).extracting(a -> a.getActor() + " " + a.getAction()).contains("bella OPENED_ENCOUNTER");
    }

    private static BigDecimal amount(ClaimResponse.ItemComponent item, String system, String code) {
        return item.getAdjudication().stream().filter(a -> a.getCategory().getCoding().stream().anyMatch(k -> system.equals(k.getSystem()) && code.equals(k.getCode())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + code + " adjudication")).getAmount().getValue();
    }

    private HttpResponse<String> post(String user, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic(user))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
