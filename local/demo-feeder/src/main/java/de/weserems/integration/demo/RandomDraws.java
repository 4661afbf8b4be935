package de.weserems.integration.demo;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

/** The simulation's random draws: counts, waiting times, weighted choices and event ids. */
final class RandomDraws {

    static int poisson(double lambda, Random r) {
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** A log-normal number of days with the given median; long tails, as real waiting times have. */
    static double lognormal(SplittableRandom r, double median, double sigma) {
        double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Math.min(median * Math.exp(sigma * g), 720);
    }

    static <T> T pick(SplittableRandom r, double[] weights, T[] values) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length; i++) if ((u -= weights[i]) < 0) return values[i];
        return values[values.length - 1];
    }

    /** A random (version 4) UUID drawn from the step's own random, so the same step has the same id. */
    static UUID uuid(SplittableRandom r) {
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private RandomDraws() {
    }
}
