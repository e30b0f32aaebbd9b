package org.certgraph.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The GraphiQL page served at {@code /}: its scripts and styles come from certgraph itself (no
 * CDN), and it opens with one tab per example operation in {@code graphql/examples/}.
 */
final class Playground {

    static final String GRAPHIQL = "/webjars/graphiql/2.4.7/";
    static final String REACT = "/webjars/react/18.3.1/umd/";
    static final String REACT_DOM = "/webjars/react-dom/18.3.1/umd/";

    private Playground() {
    }

    /** The page, with the examples listed in {@code graphql/examples/index.txt} preloaded. */
    static String page(ObjectMapper json) {
        List<Map<String, String>> tabs = new ArrayList<>();
        for (String name : read("/graphql/examples/index.txt").split("\\R")) {
            if (!name.isBlank() && !name.startsWith("#")) {
                tabs.add(Map.of("query", read("/graphql/examples/" + name.strip())));
            }
        }
        String tabsJson;
        try {
            tabsJson = json.writeValueAsString(tabs).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>certgraph playground</title>
                  <link rel="stylesheet" href="%1$sgraphiql.min.css">
                  <style>html, body, #graphiql { height: 100%%; margin: 0; }</style>
                </head>
                <body>
                  <div id="graphiql">Loading the certgraph playground…</div>
                  <script src="%2$sreact.production.min.js"></script>
                  <script src="%3$sreact-dom.production.min.js"></script>
                  <script src="%1$sgraphiql.min.js"></script>
                  <script>
                    const tabs = %4$s;
                    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
                    ReactDOM.createRoot(document.getElementById('graphiql')).render(
                      React.createElement(GraphiQL, {
                        fetcher: fetcher,
                        defaultTabs: tabs,
                        defaultEditorToolsVisibility: true
                      }));
                  </script>
                </body>
                </html>
                """.formatted(GRAPHIQL, REACT, REACT_DOM, tabsJson);
    }

    private static String read(String resource) {
        URL url = Playground.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
