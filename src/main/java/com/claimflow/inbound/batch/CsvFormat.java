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
    public boolean takesName(String lowerCaseName) {
        return lowerCaseName.endsWith(".csv");
    }

    @Override
    public boolean takesContent(String text) {
        return text.stripLeading().toLowerCase(java.util.Locale.ROOT).replace("\uFEFF", "").startsWith("external_id");
    }

    @Override
    public BatchFile read(String fileName, String text) {
        return new CsvBatchFile(fileName, text);
    }
}
