export { type AuditedContext, withAuditTrail } from "./audit.schema.js";
export { type AuditEntry, type AuditSink, fileAuditSink, stdoutAuditSink } from "./audit.sink.js";
export { type AuditTrail, createAuditTrail, loggedAuditTrail } from "./audit.trail.js";
