package org.mieruka.store.migrate;

/**
 * A ClickHouse server version and whether Mieruka supports it. Supported: 18.16 (Debian 12's
 * package, used for local development and CI) and 23.8 or newer (production). The SQL of every
 * migration, view and dashboard panel stays inside what both accept.
 */
public record ServerVersion(int major, int minor, String text) {

    public static final String SUPPORTED = "18.16.x, or 23.8 and newer";

    public static ServerVersion parse(String text) {
        String[] parts = text.strip().split("\\.");
        try {
            return new ServerVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                    text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a ClickHouse version: " + text, e);
        }
    }

    public boolean supported() {
        return (major == 18 && minor == 16) || major > 23 || (major == 23 && minor >= 8);
    }
}
