package org.mieruka.streams.workload;

/**
 * One activity event with its credit (metrics.md §1).
 *
 * @param interval   the credited interval
 * @param credit     the interval minus meeting time credited elsewhere (ms)
 * @param afterHours the part of the credit outside working hours, measured on the clock (ms)
 */
record Credited(Activity activity, Interval interval, long credit, long afterHours) {
}
