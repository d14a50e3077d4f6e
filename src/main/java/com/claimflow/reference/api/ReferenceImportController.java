package com.claimflow.reference.api;

import com.claimflow.base.BadInputException;
import com.claimflow.base.NotFoundException;
import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportOptions;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.reference.importer.ReferenceImportService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reference imports for admins and automation.
 * <ul>
 *   <li>{@code POST /api/admin/imports/{kind}} with a multipart {@code file}, or with the file as the raw body and
 *   {@code ?fileName=}; optional {@code effectiveDate=yyyy-MM-dd}; {@code wait=false} returns 202 at once with the
 *   import id to poll. Answers 200 with the report when the import changed or confirmed the data, 422 with the report
 *   (its {@code errors}) when the file was refused.</li>
 *   <li>{@code GET /api/admin/imports/{id}}: the report, with {@code progress} 0..1 while RUNNING.</li>
 *   <li>{@code GET /api/admin/imports}: the latest 50 imports.</li>
 * </ul>
 * Kinds: ncci-ptp-practitioner, ncci-ptp-hospital, mue-practitioner, mue-facility, icd10cm, hcpcs, cpt, modifier, pos,
 * carc, rarc, payer, provider, fee-schedule.
 */
@RestController
@RequestMapping("/api/admin/imports")
@PreAuthorize("hasRole('ADMINS')")
public class ReferenceImportController {
    /** The import record's file name column. */
    private static final int FILE_NAME_MAX = 200;
    /** Effective dates a code set or fee schedule can have: the database stores no earlier or later ones sensibly. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    private final ReferenceImportService imports;

    public ReferenceImportController(ReferenceImportService imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportReport> upload(@PathVariable String kind, @RequestPart("file") MultipartFile file,
                                               @RequestParam(required = false) String effectiveDate,
                                               @RequestParam(defaultValue = "true") boolean wait, Principal who) throws IOException {
        ImportKind k = kind(kind);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? k.slug() : fileName("file", file.getOriginalFilename());
        LocalDate effective = date(effectiveDate);
        Path temp = Files.createTempFile("claimflow-import-", ".dat");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        return run(k, name, temp, effective, wait, who);
    }

    @PostMapping(value = "/{kind}", consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE, "text/csv"})
    public ResponseEntity<ImportReport> raw(@PathVariable String kind, @RequestParam(required = false) String fileName,
                                            @RequestParam(required = false) String effectiveDate,
                                            @RequestParam(defaultValue = "true") boolean wait, HttpServletRequest request, Principal who) throws IOException {
        ImportKind k = kind(kind);
        if (fileName == null || fileName.isBlank()) {
            throw new BadInputException("fileName", "name the file (?fileName=...): error messages and effective dates use it");
        }
        String name = fileName("fileName", fileName);
        LocalDate effective = date(effectiveDate);
        Path temp = Files.createTempFile("claimflow-import-", ".dat");
        try (InputStream in = request.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        return run(k, name, temp, effective, wait, who);
    }

    @GetMapping("/{id}")
    public ImportReport report(@PathVariable long id) {
        return imports.report(id).orElseThrow(() -> new NotFoundException("No import " + id));
    }

    @GetMapping
    public List<ImportReport> recent() {
        return imports.recent(50);
    }

    private ResponseEntity<ImportReport> run(ImportKind kind, String fileName, Path temp, LocalDate effectiveDate, boolean wait, Principal who)
            throws IOException {
        ImportOptions options = new ImportOptions(effectiveDate);
        String user = who == null ? "api" : who.getName();
        if (!wait) {
            long id = imports.start(kind, fileName, temp, options, user);
            return ResponseEntity.accepted().location(URI.create("/api/admin/imports/" + id)).body(imports.report(id).orElseThrow());
        }
        try {
            ImportReport r = imports.importFile(kind, fileName, temp, options, user);
            return ResponseEntity.status(r.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                    .location(URI.create("/api/admin/imports/" + r.id())).body(r);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ImportKind kind(String kind) {
        return ImportKind.ofSlug(kind).orElseThrow(() -> new BadInputException("kind", "'" + kind + "' is not an import kind: one of "
                + String.join(", ", java.util.Arrays.stream(ImportKind.values()).map(ImportKind::slug).toList())));
    }

    /**
     * The uploaded file's name as the import records it (and reads dates from): a plain name, no folders, no control
     * characters (a NUL byte ends a name on some systems), at most the record's 200 characters.
     */
    static String fileName(String field, String name) {
        String n = name.strip();
        if (n.length() > FILE_NAME_MAX) throw new BadInputException(field, "the file name is longer than " + FILE_NAME_MAX + " characters");
        if (n.chars().anyMatch(Character::isISOControl)) throw new BadInputException(field, "the file name contains control characters (a NUL byte?)");
        if (n.contains("/") || n.contains("\\") || n.equals(".") || n.equals("..")) {
            throw new BadInputException(field, "give the file's name without a folder (no / or \\), e.g. icd10cm_order_2026.txt");
        }
        return n;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) return null;
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadInputException("effectiveDate", "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "' is not a date (yyyy-MM-dd)");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new BadInputException("effectiveDate", date + " is outside " + EARLIEST + " to " + LATEST);
        }
        return date;
    }
}
