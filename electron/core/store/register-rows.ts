// Row <-> entry mapping and validation for the registers: the store is the last line of defence, whatever the
// caller (CLI, IPC, import) checked before.
import {
  LEGAL_BASES,
  PROCESSOR_ROLES,
  SPECIAL_BASES,
  TRANSFER_BASES,
  type Activity,
  type ActivityInput,
  type Processor,
  type ProcessorInput,
} from '../../shared/registers';
import { isCalendarDate } from '../../shared/dates';
import { StoreError } from './errors';
import { isSha256Hex } from './paths';

export interface ProcessorRow {
  id: number;
  client_id: number;
  name: string;
  service: string;
  role: string;
  country: string;
  dpa_signed_on: string | null;
  dpa_document: string | null;
  transfer_basis: string | null;
  sub_processors_json: string;
  next_review_on: string | null;
  notes: string;
  updated_at: string;
}

export interface ActivityRow {
  id: number;
  client_id: number;
  activity: string;
  purposes: string;
  legal_basis: string | null;
  special_basis: string | null;
  data_categories: string;
  subject_categories: string;
  recipients: string;
  third_country_transfers: string;
  retention: string;
  tom_reference: string;
  updated_at: string;
}

export const toProcessor = (r: ProcessorRow): Processor => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  service: r.service,
  role: r.role as Processor['role'],
  country: r.country,
  dpaSignedOn: r.dpa_signed_on,
  dpaDocument: r.dpa_document,
  transferBasis: r.transfer_basis as Processor['transferBasis'],
  subProcessors: JSON.parse(r.sub_processors_json) as string[],
  nextReviewOn: r.next_review_on,
  notes: r.notes,
  updatedAt: r.updated_at,
});

export const toActivity = (r: ActivityRow): Activity => ({
  id: r.id,
  clientId: r.client_id,
  activity: r.activity,
  purposes: r.purposes,
  legalBasis: r.legal_basis as Activity['legalBasis'],
  specialBasis: r.special_basis as Activity['specialBasis'],
  dataCategories: r.data_categories,
  subjectCategories: r.subject_categories,
  recipients: r.recipients,
  thirdCountryTransfers: r.third_country_transfers,
  retention: r.retention,
  tomReference: r.tom_reference,
  updatedAt: r.updated_at,
});

const MAX_TEXT = 20_000;

function text(value: unknown, field: string, what: string, required = false): string {
  if (typeof value !== 'string') throw new StoreError('invalid', `${what}: ${field} must be text`);
  const trimmed = value.trim();
  if (required && !trimmed) throw new StoreError('invalid', `${what}: ${field} is required`);
  if (trimmed.length > MAX_TEXT) throw new StoreError('invalid', `${what}: ${field} is longer than ${MAX_TEXT} characters`);
  return trimmed;
}

function date(value: unknown, field: string, what: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new StoreError('invalid', `${what}: ${field} must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, what: string, nullable: boolean): T | null {
  if (nullable && (value === null || value === undefined)) return null;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new StoreError('invalid', `${what}: ${field} must be one of ${allowed.join(', ')}${nullable ? ' or empty' : ''}, not ${JSON.stringify(value)}`);
}

export function cleanProcessor(input: ProcessorInput, what: string): ProcessorInput {
  const country = text(input.country, 'country', what).toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) throw new StoreError('invalid', `${what}: country must be a two-letter ISO code, not "${country}"`);
  const doc = input.dpaDocument;
  if (doc !== null && doc !== undefined && (typeof doc !== 'string' || !isSha256Hex(doc))) throw new StoreError('invalid', `${what}: the DPA document must be a SHA-256 of a stored document`);
  if (!Array.isArray(input.subProcessors)) throw new StoreError('invalid', `${what}: sub-processors must be a list`);
  return {
    name: text(input.name, 'name', what, true),
    service: text(input.service, 'service', what),
    role: oneOf(input.role, PROCESSOR_ROLES, 'role', what, false)!,
    country,
    dpaSignedOn: date(input.dpaSignedOn, 'DPA signed on', what),
    dpaDocument: doc ?? null,
    transferBasis: oneOf(input.transferBasis, TRANSFER_BASES, 'transfer basis', what, true),
    subProcessors: input.subProcessors.map((s) => text(s, 'sub-processor', what)).filter((s) => s.length > 0),
    nextReviewOn: date(input.nextReviewOn, 'next review', what),
    notes: text(input.notes, 'notes', what),
  };
}

export function cleanActivity(input: ActivityInput, what: string): ActivityInput {
  return {
    activity: text(input.activity, 'activity', what, true),
    purposes: text(input.purposes, 'purposes', what),
    legalBasis: oneOf(input.legalBasis, LEGAL_BASES, 'legal basis', what, true),
    specialBasis: oneOf(input.specialBasis, SPECIAL_BASES, 'special-category basis', what, true),
    dataCategories: text(input.dataCategories, 'data categories', what),
    subjectCategories: text(input.subjectCategories, 'data subjects', what),
    recipients: text(input.recipients, 'recipients', what),
    thirdCountryTransfers: text(input.thirdCountryTransfers, 'third-country transfers', what),
    retention: text(input.retention, 'retention', what),
    tomReference: text(input.tomReference, 'TOM reference', what),
  };
}
