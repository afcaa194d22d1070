// Smart campaigns as Marketo's Asset API describes them (SmartCampaignResponse: every required field).

const CREATED = '2026-01-12T09:30:00Z';

/**
 * A full campaign record from a few facts. `recurrence` and the qualification fields are required by
 * Adobe's definition even for a campaign that never recurs, so they carry neutral values.
 */
export interface CampaignFacts {
  id: number;
  name: string;
  type?: 'batch' | 'default' | 'trigger';
  isActive?: boolean;
  status?: string;
  folderId?: number;
  host?: string;
  updatedAt?: string;
}

export type CampaignRecord = Record<string, unknown> & { id: number };

export function campaignRecord({
  id,
  name,
  type = 'trigger',
  isActive = true,
  status,
  folderId = 100 + (id % 7),
  host = 'app-sim.marketo.com',
  updatedAt = CREATED,
}: CampaignFacts): CampaignRecord {
  return {
    id,
    name,
    description: '',
    type,
    isSystem: false,
    isActive,
    isRequestable: false,
    recurrence: {
      startAt: CREATED,
      endAt: CREATED,
      intervalType: 'Daily',
      interval: 1,
      weekdayOnly: false,
      weekdayMask: [],
      dayOfMonth: 1,
      dayOfWeek: 'Monday',
      weekOfMonth: 1,
    },
    qualificationRuleType: 'once',
    qualificationRuleInterval: 0,
    qualificationRuleUnit: 'day',
    maxMembers: 0,
    isCommunicationLimitEnabled: false,
    smartListId: 5000 + id,
    flowId: 6000 + id,
    parentProgramId: folderId,
    folder: { id: folderId, type: 'Program' },
    createdAt: CREATED,
    updatedAt,
    workspace: 'Default',
    computedUrl: `https://${host}/#SC${id}A1`,
    status: status ?? (isActive ? 'Active' : type === 'batch' ? 'Never Run' : 'Inactive'),
  };
}

/** A small instance's campaigns: a few active triggers, batches, one inactive trigger. */
export function demoCampaigns(host?: string): CampaignRecord[] {
  return [
    campaignRecord({ id: 1001, name: 'Welcome - new subscribers', host }),
    campaignRecord({ id: 1002, name: 'Lead scoring - web visits', host }),
    campaignRecord({ id: 1003, name: 'Sync to sales - MQL', host }),
    campaignRecord({
      id: 1004,
      name: 'Webinar follow-up',
      host,
      type: 'batch',
      isActive: false,
      status: 'Single Run',
    }),
    campaignRecord({
      id: 1005,
      name: 'Monthly newsletter',
      host,
      type: 'batch',
      isActive: false,
      status: 'Recurring Run',
    }),
    campaignRecord({ id: 1006, name: 'Old form fills', host, isActive: false }),
  ];
}
