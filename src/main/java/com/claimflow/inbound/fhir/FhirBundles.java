package com.claimflow.inbound.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.claimflow.base.BadInputException;
import com.claimflow.inbound.IncomingEncounter;
import com.claimflow.reference.ReferenceService;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Service;

/**
 * FHIR R4 bundles as encounters: {@link #parse} reads the JSON, {@link #toEncounter} maps the visit it holds into what
 * {@code POST /api/encounters} takes plus the charges sent with it (intake checks them when it opens the visit), and
 * {@link #messageKey} is the bundle's own identifier for idempotency. Every refusal names the resource and element,
 * e.g. {@code Bundle.entry[2].resource(Coverage/cov1).payor}. docs/fhir.md maps each element.
 */
@Service
public class FhirBundles {
    private static final Pattern JSON_LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private final FhirContext fhir;
    private final ReferenceService reference;

    public FhirBundles(FhirContext fhir, ReferenceService reference) {
        this.fhir = fhir;
        this.reference = reference;
    }

    /**
     * Reads a bundle from its JSON: a transaction or collection Bundle (FHIR R4 JSON, http://hl7.org/fhir/R4/json.html).
     * Unknown elements and invalid values are refused, not skipped, so a typo never drops data silently.
     *
     * @throws BadInputException naming where the JSON is broken (line and column) or which element is wrong
     */
    public Bundle parse(String text) {
        if (text == null || text.isBlank()) throw FhirInputException.required("Bundle", "the body is empty: send a FHIR R4 Bundle as JSON");
        IParser parser = fhir.newJsonParser();
        parser.setParserErrorHandler(new Refusing());
        IBaseResource resource;
        try {
            resource = parser.parseResource(text);
        } catch (FhirInputException e) {
            throw e;
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw unreadable(e);
        }
        if (!(resource instanceof Bundle bundle)) {
            throw FhirInputException.invalid("resourceType", "is " + resource.fhirType() + ": POST /fhir/Bundle takes a Bundle (type transaction or "
                    + "collection) holding the visit's Patient, Coverage, Encounter and more");
        }
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw new FhirInputException(bundle.hasType() ? IssueType.INVALID : IssueType.REQUIRED, "Bundle.type",
                    (bundle.hasType() ? "is " + bundle.getType().toCode() : "is required") + ": a visit is sent as a transaction or a collection bundle");
        }
        return bundle;
    }

    private static FhirInputException unreadable(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("HAPI-\\d+: ", "");
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json && json.getLocation() != null) {
                return FhirInputException.invalid("Bundle (JSON line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")",
                        "is not valid JSON: " + json.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }
        Matcher at = JSON_LOCATION.matcher(message);
        String where = at.find() ? "Bundle (JSON line " + at.group(1) + ", column " + at.group(2) + ")" : "Bundle";
        return FhirInputException.invalid(where, "is not FHIR R4 JSON: " + message.lines().findFirst().orElse(message));
    }

    /**
     * The visit the bundle holds, as intake takes it, with the diagnoses and charges sent for the coder. Only the
     * bundle's own rules are checked here; {@link com.claimflow.inbound.InboundIntake} checks the encounter and its codes
     * once, as {@code POST /api/encounters} and the coder do, and names the FHIR element of a refusal through {@link
     * IncomingEncounter#locate()}.
     *
     * @throws BadInputException naming the resource and element, e.g. {@code Bundle.entry[10].resource(Encounter/e2).participant[1].individual}
     */
    public IncomingEncounter toEncounter(Bundle bundle) {
        return read(bundle).incoming();
    }

    /** {@link #toEncounter} with where each field came from and the Encounter's entry, for the answer. */
    FhirEncounterMapping.Mapped read(Bundle bundle) {
        return new FhirEncounterMapping(new BundleIndex(bundle), reference).map();
    }

    /** The OperationOutcome issue type (FHIR R4 valueset issue-type) of a refusal's kind; none known is invalid. */
    static IssueType issueType(BadInputException.Kind kind) {
        if (kind == null) return IssueType.INVALID;
        return switch (kind) {
            case REQUIRED -> IssueType.REQUIRED;
            case UNKNOWN -> IssueType.NOTFOUND;
            case LOCKED -> IssueType.CONFLICT;
            case INVALID, UNUSABLE -> IssueType.INVALID;
        };
    }

    /** Bundle.identifier as {@code system|value}, the message id that makes a bundle sent again answer as the first time; or null. */
    public String messageKey(Bundle bundle) {
        if (bundle == null || !bundle.hasIdentifier() || !bundle.getIdentifier().hasValue()) return null;
        String system = bundle.getIdentifier().hasSystem() ? bundle.getIdentifier().getSystem() : "";
        return system + "|" + bundle.getIdentifier().getValue().strip();
    }

    /** Refuses what HAPI's lenient parser would only log: unknown elements, invalid values, wrong JSON types. */
    private static final class Refusing extends ErrorHandlerAdapter {
        private static String at(IParseLocation location, String element) {
            String parent = location == null ? null : location.getParentElementName();
            return parent == null || parent.isBlank() ? element : parent + "." + element;
        }

        @Override
        public void unknownElement(IParseLocation location, String element) {
            throw FhirInputException.invalid(at(location, element), "is not an element of FHIR R4 here (misspelt, or from another FHIR version)");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            String element = location == null ? null : location.getParentElementName();
            throw FhirInputException.invalid(element == null || element.isBlank() ? "value" : element,
                    "'" + value + "' is not valid: " + (error == null ? "" : error.replaceAll("HAPI-\\d+: ", "")));
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
                                      BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
            throw FhirInputException.invalid(at(location, element), "must be a JSON " + (expectedScalar != null ? expectedScalar : expected).name().toLowerCase()
                    + ", not a " + (foundScalar != null ? foundScalar : found).name().toLowerCase());
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String element) {
            throw FhirInputException.invalid(at(location, element), "repeats, but FHIR R4 allows it once");
        }
    }
}
