package dev.tdn.protocol;

/** The needle a clinic usually uses and the usual insertion depth (about 10 mm per the article). */
public record NeedleDefaults(double lengthMm, double gaugeMm, double depthMm) {
}
