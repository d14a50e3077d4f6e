package com.claimflow.inbound.batch;

import com.claimflow.inbound.Channel;
import com.claimflow.inbound.IncomingEncounter;

/** An uploaded file read far enough to know its rows; each row is read into an encounter when its turn comes. */
interface BatchFile {

    Channel channel();

    String contentType();

    /** How many rows (encounters) the file has. */
    int size();

    /** Row {@code row} (1-based) as it is kept: self-describing (a CSV row keeps the header above it). */
    String text(int row);

    /** The message key of the row, for a bundle with an identifier; null otherwise. */
    String messageKey(int row);

    /**
     * What row {@code row} says.
     *
     * @throws com.claimflow.base.BadInputException naming the file, line and column or element
     */
    IncomingEncounter read(int row);

    /** The external id as written on the row, for the report when the row is refused before it is read. */
    String externalIdOf(int row);
}
