package app.rapport.application.privacy;

/** Asks for what was forgotten to be overwritten where it is still stored: {@link DiskErasure}. */
@FunctionalInterface
interface ErasureOnDisk {

    /** Everything forgotten up to now is to be erased from disk, soon; returns at once. */
    void request();
}
