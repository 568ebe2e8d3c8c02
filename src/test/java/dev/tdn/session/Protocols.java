package dev.tdn.session;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.PrepItem;
import dev.tdn.protocol.Protocol;
import dev.tdn.protocol.ScreeningItem;
import dev.tdn.protocol.Window;
import dev.tdn.protocol.Windows;
import dev.tdn.record.ScreeningAnswer.Kind;
import dev.tdn.record.Step;

/** The DESIGN's windows and a short checklist, built in code so engine tests need no files. */
public final class Protocols {

    public static final Protocol STANDARD = standard();

    private Protocols() {
    }

    private static Protocol standard() {
        Map<Step, String> instructions = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            instructions.put(s, "Do " + s.json());
        }
        return new Protocol("standard", 1, "Standard", new NeedleDefaults(30, 0.25, 10),
                new Windows(new Window(30, 60), new Window(120, 180), new Window(30, 60)),
                List.of(new ScreeningItem("needle-phobia", Kind.ABSOLUTE, "Needle phobia?"),
                        new ScreeningItem("bleeding-or-anticoagulants", Kind.PRECAUTION, "Bleeding tendency?"),
                        new ScreeningItem("pregnancy", Kind.PRECAUTION, "Pregnant?")),
                List.of(new PrepItem("antiseptic", "Cleanse with 70% isopropyl alcohol"),
                        new PrepItem("gloves", "Put on gloves")),
                instructions, List.of("Soreness for 24-48 hours is common."), "0".repeat(64));
    }
}
