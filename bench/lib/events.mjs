// Event bodies for the benchmarks: each campaign id + error code is its own notification.

/** One campaign failure; `n` picks the campaign, so distinct n make distinct notifications. */
export function campaignFailure(id, n, { errorCode = 'E1' } = {}) {
  return {
    id,
    type: 'campaign_failure',
    campaign: { id: `cmp-${n}`, name: `Bench campaign ${n}` },
    error: { code: errorCode, message: 'Bench failure' },
  };
}

/** A batch of `size` distinct campaign failures starting at campaign `first`. */
export function campaignBatch(prefix, first, size) {
  const events = [];
  for (let n = first; n < first + size; n++) events.push(campaignFailure(`${prefix}-${n}`, n));
  return { events };
}

/** A LinkedIn attempt against one target. */
export function linkedinAttempt(id, target, outcome = 'failure') {
  return { id, type: 'linkedin', operation: 'send', target, outcome };
}
