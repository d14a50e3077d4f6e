package com.claimflow.reference;

import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportOptions;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.reference.importer.ReferenceImportService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context (its own in-memory database) for the reference and scrub tests: they empty and import the
 * reference tables, so they do not share a database with tests that rely on the demo reference data.
 */
@SpringBootTest(properties = "claimflow.test.context=reference")
@ActiveProfiles("test")
public abstract class ReferenceTestContext {
    @Autowired protected ReferenceImportService imports;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected Ncci ncci;
    @Autowired protected ReferenceService referenceService;
    @Autowired protected PayerRules payerRules;

    protected void emptyReferenceTables() {
        jdbc.update("DELETE FROM ncci_ptp");
        jdbc.update("DELETE FROM ncci_mue");
        jdbc.update("DELETE FROM code_set_entry");
        jdbc.update("DELETE FROM fee_schedule_entry");
        jdbc.update("DELETE FROM reference_import_key");
        ncci.reload();
        referenceService.reloadCodes();
        payerRules.reload();
    }

    protected ImportReport importResource(ImportKind kind, String resource) {
        return importResource(kind, resource, null);
    }

    protected ImportReport importResource(ImportKind kind, String resource, LocalDate effective) {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = getClass().getResourceAsStream("/reference/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return imports.importStream(kind, fileName, in, 0, new ImportOptions(effective), "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests in other packages. */
    public ImportReport importForTest(ImportKind kind, String resource) {
        return importResource(kind, resource);
    }

    protected ImportReport importText(ImportKind kind, String fileName, String text, LocalDate effective) {
        return imports.importStream(kind, fileName, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), text.length(),
                new ImportOptions(effective), "test");
    }

    protected long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
