package org.mieruka.ingest.source;

import java.util.Optional;
import java.util.Set;

/**
 * One registered source system, as the sources file describes it. Its API tokens are kept apart in
 * the {@link TokenStore}, so that tokens can be issued and revoked while the collector runs.
 *
 * @param allowedAttributes attribute keys kept on its events; any other attribute is dropped and counted
 * @param identityMap       when present, its user ids are translated to staff ids before any other check
 * @param steps             activity name to step code, for log importers
 * @param defaultEmployee   for importers whose log names no employee (e.g. a system account)
 * @param defaultProcessCode for importers whose log belongs to one process
 */
public record SourceRegistration(String sourceSystem, Set<String> allowedAttributes,
                                 Optional<IdentityMap> identityMap, StepTable steps,
                                 Optional<String> defaultEmployee, Optional<String> defaultProcessCode,
                                 SourceLimits limits) {

    public SourceRegistration {
        allowedAttributes = Set.copyOf(allowedAttributes);
    }

    public boolean allows(String attribute) {
        return allowedAttributes.contains(attribute);
    }

    /** Staff ids are personal data; default_employee is left out. */
    @Override
    public String toString() {
        return "SourceRegistration[" + sourceSystem + ", " + allowedAttributes.size() + " attributes, "
                + identityMap.map(IdentityMap::toString).orElse("no identity map") + ", " + steps.size()
                + " steps, " + limits + "]";
    }
}
