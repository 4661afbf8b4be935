package de.weserems.integration.dashboard.testing;

import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.events.District;

import java.util.EnumMap;
import java.util.Map;

/** Residents of foreign nationality for tests: made up, a different number per district so a mix-up shows. */
public final class TestForeignResidents {

    private TestForeignResidents() {
    }

    /** 10,000 in the first district, 1,000 more in each next one (AGS order): 17 districts, 306,000 together. */
    public static ForeignResidents figures() {
        Map<District, Integer> map = new EnumMap<>(District.class);
        for (District d : District.values()) {
            map.put(d, 10_000 + d.ordinal() * 1_000);
        }
        return ForeignResidents.of(map, new ForeignResidents.Reference(2024, "Testzahlen, keine amtlichen"));
    }
}
