package dev.knot.adapter.nomad;

/** What knot asked Nomad to do, as error messages and the ACL documentation name it. */
enum NomadOperation {
    PARSE_JOB("parsing jobs", Subject.JOB),
    SUBMIT_JOB("submitting jobs", Subject.JOB),
    READ_JOB("reading jobs", Subject.JOB),
    STOP_JOB("stopping jobs", Subject.JOB),
    READ_VOLUME("reading CSI volumes", Subject.VOLUME),
    CREATE_VOLUME("creating CSI volumes", Subject.VOLUME),
    DELETE_VOLUME("deleting CSI volumes", Subject.VOLUME);

    private final String description;
    private final Subject subject;

    NomadOperation(String description, Subject subject) {
        this.description = description;
        this.subject = subject;
    }

    /** E.g. "submitting jobs", for "the Nomad token lacks permission for submitting jobs". */
    String description() {
        return description;
    }

    /** "job" or "volume", for "Nomad rejected the job: …". */
    String subject() {
        return subject.word;
    }

    /** Whether Nomad's 500 answers to this call can be a rejection of what knot sent rather than an outage. */
    boolean writesDefinition() {
        return this == SUBMIT_JOB || this == CREATE_VOLUME;
    }

    private enum Subject {
        JOB("job"),
        VOLUME("volume");

        private final String word;

        Subject(String word) {
            this.word = word;
        }
    }
}
