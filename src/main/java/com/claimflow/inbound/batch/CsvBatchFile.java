package com.claimflow.inbound.batch;

import com.claimflow.base.BadInputException;
import com.claimflow.inbound.Channel;
import com.claimflow.inbound.IncomingEncounter;
import java.util.List;

/** An encounter batch CSV ({@link CsvColumn}): refused whole when its header is wrong, else one encounter per record. */
final class CsvBatchFile implements BatchFile {
    private final CsvTable.Record header;
    private final List<CsvTable.Record> records;
    private final CsvEncounters layout;

    /**
     * @throws BadInputException when the file has no rows, its quoting is broken or its header is not an encounter
     *                           batch's
     */
    CsvBatchFile(String fileName, String text) {
        List<CsvTable.Record> all = CsvTable.read(text, fileName);
        if (all.isEmpty()) throw new BadInputException(fileName, "the file is empty: a header and at least one row are needed");
        this.header = all.get(0);
        this.layout = CsvEncounters.ofHeader(fileName, header);
        this.records = all.subList(1, all.size());
        if (records.isEmpty()) throw new BadInputException(fileName + " line " + (header.line() + 1), "the file has a header but no rows");
    }

    @Override
    public Channel channel() {
        return Channel.CSV;
    }

    @Override
    public String contentType() {
        return "text/csv";
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public String text(int row) {
        return header.text() + "\n" + records.get(row - 1).text();
    }

    @Override
    public String messageKey(int row) {
        return null;
    }

    @Override
    public IncomingEncounter read(int row) {
        return layout.read(records.get(row - 1));
    }

    @Override
    public String externalIdOf(int row) {
        List<String> f = records.get(row - 1).fields();
        int at = header.fields().stream().map(String::strip).toList().indexOf(CsvColumn.EXTERNAL_ID.header());
        return at >= 0 && at < f.size() && !f.get(at).isBlank() ? f.get(at).strip() : null;
    }

    int line(int row) {
        return records.get(row - 1).line();
    }
}
