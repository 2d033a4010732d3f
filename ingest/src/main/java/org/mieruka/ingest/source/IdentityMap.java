package org.mieruka.ingest.source;

import java.util.Map;
import java.util.Optional;

/**
 * A source's own user ids (e-mail addresses, UPNs) to the directory's staff ids. Lookups are exact:
 * the map is written for one source's ids, so it holds them as that source sends them.
 */
public final class IdentityMap {

    private final Map<String, String> employees;

    public IdentityMap(Map<String, String> employees) {
        this.employees = Map.copyOf(employees);
    }

    public Optional<String> employeeOf(String sourceUserId) {
        return Optional.ofNullable(sourceUserId == null ? null : employees.get(sourceUserId));
    }

    public int size() {
        return employees.size();
    }

    /** Never the ids themselves: they are personal data. */
    @Override
    public String toString() {
        return "IdentityMap[" + employees.size() + " ids]";
    }
}
