package com.claimflow.inbound.batch;

/** A kind of batch file: which files it takes, and how it reads one into rows. */
interface BatchFormat {

    String name();

    /** Whether this format reads the file, by its (lower-case) name and first characters. */
    boolean takes(String lowerCaseName, String text);

    /**
     * @throws com.claimflow.base.BadInputException when the file as a whole is not this format's (naming the line)
     */
    BatchFile read(String fileName, String text);
}
