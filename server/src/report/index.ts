// The report engine's public API. Pure functions over text; no I/O, nothing from `vscode` or the LSP connection.

export { parse } from './parse';
export { check, RULE_CODES, DEFAULT_SEVERITY, SOURCE } from './check';
export type { CheckOptions, RuleCode, SeveritySetting, DiagnosticData } from './check';
export { inspect, allCells } from './inspect';
export type { PositionInfo } from './inspect';
export { computations } from './totals';
export type { Computation, Operand } from './totals';
export * from './model';
export * as schema from './schema';
export * as template from './template';
export { cellName, normalizeLocale, partName, formatSum } from './messages';
export type { Locale } from './messages';
export { LineIndex, trimSpanEnd } from './text';
export type { Span } from './text';
