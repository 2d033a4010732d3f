package org.mieruka.simulate;

/** The job classes (職層) of the directory, as a city's HR system spells them. */
public enum JobClass {
    KACHO("課長"),
    KACHO_HOSA("課長補佐"),
    KAKARICHO("係長"),
    SHUNIN("主任"),
    SHUJI("主事"),
    /** Fixed-term, usually part-time staff re-appointed each fiscal year; not rotated by 人事異動. */
    KAIKEI_NENDO("会計年度任用職員");

    private final String label;

    JobClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
