package com.claimflow.inbound.fhir;

import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.inbound.IncomingEncounter;
import com.claimflow.inbound.fhir.BundleIndex.Entry;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.Subscriber;
import com.claimflow.reference.Npi;
import com.claimflow.reference.ReferenceService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads one visit out of a bundle: the Encounter, its Patient, Coverages with their payer Organizations and
 * subscribers, the providers (Practitioner, Organization, by NPI), the diagnoses (Condition, Encounter.diagnosis), the
 * charges (ChargeItem, Procedure) and the note (DocumentReference). US Core 6.1 and CARIN-BB 2.0 name the elements.
 * Each value keeps where it came from ({@link Mapped#origins()}), so a refusal of the encounter's own checks names the
 * FHIR element, not the field of the JSON API.
 */
final class FhirEncounterMapping {
    /** The request and where each of its fields came from (EncounterRequest field path to FHIR element path). */
    record Mapped(IncomingEncounter incoming, Map<String, String> origins, Entry encounter) {
        /** The FHIR element a field of the request came from: the longest known prefix, the rest appended. */
        String fhirField(String requestField) {
            return located(origins, requestField);
        }
    }

    static String located(Map<String, String> origins, String requestField) {
        if (requestField == null) return null;
        if (origins.containsKey(requestField)) return origins.get(requestField);
        String best = null;
        for (String key : origins.keySet()) {
            if (requestField.startsWith(key + ".") && (best == null || key.length() > best.length())) best = key;
        }
        return best == null ? requestField : origins.get(best) + requestField.substring(best.length());
    }

    private static final Set<String> SKIPPED_STATUS = Set.of("entered-in-error", "cancelled", "aborted", "not-billable", "not-done");

    private final BundleIndex bundle;
    private final ReferenceService reference;
    private final Map<String, String> origins = new LinkedHashMap<>();

    FhirEncounterMapping(BundleIndex bundle, ReferenceService reference) {
        this.bundle = bundle;
        this.reference = reference;
    }

    Mapped map() {
        Entry enc = encounter();
        Encounter encounter = (Encounter) enc.resource();
        Entry pat = patient(enc, encounter);
        Patient patient = (Patient) pat.resource();

        String externalId = externalId(enc, encounter);
        LocalDate dateOfService = dateOfService(enc, encounter);
        EncounterRequest.Patient who = person(pat, patient);
        List<EncounterRequest.Insurance> coverages = coverages(pat);
        String billing = billingProvider(enc, encounter);
        String[] rendering = participant(enc, encounter, Set.of("PPRF", "ATND", "SPRF", "PART"), true);
        String[] referring = participant(enc, encounter, Set.of("REF"), false);
        String placeOfService = placeOfService(enc, encounter);
        String documentation = documentation(pat);
        List<Diagnosis> diagnoses = new ArrayList<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        diagnoses(enc, encounter, pat, diagnoses, positions);
        List<Charge> charges = charges(enc, pat, diagnoses, positions);

        origins.put("claimType", enc.path("class"));
        EncounterRequest request = new EncounterRequest(externalId, who, null, billing, rendering == null ? null : rendering[0],
                referring == null ? null : referring[0], null, dateOfService, placeOfService, "PROFESSIONAL", documentation,
                referring == null ? null : referring[1], null, coverages);
        Map<String, String> found = Map.copyOf(origins);
        return new Mapped(new IncomingEncounter(request, diagnoses, charges, field -> located(found, field)), found, enc);
    }

    private Entry encounter() {
        List<Entry> found = bundle.of(Encounter.class);
        if (found.isEmpty()) {
            throw FhirInputException.required("Bundle.entry", "no Encounter: the bundle must hold the visit as an Encounter (US Core Encounter), "
                    + "with its identifier, period and serviceProvider");
        }
        if (found.size() > 1) {
            throw FhirInputException.invalid(found.get(1).path(), "is a second Encounter: send one visit per bundle");
        }
        Entry e = found.get(0);
        Encounter.EncounterStatus status = ((Encounter) e.resource()).getStatus();
        if (status == Encounter.EncounterStatus.PLANNED || status == Encounter.EncounterStatus.CANCELLED
                || status == Encounter.EncounterStatus.ENTEREDINERROR) {
            throw FhirInputException.invalid(e.path("status"), "is " + status.toCode() + ": only a visit that took place is billed");
        }
        return e;
    }

    private Entry patient(Entry enc, Encounter encounter) {
        if (encounter.hasSubject()) {
            return bundle.require(encounter.getSubject(), Patient.class, enc.path("subject"), "the patient (US Core Patient)");
        }
        List<Entry> patients = bundle.of(Patient.class);
        if (patients.isEmpty()) {
            throw FhirInputException.required("Bundle.entry", "no Patient: the bundle must hold the patient (US Core Patient: name, birthDate, "
                    + "gender) and the Encounter's subject must reference it");
        }
        if (patients.size() > 1) {
            throw FhirInputException.required(enc.path("subject"), "is required when the bundle holds more than one Patient");
        }
        return patients.get(0);
    }

    private String externalId(Entry enc, Encounter encounter) {
        origins.put("externalId", enc.path("identifier"));
        Optional<Identifier> id = encounter.getIdentifier().stream()
                .filter(i -> i.hasValue() && (i.getUse() == Identifier.IdentifierUse.OFFICIAL || i.getUse() == Identifier.IdentifierUse.USUAL))
                .findFirst().or(() -> encounter.getIdentifier().stream().filter(Identifier::hasValue).findFirst());
        if (id.isEmpty()) {
            throw FhirInputException.required(enc.path("identifier"), "is required: the EHR's visit number, by which the same visit sent again is "
                    + "recognised (e.g. {\"system\": \"urn:oid:...\", \"value\": \"V-1001\"})");
        }
        origins.put("externalId", enc.path("identifier[" + encounter.getIdentifier().indexOf(id.get()) + "].value"));
        return id.get().getValue().strip();
    }

    private LocalDate dateOfService(Entry enc, Encounter encounter) {
        String field = enc.path("period.start");
        origins.put("dateOfService", field);
        if (!encounter.getPeriod().hasStart()) {
            throw FhirInputException.required(field, "is required: when the visit began; its date is the date of service");
        }
        return localDate(encounter.getPeriod().getStartElement(), field);
    }

    /** The date as written, in the time zone it was written in (the visit's own calendar day). */
    private static LocalDate localDate(BaseDateTimeType value, String field) {
        String text = value.getValueAsString();
        if (text == null || text.length() < 10) {
            throw FhirInputException.invalid(field, "'" + text + "' is not a full date: give year, month and day (e.g. 2026-11-14)");
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw FhirInputException.invalid(field, "'" + text + "' is not a date");
        }
    }

    private EncounterRequest.Patient person(Entry pat, Patient patient) {
        String prefix = "patient";
        origins.put(prefix, pat.path());
        HumanName name = name(patient.getName());
        int n = patient.getName().indexOf(name);
        origins.put(prefix + ".lastName", pat.path("name[" + Math.max(n, 0) + "].family"));
        origins.put(prefix + ".firstName", pat.path("name[" + Math.max(n, 0) + "].given[0]"));
        if (name == null || !name.hasFamily()) throw FhirInputException.required(origins.get(prefix + ".lastName"), "is required: the patient's last name");
        if (!name.hasGiven()) throw FhirInputException.required(origins.get(prefix + ".firstName"), "is required: the patient's first name");
        origins.put(prefix + ".birthDate", pat.path("birthDate"));
        if (!patient.hasBirthDate()) throw FhirInputException.required(pat.path("birthDate"), "is required (US Core Patient.birthDate)");
        LocalDate birth = localDate(patient.getBirthDateElement(), pat.path("birthDate"));
        origins.put(prefix + ".sex", pat.path("gender"));
        if (!patient.hasGender()) throw FhirInputException.required(pat.path("gender"), "is required (US Core Patient.gender): male, female, other or unknown");
        EncounterRequest.Address address = address(pat, patient.getAddress(), prefix + ".address");
        String phone = phone(pat, patient.getTelecom(), prefix + ".phone");
        return new EncounterRequest.Patient(name.getGivenAsSingleString().isBlank() ? null : name.getGiven().get(0).getValue(), name.getFamily(),
                birth, sex(patient.getGender()), address, phone);
    }

    private static HumanName name(List<HumanName> names) {
        return names.stream().filter(h -> h.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .or(() -> names.stream().filter(h -> h.getUse() != HumanName.NameUse.OLD && h.getUse() != HumanName.NameUse.MAIDEN).findFirst())
                .orElse(names.isEmpty() ? null : names.get(0));
    }

    /** FHIR AdministrativeGender to the 837's DMG03: M, F, or U for other and unknown. */
    private static String sex(AdministrativeGender gender) {
        return switch (gender) {
            case MALE -> "M";
            case FEMALE -> "F";
            default -> "U";
        };
    }

    private EncounterRequest.Address address(Entry e, List<Address> addresses, String field) {
        Optional<Address> home = addresses.stream().filter(a -> a.getUse() == Address.AddressUse.HOME && a.getType() != Address.AddressType.PHYSICAL)
                .findFirst().or(() -> addresses.stream().filter(a -> a.getUse() != Address.AddressUse.OLD).findFirst());
        if (home.isEmpty()) return null;
        Address a = home.get();
        String at = e.path("address[" + addresses.indexOf(a) + "]");
        origins.put(field, at);
        origins.put(field + ".line1", at + ".line[0]");
        origins.put(field + ".line2", at + ".line[1]");
        origins.put(field + ".city", at + ".city");
        origins.put(field + ".state", at + ".state");
        origins.put(field + ".postalCode", at + ".postalCode");
        String zip = a.getPostalCode() == null ? null : a.getPostalCode().replace("-", "").strip();
        return new EncounterRequest.Address(a.getLine().isEmpty() ? null : a.getLine().get(0).getValue(),
                a.getLine().size() > 1 ? a.getLine().get(1).getValue() : null, a.getCity(),
                a.getState() == null ? null : a.getState().strip().toUpperCase(Locale.ROOT), zip);
    }

    /** The first phone number, ten digits (a leading US country code 1 dropped). */
    private String phone(Entry e, List<ContactPoint> telecom, String field) {
        for (int i = 0; i < telecom.size(); i++) {
            ContactPoint c = telecom.get(i);
            if (c.getSystem() != ContactPoint.ContactPointSystem.PHONE || !c.hasValue() || c.getUse() == ContactPoint.ContactPointUse.OLD) continue;
            origins.put(field, e.path("telecom[" + i + "].value"));
            String digits = c.getValue().replaceAll("[^0-9]", "");
            return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
        }
        return null;
    }

    /**
     * The patient's active Coverages in payer order (Coverage.order; one without order is the primary when it is
     * alone): payer from Coverage.payor's Organization identifier, member id from the US Core member identifier (MB)
     * or subscriberId, group from Coverage.class "group", relationship and subscriber (Patient or RelatedPerson).
     */
    private List<EncounterRequest.Insurance> coverages(Entry pat) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : bundle.of(Coverage.class)) {
            Coverage c = (Coverage) e.resource();
            if (c.hasStatus() && c.getStatus() != Coverage.CoverageStatus.ACTIVE) continue;
            if (c.hasBeneficiary()) {
                Entry beneficiary = bundle.require(c.getBeneficiary(), Patient.class, e.path("beneficiary"), "the patient the coverage is for");
                if (beneficiary != pat) continue;
            }
            found.add(e);
        }
        origins.put("coverage", "Bundle.entry");
        origins.put("coverages", "Bundle.entry");
        if (found.isEmpty()) {
            throw FhirInputException.required("Bundle.entry", "no active Coverage for " + pat.label() + ": the bundle must hold the patient's "
                    + "insurance (US Core Coverage with payor, subscriberId and order)");
        }
        if (found.size() > 3) {
            throw FhirInputException.invalid(found.get(3).path(), "is a fourth active Coverage: a claim carries at most primary, secondary and tertiary");
        }
        List<EncounterRequest.Insurance> result = new ArrayList<>();
        List<Entry> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(e -> ((Coverage) e.resource()).hasOrder() ? ((Coverage) e.resource()).getOrder() : 1));
        for (int i = 0; i < sorted.size(); i++) {
            result.add(insurance(sorted.get(i), pat, sorted.size(), "coverages[" + i + "]"));
        }
        return result;
    }

    private EncounterRequest.Insurance insurance(Entry e, Entry pat, int count, String field) {
        Coverage c = (Coverage) e.resource();
        origins.put(field, e.path());
        origins.put(field + ".order", e.path("order"));
        if (!c.hasOrder() && count > 1) {
            throw FhirInputException.required(e.path("order"), "is required when the patient has more than one Coverage: 1 primary, 2 secondary, 3 tertiary");
        }
        int order = c.hasOrder() ? c.getOrder() : 1;
        origins.put(field + ".payerId", e.path("payor"));
        String payerId = payer(e, c);
        String memberId = memberId(e, c, field);
        origins.put(field + ".groupNumber", e.path("class"));
        String group = c.getClass_().stream().filter(k -> k.getType().getCoding().stream()
                .anyMatch(t -> FhirCodes.COVERAGE_CLASS.equals(t.getSystem()) && "group".equals(t.getCode()))).map(Coverage.ClassComponent::getValue)
                .findFirst().orElse(null);
        origins.put(field + ".relationship", e.path("relationship"));
        origins.put(field + ".subscriber", e.path("subscriber"));
        Entry subscriberEntry = c.hasSubscriber() ? bundle.require(c.getSubscriber(), Resource.class, e.path("subscriber"),
                "the subscriber (Patient or RelatedPerson)") : null;
        String relationship = relationship(e, c, subscriberEntry == null || subscriberEntry == pat);
        Subscriber subscriber = null;
        if (!"18".equals(relationship)) {
            if (subscriberEntry == null) {
                throw FhirInputException.required(e.path("subscriber"), "is required when the patient is not the subscriber (relationship "
                        + c.getRelationship().getCodingFirstRep().getCode() + "): the 837 names the subscriber (loop 2010BA)");
            }
            subscriber = subscriber(subscriberEntry, field + ".subscriber", c.getSubscriberId());
        }
        return new EncounterRequest.Insurance(order, payerId, memberId, group, relationship, subscriber);
    }

    /** Coverage.payor: an Organization in the bundle, or a logical reference, whose identifier is a payer on file. */
    private String payer(Entry e, Coverage c) {
        String field = e.path("payor");
        if (!c.hasPayor()) throw FhirInputException.required(field, "is required: the payer, an Organization with the payer id as identifier");
        Reference payor = c.getPayorFirstRep();
        List<Identifier> ids = new ArrayList<>();
        String where;
        if (payor.hasReference()) {
            Entry org = bundle.require(payor, Resource.class, field, "the payer, an Organization with the payer id as identifier");
            if (!(org.resource() instanceof Organization o)) {
                throw FhirInputException.invalid(field, "references " + org.label() + ": self-pay and other non-payer coverages are not billed "
                        + "through claims; the payor must be the insurer's Organization");
            }
            ids.addAll(o.getIdentifier());
            where = org.label() + ".identifier";
        } else {
            if (payor.hasIdentifier()) ids.add(payor.getIdentifier());
            where = "payor.identifier";
        }
        // CARIN-BB's payer id identifier type first, then any other identifier the payer is known by here
        ids.sort(Comparator.comparingInt(i -> i.getType().getCoding().stream().anyMatch(t -> "payerid".equals(t.getCode())) ? 0 : 1));
        List<String> values = ids.stream().filter(Identifier::hasValue).map(i -> i.getValue().strip()).toList();
        if (values.isEmpty()) {
            throw FhirInputException.required(field, "the payer (" + where + ") has no identifier: give the payer id (CARIN-BB identifier type payerid)");
        }
        return values.stream().filter(v -> reference.payer(v).isPresent()).findFirst().orElseThrow(() -> FhirInputException.notFound(field,
                "unknown payer " + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + " (" + where + "): no payer with that id is on file"));
    }

    /** US Core Coverage.identifier:memberid (type MB) is the patient's member id; subscriberId the subscriber's. */
    private String memberId(Entry e, Coverage c, String field) {
        for (int i = 0; i < c.getIdentifier().size(); i++) {
            Identifier id = c.getIdentifier().get(i);
            if (id.hasValue() && id.getType().getCoding().stream().anyMatch(t -> FhirCodes.V2_0203.equals(t.getSystem()) && "MB".equals(t.getCode()))) {
                origins.put(field + ".memberId", e.path("identifier[" + i + "].value"));
                return id.getValue().strip();
            }
        }
        origins.put(field + ".memberId", e.path("subscriberId"));
        return c.hasSubscriberId() ? c.getSubscriberId().strip() : null;
    }

    private String relationship(Entry e, Coverage c, boolean subscriberIsPatient) {
        if (!c.hasRelationship()) {
            if (subscriberIsPatient) return "18";
            throw FhirInputException.required(e.path("relationship"), "is required when the subscriber is not the patient (FHIR "
                    + "subscriber-relationship: spouse, child, parent, common, other...)");
        }
        for (Coding code : c.getRelationship().getCoding()) {
            if (code.hasSystem() && !FhirCodes.SUBSCRIBER_RELATIONSHIP.equals(code.getSystem())) continue;
            String x12 = FhirCodes.RELATIONSHIP_TO_X12.get(code.getCode());
            if (x12 != null) {
                if ("18".equals(x12) && !subscriberIsPatient) {
                    throw FhirInputException.invalid(e.path("relationship"), "is self, but the subscriber is not the Coverage's beneficiary");
                }
                if (!"18".equals(x12) && subscriberIsPatient) {
                    throw FhirInputException.invalid(e.path("relationship"), "is " + code.getCode() + ", but the subscriber is the patient: "
                            + "the relationship is self, or Coverage.subscriber names the insured person (a RelatedPerson)");
                }
                return x12;
            }
        }
        throw FhirInputException.invalid(e.path("relationship"), "'" + c.getRelationship().getCodingFirstRep().getCode() + "' is not a "
                + FhirCodes.SUBSCRIBER_RELATIONSHIP + " code: self, spouse, child, parent, common, other, injured");
    }

    private Subscriber subscriber(Entry s, String field, String subscriberId) {
        List<HumanName> names;
        BaseDateTimeType born;
        List<Address> addresses;
        AdministrativeGender gender;
        if (s.resource() instanceof RelatedPerson r) {
            names = r.getName();
            born = r.hasBirthDate() ? r.getBirthDateElement() : null;
            addresses = r.getAddress();
            gender = r.getGender();
        } else if (s.resource() instanceof Patient p) {
            names = p.getName();
            born = p.hasBirthDate() ? p.getBirthDateElement() : null;
            addresses = p.getAddress();
            gender = p.getGender();
        } else {
            throw FhirInputException.invalid(origins.get(field), "references " + s.label() + ": the subscriber is a Patient or RelatedPerson");
        }
        HumanName name = name(names);
        int n = Math.max(names.indexOf(name), 0);
        origins.put(field, s.path());
        origins.put(field + ".lastName", s.path("name[" + n + "].family"));
        origins.put(field + ".firstName", s.path("name[" + n + "].given[0]"));
        origins.put(field + ".birthDate", s.path("birthDate"));
        origins.put(field + ".sex", s.path("gender"));
        origins.put(field + ".memberId", s.path("subscriberId"));
        LocalDate birth = born == null ? null : localDate(born, s.path("birthDate"));
        return new Subscriber(name == null ? null : name.getFamily(), name == null || !name.hasGiven() ? null : name.getGiven().get(0).getValue(),
                birth, gender == null ? null : sex(gender), address(s, addresses, field + ".address"), subscriberId);
    }

    /** Encounter.serviceProvider: the billing provider, an Organization with an NPI; alone in the bundle it need not be referenced. */
    private String billingProvider(Entry enc, Encounter encounter) {
        Entry org;
        if (encounter.hasServiceProvider()) {
            org = bundle.require(encounter.getServiceProvider(), Organization.class, enc.path("serviceProvider"),
                    "the billing provider, an Organization with an NPI identifier (" + FhirCodes.NPI + ")");
        } else {
            List<Entry> withNpi = bundle.of(Organization.class).stream().filter(e -> npiIndex(((Organization) e.resource()).getIdentifier()) >= 0).toList();
            if (withNpi.size() != 1) {
                throw FhirInputException.required(enc.path("serviceProvider"), "is required: the billing provider, an Organization with an NPI "
                        + "identifier (" + FhirCodes.NPI + ")");
            }
            org = withNpi.get(0);
        }
        return npi(org, ((Organization) org.resource()).getIdentifier(), "billingProviderNpi");
    }

    /**
     * The Encounter's participants of the given types (v3 ParticipationType: PPRF primary performer, ATND attender, REF
     * referrer), a Practitioner or PractitionerRole with an NPI; one participant without a type is the rendering
     * provider. Answers the NPI and, for a referrer, "Last, First".
     */
    private String[] participant(Entry enc, Encounter encounter, Set<String> types, boolean untypedToo) {
        List<Encounter.EncounterParticipantComponent> all = encounter.getParticipant();
        for (int i = 0; i < all.size(); i++) {
            Encounter.EncounterParticipantComponent p = all.get(i);
            boolean typed = p.getType().stream().flatMap(t -> t.getCoding().stream()).anyMatch(c -> types.contains(c.getCode()));
            boolean untyped = untypedToo && !p.hasType() && all.size() == 1;
            if (!typed && !untyped) continue;
            String field = enc.path("participant[" + i + "].individual");
            Entry who = bundle.require(p.getIndividual(), Resource.class, field, "the Practitioner (with an NPI identifier)");
            if (who.resource() instanceof PractitionerRole role) {
                who = bundle.require(role.getPractitioner(), Practitioner.class, who.path("practitioner"), "the Practitioner (with an NPI identifier)");
            }
            if (!(who.resource() instanceof Practitioner doctor)) {
                throw FhirInputException.invalid(field, "references " + who.label() + ": a provider is a Practitioner with an NPI identifier");
            }
            String npi = npi(who, doctor.getIdentifier(), types.contains("REF") ? "referringProviderNpi" : "renderingProviderNpi");
            HumanName name = name(doctor.getName());
            String display = name == null || !name.hasFamily() ? null
                    : name.getFamily() + (name.hasGiven() ? ", " + name.getGiven().get(0).getValue() : "");
            if (types.contains("REF")) origins.put("referringProviderName", who.path("name"));
            return new String[] { npi, display };
        }
        return null;
    }

    private static int npiIndex(List<Identifier> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (FhirCodes.NPI.equals(ids.get(i).getSystem()) && ids.get(i).hasValue()) return i;
        }
        return -1;
    }

    /** The NPI identifier (US Core: system http://hl7.org/fhir/sid/us-npi), its Luhn check digit checked here to name the element. */
    private String npi(Entry e, List<Identifier> ids, String requestField) {
        int i = npiIndex(ids);
        if (i < 0) {
            origins.put(requestField, e.path("identifier"));
            throw FhirInputException.required(e.path("identifier"), "has no NPI: give an identifier with system " + FhirCodes.NPI);
        }
        String field = e.path("identifier[" + i + "].value");
        origins.put(requestField, field);
        String npi = ids.get(i).getValue().strip();
        if (!Npi.isValid(npi)) throw FhirInputException.invalid(field, "'" + npi + "' is not a valid NPI (10 digits, Luhn check digit)");
        return npi;
    }

    /** A Location typed with a CMS place of service code wins; else the Encounter's class. */
    private String placeOfService(Entry enc, Encounter encounter) {
        for (int i = 0; i < encounter.getLocation().size(); i++) {
            Reference ref = encounter.getLocation().get(i).getLocation();
            Optional<Entry> place = bundle.resolve(ref);
            if (place.isEmpty() || !(place.get().resource() instanceof Location location)) continue;
            for (int t = 0; t < location.getType().size(); t++) {
                for (Coding c : location.getType().get(t).getCoding()) {
                    if (FhirCodes.PLACE_OF_SERVICE.equals(c.getSystem()) && c.hasCode()) {
                        origins.put("placeOfService", place.get().path("type[" + t + "]"));
                        return c.getCode().strip();
                    }
                }
            }
        }
        origins.put("placeOfService", enc.path("class"));
        Coding type = encounter.getClass_();
        if (!type.hasCode()) {
            throw FhirInputException.required(enc.path("class"), "is required (e.g. AMB, " + FhirCodes.ACT_CODE + "), or a Location typed with "
                    + "a CMS place of service code (" + FhirCodes.PLACE_OF_SERVICE + ")");
        }
        String pos = FhirCodes.CLASS_TO_PLACE_OF_SERVICE.get(type.getCode());
        if (pos == null) {
            throw FhirInputException.invalid(enc.path("class"), "'" + type.getCode() + "' does not say where the service was: reference a Location "
                    + "typed with a CMS place of service code (" + FhirCodes.PLACE_OF_SERVICE + ") in Encounter.location");
        }
        return pos;
    }

    /** The visit's notes: current DocumentReferences of the patient, text attachments decoded, else their narrative. */
    private String documentation(Entry pat) {
        List<String> notes = new ArrayList<>();
        for (Entry e : bundle.of(DocumentReference.class)) {
            DocumentReference d = (DocumentReference) e.resource();
            if (d.getStatus() == org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.ENTEREDINERROR
                    || d.getStatus() == org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.SUPERSEDED) continue;
            if (d.hasSubject() && bundle.resolve(d.getSubject()).filter(s -> s != pat).isPresent()) continue;
            origins.putIfAbsent("documentation", e.path("content"));
            boolean read = false;
            for (int i = 0; i < d.getContent().size(); i++) {
                Attachment a = d.getContent().get(i).getAttachment();
                String field = e.path("content[" + i + "].attachment");
                if (!a.hasData()) {
                    if (a.hasUrl()) throw FhirInputException.invalid(field + ".url", "is not fetched: send the note inline in attachment.data (base64)");
                    continue;
                }
                String type = a.hasContentType() ? a.getContentType().toLowerCase(Locale.ROOT) : "text/plain";
                if (!type.startsWith("text/")) {
                    throw FhirInputException.invalid(field + ".contentType", "'" + a.getContentType() + "' is not read: the note is taken as text "
                            + "(text/plain or text/html)");
                }
                String text = new String(a.getData(), StandardCharsets.UTF_8);
                notes.add(type.startsWith("text/html") ? stripTags(text) : text);
                read = true;
            }
            if (!read && d.hasText() && d.getText().hasDiv()) notes.add(stripTags(d.getText().getDivAsString()));
        }
        return notes.isEmpty() ? null : String.join("\n\n", notes).strip();
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n").replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
    }

    /**
     * The encounter's diagnoses in order: Encounter.diagnosis by rank, then the patient's Conditions that name this
     * Encounter or are encounter diagnoses (US Core Condition Encounter Diagnosis); problem-list items not referenced are
     * not the visit's. Each must carry an ICD-10-CM coding; the same code twice counts once.
     */
    private void diagnoses(Entry enc, Encounter encounter, Entry pat, List<Diagnosis> out, Map<String, Integer> positions) {
        List<Encounter.DiagnosisComponent> listed = new ArrayList<>(encounter.getDiagnosis());
        listed.sort(Comparator.comparingInt(d -> d.hasRank() ? d.getRank() : Integer.MAX_VALUE));
        Set<Entry> taken = new HashSet<>();
        for (Encounter.DiagnosisComponent d : listed) {
            int i = encounter.getDiagnosis().indexOf(d);
            Entry c = bundle.require(d.getCondition(), Resource.class, enc.path("diagnosis[" + i + "].condition"), "the Condition");
            if (!(c.resource() instanceof Condition)) continue; // a Procedure as the reason is a charge, not a diagnosis
            taken.add(c);
            diagnosis(c, out, positions);
        }
        for (Entry c : bundle.of(Condition.class)) {
            if (taken.contains(c)) continue;
            Condition condition = (Condition) c.resource();
            if (condition.hasSubject() && bundle.resolve(condition.getSubject()).filter(s -> s != pat).isPresent()) continue;
            if (condition.getVerificationStatus().getCoding().stream().anyMatch(v -> "entered-in-error".equals(v.getCode()) || "refuted".equals(v.getCode()))) {
                continue;
            }
            boolean ofThisVisit = condition.hasEncounter() && bundle.resolve(condition.getEncounter()).filter(x -> x == enc).isPresent();
            boolean encounterDiagnosis = condition.getCategory().stream().flatMap(k -> k.getCoding().stream())
                    .anyMatch(k -> "encounter-diagnosis".equals(k.getCode()));
            if (ofThisVisit || encounterDiagnosis) diagnosis(c, out, positions);
        }
    }

    private void diagnosis(Entry c, List<Diagnosis> out, Map<String, Integer> positions) {
        String code = icd(((Condition) c.resource()).getCode(), c.path("code"));
        String key = ReferenceService.normalizeIcd(code);
        if (!positions.containsKey(key)) {
            out.add(new Diagnosis(code, c.path("code")));
            positions.put(key, out.size());
        }
        positions.put(c.path(), positions.get(key));
    }

    private static String icd(CodeableConcept code, String field) {
        return code.getCoding().stream().filter(k -> FhirCodes.ICD10CM.equals(k.getSystem()) && k.hasCode()).map(Coding::getCode).findFirst()
                .orElseThrow(() -> FhirInputException.required(field, "has no ICD-10-CM coding (system " + FhirCodes.ICD10CM + "): a claim's "
                        + "diagnoses are ICD-10-CM codes, e.g. E11.9"));
    }

    /**
     * Charge lines in the bundle's order: each billable ChargeItem (units from quantity, diagnoses from reason or its
     * Procedure's) and each completed Procedure no ChargeItem bills (one unit, diagnoses from reasonReference/reasonCode).
     */
    private List<Charge> charges(Entry enc, Entry pat, List<Diagnosis> diagnoses, Map<String, Integer> positions) {
        Set<Entry> billed = new HashSet<>();
        for (Entry e : bundle.of(ChargeItem.class)) {
            for (Reference service : ((ChargeItem) e.resource()).getService()) bundle.resolve(service).ifPresent(billed::add);
        }
        List<Charge> charges = new ArrayList<>();
        for (Entry e : bundle.all()) {
            if (e.resource() instanceof ChargeItem item) {
                if (item.hasStatus() && SKIPPED_STATUS.contains(item.getStatus().toCode())) continue;
                if (item.hasSubject() && bundle.resolve(item.getSubject()).filter(s -> s != pat).isPresent()) continue;
                List<Integer> pointers = new ArrayList<>(pointersOf(e, item.getReason(), "reason", positions));
                for (Reference ref : item.getService()) {
                    Optional<Entry> service = bundle.resolve(ref);
                    if (pointers.isEmpty() && service.isPresent() && service.get().resource() instanceof Procedure p) {
                        pointers.addAll(procedurePointers(service.get(), p, positions));
                    }
                }
                charges.add(new Charge(line(e, item.getCode(), item.getExtension(), units(e, item), pointers), e.path("code")));
            } else if (e.resource() instanceof Procedure p && !billed.contains(e)) {
                if (p.hasStatus() && (SKIPPED_STATUS.contains(p.getStatus().toCode()) || p.getStatus() == Procedure.ProcedureStatus.PREPARATION)) continue;
                if (p.hasSubject() && bundle.resolve(p.getSubject()).filter(s -> s != pat).isPresent()) continue;
                charges.add(new Charge(line(e, p.getCode(), p.getExtension(), 1, procedurePointers(e, p, positions)), e.path("code")));
            }
        }
        return charges;
    }

    private List<Integer> procedurePointers(Entry e, Procedure p, Map<String, Integer> positions) {
        List<Integer> pointers = new ArrayList<>();
        for (int i = 0; i < p.getReasonReference().size(); i++) {
            Optional<Entry> reason = bundle.resolve(p.getReasonReference().get(i));
            Integer at = reason.map(r -> positions.get(r.path())).orElse(null);
            if (at == null) {
                throw FhirInputException.notFound(e.path("reasonReference[" + i + "]"), "references " + p.getReasonReference().get(i).getReference()
                        + ", which is not one of the encounter's diagnoses (a Condition in the bundle with an ICD-10-CM code)");
            }
            if (!pointers.contains(at)) pointers.add(at);
        }
        pointers.addAll(pointersOf(e, p.getReasonCode(), "reasonCode", positions).stream().filter(x -> !pointers.contains(x)).toList());
        return pointers;
    }

    /** ICD-10-CM codes given as a line's reason, as positions in the encounter's diagnoses. */
    private static List<Integer> pointersOf(Entry e, List<CodeableConcept> reasons, String element, Map<String, Integer> positions) {
        List<Integer> pointers = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            for (Coding c : reasons.get(i).getCoding()) {
                if (!FhirCodes.ICD10CM.equals(c.getSystem()) || !c.hasCode()) continue;
                Integer at = positions.get(ReferenceService.normalizeIcd(c.getCode()));
                if (at == null) {
                    throw FhirInputException.notFound(e.path(element + "[" + i + "]"), "'" + c.getCode() + "' is not one of the encounter's diagnoses: "
                            + "send it as a Condition (or Encounter.diagnosis) too");
                }
                if (!pointers.contains(at)) pointers.add(at);
            }
        }
        return pointers;
    }

    private static int units(Entry e, ChargeItem item) {
        if (!item.hasQuantity() || !item.getQuantity().hasValue()) return 1;
        BigDecimal value = item.getQuantity().getValue();
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(9999)) > 0) {
            throw FhirInputException.invalid(e.path("quantity.value"), "'" + value.toPlainString() + "' is not a number of units: a whole number from 1 to 9999");
        }
        return value.intValueExact();
    }

    /**
     * A procedure line: the CPT/HCPCS code of code.coding, modifiers from the product's modifier extension or from
     * two-character CPT/HCPCS codings beside the code, at most four each of modifiers and diagnosis pointers.
     */
    private static ProcedureLine line(Entry e, CodeableConcept code, List<Extension> extensions, int units, List<Integer> pointers) {
        String field = e.path("code");
        List<Coding> procedures = code.getCoding().stream().filter(c -> FhirCodes.PROCEDURE_SYSTEMS.contains(c.getSystem()) && c.hasCode()).toList();
        String cpt = procedures.stream().map(c -> c.getCode().strip().toUpperCase(Locale.ROOT)).filter(c -> c.length() != 2).findFirst()
                .orElseThrow(() -> FhirInputException.required(field, "has no CPT or HCPCS coding (system " + FhirCodes.CPT + " or " + FhirCodes.HCPCS
                        + "): a charge is billed by its procedure code, e.g. 99213"));
        if (!cpt.matches("[0-9A-Z]\\d{3}[0-9A-Z]")) {
            throw FhirInputException.invalid(field, "'" + cpt + "' is not a CPT or HCPCS code (five characters, e.g. 99213 or J1100)");
        }
        List<String> modifiers = new ArrayList<>();
        procedures.stream().map(c -> c.getCode().strip().toUpperCase(Locale.ROOT)).filter(c -> c.length() == 2).forEach(modifiers::add);
        for (Extension x : extensions) {
            if (!FhirCodes.MODIFIER_EXTENSION.equals(x.getUrl())) continue;
            String m = x.getValue() instanceof Coding c ? c.getCode() : x.getValue() == null ? null : x.getValue().primitiveValue();
            if (m != null) modifiers.add(m.strip().toUpperCase(Locale.ROOT));
        }
        for (String m : modifiers) {
            if (!m.matches("[0-9A-Z]{2}")) throw FhirInputException.invalid(field, "modifier '" + m + "' must be two letters or digits");
        }
        if (modifiers.size() > 4) throw FhirInputException.invalid(field, modifiers.size() + " modifiers: a claim line carries at most 4");
        if (pointers.size() > 4) {
            throw FhirInputException.invalid(e.path("reason"), pointers.size() + " diagnoses for one charge: a claim line points at most at 4");
        }
        return new ProcedureLine(cpt, List.copyOf(modifiers), units, pointers.isEmpty() ? List.of(1) : List.copyOf(pointers));
    }
}
