package com.claimflow.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A letter-size document laid out top to bottom: headings, lines of text (wrapped to the page) and tables with
 * right-aligned amount columns; a new page starts when one is full. Uses the standard Helvetica fonts, whose encoding
 * (WinAnsi) has no glyph for some characters: those print as "?" rather than failing the statement run.
 */
public final class PdfPages {
    public static final String MEDIA_TYPE = "application/pdf";
    private static final float MARGIN = 54;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    public PdfPages(String title) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("ClaimFlow");
        doc.setDocumentInformation(info);
        newPage();
    }

    public PdfPages heading(String text) {
        space(LEADING * 2);
        write(bold, 14, MARGIN, text);
        y -= LEADING * 1.6f;
        return this;
    }

    public PdfPages subheading(String text) {
        space(LEADING * 2);
        y -= LEADING * 0.5f;
        write(bold, SIZE + 1, MARGIN, text);
        y -= LEADING;
        return this;
    }

    /** A paragraph, wrapped at the right margin. */
    public PdfPages text(String text) {
        for (String line : wrap(text, width())) {
            space(LEADING);
            write(regular, SIZE, MARGIN, line);
            y -= LEADING;
        }
        return this;
    }

    public PdfPages blank() {
        y -= LEADING / 2;
        return this;
    }

    /**
     * A table: {@code widths} are fractions of the text width; columns whose {@code right} flag is set (amounts) are
     * right-aligned. The header repeats on every page the table runs onto.
     */
    public PdfPages table(String[] header, float[] widths, boolean[] right, List<String[]> rows) {
        row(bold, header, widths, right);
        for (String[] r : rows) {
            if (y - LEADING < MARGIN) {
                newPage();
                row(bold, header, widths, right);
            }
            row(regular, r, widths, right);
        }
        return this;
    }

    public byte[] toBytes() {
        try (doc) {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(PDType1Font font, String[] cells, float[] widths, boolean[] right) {
        space(LEADING);
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float w = widths[i] * width();
            String cell = fit(font, printable(cells[i] == null ? "" : cells[i]), w - 6);
            float tx = right[i] ? x + w - 6 - textWidth(font, SIZE, cell) : x;
            write(font, SIZE, tx, cell);
            x += w;
        }
        y -= LEADING;
    }

    private void space(float needed) {
        if (y - needed < MARGIN) newPage();
    }

    private void newPage() {
        try {
            if (page != null) page.close();
            PDPage p = new PDPage(PDRectangle.LETTER);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = p.getMediaBox().getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDType1Font font, float size, float x, String text) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(printable(text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width() {
        return PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    }

    private List<String> wrap(String text, float width) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R", -1)) {
            String paragraph = printable(raw);
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (textWidth(regular, SIZE, candidate) > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private String fit(PDType1Font font, String text, float width) {
        String t = text;
        while (!t.isEmpty() && textWidth(font, SIZE, t) > width) t = t.substring(0, t.length() - 1);
        return t;
    }

    private static float textWidth(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the characters the standard fonts can print (Latin-1 letters, digits, punctuation); others become "?". */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.append(c == '\t' ? ' ' : (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? (char) c : '?'));
        return b.toString();
    }
}
