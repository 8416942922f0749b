import { z } from 'zod';
import { SEVERITIES } from '../../shared/domain';

export const ITEM_ID = /^[a-z][a-z0-9-]*$/;
/** `area.name`; the area may contain hyphens because the contract has `privacy-policy.*` (CHECKLIST.md). */
export const CHECK_ID = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;
export const MESSAGE_CODE = /^[a-z][a-z0-9-]*$/;
/** 'Art. 32', 'Art. 5(1)(e)', 'Art. 6(1)', '§25 TDDDG', '§7 UWG'. */
export const GDPR_REF = /^(Art\. \d+(\(\d+\))?(\([a-z]\))?|§ ?\d+[a-z]? [A-ZÄÖÜ][A-Za-zÄÖÜäöüß-]*)$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
/** Codes every check may emit, so the checklist must carry a text for each. */
export const REQUIRED_COMMON_CODES = ['probe-error', 'not-automated'] as const;

const text = z.string().trim().min(1);

/** A text in every supported language; both are required and non-empty. */
export const localizedSchema = z.strictObject({ de: text, en: text });

/** Finding code → text with `{param}` placeholders. */
export const messagesSchema = z.record(z.string().regex(MESSAGE_CODE), localizedSchema);

export const checkSchema = z.strictObject({
  id: z.string().regex(CHECK_ID),
  title: localizedSchema,
  /** What the auditor looks at and attests when the check is not (or cannot be) automated. */
  manual: localizedSchema,
  messages: messagesSchema.default({}),
});

export const itemSchema = z.strictObject({
  id: z.string().regex(ITEM_ID),
  number: z.number().int().positive(),
  severity: z.enum(SEVERITIES),
  gdpr: z.array(z.string().regex(GDPR_REF)).min(1),
  title: localizedSchema,
  description: localizedSchema,
  advice: localizedSchema,
  checks: z.array(checkSchema).min(1),
});

const credit = z.number().min(0).max(1);

export const checklistSchema = z
  .strictObject({
    id: z.string().regex(ITEM_ID),
    version: z.string().regex(SEMVER),
    title: localizedSchema,
    severityWeights: z.record(z.enum(SEVERITIES), z.number().positive()),
    /** Credit per item verdict for the score; manual and not_applicable are never counted. */
    verdictCredit: z.strictObject({ pass: credit, warn: credit, fail: credit }),
    commonMessages: messagesSchema,
    items: z.array(itemSchema).min(1),
  })
  .superRefine((list, ctx) => {
    for (const code of REQUIRED_COMMON_CODES) {
      if (!list.commonMessages[code]) ctx.addIssue({ code: 'custom', path: ['commonMessages'], message: `missing message for the common code "${code}"` });
    }
    checkPlaceholders(list.commonMessages, ['commonMessages'], ctx);
    const itemIds = new Map<string, number>();
    const checkIds = new Map<string, string>();
    list.items.forEach((item, i) => {
      const seen = itemIds.get(item.id);
      if (seen !== undefined) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${item.id}" (first used by items[${seen}])` });
      else itemIds.set(item.id, i);
      if (item.number !== i + 1) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'number'], message: `item number must be ${i + 1} (items are numbered 1..n in order), got ${item.number}` });
      }
      item.checks.forEach((check, j) => {
        const where = `items[${i}].checks[${j}]`;
        const first = checkIds.get(check.id);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['items', i, 'checks', j, 'id'], message: `duplicate check id "${check.id}" (first used at ${first})` });
        else checkIds.set(check.id, where);
        checkPlaceholders(check.messages, ['items', i, 'checks', j, 'messages'], ctx);
      });
    });
  });

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** A translation that drops or invents a parameter is a data bug: de and en must use the same placeholders. */
function checkPlaceholders(messages: Record<string, { de: string; en: string }>, path: (string | number)[], ctx: z.RefinementCtx): void {
  for (const [code, text] of Object.entries(messages)) {
    const de = placeholdersOf(text.de).join(', ');
    const en = placeholdersOf(text.en).join(', ');
    if (de !== en) ctx.addIssue({ code: 'custom', path: [...path, code, 'en'], message: `placeholders differ between de {${de}} and en {${en}}` });
  }
}

export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistItem = Checklist['items'][number];
export type ChecklistCheck = ChecklistItem['checks'][number];
export type Messages = z.infer<typeof messagesSchema>;
