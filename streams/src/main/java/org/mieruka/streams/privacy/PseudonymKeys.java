package org.mieruka.streams.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret keys staff ids are pseudonymised under. Several may be configured so that a new one
 * can be introduced and made active (rotation, docs/privacy.md); each pseudonym records the id of
 * the key it was made with. A pseudonym is the first 128 bits of HMAC-SHA-256(key, staff id) as
 * 32 hex digits: stable under one key, meaningless without it.
 */
public final class PseudonymKeys {

    /** At least 256 bits, as HMAC-SHA-256 asks. */
    static final int MIN_KEY_BYTES = 32;

    private final String activeId;
    private final byte[] activeKey;
    private final ThreadLocal<Mac> mac;

    private PseudonymKeys(String activeId, byte[] activeKey) {
        this.activeId = activeId;
        this.activeKey = activeKey;
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * @param keys   {@code id=base64,id=base64,...} (privacy.pseudonym.keys)
     * @param active the id of the key new pseudonyms are made with (privacy.pseudonym.active-key)
     * @return the keys, or throws listing every problem
     */
    public static PseudonymKeys parse(String keys, String active, List<String> problems) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        if (keys == null || keys.isBlank()) {
            problems.add("privacy.pseudonym.keys: required; e.g. k2026=<base64 of 32 random bytes> "
                    + "(see docs/privacy.md)");
            return null;
        }
        for (String entry : keys.split(",")) {
            String[] pair = entry.strip().split("=", 2);
            if (pair.length != 2 || pair[0].isBlank()) {
                problems.add("privacy.pseudonym.keys: entries are id=base64");
                continue;
            }
            try {
                byte[] key = Base64.getDecoder().decode(pair[1].strip());
                if (key.length < MIN_KEY_BYTES) {
                    problems.add("privacy.pseudonym.keys: key " + pair[0] + " has " + key.length
                            + " bytes; at least " + MIN_KEY_BYTES);
                }
                parsed.put(pair[0].strip(), key);
            } catch (IllegalArgumentException e) {
                problems.add("privacy.pseudonym.keys: key " + pair[0] + " is not base64");
            }
        }
        String activeKeyId = active == null || active.isBlank() ? lastOf(parsed) : active.strip();
        if (activeKeyId == null || !parsed.containsKey(activeKeyId)) {
            problems.add("privacy.pseudonym.active-key: no key " + activeKeyId + " in privacy.pseudonym.keys");
            return null;
        }
        return problems.isEmpty() ? new PseudonymKeys(activeKeyId, parsed.get(activeKeyId)) : null;
    }

    private static String lastOf(Map<String, byte[]> keys) {
        String last = null;
        for (String id : keys.keySet()) {
            last = id;
        }
        return last;
    }

    public String activeId() {
        return activeId;
    }

    public String pseudonym(String staffId) {
        byte[] digest = mac.get().doFinal(staffId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac instance = Mac.getInstance("HmacSHA256");
            instance.init(new SecretKeySpec(activeKey, "HmacSHA256"));
            return instance;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKeys[active=" + activeId + "]"; // never the key
    }
}
