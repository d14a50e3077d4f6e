package com.claimflow.inbound.batch;

import com.claimflow.base.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV text as RFC 4180 defines it: comma-separated fields, a field in double quotes may hold commas, line breaks and
 * doubled quotes; records end with CRLF or LF. The first record is the header. Each record keeps the line it starts
 * on and its text as written, so a refused row is named by line and kept as received.
 */
public final class CsvTable {

    /** One record: its 1-based line number in the file, its fields, and its text as written. */
    public record Record(int line, List<String> fields, String text) {
    }

    private CsvTable() {
    }

    /**
     * Every record of the text, header first; blank lines are skipped.
     *
     * @throws BadInputException naming the line where a quoted field is never closed or a quote stands inside an
     *                           unquoted field
     */
    public static List<Record> read(String text, String fileName) {
        List<Record> records = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') i = 1; // a byte-order mark from a spreadsheet's "CSV UTF-8"
        while (i < n) {
            int startLine = line;
            int start = i;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean end = false;
            while (i < n && !end) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        continue;
                    }
                    if (c == '\n') line++;
                    field.append(c);
                    i++;
                    continue;
                }
                switch (c) {
                    case ',' -> {
                        fields.add(field.toString());
                        field.setLength(0);
                        wasQuoted = false;
                        i++;
                    }
                    case '"' -> {
                        if (field.length() > 0 || wasQuoted) {
                            throw new BadInputException(fileName + " line " + line, "a double quote inside an unquoted field: quote the whole field "
                                    + "and double the quote (RFC 4180 §2.5-2.7)");
                        }
                        quoted = true;
                        wasQuoted = true;
                        i++;
                    }
                    case '\r' -> i++;
                    case '\n' -> {
                        end = true;
                        line++;
                        i++;
                    }
                    default -> {
                        field.append(c);
                        i++;
                    }
                }
            }
            if (quoted) {
                throw new BadInputException(fileName + " line " + startLine, "a quoted field is never closed (RFC 4180 §2.5)");
            }
            fields.add(field.toString());
            String raw = text.substring(start, i).stripTrailing();
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) records.add(new Record(startLine, List.copyOf(fields), raw));
        }
        return records;
    }

    /** A field written so that {@link #read} gives it back: quoted when it holds a comma, a quote or a line break. */
    public static String quote(String value) {
        if (value == null) return "";
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
