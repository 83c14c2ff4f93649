package dev.ligature.consumer;

/** One example of README.md, as ExtractReadmeExamples.java found it. */
record ReadmeExample(String name, int readmeLine, Body body, String expectedOutput) {
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }
}
