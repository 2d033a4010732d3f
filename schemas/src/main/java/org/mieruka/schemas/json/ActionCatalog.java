package org.mieruka.schemas.json;

import java.util.Map;
import java.util.Set;
import org.mieruka.schemas.event.EventKind;

/** The actions each kind of event may carry (events.md, "Actions by kind"). */
public final class ActionCatalog {

    private static final Map<EventKind, Set<String>> ACTIONS = Map.of(
            EventKind.DOCUMENT, Set.of("created", "edited", "viewed", "printed", "approved", "sent"),
            EventKind.MEETING, Set.of("held", "attended"),
            EventKind.WORKFLOW, Set.of("case_opened", "step_started", "step_completed", "case_closed"),
            EventKind.PRESENCE, Set.of("logon", "logoff", "checkin"),
            EventKind.WORK_MODE, Set.of("reported"));

    private ActionCatalog() {
    }

    public static boolean allows(EventKind kind, String action) {
        return ACTIONS.getOrDefault(kind, Set.of()).contains(action);
    }

    public static Set<String> actionsOf(EventKind kind) {
        return ACTIONS.getOrDefault(kind, Set.of());
    }
}
