import { z } from 'zod';

import { MemberName } from './members';

/** A tenant is one Marketo instance, named by its Munchkin ID. */
export const MunchkinId = z.string().regex(/^[0-9]{3}-[A-Z]{3}-[0-9]{3}$/, 'a Munchkin ID like 123-ABC-456');
export type MunchkinId = z.infer<typeof MunchkinId>;

/** `enroll` keys only buy personal read keys (POST /v1/enroll); they read nothing. */
export const KeyRole = z.enum(['ingest', 'read', 'admin', 'enroll']);
export type KeyRole = z.infer<typeof KeyRole>;

export const TenantCreate = z.strictObject({ name: z.string().min(1).max(200).optional() });
export const Tenant = z.object({ id: MunchkinId, name: z.string().nullable(), createdAt: z.string() });
export type Tenant = z.infer<typeof Tenant>;

/** Roles whose keys belong to a member (a person) and read with that member's state. */
export const MEMBER_ROLES = ['read', 'admin'] as const;
export const hasMember = (role: KeyRole): role is (typeof MEMBER_ROLES)[number] =>
  (MEMBER_ROLES as readonly string[]).includes(role);

/** A key as the worker stores it (KV `key:<sha256 of the key>`); the key itself is never stored. */
export const KeyRecord = z.object({
  id: z.string(),
  tenant: MunchkinId,
  role: KeyRole,
  label: z.string().nullable(),
  createdAt: z.string(),
  /** The member a read or admin key belongs to; absent on keys made before members existed. */
  member: z.string().nullable().optional(),
  /** The enroll key that bought this key (POST /v1/enroll): its keys share a socket cap and a read limit. */
  enrolledBy: z.string().optional(),
});
export type KeyRecord = z.infer<typeof KeyRecord>;

export const KeyCreate = z
  .strictObject({
    role: KeyRole,
    label: z.string().min(1).max(200).optional(),
    /** The member a read or admin key belongs to; default: the key's own id. */
    member: MemberName.optional(),
  })
  .refine((k) => k.member === undefined || hasMember(k.role), {
    path: ['member'],
    message: 'only read and admin keys belong to a member',
  });
export type KeyCreate = z.infer<typeof KeyCreate>;
/** `key` is the secret bearer token: shown in this answer and never again. */
export const KeyCreated = z.object({
  id: z.string(),
  key: z.string(),
  role: KeyRole,
  member: z.string().optional(),
});
export type KeyCreated = z.infer<typeof KeyCreated>;

export const StreamTicket = z.object({ ticket: z.string(), expiresAt: z.string() });
export type StreamTicket = z.infer<typeof StreamTicket>;

/** What the calling key is (never the secret): lets a client learn its role without side effects. */
export const KeyInfo = z.object({
  id: z.string(),
  tenant: MunchkinId,
  role: KeyRole,
  label: z.string().nullable(),
  member: z.string().optional(),
});
export type KeyInfo = z.infer<typeof KeyInfo>;

/** One key of a tenant as an admin sees it (never the secret); `lastUsedAt` is exact to the minute. */
export const KeyListed = z.object({
  id: z.string(),
  role: KeyRole,
  label: z.string().nullable(),
  member: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type KeyListed = z.infer<typeof KeyListed>;
export const KeyList = z.object({ keys: z.array(KeyListed) });
export type KeyList = z.infer<typeof KeyList>;
/** An answer without a body (204), as a client reads it. */
export const NoContent = z.undefined();
