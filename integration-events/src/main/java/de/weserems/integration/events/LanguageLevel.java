package de.weserems.integration.events;

import java.util.List;

/**
 * A CEFR level: certified at the end of a language course ({@code languageLevel}), or the one a course
 * leads to ({@code targetLevel}, contract v2).
 *
 * <p>{@link #BELOW_A1} (v2) comes last although it is the lowest: the engine's stored formats keep an enum
 * by its position, so a new value goes at the end. Compare levels with the methods here, never with
 * {@link #compareTo}.
 */
public enum LanguageLevel {
    A1, A2, B1, B2, C1, C2,
    /** The exam was taken and no level reached (contract v2); only as a certified level, never as a target. */
    BELOW_A1;

    /** The levels of the CEFR scale, the ones a course can lead to: every value but {@link #BELOW_A1}. */
    public static final List<LanguageLevel> CEFR = List.of(A1, A2, B1, B2, C1, C2);

    /** B1 is the level the integration course aims at; B1 and above count as language success. */
    public boolean b1OrHigher() {
        return this != BELOW_A1 && compareTo(B1) >= 0;
    }
}
