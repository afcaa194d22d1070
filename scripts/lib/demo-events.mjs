// Sample events of every notification type, shaped like what a Marketo webhook or script posts.
// Shared by `npm run demo` and the end-to-end tests.

export const campaignFailure = (overrides = {}) => ({
  type: 'campaign_failure',
  campaign: { id: 1042, name: 'Welcome nurture: send email 1' },
  program: { id: 2001, name: 'Welcome program' },
  error: { code: 'SEND_FAILED', message: 'Email asset is not approved' },
  errorCode: 611,
  url: 'https://app-ab12.marketo.com/#SC1042A1',
  ...overrides,
});

export const salesforceSync = (overrides = {}) => ({
  type: 'crm_sync',
  crm: 'salesforce',
  problem: 'expired_credentials',
  message: 'The Salesforce sync user password expired',
  ...overrides,
});

/** Two lead failures of different causes: the digest groups them into one notification. */
export const dynamicsLeadFailures = () => [
  {
    type: 'crm_sync',
    crm: 'dynamics',
    problem: 'duplicate_lead',
    lead: { id: 5001, email: 'ana@example.com' },
  },
  { type: 'crm_sync', crm: 'dynamics', problem: 'field_length', lead: { id: 5002, email: 'bo@example.com' } },
];

export const engagementExhausted = (overrides = {}) => ({
  type: 'engagement_exhausted',
  program: { id: 3001, name: 'Onboarding engagement' },
  stream: { name: 'Stream 1' },
  exhaustedLeads: 128,
  ...overrides,
});

export const facebookProblem = (overrides = {}) => ({
  type: 'facebook',
  problem: 'terms_not_accepted',
  ...overrides,
});

export const triggerCampaignCleanup = (overrides = {}) => ({
  type: 'trigger_campaign_cleanup',
  campaign: { id: 1077, name: 'Old webinar follow-up' },
  action: 'scheduled',
  lastActivityAt: '2026-03-01T09:00:00Z',
  ...overrides,
});

/** Failures of one operation and target; the third consecutive one makes the notification. */
export const linkedinFailures = (times = 3) =>
  Array.from({ length: times }, () => ({
    type: 'linkedin',
    operation: 'send',
    target: 'Matched audience: Q3 buyers',
    outcome: 'failure',
  }));

export const quotaReached = (overrides = {}) => ({
  type: 'web_services_quota',
  errorCode: 607,
  message: 'Daily quota reached',
  ...overrides,
});

/** One event of every type, plus the Dynamics pair and three LinkedIn failures. */
export function everyTypeBatch() {
  return [
    campaignFailure(),
    salesforceSync(),
    ...dynamicsLeadFailures(),
    engagementExhausted(),
    facebookProblem(),
    triggerCampaignCleanup(),
    ...linkedinFailures(3),
    quotaReached(),
  ];
}
