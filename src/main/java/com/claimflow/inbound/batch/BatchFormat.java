package com.claimflow.inbound.batch;

/** A kind of batch file: which files it takes, and how it reads one into rows. */
interface BatchFormat {

    String name();

    /** Whether the file's (lower-case) name says it is this format's: its extension. */
    boolean takesName(String lowerCaseName);

    /** Whether the file's first characters say it is this format's, for a name that says nothing. */
    boolean takesContent(String text);

    /**
     * @throws com.claimflow.base.BadInputException when the file as a whole is not this format's (naming the line)
     */
    BatchFile read(String fileName, String text);
}
