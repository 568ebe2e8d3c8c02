package dev.tdn.protocol;

/**
 * The protocol's timing: the dwell window, the longer one a weak twitch switches to (the
 * article: "for those with a weak response the treatment time might be closer to 2-3
 * minutes"), and compression for hemostasis.
 */
public record Windows(Window dwell, Window weakTwitchDwell, Window compression) {
}
