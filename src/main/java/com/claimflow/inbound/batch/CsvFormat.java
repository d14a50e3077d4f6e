package com.claimflow.inbound.batch;

import org.springframework.stereotype.Component;

/** Encounter batch CSVs: a {@code .csv} name, or a first line that begins with the external_id column. */
@Component
class CsvFormat implements BatchFormat {
    @Override
    public String name() {
        return "CSV";
    }

    @Override
    public boolean takes(String lowerCaseName, String text) {
        return lowerCaseName.endsWith(".csv") || text.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("external_id");
    }

    @Override
    public BatchFile read(String fileName, String text) {
        return new CsvBatchFile(fileName, text);
    }
}
