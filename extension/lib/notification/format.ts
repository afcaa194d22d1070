// Shared with the worker's outbound messages (dates and numbers in the reader's language).
export * from '../../../shared/format';
