import { describe, expect, it } from 'vitest';

import { memberView } from '../../../worker/domain/member-view';

const NOW = 1_000_000;
const facts = (over: Partial<Parameters<typeof memberView>[0]> = {}) => ({
  resolved: false,
  read: false,
  snoozedUntilMs: null,
  nowMs: NOW,
  ...over,
});

describe('memberView', () => {
  it('is unread by default, read when read, resolved above all', () => {
    expect(memberView(facts())).toBe('unread');
    expect(memberView(facts({ read: true }))).toBe('read');
    expect(memberView(facts({ resolved: true, read: false }))).toBe('resolved');
    expect(memberView(facts({ resolved: true, snoozedUntilMs: NOW + 1 }))).toBe('resolved');
  });

  it('is snoozed only while the snooze runs', () => {
    expect(memberView(facts({ snoozedUntilMs: NOW + 1 }))).toBe('snoozed');
    expect(memberView(facts({ snoozedUntilMs: NOW }))).toBe('unread');
    expect(memberView(facts({ snoozedUntilMs: NOW - 1 }))).toBe('unread');
    expect(memberView(facts({ read: true, snoozedUntilMs: NOW + 1 }))).toBe('read');
  });
});
