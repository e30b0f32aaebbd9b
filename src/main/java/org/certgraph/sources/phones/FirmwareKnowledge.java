package org.certgraph.sources.phones;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.certgraph.sources.TextFiles;
import org.certgraph.sources.inventory.YamlTree;
import org.certgraph.sources.inventory.YamlTree.Node;

/**
 * What handset firmware can validate, read from the shipped knowledge file
 * ({@code importers/knowledge/firmware.yaml}) and optionally a site's own file that adds models,
 * adds firmware ranges that take precedence over the shipped ones, and gives values to site
 * settings such as {@code lpeSha256FromVersion}.
 *
 * <p>Every known capability carries the source that states it. Where no source does, the
 * knowledge file marks the capability as decided by a named site setting; until a site file sets
 * it, {@link #capabilities} answers "unknown" with the reason, never a guess. The file format is
 * described in {@code importers/phones.md}. Instances are immutable.
 */
public final class FirmwareKnowledge {

    /** Where {@link #fromClassPath()} looks for the shipped file. */
    public static final String RESOURCE = "/knowledge/firmware.yaml";

    static final String SIGNATURE_HASHES = "signatureHashes";
    static final String KEYS = "keys";

    private static final Set<String> TOP_KEYS =
            Set.of("certgraph-knowledge", "settings", "models", "unknownModels");
    private static final Set<String> SETTING_KEYS = Set.of(
            "kind", "capability", "below", "atOrAbove", "description", "value", "source");
    private static final Set<String> MODEL_KEYS =
            Set.of("vendor", "model", "models", "platform", "source", "note", "firmware");
    private static final Set<String> RANGE_KEYS = Set.of(
            "from", "before", SIGNATURE_HASHES, KEYS, "rsaKeySizes", "source", "note");
    private static final List<String> NAME_SUFFIXES =
            List.of("businessmediaphone", "ipdeskphone", "deskphone", "ipphone", "phone", "ip");
    private static final String DEFAULT_UNKNOWN_MODEL_NOTE = "the knowledge files do not"
            + " describe this model; add it to a site knowledge file with its sources";

    private enum SpecKind { KNOWN, UNKNOWN, SETTING }

    private record Spec(SpecKind kind, List<String> values, String setting) {
    }

    private record Range(FirmwareVersion from, FirmwareVersion before, Map<String, Spec> specs,
                         String source, String note) {
        boolean contains(FirmwareVersion version) {
            return (from == null || from.compareTo(version) <= 0)
                    && (before == null || version.isBefore(before));
        }
    }

    private record Setting(String name, String kind, String capability, List<String> below,
                           List<String> atOrAbove, String description) {
    }

    private record SettingValue(String text, FirmwareVersion version, List<String> list,
                                String source) {
    }

    private record Model(HandsetModelInfo info, List<Range> ranges) {
    }

    private final Map<String, Model> models;
    private final Map<String, Setting> settings;
    private final Map<String, SettingValue> values;
    private final String unknownModelNote;
    private final List<String> files;

    private FirmwareKnowledge(Map<String, Model> models, Map<String, Setting> settings,
                              Map<String, SettingValue> values, String unknownModelNote,
                              List<String> files) {
        this.models = models;
        this.settings = settings;
        this.values = values;
        this.unknownModelNote = unknownModelNote;
        this.files = files;
    }

    /** Knowledge of nothing: every model is unknown. */
    public static FirmwareKnowledge empty() {
        return new FirmwareKnowledge(Map.of(), Map.of(), Map.of(), DEFAULT_UNKNOWN_MODEL_NOTE,
                List.of());
    }

    /** Reads a knowledge file, typically the shipped {@code firmware.yaml}. */
    public static FirmwareKnowledge load(Path file) throws KnowledgeException {
        return empty().withFile(file);
    }

