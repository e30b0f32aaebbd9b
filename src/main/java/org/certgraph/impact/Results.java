package org.certgraph.impact;

import java.util.List;
import java.util.Map;

import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.Status;

/** What the impact questions answer. */
public final class Results {

    private Results() {
    }

    /** A dependency whose verdict a change set changes. */
    public record DependencyChange(Dependency before, Dependency after) {
        public boolean worse() {
            return after.status().worseThan(before.status())
                    || after.status() == before.status() && after.status() != Status.OK
                    && !before.reasons().containsAll(after.reasons());
        }

        public boolean better() {
            return before.status().worseThan(after.status());
        }
    }

    /** Phones affected, counted by model, firmware and pool. */
    public record PhoneCount(String model, String firmware, String pool, long count) {
    }

    /**
     * The counts a pipeline gates on.
     *
     * @param broken dependencies that become an OUTAGE
     * @param degraded dependencies that become DEGRADED
     * @param recovered dependencies that get better
     * @param unknown dependencies that become UNKNOWN
     * @param phonesAffected phones with at least one dependency that gets worse
     */
    public record Summary(int broken, int degraded, int recovered, int unknown,
                          long phonesAffected) {
        /** Nothing breaks, degrades or becomes unknown, and no phone gets a new reason. */
        public boolean harmless() {
            return broken == 0 && degraded == 0 && unknown == 0 && phonesAffected == 0;
        }
    }

    /** The difference a change set makes. */
    public record Impact(List<Map<String, Object>> changes, String at,
                         List<DependencyChange> dependencies, List<PhoneCount> phones,
                         Summary summary, List<String> notes) {
    }

    /** One step of a plan: the change, its backout, and the state after it. */
    public record PlanStep(int number, Map<String, Object> change, String description,
                           List<Map<String, Object>> backout, Impact impact,
                           Map<Status, Integer> verdicts, Status worst) {
    }

    /** Steps applied in order, each on top of the ones before. */
    public record Plan(String at, List<PlanStep> steps, Status worst, List<Blocker> blockers) {
        public boolean harmless() {
            return blockers.isEmpty()
                    && steps.stream().allMatch(s -> s.impact().summary().harmless());
        }
    }

    /** Something that stands between the estate and the target PKI, and what resolves it. */
    public record Blocker(String kind, String subject, String detail, long phones,
                          List<Map<String, Object>> resolution) {
    }

    /** Every blocker to serving all dependencies from the target PKI. */
    public record Readiness(String target, List<String> targetCertificates,
                            List<Blocker> blockers) {
        public boolean ready() {
            return blockers.isEmpty();
        }
    }
}
