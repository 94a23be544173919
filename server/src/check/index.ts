export { checkScript, effectiveSeverity, type CheckOptions, type CheckResult } from './checkScript';
export type { Finding, Severity } from '../rules/rule';
