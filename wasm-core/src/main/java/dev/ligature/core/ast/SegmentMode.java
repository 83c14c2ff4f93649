package dev.ligature.core.ast;

/** How an element or data segment is used: copied at instantiation, on demand, or only declared. */
public enum SegmentMode {
    ACTIVE,
    PASSIVE,
    /** Element segments only: declares functions that {@code ref.func} may name. */
    DECLARATIVE
}
