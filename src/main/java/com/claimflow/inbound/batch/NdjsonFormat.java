package com.claimflow.inbound.batch;

import com.claimflow.base.BadInputException;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.IncomingEncounter;
import com.claimflow.inbound.fhir.FhirBundles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * NDJSON batches (http://ndjson.org, as FHIR Bulk Data uses it): one FHIR R4 Bundle per line, each a visit as {@code
 * POST /fhir/Bundle} takes it. Blank lines are skipped; a line that is not a bundle is refused as a row, naming its line
 * and the element, and the other lines still open.
 */
@Component
class NdjsonFormat implements BatchFormat {
    private final FhirBundles bundles;

    NdjsonFormat(FhirBundles bundles) {
        this.bundles = bundles;
    }

    @Override
    public String name() {
        return "NDJSON";
    }

    @Override
    public boolean takesName(String lowerCaseName) {
        return lowerCaseName.endsWith(".ndjson") || lowerCaseName.endsWith(".jsonl");
    }

    @Override
    public boolean takesContent(String text) {
        return text.stripLeading().startsWith("{");
    }

    @Override
    public BatchFile read(String fileName, String text) {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String[] all = text.split("\\r?\\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].isBlank()) continue;
            lines.add(all[i]);
            numbers.add(i + 1);
        }
        if (lines.isEmpty()) throw new BadInputException(fileName, "the file is empty: one FHIR bundle a line is needed");
        return new BatchFile() {
            private final Bundle[] parsed = new Bundle[lines.size()];

            @Override
            public Channel channel() {
                return Channel.NDJSON;
            }

            @Override
            public String contentType() {
                return "application/fhir+json";
            }

            @Override
            public int size() {
                return lines.size();
            }

            @Override
            public String text(int row) {
                return lines.get(row - 1);
            }

            @Override
            public String messageKey(int row) {
                try {
                    return bundles.messageKey(bundle(row));
                } catch (BadInputException unreadable) {
                    return null;
                }
            }

            @Override
            public IncomingEncounter read(int row) {
                UnaryOperator<String> at = field -> fileName + " line " + numbers.get(row - 1) + " " + field;
                try {
                    IncomingEncounter in = bundles.toEncounter(bundle(row));
                    return new IncomingEncounter(in.request(), in.diagnoses(), in.charges(), field -> at.apply(in.locate().apply(field)));
                } catch (BadInputException e) {
                    throw new BadInputException(e.kind(), at.apply(e.field()), e.reason());
                }
            }

            @Override
            public String externalIdOf(int row) {
                return null;
            }

            private Bundle bundle(int row) {
                if (parsed[row - 1] == null) parsed[row - 1] = bundles.parse(lines.get(row - 1));
                return parsed[row - 1];
            }
        };
    }
}
