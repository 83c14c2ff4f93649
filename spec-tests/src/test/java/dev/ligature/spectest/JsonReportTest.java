package dev.ligature.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static FileResult result(int passed, int failed, int skipped) {
        List<Failure> failures = java.util.stream.IntStream.range(0, failed)
                .mapToObj(i -> new Failure(i, "module", "x")).toList();
        return new FileResult(Path.of("x.wast"), "x.wast", passed, failed, skipped, failures);
    }

    @Test
    void writesEngineAndPerFileCountsInOrder() {
        LinkedHashMap<String, FileResult> files = new LinkedHashMap<>();
        files.put("b.wast", result(3, 1, 0));
        files.put("proposals/a.wast", result(0, 0, 7));
        assertEquals("""
                {
                  "engine": "interpreter",
                  "files": {
                    "b.wast": {"passed": 3, "failed": 1, "skipped": 0},
                    "proposals/a.wast": {"passed": 0, "failed": 0, "skipped": 7}
                  }
                }
                """, JsonReport.toJson("interpreter", files));
    }

    @Test
    void writesAnEmptyRun() {
        assertEquals("{\n  \"engine\": \"compiler\",\n  \"files\": {}\n}\n",
                JsonReport.toJson("compiler", new LinkedHashMap<>()));
    }

    @Test
    void escapesStrings() {
        StringBuilder sb = new StringBuilder();
        JsonReport.quote(sb, "a\"b\\c\nd\u0001é");
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001é\"", sb.toString());
    }
}
