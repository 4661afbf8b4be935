package de.weserems.integration.ingest.validation;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A text for a provider as a key of ingest's message bundle ({@code messages.properties} in German,
 * {@code messages_en.properties} in English) and its arguments. Rules and readers say what is wrong once, as a
 * key; the API words it in the language the request prefers. The English wording is also kept on the
 * {@link FieldError} itself, for the audit-free places (logs, tests) that have no request.
 *
 * @param key  a key present in both bundles (MessagesTest checks it)
 * @param args the values the text names, formatted by {@link MessageFormat}; a {@code Text} among them is worded
 *             in the same language
 */
public record Text(String key, Object... args) {

    private static final Locale ENGLISH = Locale.ENGLISH;

    /** The text in English, read from the bundle without Spring: the same file the API reads. */
    public String english() {
        return in(ENGLISH);
    }

    /** The text in {@code locale} (German unless it asks for English). */
    public String in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, NO_FALLBACK);
        String pattern = bundle.getString(key);
        // a text among the arguments is worded in the same language
        Object[] worded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            worded[i] = args[i] instanceof Text inner ? inner.in(locale) : args[i];
        }
        // always through MessageFormat, so that a quote is written '' in every pattern alike
        return new MessageFormat(pattern, locale).format(worded);
    }

    /** German is the base bundle: a locale without its own file gets German, never the machine's language. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
