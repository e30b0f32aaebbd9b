package org.certgraph.api;

import java.util.List;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;

/**
 * Depth and complexity limits for questions about the graph. Schema introspection (what
 * GraphiQL asks for when it opens) is exempt: it reads no data and is deeper than any sensible
 * limit for data queries.
 */
final class QueryLimits {

    private QueryLimits() {
    }

    static Instrumentation of(int maxDepth, int maxComplexity) {
        return new ChainedInstrumentation(List.of(
                new DepthLimit(maxDepth), new ComplexityLimit(maxComplexity)));
    }

    private static boolean onlyIntrospection(InstrumentationExecuteOperationParameters p) {
        OperationDefinition operation = p.getExecutionContext().getOperationDefinition();
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }

    private static final class DepthLimit extends MaxQueryDepthInstrumentation {
        DepthLimit(int max) {
            super(max);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters p, InstrumentationState state) {
            return onlyIntrospection(p)
                    ? SimpleInstrumentationContext.noOp() : super.beginExecuteOperation(p, state);
        }
    }

    private static final class ComplexityLimit extends MaxQueryComplexityInstrumentation {
        ComplexityLimit(int max) {
            super(max);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters p, InstrumentationState state) {
            return onlyIntrospection(p)
                    ? SimpleInstrumentationContext.noOp() : super.beginExecuteOperation(p, state);
        }
    }
}
