package org.mieruka.streams.workload;

import org.mieruka.schemas.reference.ProcessDefinition;

/**
 * The process catalog and the org-unit list as the workload stage reads them. Codes not found are
 * kept as given and marked uncatalogued (events.md), never a reason to reject.
 */
interface ReferenceCatalog {

    /** The catalogued process, or null. */
    ProcessDefinition process(String processCode);

    boolean hasOrgUnit(String code);

    /** Whether {@code step} is one of {@code process}'s step codes. */
    static boolean hasStep(ProcessDefinition process, String step) {
        return process != null && process.getSteps() != null
                && process.getSteps().stream().anyMatch(s -> s.getCode().equals(step));
    }

    /** No catalog at all: every code is uncatalogued. */
    ReferenceCatalog EMPTY = new ReferenceCatalog() {
        @Override
        public ProcessDefinition process(String processCode) {
            return null;
        }

        @Override
        public boolean hasOrgUnit(String code) {
            return false;
        }
    };
}
