package org.certgraph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the answers of the impact questions for people: a plain table for a terminal, or
 * Markdown ready to paste into a change record. The data is the GraphQL answer itself.
 */
final class Report {

    private final boolean markdown;
    private final StringBuilder out = new StringBuilder();

    Report(boolean markdown) {
        this.markdown = markdown;
    }

    static String impact(Map<String, Object> impact, boolean markdown) {
        Report r = new Report(markdown);
        r.heading("Impact at " + impact.get("at"));
        r.changes("Changes", list(impact.get("changes")));
        r.impactBody(impact);
        return r.toString();
    }

    static String plan(Map<String, Object> plan, boolean markdown, String title) {
        Report r = new Report(markdown);
        r.heading(title + " at " + plan.get("at"));
        r.line("Worst verdict at any step: " + plan.get("worst")
                + (Boolean.TRUE.equals(plan.get("harmless"))
                ? " - no step breaks or degrades anything." : "."));
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> step : list(plan.get("steps"))) {
            Map<String, Object> summary = map(map(step.get("impact")).get("summary"));
            rows.add(List.of(String.valueOf(step.get("number")),
                    String.valueOf(map(step.get("change")).get("description")),
                    String.valueOf(step.get("worst")), counts(summary),
                    String.join("; ", descriptions(list(step.get("backout"))))));
        }
        r.table(List.of("Step", "Change", "Worst after", "Changes in verdicts", "Backout"), rows);
        for (Map<String, Object> step : list(plan.get("steps"))) {
            Map<String, Object> impact = map(step.get("impact"));
            if (!list(impact.get("dependencies")).isEmpty()
                    || !list(impact.get("notes")).isEmpty()) {
                r.heading2("Step " + step.get("number") + ": "
                        + map(step.get("change")).get("description"));
                r.impactBody(impact);
            }
        }
        r.blockers(list(plan.get("blockers")));
        return r.toString();
    }

    static String readiness(Map<String, Object> readiness, boolean markdown) {
        Report r = new Report(markdown);
        r.heading("Readiness for " + readiness.get("target"));
        r.line(Boolean.TRUE.equals(readiness.get("ready")) ? "Ready: nothing blocks the move."
                : list(readiness.get("blockers")).size() + " blockers.");
        r.blockers(list(readiness.get("blockers")));
        return r.toString();
    }

    private void impactBody(Map<String, Object> impact) {
        Map<String, Object> s = map(impact.get("summary"));
        line("Summary: " + counts(s) + ", " + s.get("phonesAffected") + " phones affected.");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> change : list(impact.get("dependencies"))) {
            Map<String, Object> before = map(change.get("before"));
            Map<String, Object> after = map(change.get("after"));
            rows.add(List.of(String.valueOf(after.get("party")),
                    String.valueOf(after.get("service")),
                    String.valueOf(before.get("status")), String.valueOf(after.get("status")),
                    String.join(", ", strings(after.get("reasons"))),
                    evidence(after)));
        }
        if (!rows.isEmpty()) {
            table(List.of("Relying party", "Service", "Before", "After", "Reasons", "Evidence"),
                    rows);
        }
        List<List<String>> phones = new ArrayList<>();
        for (Map<String, Object> p : list(impact.get("phones"))) {
            phones.add(List.of(String.valueOf(p.get("model")), String.valueOf(p.get("firmware")),
                    String.valueOf(p.get("pool")), String.valueOf(p.get("count"))));
        }
        if (!phones.isEmpty()) {
            line("Phones affected:");
            table(List.of("Model", "Firmware", "Pool", "Phones"), phones);
        }
        for (String note : strings(impact.get("notes"))) {
            line("Note: " + note);
        }
    }

    private static String evidence(Map<String, Object> dependency) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> server : list(dependency.get("servers"))) {
            if ("OK".equals(server.get("status"))) {
                continue;
            }
            Object missing = server.get("missingLink");
            parts.add(server.get("server") + ": " + (missing != null ? missing
                    : String.join(", ", strings(server.get("reasons")))));
        }
        return String.join("; ", parts);
    }

    private void blockers(List<Map<String, Object>> blockers) {
        if (blockers.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> b : blockers) {
            rows.add(List.of(String.valueOf(b.get("kind")), String.valueOf(b.get("subject")),
                    String.valueOf(b.get("phones")), String.valueOf(b.get("detail")),
                    String.join("; ", descriptions(list(b.get("resolution"))))));
        }
        line("Blockers:");
        table(List.of("Kind", "Subject", "Phones", "Why", "Resolved by"), rows);
    }

    private void changes(String title, List<Map<String, Object>> changes) {
        line(title + ":");
        int n = 0;
        for (String d : descriptions(changes)) {
            line((markdown ? ++n + ". " : "  " + ++n + ". ") + d);
        }
        line("");
    }

    private static String counts(Map<String, Object> summary) {
        return summary.get("broken") + " broken, " + summary.get("degraded") + " degraded, "
                + summary.get("recovered") + " recovered, " + summary.get("unknown")
                + " unknown";
    }

    private static List<String> descriptions(List<Map<String, Object>> changes) {
        return changes.stream().map(c -> String.valueOf(c.get("description"))).toList();
    }

    private void heading(String text) {
        out.append(markdown ? "## " + text : text).append("\n\n");
    }

    private void heading2(String text) {
        out.append(markdown ? "### " + text : text).append("\n");
    }

    private void line(String text) {
        out.append(text).append("\n");
    }

    private void table(List<String> headers, List<List<String>> rows) {
        if (markdown) {
            out.append("| ").append(String.join(" | ", headers)).append(" |\n|");
            headers.forEach(h -> out.append("---|"));
            out.append("\n");
            for (List<String> row : rows) {
                out.append("| ").append(String.join(" | ", row.stream()
                        .map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
            }
            out.append("\n");
            return;
        }
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.min(60, Math.max(widths[i], row.get(i).length()));
            }
        }
        appendRow(headers, widths);
        for (List<String> row : rows) {
            appendRow(row, widths);
        }
        out.append("\n");
    }

    private void appendRow(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            line.append(last ? cell : String.format("%-" + widths[i] + "s  ", cell));
        }
        out.append(line.toString().stripTrailing()).append("\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream()
                .map(String::valueOf).toList();
    }
}
