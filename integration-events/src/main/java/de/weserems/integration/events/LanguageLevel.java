package de.weserems.integration.events;

/** CEFR level certified at the end of a language course. */
public enum LanguageLevel {
    A1, A2, B1, B2, C1, C2;

    /** B1 is the level the integration course aims at; B1 and above count as language success. */
    public boolean b1OrHigher() {
        return compareTo(B1) >= 0;
    }
}
