// Shared with the worker's outbound messages.
export * from '../../../shared/notification-text/headline';
