/**
 * Version of the analyzer's output.
 *
 * Bump it whenever tokenization, normalization, tone placement or folding output changes in any way:
 * index manifests record the version an index was built with, and a query analyzed by a different
 * version may not find the terms the index contains. vi-2 (2026-12-04): codes such as `U.23`, `U-23`,
 * `F-16` are one word (`u23`), as `U23` is.
 */
export const ANALYZER_VERSION = 'vi-2';
