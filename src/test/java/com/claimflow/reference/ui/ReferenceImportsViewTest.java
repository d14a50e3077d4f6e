package com.claimflow.reference.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.claimflow.reference.importer.ImportKind;
import com.claimflow.reference.importer.ImportReport;
import com.claimflow.reference.importer.ReferenceImportService;
import com.claimflow.support.ui.KaribuTestBase;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReferenceImportsViewTest extends KaribuTestBase {
    @Autowired ReferenceImportService imports;

    @SuppressWarnings("unchecked")
    private void upload(String resource, String fileName) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/reference/codes", resource));
        ((Select<ImportKind>) _get(Select.class, s -> s.withId("import-kind"))).setValue(ImportKind.MODIFIER);
        UploadKt._upload(_get(Upload.class, s -> s.withId("import-upload")), fileName, "text/csv", bytes);
        MockVaadin.clientRoundtrip();
        assertThat(_get(ProgressBar.class, s -> s.withId("import-progress")).isVisible()).isTrue();
        for (int i = 0; i < 200 && imports.recent(1).stream().anyMatch(r -> ImportReport.RUNNING.equals(r.status())); i++) {
            Thread.sleep(50);
        }
        _get(ReferenceImportsView.class).refresh();
    }

    @Test
    void anAdminUploadsAModifierFileAndSeesItImported() throws Exception {
        login(uniqueUser("admin"), "admins");
        navigate(ReferenceImportsView.class);

        upload("modifiers.csv", "modifiers-" + System.nanoTime() + ".csv");

        String summary = _get(Paragraph.class, s -> s.withId("import-summary")).getText();
        assertThat(summary).matches(".*(imported: \\d+ rows read|is already loaded: nothing changed).*");
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(ProgressBar.class, s -> s.withId("import-progress"));
    }

    @Test
    void aFileWithABadLineIsRefusedNamingTheLineAndChangesNothing() throws Exception {
        login(uniqueUser("admin"), "admins");
        navigate(ReferenceImportsView.class);

        upload("modifiers_bad.csv", "modifiers_bad.csv");

        assertThat(_get(Paragraph.class, s -> s.withId("import-summary")).getText()).contains("was refused").contains("Nothing was changed");
        assertThat(_get(ReferenceImportsView.class).getElement().getOuterHTML()).contains("line 3");
    }

    @Test
    void onlyAdminsSeeReferenceData() {
        login(uniqueUser("biller"), "billers");
        navigate("");
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel).doesNotContain("Reference data");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).noneMatch(ReferenceImportsView.class::isInstance);
    }
}
