package fr.egide.letters.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The letters' placeholders, a small subset of Mustache: {@code {{a.b}}} is a value, {@code {{#a}}…{{/a}}} is shown
 * when {@code a} is true, non-blank or a non-empty list (once per item, the item's keys then visible), and
 * {@code {{^a}}…{{/a}}} when it is not. The model is maps, lists, strings and booleans. Strict: a name that is in
 * no map of the model is an error, so a typo in a template fails its test rather than printing nothing.
 */
final class TemplateText {

    private interface Node {
    }

    private record Text(String text) implements Node {
    }

    private record Value(String path) implements Node {
    }

    private record Section(String path, boolean inverted, List<Node> children) implements Node {
    }

    private final List<Node> nodes;

    private TemplateText(List<Node> nodes) {
        this.nodes = nodes;
    }

    static TemplateText parse(String source) {
        var root = new ArrayList<Node>();
        var stack = new ArrayDeque<List<Node>>();
        var open = new ArrayDeque<String>();
        stack.push(root);
        int at = 0;
        while (true) {
            int start = source.indexOf("{{", at);
            if (start < 0) {
                stack.peek().add(new Text(source.substring(at)));
                break;
            }
            stack.peek().add(new Text(source.substring(at, start)));
            int end = source.indexOf("}}", start);
            if (end < 0) {
                throw new IllegalArgumentException("« {{ » sans « }} » : " + excerpt(source, start));
            }
            var tag = source.substring(start + 2, end).strip();
            at = end + 2;
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("Balise vide : " + excerpt(source, start));
            }
            switch (tag.charAt(0)) {
                case '#', '^' -> {
                    var children = new ArrayList<Node>();
                    stack.peek().add(new Section(tag.substring(1).strip(), tag.charAt(0) == '^', children));
                    stack.push(children);
                    open.push(tag.substring(1).strip());
                }
                case '/' -> {
                    var name = tag.substring(1).strip();
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new IllegalArgumentException("« {{/" + name + "}} » ne ferme rien : " + excerpt(source, start));
                    }
                    open.pop();
                    stack.pop();
                }
                default -> stack.peek().add(new Value(tag));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("Section « " + open.peek() + " » jamais fermée.");
        }
        return new TemplateText(List.copyOf(root));
    }

    private static String excerpt(String source, int at) {
        return source.substring(at, Math.min(source.length(), at + 40));
    }

    String render(Map<String, ?> model) {
        var out = new StringBuilder();
        var scopes = new ArrayDeque<Object>();
        scopes.push(model);
        render(nodes, scopes, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Deque<Object> scopes, StringBuilder out) {
        for (var node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text());
            }
            else if (node instanceof Value value) {
                var resolved = lookup(value.path(), scopes);
                if (resolved != null && !(resolved instanceof Boolean)) {
                    out.append(resolved);
                }
            }
            else if (node instanceof Section section) {
                section(section, scopes, out);
            }
        }
    }

    private static void section(Section section, Deque<Object> scopes, StringBuilder out) {
        var resolved = lookup(section.path(), scopes);
        if (section.inverted()) {
            if (!truthy(resolved)) {
                render(section.children(), scopes, out);
            }
        }
        else if (resolved instanceof Collection<?> items) {
            for (var item : items) {
                scopes.push(item);
                render(section.children(), scopes, out);
                scopes.pop();
            }
        }
        else if (truthy(resolved)) {
            var scoped = resolved instanceof Map<?, ?>;
            if (scoped) {
                scopes.push(resolved);
            }
            render(section.children(), scopes, out);
            if (scoped) {
                scopes.pop();
            }
        }
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof CharSequence text) {
            return !text.toString().isBlank();
        }
        if (value instanceof Collection<?> items) {
            return !items.isEmpty();
        }
        return true;
    }

    /** The value at a dotted path, from the innermost scope that knows its first name. */
    static Object lookup(String path, Deque<Object> scopes) {
        var names = path.split("\\.");
        for (var scope : scopes) {
            if (scope instanceof Map<?, ?> map && map.containsKey(names[0])) {
                Object value = map.get(names[0]);
                for (int i = 1; i < names.length; i++) {
                    if (value == null) {
                        return null;
                    }
                    if (!(value instanceof Map<?, ?> inner) || !inner.containsKey(names[i])) {
                        throw new IllegalArgumentException("Variable inconnue : « " + path + " ».");
                    }
                    value = inner.get(names[i]);
                }
                return value;
            }
        }
        throw new IllegalArgumentException("Variable inconnue : « " + path + " ».");
    }

}
