package org.mieruka.ingest.source;

/**
 * A token just created: the only time its secret exists outside its holder. Give it to the source's
 * operator and drop it; the store keeps only its hash.
 */
public record IssuedToken(String id, String source, String token) {

    @Override
    public String toString() {
        return "IssuedToken[" + id + ", " + source + "]";
    }
}
