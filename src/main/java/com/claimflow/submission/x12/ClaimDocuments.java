package com.claimflow.submission.x12;

import com.claimflow.claim.Claim;
import com.claimflow.claim.ClaimLine;
import com.claimflow.intake.Encounter;
import com.claimflow.reference.Payer;
import com.claimflow.reference.Provider;
import com.claimflow.reference.ReferenceService;
import com.claimflow.submission.x12.ClaimDocument.Kind;
import com.claimflow.submission.x12.ClaimDocument.Person;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the 837's view of a claim from the claim, its encounter and the reference data (providers, payer). */
@Component
public class ClaimDocuments {
    /** SBR09 per payer; any other payer is commercial insurance (CI). */
    private static final Map<String, String> FILING_CODES = Map.of("MCARE", "MB", "MCAID", "MC", "TRICARE", "CH", "VA", "VA");
    /** Institutional lines without a revenue code of their own go out as clinic (0510). */
    static final String DEFAULT_REVENUE_CODE = "0510";
    /** Institutional facility type (CLM05-1) when the encounter has none: hospital outpatient. */
    static final String DEFAULT_FACILITY_TYPE = "13";

    private final ReferenceService reference;

    public ClaimDocuments(ReferenceService reference) {
        this.reference = reference;
    }

    /** The patient control number (CLM01): claim id and version, so 277CA and 835 answers find the exact version. */
    public static String patientControlNumber(long claimId, int version) {
        return "CF" + claimId + "V" + version;
    }

    public ClaimDocument build(Claim c, Encounter e) {
        Kind kind = "INSTITUTIONAL".equals(c.getClaimType()) ? Kind.INSTITUTIONAL : Kind.PROFESSIONAL;
        Provider billing = reference.provider(c.getBillingNpi()).orElse(null);
        Provider rendering = c.getRenderingNpi() == null ? null : reference.provider(c.getRenderingNpi()).orElse(null);
        String payerName = reference.payer(c.getPayerId()).map(Payer::getName).orElse(c.getPayerId());
        ClaimDocument.Organization org = billing == null
                ? new ClaimDocument.Organization(null, c.getBillingNpi(), null, null, null, null, null, null)
                : new ClaimDocument.Organization(billing.getName(), billing.getNpi(), billing.getTin(), billing.getTaxonomy(),
                billing.getAddress(), billing.getCity(), billing.getState(), billing.getZip());
        Person subscriber = new Person(e.getPatientLastName(), e.getPatientFirstName(), c.getMemberId(), e.getPatientBirthDate(),
                e.getPatientSex(), null);
        Person renderingPerson = rendering == null ? (c.getRenderingNpi() == null ? null : new Person(null, null, c.getRenderingNpi(), null, null, null))
                : person(rendering);
        List<ClaimDocument.Line> lines = c.getLines().stream().map(l -> line(l, c, kind)).toList();
        String where = kind == Kind.PROFESSIONAL ? c.getPlaceOfService() : DEFAULT_FACILITY_TYPE;
        return new ClaimDocument(kind, patientControlNumber(c.getId(), c.getVersion()), c.getTotalCharge(), where, c.getFrequencyCode(),
                c.getPayerClaimNumber(), c.getPriorAuthorization(), org, subscriber, new ClaimDocument.PayerRef(payerName, c.getPayerId()),
                FILING_CODES.getOrDefault(c.getPayerId(), "CI"), renderingPerson, kind == Kind.INSTITUTIONAL ? renderingPerson : null,
                c.diagnoses(), lines, c.getDateOfService(), c.getDateOfService());
    }

    private static ClaimDocument.Line line(ClaimLine l, Claim c, Kind kind) {
        return new ClaimDocument.Line(l.getCode(), l.modifiers(), l.getUnits(), l.getCharge(), l.pointers(), c.getDateOfService(),
                kind == Kind.INSTITUTIONAL ? DEFAULT_REVENUE_CODE : null);
    }

    /** "Adams, Jordan MD" is last name Adams, first name Jordan (credentials are not part of the NM1 name). */
    static Person person(Provider p) {
        String name = p.getName() == null ? "" : p.getName();
        String last = name;
        String first = null;
        int comma = name.indexOf(',');
        if (comma >= 0) {
            last = name.substring(0, comma).trim();
            String[] rest = name.substring(comma + 1).trim().split("\\s+");
            first = rest.length > 0 && !rest[0].isEmpty() ? rest[0] : null;
        }
        return new Person(last, first, p.getNpi(), null, null, p.getTaxonomy());
    }
}
