package com.claimflow.submission;

import com.claimflow.claim.Claim;
import com.claimflow.intake.Encounter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The interim claim file: the claim's fields as JSON, until the X12 837 writer takes over. */
@Component
public class JsonClaimFileFormat implements ClaimFileFormat {
    private final ObjectMapper json;

    public JsonClaimFileFormat(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return "CLAIM_JSON";
    }

    @Override
    public String write(Claim c, Encounter e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimId", c.getId());
        m.put("version", c.getVersion());
        m.put("frequencyCode", c.getFrequencyCode());
        m.put("claimType", c.getClaimType());
        m.put("payerId", c.getPayerId());
        m.put("payerClaimNumber", c.getPayerClaimNumber());
        m.put("patient", Map.of("lastName", e.getPatientLastName(), "firstName", e.getPatientFirstName(),
                "birthDate", e.getPatientBirthDate().toString(), "sex", e.getPatientSex()));
        m.put("memberId", c.getMemberId());
        m.put("billingNpi", c.getBillingNpi());
        m.put("renderingNpi", c.getRenderingNpi());
        m.put("placeOfService", c.getPlaceOfService());
        m.put("dateOfService", c.getDateOfService().toString());
        m.put("diagnoses", c.diagnoses());
        m.put("totalCharge", c.getTotalCharge());
        m.put("lines", c.getLines().stream().map(l -> Map.of("code", l.getCode(), "modifiers", l.modifiers(), "units", l.getUnits(),
                "charge", l.getCharge(), "pointers", l.pointers())).toList());
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("claim " + c.getId() + " could not be written as JSON", ex);
        }
    }

}
