package de.weserems.integration.ingest.body;

import de.weserems.integration.ingest.validation.Text;

/**
 * The body as a whole cannot be read as events (answered with 400). The text says why, in plain words; the
 * message is its English wording.
 */
public class UnreadableBodyException extends Exception {

    private final transient Text text;

    public UnreadableBodyException(Text text) {
        super(text.english(), null, false, false);
        this.text = text;
    }

    /** Why, as a text of the message bundle. */
    public Text text() {
        return text;
    }
}
