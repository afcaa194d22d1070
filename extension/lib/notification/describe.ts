// Shared with the worker's outbound messages: the extension and Slack say the same thing.
export * from '../../../shared/notification-text/describe';
