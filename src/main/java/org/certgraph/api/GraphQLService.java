package org.certgraph.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.certgraph.cert.SignatureHash;
import org.certgraph.core.CertGraph;
import org.certgraph.core.CertificateFilter;
import org.certgraph.core.CertificateNode;
import org.certgraph.core.EstateNodes.AssignmentNode;
import org.certgraph.core.EstateNodes.PhoneNode;
import org.certgraph.core.EstateNodes.ServerNode;
import org.certgraph.core.GraphStats;
import org.certgraph.core.Page;
import org.certgraph.core.TrustListNode;
import org.certgraph.graph.GraphUnavailableException;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * The GraphQL API: the schema from {@code graphql/schema.graphqls}, wired to the core in one
 * place and built once. Nested certificate fields go through DataLoaders, so a page of 100
 * certificates asking for issuers of issuers costs one query per level. Queries deeper than
 * {@value #MAX_DEPTH} levels or costlier than {@value #MAX_COMPLEXITY} fields are refused.
 */
public final class GraphQLService {

    static final int MAX_DEPTH = 12;
    static final int MAX_COMPLEXITY = 2_000;

    private static final String ISSUERS = "issuers";
    private static final String CHAINS = "chains";
    private static final String TRUSTED_BY = "trustedBy";
    private static final String ASSIGNMENTS = "assignments";
    private static final String SERVER_TRUST_LISTS = "serverTrustLists";

    private final CertGraph core;
    private final GraphQL graphQL;

    public GraphQLService(CertGraph core) {
        this.core = core;
        this.graphQL = GraphQL.newGraphQL(schema())
                .instrumentation(QueryLimits.of(MAX_DEPTH, MAX_COMPLEXITY))
                .defaultDataFetcherExceptionHandler(new UserErrors())
                .build();
    }

    /** Runs one GraphQL operation against the graph. */
    public ExecutionResult execute(String query, Map<String, Object> variables,
                                   String operationName) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(query == null ? "" : query)
                .variables(variables == null ? Map.of() : variables)
                .operationName(operationName)
                .dataLoaderRegistry(loaders())
                .build();
        return graphQL.execute(input);
    }

    private GraphQLSchema schema() {
        TypeDefinitionRegistry types = new SchemaParser()
                .parse(resource("/graphql/schema.graphqls"));
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring();
        new ImpactFields(core).wire(builder);
        RuntimeWiring wiring = builder
                .scalar(DateTimeScalar.TYPE)
                .type("Query", t -> t
                        .dataFetcher("certificate", env -> core.certificate(env.getArgument("sha1"))
                                .orElse(null))
                        .dataFetcher("certificates", env -> page(filter(env.getArgument("filter")),
                                env))
                        .dataFetcher("trustLists", env -> core.trustLists())
                        .dataFetcher("trustList", env -> core.trustList(env.getArgument("id"))
                                .orElse(null))
                        .dataFetcher("health", env -> health())
                        .dataFetcher("pools", env -> core.pools(null))
                        .dataFetcher("pool", env -> first(core.pools(env.getArgument("fqdn"))))
                        .dataFetcher("servers", env -> core.servers(null))
                        .dataFetcher("server", env -> first(core.servers(env.getArgument("fqdn"))))
                        .dataFetcher("services", env -> core.services())
                        .dataFetcher("authorities", env -> core.authorities())
                        .dataFetcher("templates", env -> core.templates())
                        .dataFetcher("phones", this::phones))
                .type("Server", t -> t
                        .dataFetcher("assignments", env -> env.getDataLoader(ASSIGNMENTS)
                                .load(env.<ServerNode>getSource().fqdn()))
                        .dataFetcher("trustLists", env -> env.getDataLoader(SERVER_TRUST_LISTS)
                                .load(env.<ServerNode>getSource().fqdn())))
                .type("PhoneConnection", t -> t
                        .dataFetcher("pageInfo", env -> env.<Page<?>>getSource()))
                .type("Certificate", t -> t
                        .dataFetcher("issuedBy", loaded(ISSUERS))
                        .dataFetcher("chains", loaded(CHAINS))
                        .dataFetcher("trustedBy", loaded(TRUSTED_BY))
                        .dataFetcher("issued", env -> page(CertificateFilter.ALL
                                .withIssuedBy(env.<CertificateNode>getSource().sha1()), env)))
                .type("TrustList", t -> t
                        .dataFetcher("entries", env -> page(CertificateFilter.ALL
                                .withTrustedBy(env.<TrustListNode>getSource().id()), env)))
                .type("CertificateConnection", t -> t
                        .dataFetcher("pageInfo", env -> env.<Page<?>>getSource()))
                .build();
        return new SchemaGenerator().makeExecutableSchema(types, wiring);
    }

    private DataLoaderRegistry loaders() {
        DataLoader<String, List<CertificateNode>> issuers = DataLoaderFactory.newMappedDataLoader(
                keys -> CompletableFuture.completedFuture(core.issuers(keys)));
        DataLoader<String, List<List<CertificateNode>>> chains =
                DataLoaderFactory.newMappedDataLoader(
                        keys -> CompletableFuture.completedFuture(core.chains(keys)));
        DataLoader<String, List<TrustListNode>> trustedBy = DataLoaderFactory.newMappedDataLoader(
                keys -> CompletableFuture.completedFuture(core.trustListsOf(keys)));
        DataLoader<String, List<AssignmentNode>> assignments =
                DataLoaderFactory.newMappedDataLoader(
                        keys -> CompletableFuture.completedFuture(core.assignments(keys)));
        DataLoader<String, List<TrustListNode>> serverTrustLists =
                DataLoaderFactory.newMappedDataLoader(
                        keys -> CompletableFuture.completedFuture(core.serverTrustLists(keys)));
        return DataLoaderRegistry.newRegistry()
                .register(ASSIGNMENTS, assignments)
                .register(SERVER_TRUST_LISTS, serverTrustLists)
                .register(ISSUERS, issuers)
                .register(CHAINS, chains)
                .register(TRUSTED_BY, trustedBy)
                .build();
    }

    private static DataFetcher<CompletableFuture<Object>> loaded(String loader) {
        return env -> env.getDataLoader(loader)
                .load(env.<CertificateNode>getSource().sha1());
    }

    private Page<CertificateNode> page(CertificateFilter filter, DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        return core.certificates(filter, first == null ? 50 : first, env.getArgument("after"));
    }

    private Page<PhoneNode> phones(DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        Map<String, Object> f = filter == null ? Map.of() : filter;
        Integer size = env.getArgument("first");
        return core.phones((String) f.get("model"), (String) f.get("firmware"),
                (String) f.get("pool"), size == null ? 100 : size, env.getArgument("after"));
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    private static CertificateFilter filter(Map<String, Object> input) {
        if (input == null) {
            return CertificateFilter.ALL;
        }
        Object hash = input.get("signatureHash");
        return new CertificateFilter(
                hash == null ? null : SignatureHash.valueOf(hash.toString()),
                (Boolean) input.get("isCA"),
                (Boolean) input.get("selfSigned"),
                (Instant) input.get("expiresBefore"),
                (String) input.get("subjectContains"),
                (String) input.get("trustedBy"),
                null);
    }

    private Map<String, Object> health() {
        GraphStats stats = core.stats();
        return Map.of("status", "UP", "certificates", stats.certificates(),
                "trustLists", stats.trustLists(), "issuerLinks", stats.issuerLinks());
    }

    private static String resource(String name) {
        try (InputStream in = GraphQLService.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Turns exceptions of the core into GraphQL errors a user can act on: a bad argument or an
     * unreachable database is said in plain words; anything else is reported without internals.
     */
    private static final class UserErrors implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                DataFetcherExceptionHandlerParameters p) {
            Throwable e = p.getException();
            while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            String message = e instanceof IllegalArgumentException
                    || e instanceof GraphUnavailableException
                    ? e.getMessage()
                    : "Internal error while reading " + p.getPath()
                    + "; the server log has details.";
            if (!(e instanceof IllegalArgumentException)) {
                System.getLogger(GraphQLService.class.getName())
                        .log(System.Logger.Level.WARNING, "GraphQL field " + p.getPath()
                                + " failed", e);
            }
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                    .error(GraphqlErrorBuilder.newError()
                            .message(message)
                            .path(p.getPath())
                            .location(p.getSourceLocation())
                            .build())
                    .build());
        }
    }
}
