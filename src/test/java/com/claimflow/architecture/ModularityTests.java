package com.claimflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.ClaimFlowApplication;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules run one way: each top-level package declares the modules it may use ({@code package-info.java}), reaches
 * them only through their root package, and no two modules reach each other in a cycle. Fails the build on the first
 * import that breaks this. Views live in {@code ui} sub-packages and nothing else depends on them. Writes the module documentation to {@code docs/modules/} on every run, so the picture the
 * README links is the code as it is.
 */
class ModularityTests {
    static final Path DOCS = Path.of("docs", "modules");
    static final ApplicationModules MODULES = ApplicationModules.of(ClaimFlowApplication.class);

    @Test
    void modulesRunOneWayThroughTheirPublicFaces() {
        MODULES.verify();
    }

    @Test
    void domainAndServicesDoNotDependOnViews() {
        // identity's security configuration names the login view Vaadin redirects to
        noClasses().that().resideOutsideOfPackage("..ui..").and().doNotHaveFullyQualifiedName("com.claimflow.identity.SecurityConfig")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .because("a service, delegate or API is used without a browser; views call services, not the other way round")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.claimflow"));
    }

    @Test
    void documentationShowsTheModulesAsTheyAre() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var files = Files.list(DOCS)) {
            for (Path doc : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList()) {
                Files.writeString(doc, inStableOrder(Files.readString(doc)));
            }
        }

        Path overview = DOCS.resolve("components.puml");
        String plantUml = Files.readString(overview);
        assertThat(plantUml).contains("\"Workqueue\"", "\"Intake\"", "\"Remittance\"");
        Files.write(DOCS.resolve("modules.svg"), svg(plantUml));
    }

    /**
     * The Documenter lists components, relations (PlantUML) and a canvas's beans and events (AsciiDoc, a table cell's
     * list opening with {@code |* }) in hash order: sorted, the files change only when the modules do.
     */
    static String inStableOrder(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            String kind = kind(lines.get(start), true);
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end), false))) end++;
            if (kind != null) {
                boolean cell = lines.get(start).startsWith("|");
                if (cell) lines.set(start, lines.get(start).substring(1));
                Collections.sort(lines.subList(start, end));
                if (cell) lines.set(start, "|" + lines.get(start));
            }
            start = end;
        }
        return String.join("\n", lines) + "\n";
    }

    private static String kind(String line, boolean first) {
        String trimmed = line.strip();
        if (trimmed.startsWith("Component(")) return "Component";
        if (trimmed.startsWith("Rel(")) return "Rel";
        if (trimmed.startsWith("* `") || (first && trimmed.startsWith("|* `"))) return "item";
        return null;
    }

    /** The diagram as SVG, laid out in Java (Smetana) so no Graphviz is needed on the machine. */
    private static byte[] svg(String plantUml) throws IOException {
        String source = plantUml.replaceFirst("@startuml\\R", "@startuml\n!pragma layout smetana\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        String svg = out.toString(StandardCharsets.UTF_8);
        assertThat(svg).as("PlantUML renders the module diagram").contains("<svg").doesNotContain("Syntax Error");
        return out.toByteArray();
    }
}
