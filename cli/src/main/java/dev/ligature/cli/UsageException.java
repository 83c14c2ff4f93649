package dev.ligature.cli;

/** A mistake on the command line: reported with the usage hint, exit status 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
