import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the Java examples of README.md into the consumer's sources, so the consumer compiles and runs exactly what
 * the README shows. Run as a source-file program: {@code java ExtractReadmeExamples.java README OUT_DIR PACKAGE}.
 *
 * <p>An example is a {@code ```java} fenced block preceded by a marker comment (blank lines may come between):
 *
 * <pre>
 * &lt;!-- consumer-example: Embedding.java
 * 5 3 1
 * --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * The marker names the class; the lines after its first line, up to {@code -->}, are what the example must print on
 * {@code System.out} (each line compared with surrounding blanks trimmed; no lines: it must print nothing). A block
 * that declares the class itself ({@code class Embedding}, {@code record Embedding}, ...) is written as it is and
 * must have a {@code public static void main(String[])}. Any other block is a snippet: its leading {@code import}
 * lines stay imports and the rest becomes the body of {@code public static void run() throws Exception} of a class
 * of that name. Either way a {@code package} line is put first, since a named module has no unnamed package, and
 * blank lines keep each line of the block on its README line number, so compiler errors name README lines.
 * Unmarked blocks are left alone. A README without any marker is an error (the check would prove nothing).
 *
 * <p>Besides the examples it writes {@code ReadmeExamples.java}: the list of examples (name, README line, how to
 * run it, expected output) that {@code Main} runs.
 */
public class ExtractReadmeExamples {
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*consumer-example:\\s*([A-Za-z_$][\\w$]*)\\.java\\s*(-->)?\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.*]+\\s*;\\s*(//.*)?$");

    record Example(String name, int line, boolean wholeClass, String expected) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java ExtractReadmeExamples.java README.md OUT_DIR PACKAGE");
            System.exit(2);
        }
        Path readme = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String pkg = args[2];
        Path dir = out.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            int markerLine = i + 1;
            StringBuilder expected = new StringBuilder();
            if (m.group(2) == null) {
                for (i++; i < lines.size() && !lines.get(i).strip().equals("-->"); i++) {
                    expected.append(lines.get(i).strip()).append('\n');
                }
                if (i == lines.size()) {
                    fail(readme, markerLine, "the marker of " + name + " has no closing -->");
                }
            }
            for (i++; i < lines.size() && lines.get(i).isBlank(); i++) { }
            if (i == lines.size() || !lines.get(i).strip().equals("```java")) {
                fail(readme, markerLine, "the marker of " + name + " is not followed by a ```java block");
            }
            int first = i + 2;  // 1-based number of the block's first line
            List<String> block = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                block.add(lines.get(i));
            }
            if (i == lines.size()) {
                fail(readme, first - 1, "the ```java block of " + name + " is not closed");
            }
            boolean wholeClass = block.stream().anyMatch(l -> l.matches(
                    "^(public\\s+)?(final\\s+)?(class|record|interface|enum)\\s+" + Pattern.quote(name) + "\\b.*"));
            // Blank lines put every line of the block on its README line, so compiler errors give README lines.
            StringBuilder src = new StringBuilder("package " + pkg + ";  // from README.md (same line numbers): edit"
                    + " README.md, not this file\n").append("\n".repeat(first - 2));
            if (wholeClass) {
                block.forEach(l -> src.append(l).append('\n'));
            } else {
                int body = 0;
                while (body < block.size() && (IMPORT.matcher(block.get(body)).matches() || block.get(body).isBlank())) {
                    src.append(block.get(body)).append('\n');
                    body++;
                }
                src.append("public final class ").append(name).append(" { public static void run() throws Exception { ");
                for (String l : block.subList(body, block.size())) {
                    src.append(l).append('\n');
                }
                src.append("}}\n");
            }
            Files.writeString(dir.resolve(name + ".java"), src, StandardCharsets.UTF_8);
            examples.add(new Example(name, first, wholeClass, expected.toString()));
        }
        if (examples.isEmpty()) {
            fail(readme, 1, "no <!-- consumer-example: NAME.java --> marker; the consumer check would check nothing");
        }
        StringBuilder index = new StringBuilder("package " + pkg + ";\n\n")
                .append("/** Generated by ExtractReadmeExamples.java from ").append(readme.getFileName()).append(". */\n")
                .append("final class ReadmeExamples {\n")
                .append("    static final java.util.List<ReadmeExample> ALL = java.util.List.of(");
        String sep = "\n";
        for (Example e : examples) {
            index.append(sep).append("        new ReadmeExample(\"").append(e.name()).append("\", ").append(e.line())
                    .append(", ").append(e.wholeClass() ? "() -> " + e.name() + ".main(new String[0])" : e.name() + "::run")
                    .append(", \"").append(e.expected().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append("\")");
            sep = ",\n";
        }
        index.append(");\n\n    private ReadmeExamples() {}\n}\n");
        Files.writeString(dir.resolve("ReadmeExamples.java"), index, StandardCharsets.UTF_8);
        System.out.println("ExtractReadmeExamples: " + examples.size() + " example(s) from " + readme + ": "
                + examples.stream().map(e -> e.name() + " (line " + e.line() + ")").toList());
    }

    private static void fail(Path readme, int line, String message) {
        System.err.println(readme + ":" + line + ": " + message);
        System.exit(1);
    }
}
