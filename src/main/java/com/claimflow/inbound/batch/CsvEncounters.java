package com.claimflow.inbound.batch;

import com.claimflow.base.BadInputException;
import com.claimflow.coding.CapturedCharges.Charge;
import com.claimflow.coding.CapturedCharges.Diagnosis;
import com.claimflow.coding.ProcedureLine;
import com.claimflow.intake.EncounterRequest;
import com.claimflow.intake.Subscriber;
import com.claimflow.inbound.IncomingEncounter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads encounter batch CSVs ({@link CsvColumn}): the header is checked whole first (an unknown, repeated or missing
 * required column refuses the file before any row is read), then each record becomes an {@link IncomingEncounter} or
 * a refusal naming its line and column.
 */
public final class CsvEncounters {
    private final String fileName;
    private final Map<CsvColumn, Integer> index;
    private final int width;

    private CsvEncounters(String fileName, Map<CsvColumn, Integer> index, int width) {
        this.fileName = fileName;
        this.index = index;
        this.width = width;
    }

    /**
     * The layout the header gives.
     *
     * @throws BadInputException naming the header line and column
     */
    public static CsvEncounters ofHeader(String fileName, CsvTable.Record header) {
        Map<CsvColumn, Integer> index = new EnumMap<>(CsvColumn.class);
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i);
            int at = i;
            CsvColumn column = CsvColumn.ofHeader(name).orElseThrow(() -> new BadInputException(fileName + " line " + header.line() + " column " + (at + 1),
                    "'" + name + "' is not a column of an encounter batch (docs/intake-batches.md lists them; the first is external_id)"));
            if (index.put(column, i) != null) {
                throw new BadInputException(fileName + " line " + header.line() + " column " + (i + 1), "column '" + column.header() + "' appears twice");
            }
        }
        for (CsvColumn c : CsvColumn.values()) {
            if (c.required() && !index.containsKey(c)) {
                throw new BadInputException(fileName + " line " + header.line(), "the header has no column '" + c.header() + "', which every row needs");
            }
        }
        return new CsvEncounters(fileName, index, header.fields().size());
    }

    /** Where a refusal of this record points: the line, and the column the request field came from. */
    public String where(CsvTable.Record record, String requestField) {
        String at = fileName + " line " + record.line();
        return CsvColumn.ofRequestField(requestField).map(c -> at + " column " + c.header()).orElse(requestField == null ? at : at + " " + requestField);
    }

    /**
     * The encounter a record describes.
     *
     * @throws BadInputException whose field is {@link #where} the record went wrong
     */
    public IncomingEncounter read(CsvTable.Record r) {
        if (r.fields().size() != width) {
            throw new BadInputException(where(r, null), r.fields().size() + " fields, but the header has " + width
                    + " (a comma inside a value needs the value in double quotes)");
        }
        EncounterRequest.Address address = null;
        if (has(r, CsvColumn.ADDRESS_LINE1) || has(r, CsvColumn.CITY) || has(r, CsvColumn.STATE) || has(r, CsvColumn.POSTAL_CODE)) {
            address = new EncounterRequest.Address(get(r, CsvColumn.ADDRESS_LINE1), get(r, CsvColumn.ADDRESS_LINE2), get(r, CsvColumn.CITY),
                    get(r, CsvColumn.STATE), get(r, CsvColumn.POSTAL_CODE));
        }
        EncounterRequest.Patient patient = new EncounterRequest.Patient(get(r, CsvColumn.FIRST_NAME), get(r, CsvColumn.LAST_NAME),
                date(r, CsvColumn.BIRTH_DATE), get(r, CsvColumn.SEX), address, get(r, CsvColumn.PHONE));
        List<EncounterRequest.Insurance> coverages = new ArrayList<>();
        Subscriber subscriber = null;
        if (has(r, CsvColumn.SUBSCRIBER_LAST_NAME) || has(r, CsvColumn.SUBSCRIBER_FIRST_NAME)) {
            subscriber = new Subscriber(get(r, CsvColumn.SUBSCRIBER_LAST_NAME), get(r, CsvColumn.SUBSCRIBER_FIRST_NAME),
                    date(r, CsvColumn.SUBSCRIBER_BIRTH_DATE), get(r, CsvColumn.SUBSCRIBER_SEX), null, null);
        }
        coverages.add(new EncounterRequest.Insurance(1, get(r, CsvColumn.PAYER_ID), get(r, CsvColumn.MEMBER_ID), get(r, CsvColumn.GROUP_NUMBER),
                get(r, CsvColumn.RELATIONSHIP), subscriber));
        if (has(r, CsvColumn.SECONDARY_PAYER_ID)) {
            coverages.add(new EncounterRequest.Insurance(2, get(r, CsvColumn.SECONDARY_PAYER_ID), get(r, CsvColumn.SECONDARY_MEMBER_ID),
                    get(r, CsvColumn.SECONDARY_GROUP_NUMBER), null, null));
        }
        EncounterRequest.Institutional institutional = null;
        if (has(r, CsvColumn.FACILITY_TYPE_CODE) || has(r, CsvColumn.ADMITTED_AT) || has(r, CsvColumn.REVENUE_CODE)) {
            institutional = new EncounterRequest.Institutional(get(r, CsvColumn.FACILITY_TYPE_CODE), dateTime(r, CsvColumn.ADMITTED_AT),
                    get(r, CsvColumn.ADMISSION_TYPE), get(r, CsvColumn.ADMISSION_SOURCE), get(r, CsvColumn.PATIENT_STATUS), get(r, CsvColumn.REVENUE_CODE),
                    null);
        }
        String claimType = has(r, CsvColumn.CLAIM_TYPE) ? get(r, CsvColumn.CLAIM_TYPE).toUpperCase(java.util.Locale.ROOT) : "PROFESSIONAL";
        EncounterRequest request = new EncounterRequest(get(r, CsvColumn.EXTERNAL_ID), patient, null, get(r, CsvColumn.BILLING_NPI),
                get(r, CsvColumn.RENDERING_NPI), get(r, CsvColumn.REFERRING_NPI), get(r, CsvColumn.PRIOR_AUTHORIZATION), date(r, CsvColumn.DATE_OF_SERVICE),
                get(r, CsvColumn.PLACE_OF_SERVICE), claimType, get(r, CsvColumn.DOCUMENTATION), get(r, CsvColumn.REFERRING_NAME), institutional, coverages);
        List<Diagnosis> diagnoses = new ArrayList<>();
        String dxWhere = where(r, "diagnoses");
        if (has(r, CsvColumn.DIAGNOSES)) {
            for (String code : get(r, CsvColumn.DIAGNOSES).split("[;\\s]+")) {
                if (!code.isBlank()) diagnoses.add(new Diagnosis(code, dxWhere));
            }
        }
        List<Charge> charges = new ArrayList<>();
        if (has(r, CsvColumn.PROCEDURES)) {
            String[] lines = get(r, CsvColumn.PROCEDURES).split(";");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                String where = where(r, "procedures") + " line " + (i + 1);
                charges.add(new Charge(ProcedureLine.parse(lines[i], where), where));
            }
        }
        return new IncomingEncounter(request, diagnoses, charges, field -> where(r, field));
    }

    private boolean has(CsvTable.Record r, CsvColumn c) {
        String v = get(r, c);
        return v != null;
    }

    /** The column's value, trimmed; null when the column is absent or the value empty. */
    private String get(CsvTable.Record r, CsvColumn c) {
        Integer i = index.get(c);
        if (i == null) return null;
        String v = r.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private LocalDate date(CsvTable.Record r, CsvColumn c) {
        String v = get(r, c);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadInputException(fileName + " line " + r.line() + " column " + c.header(), "'" + v + "' is not a date as YYYY-MM-DD");
        }
    }

    private LocalDateTime dateTime(CsvTable.Record r, CsvColumn c) {
        String v = get(r, c);
        if (v == null) return null;
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadInputException(fileName + " line " + r.line() + " column " + c.header(), "'" + v + "' is not a date and time as YYYY-MM-DDTHH:MM");
        }
    }
}
