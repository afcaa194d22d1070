/**
 * What the worker sends beyond the browser, rendered: pure functions of an OutboundMessage (no
 * storage, no Durable Object). The delivery side (routes, outbox, routing, retries) calls these.
 */
export { type AckPageInput, renderAckPage } from './ack-page';
export {
  ACK_TOKEN_TTL_MS,
  ackLink,
  ackTokenExpiry,
  type AckTokenPayload,
  type ChannelKind,
  deriveAckKey,
  signAckToken,
  verifyAckToken,
} from './ack-token';
export { renderEmail } from './email';
export * from './message';
export { outboundRequest } from './request';
export { renderSlack, SLACK_LIMITS, type SlackPayload } from './slack';
export { renderTeams, TEAMS_MAX_BYTES, teamsBytes } from './teams';
export { newWebhookSecret, renderWebhookBody, signWebhook } from './webhook';
