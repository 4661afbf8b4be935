package de.weserems.integration.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 17 districts (Landkreise and kreisfreie Städte) of Weser-Ems, identified by their official
 * municipality key (AGS). Area and residents are the reference figures of 31.12.2018
 * (© Statistisches Bundesamt (Destatis), 2019, CC BY 4.0); the dashboard lets an operator replace
 * the residents without a rebuild, so treat {@link #residents2018()} as a default only.
 */
public enum District {
    DELMENHORST("03401", "Delmenhorst, Stadt", 62.45, 77_607, true),
    EMDEN("03402", "Emden, Stadt", 112.34, 50_195, true),
    OLDENBURG_STADT("03403", "Oldenburg (Oldb), Stadt", 103.09, 168_210, true),
    OSNABRUECK_STADT("03404", "Osnabrück, Stadt", 119.80, 164_748, true),
    WILHELMSHAVEN("03405", "Wilhelmshaven, Stadt", 107.07, 76_278, true),
    AMMERLAND("03451", "Ammerland", 730.64, 124_071, false),
    AURICH("03452", "Aurich", 1_287.35, 189_848, false),
    CLOPPENBURG("03453", "Cloppenburg", 1_420.35, 169_348, false),
    EMSLAND("03454", "Emsland", 2_883.66, 325_657, false),
    FRIESLAND("03455", "Friesland", 609.53, 98_460, false),
    GRAFSCHAFT_BENTHEIM("03456", "Grafschaft Bentheim", 981.79, 136_511, false),
    LEER("03457", "Leer", 1_085.72, 169_809, false),
    OLDENBURG_LANDKREIS("03458", "Oldenburg (Landkreis)", 1_064.84, 130_144, false),
    OSNABRUECK_LANDKREIS("03459", "Osnabrück (Landkreis)", 2_121.81, 357_343, false),
    VECHTA("03460", "Vechta", 814.20, 141_598, false),
    WESERMARSCH("03461", "Wesermarsch", 824.78, 88_624, false),
    WITTMUND("03462", "Wittmund", 656.86, 56_882, false);

    /** Same as {@link Region#AGS}; kept until the dashboard uses that. */
    @Deprecated
    public static final String REGION_AGS = Region.AGS;
    /** Same as {@link Region#NAME}; kept until the dashboard uses that. */
    @Deprecated
    public static final String REGION_NAME = Region.NAME;

    private static final Map<String, District> BY_AGS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(District::ags, Function.identity()));

    private final String ags;
    private final String displayName;
    private final double areaKm2;
    private final int residents2018;
    private final boolean city;

    District(String ags, String displayName, double areaKm2, int residents2018, boolean city) {
        this.ags = ags;
        this.displayName = displayName;
        this.areaKm2 = areaKm2;
        this.residents2018 = residents2018;
        this.city = city;
    }

    /** The five-digit official key, e.g. {@code 03454} for Emsland. */
    @JsonValue
    public String ags() {
        return ags;
    }

    public String displayName() {
        return displayName;
    }

    public double areaKm2() {
        return areaKm2;
    }

    public int residents2018() {
        return residents2018;
    }

    /** Whether this is a kreisfreie Stadt (one of the 5 cities) rather than a Landkreis. */
    public boolean city() {
        return city;
    }

    /** The district with this AGS, if it is one of the 17. */
    public static Optional<District> byAgs(String ags) {
        return Optional.ofNullable(ags == null ? null : BY_AGS.get(ags));
    }

    @JsonCreator
    static District fromJson(String ags) {
        return byAgs(ags).orElseThrow(() -> new IllegalArgumentException(ags + " is not a district of Weser-Ems"));
    }
}
