// The report engine's public API. Pure functions over text; no I/O, nothing from `vscode` or the LSP connection.

export { parse } from './parse';
export { check, resolveSeverity, SOURCE } from './check';
export type { CheckOptions, SeveritySetting, DiagnosticData } from './check';
export { RULES, RULE_CODES, DEFAULT_SEVERITY, FIX_ALL_CODES, ruleSpec, ruleText } from './rules';
export type { RuleCode, RuleSpec, RuleText, RuleCategory } from './rules';
export { inspect, allCells } from './inspect';
export type { PositionInfo } from './inspect';
export { computations } from './totals';
export type { Computation, Operand } from './totals';
export * from './model';
export * as schema from './schema';
export * as template from './template';
export { cellName, partName, rowName, subsectionName, formatSum } from './names';
export { LineIndex, trimSpanEnd } from './text';
export type { Span } from './text';
export { identify, unitKey, unitKind, groupUnits, fromFileName, cleanUnitName, UNIT_KINDS } from './identity';
export type { ReportIdentity, UnitKind, UnitMapping, IdentitySource } from './identity';
export { factsOf, certainValue, packFacts, unpackFacts, unpackKey } from './facts';
export type { Fact, ReportFacts, ColumnFacts, DocumentCountFacts, FactsOptions, PackedFacts } from './facts';
export { acrossReports, crossYearDiagnostics, missingReports, pairReports, publicationDeadline, publicationDiagnostics, reportDiagnostics } from './crossYear';
export type { AcrossReports, CrossYearOptions, LastYearData, MissingReport, Pairing, ReportKey } from './crossYear';
export { AGGREGATE_TABLES, TABLE_ROWS, aggregateReportText, checkAggregate, sumTableValues, tableValuesOf } from './aggregate';
export type { AggregateTable, TableNumbers, TableSums, TableValues } from './aggregate';
