/**
 * Version of the analyzer's output.
 *
 * Bump it whenever tokenization, normalization, tone placement or folding output changes in any way:
 * index manifests record the version an index was built with, and a query analyzed by a different
 * version may not find the terms the index contains.
 */
export const ANALYZER_VERSION = 'vi-1';
