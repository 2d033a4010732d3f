package org.mieruka.store.migrate;

import org.mieruka.store.ClickHouseEndpoint;

/** The ClickHouse server is of a version Mieruka's SQL has not been proven on. */
public final class UnsupportedServerException extends RuntimeException {

    public UnsupportedServerException(ClickHouseEndpoint endpoint, String version) {
        super("ClickHouse " + version + " at " + endpoint.url() + " is not supported; supported: "
                + ServerVersion.SUPPORTED + " (see README, 'Supported ClickHouse')");
    }
}
