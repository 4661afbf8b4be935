package de.weserems.integration.demo;

import de.weserems.integration.events.District;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reference data: the 17 districts of Weser-Ems (integration-events), with approximate neighbours. */
final class Region {

    /** The districts in AGS order; intake follows their residents of 2018. */
    static final List<District> DISTRICTS = List.of(District.values());

    /** Shared borders (undirected), good enough for "moved to a neighbouring district". */
    private static final String[][] BORDERS = {
            {"03401", "03458"}, {"03402", "03452"}, {"03402", "03457"}, {"03403", "03451"},
            {"03403", "03458"}, {"03403", "03461"}, {"03404", "03459"}, {"03405", "03455"},
            {"03451", "03453"}, {"03451", "03455"}, {"03451", "03457"}, {"03451", "03458"},
            {"03451", "03461"}, {"03452", "03455"}, {"03452", "03457"}, {"03452", "03462"},
            {"03453", "03454"}, {"03453", "03457"}, {"03453", "03458"}, {"03453", "03459"},
            {"03453", "03460"}, {"03454", "03456"}, {"03454", "03457"}, {"03454", "03459"},
            {"03455", "03461"}, {"03455", "03462"}, {"03458", "03460"}, {"03458", "03461"},
            {"03459", "03460"}};

    static final Map<District, List<District>> NEIGHBOURS = new EnumMap<>(District.class);

    static {
        for (District d : DISTRICTS) NEIGHBOURS.put(d, new ArrayList<>());
        for (String[] b : BORDERS) {
            District one = District.byAgs(b[0]).orElseThrow();
            District other = District.byAgs(b[1]).orElseThrow();
            NEIGHBOURS.get(one).add(other);
            NEIGHBOURS.get(other).add(one);
        }
    }

    private Region() {
    }
}
