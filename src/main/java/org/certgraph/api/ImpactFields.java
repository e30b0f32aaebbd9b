package org.certgraph.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.certgraph.core.CertGraph;
import org.certgraph.core.EstateNodes.PhoneNode;
import org.certgraph.core.EstateNodes.ServerNode;
import org.certgraph.core.EstateNodes.ServiceNode;
import org.certgraph.impact.Change;
import org.certgraph.impact.ChangeInputs;
import org.certgraph.impact.Results.Blocker;
import org.certgraph.impact.Results.Impact;
import org.certgraph.impact.Results.PlanStep;
import org.certgraph.impact.Verdicts.Dependency;
import org.certgraph.impact.Verdicts.Status;

/** The wiring of the impact questions: arguments in, typed answers out. */
final class ImpactFields {

    private static final String VERDICTS = "certgraph.verdicts";

    private final CertGraph core;

    ImpactFields(CertGraph core) {
        this.core = core;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("impact", env -> core.impact().impact(changes(env, "changes"),
                        env.getArgument("at")))
                .dataFetcher("plan", env -> core.impact().plan(changes(env, "steps"),
                        env.getArgument("at")))
                .dataFetcher("readiness", env -> core.impact().readiness(
                        env.getArgument("target"), env.getArgument("by")))
                .dataFetcher("migrationPlan", env -> core.impact().migrationPlan(
                        env.getArgument("target")))
                .dataFetcher("dependencies", this::dependencies)
                .dataFetcher("expiring", env -> core.expiring(env.<Integer>getArgument(
                        "withinDays"))));
        wiring.type("Impact", t -> t
                .dataFetcher("changes", env -> specs(env.<Impact>getSource().changes())));
        wiring.type("PlanStep", t -> t
                .dataFetcher("change", env -> spec(env.<PlanStep>getSource().change()))
                .dataFetcher("backout", env -> specs(env.<PlanStep>getSource().backout()))
                .dataFetcher("verdicts", env -> counts(env.<PlanStep>getSource().verdicts())));
        wiring.type("Blocker", t -> t
                .dataFetcher("resolution", env -> specs(env.<Blocker>getSource().resolution())));
        wiring.type("Service", t -> t.dataFetcher("verdict", env -> worst(env,
                d -> d.service().equals(env.<ServiceNode>getSource().id()))));
        wiring.type("Phone", t -> t.dataFetcher("verdict", env -> {
            PhoneNode p = env.getSource();
            return worst(env, d -> "PHONE".equals(d.kind()) && eq(d.model(), p.model())
                    && eq(d.firmware(), p.firmware()) && eq(d.pool(), p.pool()));
        }));
        wiring.type("Server", t -> t.dataFetcher("verdict", env -> {
            String fqdn = env.<ServerNode>getSource().fqdn();
            Status worst = null;
            for (Dependency d : verdicts(env)) {
                for (var v : d.servers()) {
                    if (v.server().equals(fqdn) && (worst == null || v.status().worseThan(worst))) {
                        worst = v.status();
                    }
                }
            }
            return worst;
        }));
    }

    /** The dependencies of this request, evaluated once however many fields ask. */
    private List<Dependency> verdicts(DataFetchingEnvironment env) {
        Map<String, List<Dependency>> memo = env.getGraphQlContext().computeIfAbsent(
                VERDICTS, k -> new java.util.concurrent.ConcurrentHashMap<>());
        return memo.computeIfAbsent("now", k -> core.impact().dependencies(null));
    }

    private Status worst(DataFetchingEnvironment env, java.util.function.Predicate<Dependency> of) {
        Status worst = null;
        for (Dependency d : verdicts(env)) {
            if (of.test(d) && (worst == null || d.status().worseThan(worst))) {
                worst = d.status();
            }
        }
        return worst;
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    private List<Dependency> dependencies(DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        Map<String, Object> f = filter == null ? Map.of() : filter;
        Instant at = env.getArgument("at");
        return core.impact().dependencies(at).stream()
                .filter(d -> f.get("status") == null || d.status().name().equals(f.get("status")))
                .filter(d -> f.get("kind") == null || d.kind().equals(f.get("kind")))
                .filter(d -> f.get("pool") == null || f.get("pool").equals(d.pool()))
                .filter(d -> f.get("service") == null || d.service().equals(f.get("service")))
                .toList();
    }

    private static List<Change> changes(DataFetchingEnvironment env, String argument) {
        List<Map<String, Object>> input = env.getArgument(argument);
        List<Change> changes = new ArrayList<>();
        input.forEach(i -> changes.add(ChangeInputs.parse(i)));
        return changes;
    }

    /** The answer's form of a change: {kind, description, fields…}. */
    static Map<String, Object> spec(Map<String, Object> input) {
        Change change = ChangeInputs.parse(input);
        Map.Entry<String, Object> entry = input.entrySet().iterator().next();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", entry.getKey());
        spec.put("description", change.describe());
        if (entry.getValue() instanceof Map<?, ?> fields) {
            fields.forEach((k, v) -> spec.put(k.toString(), v));
        }
        return spec;
    }

    static List<Map<String, Object>> specs(List<Map<String, Object>> inputs) {
        return inputs.stream().map(ImpactFields::spec).toList();
    }

    private static Map<String, Object> counts(Map<Status, Integer> counts) {
        return Map.of("ok", counts.get(Status.OK), "unknown", counts.get(Status.UNKNOWN),
                "degraded", counts.get(Status.DEGRADED), "outage", counts.get(Status.OUTAGE));
    }
}