    /**
     * Reads the shipped knowledge file from the class path ({@value #RESOURCE}).
     *
     * @throws KnowledgeException when it is not there or cannot be read
     */
    public static FirmwareKnowledge fromClassPath() throws KnowledgeException {
        try (InputStream in = FirmwareKnowledge.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KnowledgeException("The firmware knowledge file " + RESOURCE + " is not"
                        + " on the class path; pass the file importers/knowledge/firmware.yaml"
                        + " explicitly", List.of());
            }
            return empty().with("firmware.yaml", TextFiles.readAll(in));
        } catch (IOException e) {
            throw new KnowledgeException("The firmware knowledge file " + RESOURCE + " could not"
                    + " be read (" + e.getMessage() + ")", List.of());
        }
    }

    /**
     * This knowledge extended by a site file: its models are added, its firmware ranges are
     * consulted before the ones already known, and its setting values apply.
     */
    public FirmwareKnowledge withSite(Path file) throws KnowledgeException {
        return withFile(file);
    }

    private FirmwareKnowledge withFile(Path file) throws KnowledgeException {
        String name = String.valueOf(file.getFileName());
        try {
            return with(name, Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new KnowledgeException("The knowledge file " + name + " does not exist; check"
                    + " its name and folder", List.of());
        } catch (IOException e) {
            throw new KnowledgeException("The knowledge file " + name + " cannot be read ("
                    + e.getMessage() + "); check that certgraph may read it", List.of());
        }
    }

    /** This knowledge extended by the YAML {@code text}; {@code name} is used in messages. */
    public FirmwareKnowledge with(String name, String text) throws KnowledgeException {
        Node root = parse(name, text);
        Loader loader = new Loader(this, name);
        loader.load(root);
        if (!loader.problems.isEmpty()) {
            throw new KnowledgeException("The knowledge file " + name + " cannot be used:",
                    loader.problems);
        }
        List<String> allFiles = new ArrayList<>(files);
        allFiles.add(name);
        return new FirmwareKnowledge(frozen(loader.models), frozen(loader.settings),
                frozen(loader.values), loader.unknownModelNote, List.copyOf(allFiles));
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Node parse(String name, String text) throws KnowledgeException {
        List<YamlTree.Problem> duplicates = new ArrayList<>();
        Node root;
        try (Reader reader = new StringReader(text)) {
            root = YamlTree.read(reader, duplicates);
        } catch (YamlTree.SyntaxException e) {
            throw new KnowledgeException("The knowledge file " + name + " is not valid YAML at"
                    + " line " + e.line() + ": " + e.getMessage() + "; fix the indentation or"
                    + " quoting there", List.of());
        } catch (IOException e) {
            throw new KnowledgeException("The knowledge file " + name + " cannot be read ("
                    + e.getMessage() + ")", List.of());
        }
        if (!duplicates.isEmpty()) {
            List<String> problems = new ArrayList<>();
            duplicates.forEach(d -> problems.add(name + ", line " + d.line() + ": "
                    + d.message()));
            throw new KnowledgeException("The knowledge file " + name + " cannot be used:",
                    problems);
        }
        return root;
    }

    /** The names of the files this knowledge was read from, in order. */
    public List<String> files() {
        return files;
    }

    /** What the knowledge files say about models they do not describe. */
    public String unknownModelNote() {
        return unknownModelNote;
    }

    /**
     * The model a name as written in an inventory stands for: "HP 4120", "hp4120",
     * "HP 4120 IP Phone" and "4120" all find HP 4120 (a bare model name only when no other
     * vendor has a model of that name).
     */
    public Optional<HandsetModelInfo> findModel(String written) {
        if (written == null) {
            return Optional.empty();
        }
        Map<String, String> index = nameIndex();
        String key = normaliseName(written);
        String id = index.get(key);
        for (int i = 0; id == null && i < NAME_SUFFIXES.size(); i++) {
            String suffix = NAME_SUFFIXES.get(i);
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                id = index.get(key.substring(0, key.length() - suffix.length()));
            }
        }
        return id == null ? Optional.empty() : Optional.of(models.get(id).info());
    }

    /** The model with exactly this id, if described. */
    public Optional<HandsetModelInfo> model(String id) {
        Model model = models.get(id);
        return model == null ? Optional.empty() : Optional.of(model.info());
    }

    private Map<String, String> nameIndex() {
        Map<String, String> index = new HashMap<>();
        Map<String, String> bare = new HashMap<>();
        for (Model model : models.values()) {
            index.put(normaliseName(model.info().id()), model.info().id());
            String modelKey = normaliseName(model.info().model());
            bare.merge(modelKey, model.info().id(), (a, b) -> a.equals(b) ? a : "");
        }
        bare.forEach((key, id) -> {
            if (!id.isEmpty()) {
                index.putIfAbsent(key, id);
            }
        });
        return index;
    }

    static String normaliseName(String written) {
        StringBuilder out = new StringBuilder();
        written.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * What firmware {@code version} of model {@code modelId} can validate. Each capability is
     * known with its source, or unknown with the reason and the site setting that decides it.
     */
    public Capabilities capabilities(String modelId, FirmwareVersion version) {
        Model model = models.get(modelId);
        if (model == null) {
            Capability unknown = Capability.unknown(unknownModelNote, null);
            return new Capabilities(unknown, unknown);
        }
        return new Capabilities(capability(model, version, SIGNATURE_HASHES),
                capability(model, version, KEYS));
    }

    private Capability capability(Model model, FirmwareVersion version, String what) {
        for (Range range : model.ranges()) {
            Spec spec = range.specs().get(what);
            if (spec == null || !range.contains(version)) {
                continue;
            }
            return switch (spec.kind()) {
                case KNOWN -> Capability.known(spec.values(), range.source(), range.note());
                case UNKNOWN -> Capability.unknown(range.note(), null);
                case SETTING -> fromSetting(spec.setting(), version);
            };
        }
        return Capability.unknown("the knowledge files say nothing about " + what + " of "
                + model.info().id() + " " + version + "; add a firmware range for it to a site"
                + " knowledge file", null);
    }

    private Capability fromSetting(String name, FirmwareVersion version) {
        Setting setting = settings.get(name);
        SettingValue value = values.get(name);
        if (value == null) {
            return Capability.unknown(setting.description() + " Until a site knowledge file sets "
                    + name + " (with its source), this stays unknown.", name);
        }
        String note = "site setting " + name + " = " + value.text();
        if (setting.kind().equals("fromVersion")) {
            List<String> list = version.isBefore(value.version()) ? setting.below()
                    : setting.atOrAbove();
            return Capability.known(list, value.source(), note);
        }
        return Capability.known(value.list(), value.source(), note);
    }

    /** Reads one file's tree into copies of the maps, collecting every problem. */
    private static final class Loader {
        final String file;
        final List<String> problems = new ArrayList<>();
        final Map<String, Model> models;
        final Map<String, Setting> settings;
        final Map<String, SettingValue> values;
        String unknownModelNote;
        private final Map<String, List<Range>> newRanges = new LinkedHashMap<>();

        Loader(FirmwareKnowledge base, String file) {
            this.file = file;
            this.models = new LinkedHashMap<>(base.models);
            this.settings = new LinkedHashMap<>(base.settings);
            this.values = new LinkedHashMap<>(base.values);
            this.unknownModelNote = base.unknownModelNote;
        }

        void problem(long line, String message) {
            problems.add(file + ", line " + line + ": " + message);
        }

        void load(Node root) {
            if (!root.isMap()) {
                problem(root.line(), "the file must be a mapping that starts with"
                        + " \"certgraph-knowledge: 1\"; it is " + root.describe());
                return;
            }
            unknownKeys(root, TOP_KEYS, "at the top level");
            String version = root.text("certgraph-knowledge");
            if (!"1".equals(version)) {
                problem(root.lineOf("certgraph-knowledge"), "the file must say"
                        + " \"certgraph-knowledge: 1\" (found " + (version == null ? "nothing"
                        : "\"" + version + "\"") + "); this certgraph reads version 1");
                return;
            }
            Node settingsNode = root.get("settings");
            if (settingsNode != null) {
                loadSettings(settingsNode);
            }
            Node modelsNode = root.get("models");
            if (modelsNode != null) {
                loadModels(modelsNode);
            }
            Node unknown = root.get("unknownModels");
            if (unknown != null) {
                unknownKeys(unknown, Set.of("note"), "in unknownModels");
                String note = unknown.text("note");
                if (note != null) {
                    unknownModelNote = note;
                }
            }
            newRanges.forEach((id, ranges) -> {
                Model model = models.get(id);
                List<Range> all = new ArrayList<>(ranges);
                all.addAll(model.ranges());
                models.put(id, new Model(model.info(), List.copyOf(all)));
            });
        }

        void unknownKeys(Node node, Set<String> allowed, String where) {
            if (!node.isMap()) {
                problem(node.line(), "expected a mapping " + where + ", found "
                        + node.describe());
                return;
            }
            for (String key : node.unknownKeys(allowed)) {
                problem(node.lineOf(key), "unknown key \"" + key + "\" " + where + "; the keys"
                        + " allowed there are " + YamlTree.listKeys(allowed));
            }
        }

        void loadSettings(Node node) {
            if (!node.isMap()) {
                problem(node.line(), "settings must be a mapping of setting names; found "
                        + node.describe());
                return;
            }
            node.entries().forEach((name, entry) -> {
                unknownKeys(entry, SETTING_KEYS, "in setting " + name);
                if (entry.isMap() && entry.get("kind") != null) {
                    declare(name, entry);
                }
            });
            node.entries().forEach((name, entry) -> {
                if (entry.isMap() && entry.get("value") != null) {
                    assign(name, entry, node.lineOf(name));
                } else if (entry.isMap() && entry.get("kind") == null) {
                    problem(entry.line(), "setting " + name + " has neither kind (to declare it)"
                            + " nor value (to set it); add \"value:\" and \"source:\"");
                }
            });
        }

        void declare(String name, Node entry) {
            String kind = entry.text("kind");
            String capability = entry.text("capability");
            String description = entry.text("description");
            if (!"fromVersion".equals(kind) && !"list".equals(kind)) {
                problem(entry.lineOf("kind"), "setting " + name + " has kind \"" + kind + "\";"
                        + " write fromVersion or list");
                return;
            }
            if (!SIGNATURE_HASHES.equals(capability) && !KEYS.equals(capability)) {
                problem(entry.lineOf("capability"), "setting " + name + " has capability \""
                        + capability + "\"; write signatureHashes or keys");
                return;
            }
            if (description == null) {
                problem(entry.line(), "setting " + name + " needs a description that says what"
                        + " it decides and why no source decides it");
                return;
            }
            List<String> below = List.of();
            List<String> atOrAbove = List.of();
            if (kind.equals("fromVersion")) {
                below = names(entry.get("below"), capability, "below", entry.line());
                atOrAbove = names(entry.get("atOrAbove"), capability, "atOrAbove",
                        entry.line());
            }
            settings.put(name, new Setting(name, kind, capability, below, atOrAbove,
                    description));
        }

        void assign(String name, Node entry, long line) {
            Setting setting = settings.get(name);
            if (setting == null) {
                problem(line, "\"" + name + "\" is not a setting the knowledge files"
                        + " declare; the settings are " + String.join(", ", settings.keySet()));
                return;
            }
            String source = entry.text("source");
            if (source == null) {
                problem(line, "setting " + name + " has a value but no source; add"
                        + " source: with a document or \"site decision\"");
                return;
            }
            Node value = entry.get("value");
            if (setting.kind().equals("fromVersion")) {
                if (!value.isScalar()) {
                    problem(value.line(), "setting " + name + " needs a firmware version as its"
                            + " value, e.g. 4.0.7577.4420; found " + value.describe());
                    return;
                }
                try {
                    FirmwareVersion version = FirmwareVersion.parse(value.text());
                    values.put(name, new SettingValue(version.toString(), version, List.of(),
                            source));
                } catch (IllegalArgumentException e) {
                    problem(value.line(), "setting " + name + ": " + e.getMessage());
                }
                return;
            }
            List<String> list = names(value, setting.capability(), "value", entry.line());
            values.put(name, new SettingValue(String.join(", ", list), null, list, source));
        }

        List<String> names(Node node, String capability, String what, long line) {
            if (node == null || !node.isList()) {
                problem(node == null ? line : node.line(), what + " must be a list such as"
                        + (KEYS.equals(capability) ? " [RSA-1024, RSA-2048]" : " [SHA1, SHA256]")
                        + "; found " + (node == null ? "nothing" : node.describe()));
                return List.of();
            }
            UnaryOperator<String> canonical = KEYS.equals(capability)
                    ? CapabilityNames::key : CapabilityNames::hash;
            return convert(node, canonical);
        }

        List<String> convert(Node list, UnaryOperator<String> canonical) {
            List<String> out = new ArrayList<>();
            for (Node item : list.items()) {
                try {
                    String name = canonical.apply(item.isScalar() ? item.text() : null);
                    if (!out.contains(name)) {
                        out.add(name);
                    }
                } catch (IllegalArgumentException e) {
                    problem(item.line(), e.getMessage());
                }
            }
            return List.copyOf(out);
        }

        void loadModels(Node node) {
            if (!node.isList()) {
                problem(node.line(), "models must be a list of entries starting with '-'; found "
                        + node.describe());
                return;
            }
            for (Node entry : node.items()) {
                unknownKeys(entry, MODEL_KEYS, "in a model entry");
                if (entry.isMap()) {
                    loadModel(entry);
                }
            }
        }

        void loadModel(Node entry) {
            String vendor = entry.text("vendor");
            List<String> names = modelNames(entry);
            if (vendor == null || names.isEmpty()) {
                problem(entry.line(), "a model entry needs vendor: and model: (or models: [...]),"
                        + " e.g. vendor: HP and model: \"4120\"");
                return;
            }
            String platform = entry.text("platform");
            String source = entry.text("source");
            if (platform != null && source == null) {
                problem(entry.line(), "the entry for " + vendor + " " + names.get(0) + " names a"
                        + " platform but no source; add source: with the document that says so");
            }
            List<Range> ranges = ranges(entry.get("firmware"));
            for (String name : names) {
                String id = vendor + " " + name;
                Model known = models.get(id);
                if (known == null && platform == null) {
                    problem(entry.line(), id + " is a new model: give its platform and source");
                    continue;
                }
                HandsetModelInfo info = platform == null ? known.info()
                        : new HandsetModelInfo(id, vendor, name, platform, source);
                models.put(id, new Model(info, known == null ? List.of() : known.ranges()));
                newRanges.computeIfAbsent(id, k -> new ArrayList<>()).addAll(ranges);
            }
        }

        List<String> modelNames(Node entry) {
            List<String> names = new ArrayList<>();
            String single = entry.text("model");
            if (single != null) {
                names.add(single);
            }
            Node many = entry.get("models");
            if (many != null && many.isList()) {
                many.items().stream().filter(Node::isScalar).map(Node::text)
                        .filter(t -> !t.isEmpty()).forEach(names::add);
            } else if (many != null) {
                problem(many.line(), "models must be a list such as [\"4110\", \"4120\"]");
            }
            return names;
        }

        List<Range> ranges(Node node) {
            List<Range> ranges = new ArrayList<>();
            if (node == null) {
                return ranges;
            }
            if (!node.isList()) {
                problem(node.line(), "firmware must be a list of ranges starting with '-'; found "
                        + node.describe());
                return ranges;
            }
            for (Node entry : node.items()) {
                unknownKeys(entry, RANGE_KEYS, "in a firmware range");
                if (entry.isMap()) {
                    Range range = range(entry);
                    if (range != null) {
                        ranges.add(range);
                    }
                }
            }
            return ranges;
        }

        Range range(Node entry) {
            FirmwareVersion from = version(entry, "from");
            FirmwareVersion before = version(entry, "before");
            if (from != null && before != null && !from.isBefore(before)) {
                problem(entry.line(), "the range from " + from + " before " + before + " is"
                        + " empty; \"from\" must be lower than \"before\"");
                return null;
            }
            Map<String, Spec> specs = new LinkedHashMap<>();
            spec(entry, SIGNATURE_HASHES, specs);
            spec(entry, KEYS, specs);
            Node bits = entry.get("rsaKeySizes");
            if (bits != null) {
                if (specs.containsKey(KEYS)) {
                    problem(entry.lineOf("rsaKeySizes"), "give keys or rsaKeySizes, not both");
                } else if (bits.isList()) {
                    specs.put(KEYS, new Spec(SpecKind.KNOWN,
                            convert(bits, CapabilityNames::rsaBits), null));
                } else {
                    problem(bits.line(), "rsaKeySizes must be a list such as [1024, 2048]");
                }
            }
            String source = entry.text("source");
            String note = entry.text("note");
            boolean anyKnown = specs.values().stream().anyMatch(s -> s.kind() == SpecKind.KNOWN);
            boolean anyUnknown =
                    specs.values().stream().anyMatch(s -> s.kind() == SpecKind.UNKNOWN);
            if (anyKnown && source == null) {
                problem(entry.line(), "this firmware range states a capability without a source;"
                        + " add source: with the document title and URL or KB number, or use"
                        + " a site setting");
                return null;
            }
            if (anyUnknown && note == null) {
                problem(entry.line(), "this firmware range marks a capability unknown; add"
                        + " note: saying why");
                return null;
            }
            if (specs.isEmpty()) {
                problem(entry.line(), "this firmware range states no capability; give"
                        + " signatureHashes or keys");
                return null;
            }
            return new Range(from, before, Map.copyOf(specs), source, note);
        }

        FirmwareVersion version(Node entry, String key) {
            String text = entry.text(key);
            if (text == null) {
                return null;
            }
            try {
                return FirmwareVersion.parse(text);
            } catch (IllegalArgumentException e) {
                problem(entry.lineOf(key), e.getMessage());
                return null;
            }
        }

        void spec(Node entry, String what, Map<String, Spec> specs) {
            Node node = entry.get(what);
            if (node == null) {
                return;
            }
            if (node.isList()) {
                UnaryOperator<String> canonical = KEYS.equals(what)
                        ? CapabilityNames::key : CapabilityNames::hash;
                specs.put(what, new Spec(SpecKind.KNOWN, convert(node, canonical), null));
            } else if (node.isScalar() && node.text().equalsIgnoreCase("unknown")) {
                specs.put(what, new Spec(SpecKind.UNKNOWN, List.of(), null));
            } else if (node.isMap() && node.text("siteSetting") != null) {
                unknownKeys(node, Set.of("siteSetting"), "in " + what);
                String name = node.text("siteSetting");
                Setting setting = settings.get(name);
                if (setting == null || !setting.capability().equals(what)) {
                    problem(node.line(), "\"" + name + "\" is not a declared setting for " + what
                            + "; declare it under settings: with kind, capability and"
                            + " description");
                    return;
                }
                specs.put(what, new Spec(SpecKind.SETTING, List.of(), name));
            } else {
                problem(node.line(), what + " must be a list, \"unknown\", or"
                        + " {siteSetting: name}; found " + node.describe());
            }
        }
    }
}
