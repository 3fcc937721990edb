package dev.promptwise.core.catalog;

import dev.promptwise.core.text.EditDistance;
import dev.promptwise.core.tokens.ModelEncodings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ranks the catalog's models as replacements for an unknown model id: first the same vendor family (vendor, then
 * for OpenAI the GPT or o-series line, then the tier: mini, nano, flash, pro, opus, sonnet, haiku), then the same
 * tokenizer, then the same price class (input prices within {@value ModelSuggestion#PRICE_CLASS_RATIO}× of each
 * other, then bands of that ratio), then the same generation (the first number of the id: {@code gpt-4} is
 * nearer {@code gpt-4.1} than {@code gpt-5}), then edit distance, then catalog order. A model is a candidate when its name
 * is close by edit distance (at most a third of the name, at least 2) or when it is of the same vendor, line and
 * tier, so that {@code gemini-pro} finds {@code gemini-2.5-pro} though their names are far apart.
 */
final class SuggestionRanking {

    private static final List<String> TIERS = List.of("nano", "mini", "lite", "flash", "pro", "opus", "sonnet",
            "haiku");
    private static final Pattern O_SERIES = Pattern.compile("^o\\d.*");
    private static final Pattern GENERATION = Pattern.compile("\\d+");
    private static final Pattern VARIANT = Pattern.compile("preview|-exp|experimental"
            + "|audio|realtime|search|tts|transcribe|embedding|deep-research|latest|instruct|vision|image|codex|lyria"
            + "|learnlm|computer-use|live");
    private static final Pattern PARTS = Pattern.compile("[-_.]|(?<=\\d)(?=[a-z])|(?<=[a-z])(?=\\d)");

    private SuggestionRanking() {}

    /** The family of a model id, read from its name. */
    record Family(String vendor, String line, String tier, String generation) {

        static Family of(String normalisedId, String provider) {
            String vendor = provider != null ? provider.toLowerCase(Locale.ROOT) : vendorOf(normalisedId);
            String line = O_SERIES.matcher(normalisedId).matches() ? "o-series"
                    : normalisedId.startsWith("gpt") || normalisedId.startsWith("chatgpt") ? "gpt" : "";
            java.util.regex.Matcher number = GENERATION.matcher(normalisedId);
            return new Family(vendor, line, tierOf(normalisedId), number.find() ? number.group() : "");
        }

        private static String vendorOf(String id) {
            if (id.startsWith("gpt") || id.startsWith("chatgpt") || O_SERIES.matcher(id).matches()) {
                return "openai";
            }
            if (id.startsWith("claude")) {
                return "anthropic";
            }
            return id.startsWith("gemini") ? "google" : null;
        }

        /** The tiers named in the id, a part within one edit of a tier word counting as it ({@code mni}). */
        private static String tierOf(String id) {
            List<String> found = new ArrayList<>();
            for (String part : PARTS.split(id)) {
                for (String tier : TIERS) {
                    if (part.equals(tier) || (part.length() >= 3 && EditDistance.between(part, tier) <= 1)) {
                        found.add(tier);
                        break;
                    }
                }
            }
            return String.join("-", found);
        }
    }

    /**
     * Returns up to {@code limit} suggestions for {@code wanted}, best first.
     *
     * @param wanted the unknown id, normalised as the catalog normalises ids
     * @param names the catalog's normalised ids and aliases, each to the index of its model
     * @param models the catalog's models
     */
    static List<ModelSuggestion> rank(String wanted, Map<String, Integer> names, List<ModelInfo> models, int limit) {
        RetiredModels.Retired retired = RetiredModels.find(wanted);
        Family family = Family.of(wanted, null);
        String wantedEncoding = retired != null ? retired.encoding() : exactEncoding(wanted);
        int mostEdits = Math.max(2, wanted.length() / 3);
        int[] distance = new int[models.size()];
        java.util.Arrays.fill(distance, Integer.MAX_VALUE);
        for (Map.Entry<String, Integer> name : names.entrySet()) {
            int index = name.getValue();
            distance[index] = Math.min(distance[index], EditDistance.between(wanted, name.getKey()));
        }
        record Scored(ModelSuggestion suggestion, int familyMismatch, int variant, int tokenizer, int priceBand,
                int generation, int distance, int order) {}
        boolean wantedRoute = wanted.indexOf('/') >= 0;
        List<Scored> scored = new ArrayList<>();
        for (int index = 0; index < models.size(); index++) {
            ModelInfo model = models.get(index);
            if (!wantedRoute && model.id().indexOf('/') >= 0) {
                // A provider's copy (azure/…, vertex_ai/…) is offered only to a name written with a route.
                continue;
            }
            Family other = Family.of(PriceCatalog.normalise(model.id()), model.provider());
            int familyMismatch = family.vendor() == null ? 0
                    : !family.vendor().equals(other.vendor()) ? 3
                    : (family.line().equals(other.line()) ? 0 : 1) + (family.tier().equals(other.tier()) ? 0 : 1);
            boolean close = distance[index] <= mostEdits;
            if (!close && (family.vendor() == null || familyMismatch != 0)) {
                continue;
            }
            Double ratio = retired == null || retired.inputPrice() <= 0 ? null : model.input() / retired.inputPrice();
            ModelSuggestion suggestion = new ModelSuggestion(model.id(),
                    model.exactTokens() ? model.encoding() : null, wantedEncoding, ratio);
            int priceBand = ratio == null || ratio <= 0 ? 0
                    : (int) Math.floor(Math.abs(Math.log(ratio)) / Math.log(ModelSuggestion.PRICE_CLASS_RATIO));
            // A near-exact typo keeps the model it misspells first, variant or not.
            scored.add(new Scored(suggestion, familyMismatch, distance[index] <= 1 ? 0 : variant(model), suggestion.otherTokenizer() ? 1 : 0,
                    priceBand,
                    family.generation().equals(other.generation()) ? 0 : 1, distance[index], index));
        }
        scored.sort(Comparator.comparingInt(Scored::familyMismatch).thenComparingInt(Scored::variant)
                .thenComparingInt(Scored::tokenizer)
                .thenComparingInt(Scored::priceBand).thenComparingInt(Scored::generation)
                .thenComparingInt(Scored::distance)
                .thenComparingInt(Scored::order));
        return scored.stream().limit(limit).map(Scored::suggestion).toList();
    }

    /**
     * 1 for a model that is a variant rather than a model one would switch to: a preview or
     * experiment, an audio, realtime, search, speech or embedding model, one with a deprecation date, or one the
     * catalog prices at nothing; 0 for the rest, which are offered first.
     */
    private static int variant(ModelInfo model) {
        String id = model.id().toLowerCase(Locale.ROOT);
        boolean special = VARIANT.matcher(id).find() || model.deprecationDate() != null
                || (model.input() == 0 && model.output() == 0);
        return special ? 1 : 0;
    }

    /** Returns the encoding of an OpenAI family id, which is known exactly, or {@code null} for any other id. */
    private static String exactEncoding(String id) {
        ModelEncodings.ModelEncoding encoding = ModelEncodings.forModel(id);
        return encoding.estimated() ? null : encoding.encoding();
    }
}
