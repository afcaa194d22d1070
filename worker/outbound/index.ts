/**
 * What the worker sends beyond the browser, rendered: pure functions of an OutboundMessage (no
 * storage, no Durable Object). The delivery side (routes, outbox, routing, retries) calls these.
 */
export * from './message';
export { renderSlack, escapeMrkdwn, SLACK_LIMITS, type SlackPayload } from './slack';
export { renderTeams, teamsBytes, TEAMS_MAX_BYTES, type TeamsPayload, type AdaptiveCard } from './teams';
export { renderWebhookBody, signWebhook, newWebhookSecret, WEBHOOK_SECRET_PREFIX } from './webhook';
export { renderEmail, escapeHtml, type EmailContent } from './email';
export { outboundRequest, OUTBOUND_USER_AGENT, type OutboundRequestOptions } from './request';
export {
  signAckToken,
  verifyAckToken,
  deriveAckKey,
  ackTokenExpiry,
  ackLink,
  ACK_TOKEN_TTL_MS,
  CHANNEL_KINDS,
  type AckTokenPayload,
  type ChannelKind,
} from './ack-token';
export {
  renderAckPage,
  ACK_PAGE_HEADERS,
  type AckPage,
  type AckPageInput,
  type AckPageState,
} from './ack-page';
